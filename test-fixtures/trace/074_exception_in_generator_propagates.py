# An exception raised in a generator propagates to the caller and closes the generator.
import inspect


def gen():
    yield 1
    1 / 0
    yield 2


g = gen()
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(g))
print(next(g, "exhausted"))
