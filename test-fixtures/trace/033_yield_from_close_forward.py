# close() on the outer generator closes the inner first; both finally blocks run, inner first.
import inspect


def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    finally:
        print("outer finally")


g = outer()
print(next(g))
i = g.gi_yieldfrom
g.close()
print(inspect.getgeneratorstate(g), inspect.getgeneratorstate(i))
