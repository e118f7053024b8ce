# An exception raised by cleanup code propagates out of close().
import inspect


def gen():
    try:
        yield 1
    finally:
        raise RuntimeError("cleanup failed")


g = gen()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)
print(inspect.getgeneratorstate(g))
