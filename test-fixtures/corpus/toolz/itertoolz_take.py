# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `take` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.
import itertools

def take(n, seq):
    """ The first n elements of a sequence

    >>> list(take(2, [10, 20, 30, 40, 50]))
    [10, 20]

    See Also:
        drop
        tail
    """
    return itertools.islice(seq, n)

print("--- example 1")
try:
    _value = (list(take(2, [10, 20, 30, 40, 50])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
