# From CPython 3.13.0, Lib/test/test_generator_stop.py (PEP 479): its two tests' bodies, each printing what it asserts.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
from __future__ import generator_stop


def f():
    raise StopIteration
def g():
    yield f()
try:
    next(g())
except RuntimeError as exc:
    print('RuntimeError', exc)
    print(type(exc.__cause__) is StopIteration, type(exc.__context__) is StopIteration, exc.__suppress_context__)
else:
    print('no RuntimeError')


def h():
    yield 1
    return 'done'
gen = h()
print(next(gen))
try:
    next(gen)
except StopIteration as e:
    print('StopIteration', e.value)
def relay():
    for x in h():
        yield x
    raise StopIteration('explicit')
try:
    print(list(relay()))
except RuntimeError as exc:
    print('RuntimeError', exc, repr(exc.__cause__))
