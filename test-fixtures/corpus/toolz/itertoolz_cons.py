# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `cons` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.
import itertools

def cons(el, seq):
    """ Add el to beginning of (possibly infinite) sequence seq.

    >>> list(cons(1, [2, 3]))
    [1, 2, 3]
    """
    return itertools.chain([el], seq)

print("--- example 1")
try:
    _value = (list(cons(1, [2, 3])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
