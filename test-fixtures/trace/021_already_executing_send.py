# Seed example: a generator that sends into itself, caught inside and outside.
import inspect


def bad_generator():
    try:
        yield gen.send(None)
    except ValueError as e:
        print("inside:", e)
        yield "recovered"


gen = bad_generator()
print(next(gen))
print(inspect.getgeneratorstate(gen))


def worse():
    yield gen2.throw(KeyError("k"))


gen2 = worse()
try:
    next(gen2)
except ValueError as e:
    print(type(e).__name__, e)
