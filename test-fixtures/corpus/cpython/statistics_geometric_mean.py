# From CPython 3.13.0, Lib/statistics.py: `geometric_mean` and its doctest examples.
# Licence: PSF-2.0.
from math import exp
from math import fsum
from math import log
import math

class StatisticsError(ValueError):
    pass
def geometric_mean(data):
    """Convert data to floats and compute the geometric mean.

    Raises a StatisticsError if the input dataset is empty
    or if it contains a negative value.

    Returns zero if the product of inputs is zero.

    No special efforts are made to achieve exact results.
    (However, this may change in the future.)

    >>> round(geometric_mean([54, 24, 36]), 9)
    36.0
    """
    n = 0
    found_zero = False
    def count_positive(iterable):
        nonlocal n, found_zero
        for n, x in enumerate(iterable, start=1):
            if x > 0.0 or math.isnan(x):
                yield x
            elif x == 0.0:
                found_zero = True
            else:
                raise StatisticsError('No negative inputs allowed', x)
    total = fsum(map(log, count_positive(data)))
    if not n:
        raise StatisticsError('Must have a non-empty dataset')
    if math.isnan(total):
        return math.nan
    if found_zero:
        return math.nan if total == math.inf else 0.0
    return exp(total / n)

print("--- example 1")
try:
    _value = (round(geometric_mean([54, 24, 36]), 9))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
