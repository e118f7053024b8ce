# Priming rule: send(non-None) to a just-started generator is a TypeError and leaves it unstarted.
import inspect


def gen():
    print("started")
    x = yield "ready"
    yield x


g = gen()
try:
    g.send(42)
except TypeError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(g))
print(g.send(None))
print(g.send(42))
