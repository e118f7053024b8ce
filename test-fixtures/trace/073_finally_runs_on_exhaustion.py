# finally runs when the generator is exhausted, before StopIteration reaches the caller.
def gen():
    try:
        yield 1
    finally:
        print("finally before StopIteration")
    print("after try")


g = gen()
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration caught")
