# Operators on subclasses of list and dict: overriding __add__, __iadd__, __lt__, __or__ and __radd__ run, the
# builtin's own (list concatenation, ordering, dict |) apply otherwise and return plain lists and dicts;
# collections.abc sees them as MutableSequence / MutableMapping.
import collections.abc as cabc


class Vec(list):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))

    def __radd__(self, other):
        return Vec(b - a for a, b in zip(self, other))

    def __iadd__(self, other):
        print('iadd')
        self.extend(other)
        return self

    def __lt__(self, other):
        return sum(self) < sum(other)


class Plain(list):
    pass


v = Vec([1, 2])
print(v + [10, 20], type(v + [10, 20]), [10, 20] + v, v < [0, 5], v > [0, 0], sorted([Vec([5]), Vec([1, 1]), Vec([0])]))
v += [3]
print(v, type(v))
p = Plain([1, 2])
print(p + [3], type(p + [3]), [0] + p, type([0] + p), p * 2, type(p * 2), 2 * p, p < [1, 3], p >= [1, 2], p == Plain([1, 2]))
p += [3]
p *= 2
print(p, type(p), max(Plain([[1], [2]])), isinstance(p, cabc.MutableSequence), isinstance(p, cabc.Hashable))


class Merge(dict):
    def __or__(self, other):
        print('or')
        return Merge({**self, **other, 'merged': True})


class D(dict):
    pass


m = Merge(a=1)
d = D(b=2)
print(m | {'c': 3}, type(m | {}), d | {'c': 3}, type(d | {}), {'z': 0} | d, type({} | d))
d |= {'e': 5}
print(d, type(d), isinstance(d, cabc.MutableMapping), isinstance(d, cabc.Hashable), d == D(b=2, e=5))
try:
    d < d
except TypeError as e:
    print('TypeError', e)
try:
    p + (1,)
except TypeError as e:
    print('TypeError', e)


def gen():
    acc = Plain()
    for i in range(3):
        acc = acc + [i]
        yield type(acc).__name__, acc


print(list(gen()))
