# From CPython 3.13.0, Lib/test/test_generators.py: the `email_tests` doctests, turned into a program (each example as written; an expression prints its repr as doctest shows it; examples about the garbage collector, frames or weakrefs left out).
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def _show(value):
    if value is not None:
        print(repr(value))

def g():
    for i in range(3):
        yield None
    yield None
    return
try:
    _show(
    list(g())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def g():
    yield 1
    try:
        raise StopIteration
    except:
        yield 2
    yield 3
try:
    _show(
    list(g())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def gcomb(x, k):
    "Generate all combinations of k elements from list x."

    if k > len(x):
        return
    if k == 0:
        yield []
    else:
        first, rest = x[0], x[1:]
        # A combination does or doesn't contain first.
        # If it does, the remainder is a k-1 comb of rest.
        for c in gcomb(rest, k-1):
            c.insert(0, first)
            yield c
        # If it doesn't contain first, it's a k comb of rest.
        for c in gcomb(rest, k):
            yield c
try:
    seq = list(range(1, 5))
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    for k in range(len(seq) + 2):
        print("%d-combs of %s:" % (k, seq))
        for c in gcomb(seq, k):
            print("   ", c)
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def g():
    yield 1
try:
    _show(
    type(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    i = g()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    type(i)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    [s for s in dir(i) if not s.startswith('_')]
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    print(i.__next__.__doc__ if HAVE_DOCSTRINGS else 'Implement next(self).')
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    iter(i) is i
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
import types
try:
    _show(
    isinstance(i, types.GeneratorType)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    me = g()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(me)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
class disjointSet:
    def __init__(self, name):
        self.name = name
        self.parent = None
        self.generator = self.generate()

    def generate(self):
        while not self.parent:
            yield self
        for x in self.parent.generator:
            yield x

    def find(self):
        return next(self.generator)

    def union(self, parent):
        if self.parent:
            raise ValueError("Sorry, I'm not a root!")
        self.parent = parent

    def __str__(self):
        return self.name
try:
    names = "ABCDEFGHIJKLM"
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    sets = [disjointSet(name) for name in names]
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    roots = sets[:]
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
import random
try:
    gen = random.Random(42)
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    while 1:
        for s in sets:
            print(" %s->%s" % (s, s.find()), end='')
        print()
        if len(roots) > 1:
            s1 = gen.choice(roots)
            roots.remove(s1)
            s2 = gen.choice(roots)
            s1.union(s2)
            print("merged", s1, "into", s2)
        else:
            break
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
