# close() on a suspended generator raises GeneratorExit at the yield; finally runs.
import inspect


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = gen()
print(next(g))
print(g.close())
print(inspect.getgeneratorstate(g))
print(g.close())
