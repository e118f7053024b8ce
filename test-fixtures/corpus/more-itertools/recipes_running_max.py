# From more-itertools (github.com/more-itertools/more-itertools @ 2fe1b2eeb9d7), more_itertools/recipes.py: `running_max` and its doctest examples.
# Licence: MIT, Copyright (c) 2012 Erik Rose.
from collections import deque
from itertools import accumulate

def _windowed_running_max(iterator, maxlen):
    # Monotonically decreasing subsequence of potential maximums,
    # ordered by arrival time, with the window maximum at s[0]
    # and the newest value at s[-1].
    s = deque()

    for index, value in enumerate(iterator):
        if s and s[0][0] == index - maxlen:
            s.popleft()
        while s and value > s[-1][1]:
            s.pop()
        s.append((index, value))
        yield s[0][1]
def running_max(iterable, *, maxlen=None):
    """Largest of values seen so far or values in a sliding window.

    Set *maxlen* to a positive integer to specify the maximum size
    of the sliding window.  The default of *None* is equivalent to
    an unbounded window.

    For example:

        >>> list(running_max([4, 3, 7, 0, 8, 1, 6, 2, 9, 5]))
        [4, 4, 7, 7, 8, 8, 8, 8, 9, 9]

        >>> list(running_max([4, 3, 7, 0, 8, 1, 6, 2, 9, 5], maxlen=3))
        [4, 4, 7, 7, 8, 8, 8, 6, 9, 9]

    Supports numeric types such as int, float, Decimal, and Fraction,
    but not complex numbers which are unorderable.
    """

    iterator = iter(iterable)

    if maxlen is None:
        return accumulate(iterator, func=max)

    if maxlen <= 0:
        raise ValueError('Window size should be positive')

    return _windowed_running_max(iterator, maxlen)

print("--- example 1")
try:
    _value = (list(running_max([4, 3, 7, 0, 8, 1, 6, 2, 9, 5])))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = (list(running_max([4, 3, 7, 0, 8, 1, 6, 2, 9, 5], maxlen=3)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
