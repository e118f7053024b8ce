# Generators with defaults, keyword-only arguments, *args and **kwargs.
def gen(a, b=2, *args, c, d=4, **kwargs):
    yield a
    yield b
    yield args
    yield c
    yield d
    yield sorted(kwargs.items())


print(list(gen(1, c=3)))
print(list(gen(1, 5, 6, 7, c=8, e=9, f=10)))
try:
    gen(1)
except TypeError as e:
    print(type(e).__name__, e)
make = lambda *xs: (x for x in xs)
print(list(make(1, 2)))
