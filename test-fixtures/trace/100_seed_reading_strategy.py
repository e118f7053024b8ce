# Seed example: watch state and locals while stepping through a small generator.
import inspect


def gen():
    x = 1
    yield x
    x = 2
    yield x


g = gen()
print(inspect.getgeneratorstate(g))
print(next(g))
print(inspect.getgeneratorstate(g))
print(g.gi_frame.f_locals)
print(next(g))
print(inspect.getgeneratorstate(g))
print(g.gi_frame.f_locals)


def my_gen(x):
    print(f"Started with {x}")
    y = yield x * 2
    print(f"Received {y}")
    return y + 1


g = my_gen(5)
print(f"State: {inspect.getgeneratorstate(g)}")
result = next(g)
print(f"Yielded: {result}")
try:
    g.send(3)
except StopIteration as e:
    print(f"Returned: {e.value}")
print(f"State: {inspect.getgeneratorstate(g)}")
