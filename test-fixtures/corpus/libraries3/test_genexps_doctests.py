# From CPython 3.13.0, Lib/test/test_genexps.py: its `doctests` examples, each printing what the interactive prompt would (an exception as `Type: message`).
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
try:
    _value = (sum((i * i for i in range(100) if i & 1 == 1)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(((i, j) for i in range(3) for j in range(4))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(((i, j) for i in range(4) for j in range(i))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list((j * j for i in range(4) for j in [i + 1])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list((j * k for i in range(4) for j in [i + 1] for k in [j + 1])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list((j * k for i in range(4) for j, k in [(i + 1, i + 2)])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list((i * i for i in [*range(4)])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list((i * i for i in (*range(4),))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    i = 20
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (sum((i * i for i in range(100))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (i)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (i * i for i in range(4))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (type(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (i * i for i in range(3))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    def f(n):
        return (i * i for i in range(n))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(f(10)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    def f(n):
        return ((i, j) for i in range(3) for j in range(n))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(f(4)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    def f(n):
        return ((i, j) for i in range(3) for j in range(4) if j in range(n))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(f(4)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(f(2)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    exec(compile('def f(n):\n    return i*i for i in range(n)\n', "<doctest>", "single"))
except SyntaxError as _error:
    print(f"SyntaxError: {_error.msg}")
try:
    exec(compile('dict(a = i for i in range(10))\n', "<doctest>", "single"))
except SyntaxError as _error:
    print(f"SyntaxError: {_error.msg}")
try:
    _value = (dict(a=(i for i in range(10))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    x = 10
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (i * i for i in range(x))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    x = 5
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = ((i for i in 6))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    include = (2, 4, 6, 8)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (i * i for i in range(10) if i in include)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    include = (1, 3, 5, 7, 9)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = ((i, j) for i in range(3) for j in range(x))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    x = 4
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    tupleids = list(map(id, ((i, i) for i in range(10))))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (int(max(tupleids) - min(tupleids)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    exec(compile('(y for y in (1,2)) = 10\n', "<doctest>", "single"))
except SyntaxError as _error:
    print(f"SyntaxError: {_error.msg}")
try:
    exec(compile('(y for y in (1,2)) += 10\n', "<doctest>", "single"))
except SyntaxError as _error:
    print(f"SyntaxError: {_error.msg}")
try:
    yrange = lambda n: (i for i in range(n))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(yrange(10)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    def creator():
        r = yrange(5)
        print('creator', next(r))
        return r
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    def caller():
        r = creator()
        for i in r:
            print('caller', i)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (caller())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    def zrange(n):
        for i in yrange(n):
            yield i
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(zrange(5)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (next(me) for i in range(10))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    me = g
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(me))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (10 // i for i in (5, 0, 2))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(g))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list((None for i in range(10))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (i * i for i in range(3))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    expected = set(['gi_frame', 'gi_running'])
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (set((attr for attr in dir(g) if not attr.startswith('__'))) >= expected)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    from test.support import HAVE_DOCSTRINGS
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (print(g.__next__.__doc__ if HAVE_DOCSTRINGS else 'Implement next(self).'))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    import types
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (isinstance(g, types.GeneratorType))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (iter(g) is g)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (me.gi_running for i in (0, 1))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    me = g
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (me.gi_running)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (next(me))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (me.gi_running)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    import weakref
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    g = (i * i for i in range(4))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    wr = weakref.ref(g)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (wr() is g)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    p = weakref.proxy(g)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
try:
    _value = (list(p))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
