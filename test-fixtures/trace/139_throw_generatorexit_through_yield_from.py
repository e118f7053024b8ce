# throw(GeneratorExit) into a delegating generator closes the inner one and propagates.
import inspect


def g():
    yield from g2()


def g2():
    try:
        yield 1
    except GeneratorExit:
        print("g2 exit")
        raise
    finally:
        print("g2 finally")


x = g()
next(x)
try:
    x.throw(GeneratorExit)
except GeneratorExit as e:
    print("propagated", repr(e))
print(inspect.getgeneratorstate(x))
