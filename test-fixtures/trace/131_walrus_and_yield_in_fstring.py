# Assignment expressions in comprehensions bind in the generator's scope; a yield inside an f-string.
def gen():
    xs = [(y := x * 2) for x in range(3)]
    yield y
    print(any((z := n) > 2 for n in range(10)), z)
    yield f"{(yield 'inner')}!"


g = gen()
print(next(g))
print(next(g))
print(g.send("sent"))
