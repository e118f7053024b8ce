# A lambda containing yield is a generator function; reading a local before assignment is UnboundLocalError.
f = lambda: (yield)
g = f()
print(next(g), g.__qualname__)
try:
    g.send(5)
except StopIteration as e:
    print("value", e.value)


def gen():
    print(x)
    x = 1
    yield x


try:
    next(gen())
except UnboundLocalError as e:
    print(type(e).__name__, e)
