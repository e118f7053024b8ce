# The four states, including GEN_RUNNING observed from inside the generator.
import inspect


def gen():
    print("inside:", inspect.getgeneratorstate(g))
    yield 1


g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
try:
    next(g)
except StopIteration:
    pass
print(inspect.getgeneratorstate(g))
