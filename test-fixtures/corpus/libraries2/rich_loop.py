# From rich 13.7.1 (as vendored in pip 24.2, pip/_vendor/rich/_loop.py): `loop_first`, `loop_last`, `loop_first_last`, as written, with a driver.
# Licence: MIT, Copyright (c) 2020 Will McGugan.
from typing import Iterable, Tuple, TypeVar

T = TypeVar("T")


def loop_first(values: Iterable[T]) -> Iterable[Tuple[bool, T]]:
    """Iterate and generate a tuple with a flag for first value."""
    iter_values = iter(values)
    try:
        value = next(iter_values)
    except StopIteration:
        return
    yield True, value
    for value in iter_values:
        yield False, value


def loop_last(values: Iterable[T]) -> Iterable[Tuple[bool, T]]:
    """Iterate and generate a tuple with a flag for last value."""
    iter_values = iter(values)
    try:
        previous_value = next(iter_values)
    except StopIteration:
        return
    for value in iter_values:
        yield False, previous_value
        previous_value = value
    yield True, previous_value


def loop_first_last(values: Iterable[T]) -> Iterable[Tuple[bool, bool, T]]:
    """Iterate and generate a tuple with a flag for first and last value."""
    iter_values = iter(values)
    try:
        previous_value = next(iter_values)
    except StopIteration:
        return
    first = True
    for value in iter_values:
        yield first, False, previous_value
        first = False
        previous_value = value
    yield first, True, previous_value


for data in ([], [1], 'ab', range(4)):
    print(list(loop_first(data)), list(loop_last(data)), list(loop_first_last(data)))
for first, last, line in loop_first_last(['header', 'row 1', 'row 2', 'footer']):
    print(('┌' if first else '└' if last else '│'), line)
g = loop_last(iter([10, 20, 30]))
print(next(g), next(g), next(g), next(g, None))
