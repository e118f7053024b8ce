# throw() into a generator that never started: the exception is raised at once and the generator closes.
import inspect


def gen():
    try:
        yield 1
    except ValueError:
        print("never printed")
        yield 2


g = gen()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(g))
try:
    next(g)
except StopIteration:
    print("StopIteration after throw")
