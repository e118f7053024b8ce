# From CPython 3.13.0, Lib/test/test_generators.py: the `fun_tests` doctests, turned into a program (each example as written; an expression prints its repr as doctest shows it; examples about the garbage collector, frames or weakrefs left out).
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def _show(value):
    if value is not None:
        print(repr(value))

def firstn(g, n):
    return [next(g) for i in range(n)]
def intsfrom(i):
    while 1:
        yield i
        i += 1
try:
    _show(
    firstn(intsfrom(5), 7)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def exclude_multiples(n, ints):
    for i in ints:
        if i % n:
            yield i
try:
    _show(
    firstn(exclude_multiples(3, intsfrom(1)), 6)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def sieve(ints):
    prime = next(ints)
    yield prime
    not_divisible_by_prime = exclude_multiples(prime, ints)
    for p in sieve(not_divisible_by_prime):
        yield p
try:
    primes = sieve(intsfrom(2))
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    firstn(primes, 20)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def times(n, g):
    for i in g:
        yield n * i
try:
    _show(
    firstn(times(10, intsfrom(1)), 10)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def merge(g, h):
    ng = next(g)
    nh = next(h)
    while 1:
        if ng < nh:
            yield ng
            ng = next(g)
        elif ng > nh:
            yield nh
            nh = next(h)
        else:
            yield ng
            ng = next(g)
            nh = next(h)
def m235():
    yield 1
    me_times2 = times(2, m235())
    me_times3 = times(3, m235())
    me_times5 = times(5, m235())
    for i in merge(merge(me_times2,
                         me_times3),
                   me_times5):
        yield i
try:
    result = m235()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    for i in range(3):
        print(firstn(result, 15))
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
class LazyList:
    def __init__(self, g):
        self.sofar = []
        self.fetch = g.__next__

    def __getitem__(self, i):
        sofar, fetch = self.sofar, self.fetch
        while i >= len(sofar):
            sofar.append(fetch())
        return sofar[i]
def m235():
    yield 1
    # Gack:  m235 below actually refers to a LazyList.
    me_times2 = times(2, m235)
    me_times3 = times(3, m235)
    me_times5 = times(5, m235)
    for i in merge(merge(me_times2,
                         me_times3),
                   me_times5):
        yield i
try:
    m235 = LazyList(m235())
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    for i in range(5):
        print([m235[j] for j in range(15*i, 15*(i+1))])
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def fibgen(a, b):

    def sum(g, h):
        while 1:
            yield next(g) + next(h)

    def tail(g):
        next(g)    # throw first away
        for x in g:
            yield x

    yield a
    yield b
    for s in sum(iter(fib),
                 tail(iter(fib))):
        yield s
try:
    fib = LazyList(fibgen(1, 2))
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    firstn(iter(fib), 17)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
from itertools import tee
def m235():
    def _m235():
        yield 1
        for n in merge(times(2, m2),
                       merge(times(3, m3),
                             times(5, m5))):
            yield n
    m1 = _m235()
    m2, m3, m5, mRes = tee(m1, 4)
    return mRes
try:
    it = m235()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    for i in range(5):
        print(firstn(it, 15))
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def fib():

    def _isum(g, h):
        while 1:
            yield next(g) + next(h)

    def _fib():
        yield 1
        yield 2
        next(fibTail) # throw first away
        for res in _isum(fibHead, fibTail):
            yield res

    realfib = _fib()
    fibHead, fibTail, fibRes = tee(realfib, 3)
    return fibRes
try:
    _show(
    firstn(fib(), 17)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
