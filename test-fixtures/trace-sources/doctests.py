"""Doctest examples in the docstrings of a module and of its generator functions.

>>> list(countdown(3))
[3, 2, 1]
>>> total = sum(countdown(4))
>>> total
10
"""
import itertools


def countdown(n):
    """Counts down from n to 1.

    >>> g = countdown(2)
    >>> next(g)
    2
    >>> next(g)
    1
    >>> next(g)
    Traceback (most recent call last):
      ...
    StopIteration
    >>> for value in countdown(2):
    ...     print(value * 10)
    20
    10
    >>> list(countdown(0)) # doctest: +SKIP
    []
    """
    while n > 0:
        yield n
        n -= 1


def averager():
    r"""A send-driven running average; the raw docstring keeps its backslashes.

    >>> avg = averager()
    >>> next(avg) is None
    True
    >>> avg.send(10)
    10.0
    >>> avg.send(20)
    15.0
    >>> print("a\\b")
    a\b
    >>> avg.send(None)
    Traceback (most recent call last):
    TypeError: unsupported operand type(s) for +=: 'float' and 'NoneType'
    >>> _
    15.0
    """
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


class Tree:
    """Nodes with a generator __iter__.

    >>> list(Tree(1, [Tree(2), Tree(3, [Tree(4)])]))
    [1, 2, 3, 4]
    """

    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        """Depth first.

        >>> [value for value in Tree(5, [Tree(6)])]
        [5, 6]
        >>> it = iter(Tree(7))
        >>> next(it), next(it, 'done')
        (7, 'done')
        """
        yield self.value
        for child in self.children:
            yield from child


def not_a_generator():
    """Not a trace source: only generator functions' docstrings are.

    >>> not_a_generator()
    1
    """
    return 1


def windows(items, size):
    """Sliding windows, with an example that fails as it ends.

    >>> list(windows([1, 2, 3], 2))
    [(1, 2), (2, 3)]
    >>> list(windows([1, 2], 0))
    Traceback (most recent call last):
    ValueError: size must be positive
    >>> undefined_name
    """
    if size <= 0:
        raise ValueError("size must be positive")
    window = tuple(itertools.islice(items, size))
    yield window
    for item in items[size:]:
        window = window[1:] + (item,)
        yield window


if __name__ == "__main__":
    print("the __main__ block does not run for a doctest")
