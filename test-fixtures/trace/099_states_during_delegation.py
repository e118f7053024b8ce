# States of the outer and inner generators while delegating, seen from inside and outside.
import inspect


def inner():
    print("inner sees outer", inspect.getgeneratorstate(outer_gen))
    print("inner sees inner", inspect.getgeneratorstate(inner_gen))
    yield 1


def outer():
    global inner_gen
    inner_gen = inner()
    yield from inner_gen
    yield 2


outer_gen = outer()
print(next(outer_gen))
print(inspect.getgeneratorstate(outer_gen), inspect.getgeneratorstate(inner_gen))
print(outer_gen.gi_yieldfrom is inner_gen, outer_gen.gi_running, inner_gen.gi_running)
print(next(outer_gen))
print(inspect.getgeneratorstate(inner_gen), outer_gen.gi_yieldfrom)
