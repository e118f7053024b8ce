# gi_yieldfrom is the iterator a generator currently delegates to, else None.
def inner():
    yield 1
    yield 2


def outer():
    yield 0
    yield from inner()
    yield 3


g = outer()
print(g.gi_yieldfrom)
print(next(g), g.gi_yieldfrom)
print(next(g), g.gi_yieldfrom.__name__, g.gi_yieldfrom.__qualname__)
print(next(g), type(g.gi_yieldfrom).__name__)
print(next(g), g.gi_yieldfrom)


def over_list():
    yield from [10, 20]


h = over_list()
next(h)
print(type(h.gi_yieldfrom).__name__)
