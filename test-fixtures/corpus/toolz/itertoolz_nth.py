# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `nth` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.
from collections.abc import Sequence
import itertools

def nth(n, seq):
    """ The nth element in a sequence

    >>> nth(1, 'ABC')
    'B'
    """
    if isinstance(seq, (tuple, list, Sequence)):
        return seq[n]
    else:
        return next(itertools.islice(seq, n, None))

print("--- example 1")
try:
    _value = (nth(1, 'ABC'))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
