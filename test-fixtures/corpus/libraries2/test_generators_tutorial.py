# From CPython 3.13.0, Lib/test/test_generators.py: the `tutorial_tests` doctests, turned into a program (each example as written; an expression prints its repr as doctest shows it; examples about the garbage collector, frames or weakrefs left out).
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def _show(value):
    if value is not None:
        print(repr(value))

def f():
   yield 1
   yield 2
try:
    for i in f():
        print(i)
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    g = f()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    yield 1
    return
    yield 2 # never reached
try:
    g = f()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(g) # once stopped, can't be resumed
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def g1():
    try:
        return
    except:
        yield 1
try:
    _show(
    list(g1())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def g2():
    try:
        raise StopIteration
    except:
        yield 42
try:
    _show(
    print(list(g2()))
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def g3():
    try:
        return
    finally:
        yield 1
try:
    _show(
    list(g3())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def yrange(n):
    for i in range(n):
        yield i
try:
    _show(
    list(yrange(5))
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def creator():
    r = yrange(5)
    print("creator", next(r))
    return r
def caller():
    r = creator()
    for i in r:
            print("caller", i)
try:
    _show(
    caller()
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def zrange(n):
    for i in yrange(n):
        yield i
try:
    _show(
    list(zrange(5))
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
