# From more-itertools (github.com/more-itertools/more-itertools @ 2fe1b2eeb9d7), more_itertools/recipes.py: `running_mean` and its doctest examples.
# Licence: MIT, Copyright (c) 2012 Erik Rose.
from collections import deque
from itertools import accumulate
from itertools import count
from operator import truediv

def _windowed_running_mean(iterator, n):
    window = deque()
    running_sum = 0
    for value in iterator:
        window.append(value)
        running_sum += value
        if len(window) > n:
            running_sum -= window.popleft()
        yield running_sum / len(window)
def running_mean(iterable, *, maxlen=None):
    """Cumulative mean of values seen so far or values in a sliding window.

    Set *maxlen* to a positive integer to specify the maximum size
    of the sliding window.  The default of *None* is equivalent to
    an unbounded window.

    For example:

        >>> list(running_mean([40, 30, 50, 46, 39, 44]))
        [40.0, 35.0, 40.0, 41.5, 41.0, 41.5]

        >>> list(running_mean([40, 30, 50, 46, 39, 44], maxlen=3))
        [40.0, 35.0, 40.0, 42.0, 45.0, 43.0]

    Supports numeric types such as int, float, complex, Decimal, and Fraction.

    No extra effort is made to reduce round-off errors for float inputs.
    So the results may be slightly different from `statistics.mean`.

    """

    iterator = iter(iterable)

    if maxlen is None:
        return map(truediv, accumulate(iterator), count(1))

    if maxlen <= 0:
        raise ValueError('Window size should be positive')

    return _windowed_running_mean(iterator, maxlen)

print("--- example 1")
try:
    _value = (list(running_mean([40, 30, 50, 46, 39, 44])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = (list(running_mean([40, 30, 50, 46, 39, 44], maxlen=3)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
