# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `drop` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.
import itertools

def drop(n, seq):
    """ The sequence following the first n elements

    >>> list(drop(2, [10, 20, 30, 40, 50]))
    [30, 40, 50]

    See Also:
        take
        tail
    """
    return itertools.islice(seq, n, None)

print("--- example 1")
try:
    _value = (list(drop(2, [10, 20, 30, 40, 50])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
