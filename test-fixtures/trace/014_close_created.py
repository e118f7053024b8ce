# close() on a created generator: the body never runs, the state becomes GEN_CLOSED.
import inspect


def gen():
    print("body runs")
    try:
        yield 1
    finally:
        print("finally")


g = gen()
print(inspect.getgeneratorstate(g))
print(g.close())
print(inspect.getgeneratorstate(g))
print(g.gi_frame)
try:
    next(g)
except StopIteration:
    print("StopIteration")
