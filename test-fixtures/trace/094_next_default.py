# next() with a default never raises StopIteration for an exhausted iterator.
def gen():
    yield "a"
    return "ret"


g = gen()
print(next(g, "default"))
print(next(g, "default"))
print(next(g, None))
print(next(iter([]), "empty list"))
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
