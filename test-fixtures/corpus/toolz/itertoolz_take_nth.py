# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `take_nth` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.
import itertools

def take_nth(n, seq):
    """ Every nth item in seq

    >>> list(take_nth(2, [10, 20, 30, 40, 50]))
    [10, 30, 50]
    """
    return itertools.islice(seq, 0, None, n)

print("--- example 1")
try:
    _value = (list(take_nth(2, [10, 20, 30, 40, 50])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
