# From CPython 3.13.0, Lib/test/test_generators.py: the `coroutine_tests` doctests, turned into a program (each example as written; an expression prints its repr as doctest shows it; examples about the garbage collector, frames or weakrefs left out).
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def _show(value):
    if value is not None:
        print(repr(value))

def f():
    print((yield 1))
    yield 2
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
    g.send(42)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    f().send("foo")
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(): yield
try:
    _show(
    list(f())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(): list(i for i in [(yield 26)])
try:
    _show(
    type(f())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def coroutine(seq):
    count = 0
    while count < 200:
        count += yield
        seq.append(count)
try:
    seq = []
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    c = coroutine(seq)
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(c)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    print(seq)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    c.send(10)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    print(seq)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    c.send(10)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    print(seq)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    c.send(10)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    print(seq)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    while True:
        try:
            print((yield))
        except ValueError as v:
            print("caught ValueError (%s)" % (v))
import sys
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
    g.throw(ValueError) # type only
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError("xyz"))  # value only
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError, ValueError(1))   # value+matching type
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError, TypeError(1))  # mismatched type, rewrapped
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError, ValueError(1), None)   # explicit None traceback
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError(1), "foo")       # bad args
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError, "foo", 23)      # bad args
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw("abc")
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(0)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(list)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    throw(g,ValueError) # do it with traceback included
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.send(1)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    throw(g,TypeError)  # terminate the generator
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.send(2)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.throw(ValueError,6)       # throw on closed generator
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    f().throw(ValueError,7)     # throw on just-opened generator
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    try:
        yield
    except:
        raise
try:
    g = f()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    try:
        1/0
    except ZeroDivisionError as v:
        try:
            g.throw(v)
        except Exception as w:
            tb = w.__traceback__
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    levels = 0
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    while tb:
        levels += 1
        tb = tb.tb_next
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    levels
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    try: yield
    except GeneratorExit:
        print("exiting")
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
    g.close()
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.close()  # should be no-op now
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    f().close()  # close on just-opened generator should be fine
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(): yield      # an even simpler generator
try:
    _show(
    f().close()         # close before opening
    )
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
    g.close()           # close normally
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    try: yield
    finally:
        print("exiting")
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
def f():
    try: yield
    except Exception:
        print('except')
    finally:
        print('finally')
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
def f():
    try: yield
    except GeneratorExit:
        yield "foo!"
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
    g.close()
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.close()
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    with support.catch_unraisable_exception() as cm:
        g = f()
        next(g)
        del g

        cm.unraisable.exc_type == RuntimeError
        "generator ignored GeneratorExit" in str(cm.unraisable.exc_value)
        cm.unraisable.exc_traceback is not None
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    try: yield
    except GeneratorExit:
        raise TypeError("fie!")
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
    g.close()
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(): x += yield
try:
    _show(
    type(f())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(): x = yield
try:
    _show(
    type(f())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(): lambda x=(yield): 1
try:
    _show(
    type(f())
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f(d): d[(yield "a")] = d[(yield "b")] = 27
try:
    data = [1,2]
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    g = f(data)
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    type(g)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.send(None)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    data
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    g.send(0)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    data
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    try: g.send(1)
    except StopIteration: pass
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    data
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
