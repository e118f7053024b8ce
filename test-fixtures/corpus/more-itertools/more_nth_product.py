# From more-itertools (github.com/more-itertools/more-itertools @ 2fe1b2eeb9d7), more_itertools/more.py: `nth_product` and its doctest examples.
# Licence: MIT, Copyright (c) 2012 Erik Rose.
from itertools import repeat
from math import prod

def nth_product(index, *iterables, repeat=1):
    """Equivalent to ``list(product(*iterables, repeat=repeat))[index]``.

    The products of *iterables* can be ordered lexicographically.
    :func:`nth_product` computes the product at sort position *index* without
    computing the previous products.

        >>> nth_product(8, range(2), range(2), range(2), range(2))
        (1, 0, 0, 0)

    The *repeat* keyword argument specifies the number of repetitions
    of the iterables.  The above example is equivalent to::

        >>> nth_product(8, range(2), repeat=4)
        (1, 0, 0, 0)

    ``IndexError`` will be raised if the given *index* is invalid.
    """
    pools = tuple(map(tuple, reversed(iterables))) * repeat
    ns = tuple(map(len, pools))

    c = prod(ns)

    if index < 0:
        index += c
    if not 0 <= index < c:
        raise IndexError

    result = []
    for pool, n in zip(pools, ns):
        result.append(pool[index % n])
        index //= n

    return tuple(reversed(result))

print("--- example 1")
try:
    _value = (nth_product(8, range(2), range(2), range(2), range(2)))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = (nth_product(8, range(2), repeat=4))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
