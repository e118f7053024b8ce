# A generator that yields while closing: close() raises RuntimeError.
import inspect


def bad():
    try:
        yield 1
    finally:
        yield 2


g = bad()
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(g))
try:
    next(g)
except GeneratorExit as e:
    # Resuming finishes the finally block, which re-raises the pending GeneratorExit to the caller.
    print(type(e).__name__, repr(e), inspect.getgeneratorstate(g))


def swallow():
    try:
        yield "tick"
    except GeneratorExit:
        print("ignoring GeneratorExit")
        yield "ignored"


s = swallow()
print(next(s))
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(s, "finished"), inspect.getgeneratorstate(s))
