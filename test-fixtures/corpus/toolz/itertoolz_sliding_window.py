# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `sliding_window` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.
import collections
import itertools

def sliding_window(n, seq):
    """ A sequence of overlapping subsequences

    >>> list(sliding_window(2, [1, 2, 3, 4]))
    [(1, 2), (2, 3), (3, 4)]

    This function creates a sliding window suitable for transformations like
    sliding means / smoothing

    >>> mean = lambda seq: float(sum(seq)) / len(seq)
    >>> list(map(mean, sliding_window(2, [1, 2, 3, 4])))
    [1.5, 2.5, 3.5]
    """
    return zip(*(collections.deque(itertools.islice(it, i), 0) or it
               for i, it in enumerate(itertools.tee(seq, n))))

print("--- example 1")
try:
    _value = (list(sliding_window(2, [1, 2, 3, 4])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    mean = lambda seq: float(sum(seq)) / len(seq)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 3")
try:
    _value = (list(map(mean, sliding_window(2, [1, 2, 3, 4]))))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
