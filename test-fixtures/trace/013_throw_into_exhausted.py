# throw() into an exhausted generator re-raises the thrown exception unchanged.
def gen():
    yield 1


g = gen()
print(list(g))
try:
    g.throw(KeyError("missing"))
except KeyError as e:
    print(type(e).__name__, e)
try:
    g.throw(StopIteration)
except StopIteration as e:
    print(type(e).__name__, repr(e))
