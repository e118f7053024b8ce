# any() and all() stop consuming at the deciding item; the generator resumes from there.
def noisy():
    for i in range(6):
        print("yielding", i)
        yield i


g = noisy()
print(any(x > 1 for x in g))
print(next(g))
print(all(x < 4 for x in g))
print(list(g))
