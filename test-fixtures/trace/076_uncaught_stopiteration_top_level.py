# next() on an exhausted generator at top level: an uncaught StopIteration ends the snippet.
def gen():
    yield "only"
    return "the end"


g = gen()
print(next(g))
next(g)
print("never printed")
