# From CPython 3.13.0, Lib/_collections_abc.py: the `Sequence` mixin methods (`__iter__`, `__contains__`, `__reversed__`, `index`, `count`; as written, the ABC machinery left out), driven by a `__getitem__`/`__len__` class.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
class Sequence:
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        '''S.index(value, [start, [stop]]) -> integer -- return first index of value.
           Raises ValueError if the value is not present.

           Supporting start and stop arguments is optional, but
           recommended.
        '''
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)

        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        'S.count(value) -> integer -- return number of occurrences of value'
        return sum(1 for v in self if v is value or v == value)


class Squares(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

s = Squares(7)
print(list(s), list(reversed(s)))
print(16 in s, 17 in s, s.index(25), s.count(9))
print(s.index(4, 1), s.index(36, -3))
for args in ((5,), (0, 1), (49,)):
    try:
        print(s.index(*args))
    except ValueError as e:
        print('ValueError', repr(e))
it = iter(s)
print(next(it), next(it), list(it))
print(list(zip(s, reversed(s))))
