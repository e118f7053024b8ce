# `from itertools import *` binds the runtime's itertools names; code that uses them runs as in CPython.
from itertools import *


def windows(items, size):
    for start in count():
        chunk = tuple(islice(items, start, start + size))
        if len(chunk) < size:
            return
        yield chunk


print(list(windows([1, 2, 3, 4], 2)))
print(list(chain.from_iterable(repeat('ab', 2))), list(accumulate([1, 2, 3])))
print([list(group) for key, group in groupby('aabbbc')])
