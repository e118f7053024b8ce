# From more-itertools (github.com/more-itertools/more-itertools @ 2fe1b2eeb9d7), more_itertools/more.py: `partial_product` and its doctest examples.
# Licence: MIT, Copyright (c) 2012 Erik Rose.
from itertools import repeat
from math import prod

def partial_product(*iterables, repeat=1):
    """Yields tuples containing one item from each iterator, with subsequent
    tuples changing a single item at a time by advancing each iterator until it
    is exhausted. This sequence guarantees every value in each iterable is
    output at least once without generating all possible combinations.

    This may be useful, for example, when testing an expensive function.

        >>> list(partial_product('AB', 'C', 'DEF'))
        [('A', 'C', 'D'), ('B', 'C', 'D'), ('B', 'C', 'E'), ('B', 'C', 'F')]

    The *repeat* keyword argument specifies the number of repetitions
    of the iterables.  For example, ``partial_product('AB', repeat=3)`` is
    equivalent to ``partial_product('AB', 'AB', 'AB')``.
    """

    all_iterables = tuple(map(tuple, iterables)) * repeat
    iterators = tuple(map(iter, all_iterables))

    try:
        prod = [next(it) for it in iterators]
    except StopIteration:
        return
    yield tuple(prod)

    for i, it in enumerate(iterators):
        for prod[i] in it:
            yield tuple(prod)

print("--- example 1")
try:
    _value = (list(partial_product('AB', 'C', 'DEF')))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
