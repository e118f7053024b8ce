# From more-itertools (github.com/more-itertools/more-itertools @ 2fe1b2eeb9d7), more_itertools/recipes.py: `take` and its doctest examples.
# Licence: MIT, Copyright (c) 2012 Erik Rose.
from itertools import islice

def take(n, iterable):
    """Return first *n* items of the *iterable* as a list.

        >>> take(3, range(10))
        [0, 1, 2]

    If there are fewer than *n* items in the iterable, all of them are
    returned.

        >>> take(10, range(3))
        [0, 1, 2]

    """
    return list(islice(iterable, n))

print("--- example 1")
try:
    _value = (take(3, range(10)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = (take(10, range(3)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
