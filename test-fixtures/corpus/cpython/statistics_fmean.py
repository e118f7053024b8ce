# From CPython 3.13.0, Lib/statistics.py: `fmean` and its doctest examples.
# Licence: PSF-2.0.
from itertools import count
from math import fsum
from math import sumprod

class StatisticsError(ValueError):
    pass
def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean.

    This runs faster than the mean() function and it always returns a float.
    If the input dataset is empty, it raises a StatisticsError.

    >>> fmean([3.5, 4.0, 5.25])
    4.25
    """
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            # Handle iterators that do not define __len__().
            n = 0
            def count(iterable):
                nonlocal n
                for n, x in enumerate(iterable, start=1):
                    yield x
            data = count(data)
        total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    try:
        num = sumprod(data, weights)
    except ValueError:
        raise StatisticsError('data and weights must be the same length')
    den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den

print("--- example 1")
try:
    _value = (fmean([3.5, 4.0, 5.25]))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
