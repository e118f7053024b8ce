# Containment, index/count/remove, container ==/!=, ordering of containers and dict/set lookups test
# identity before __eq__ (PyObject_RichCompareBool): a NaN, or an object whose __eq__ says False, is
# found as itself. A bare == still asks __eq__ (and a NaN is never == itself).
import collections
import itertools

x = float('nan')
y = float('nan')
print([0, x].index(x), x in [x], [x].count(x), x in (x,), (x,).index(x), (0, x).count(x))
print(x == x, x != x, [x] == [x], [x] != [x], (x,) == (x,), [x] == [y], (x,) != (y,))
print({'a': x} == {'a': x}, {'a': x} == {'a': y}, {'a': x} != {'a': x})
print(x in {x}, y in {x}, x in {x: 1}, y in {x: 1}, {x: 1}.get(x), {x: 1}.get(y))
print(len({x, x}), len({x, y}), len({x: 1, y: 2}), {x} == {x}, {x} == {y})
print([x] < [x], [x] <= [x], (1, x) < (1, x, 0), [x, 1] < [x, 2])
print(x in collections.deque([x]), collections.deque([x]).count(x))
l = [1, x, 2]
l.remove(x)
print(len(l))
print([k for k, _ in itertools.groupby([x, x, 1])].__len__())


class Never:
    def __eq__(self, other):
        print('  __eq__ called')
        return False

    __hash__ = object.__hash__


n = Never()
print('n in [n]:', n in [n])
print('[n] == [n]:', [n] == [n])
print('n == n:', n == n)
print('n != n:', n != n)
print('index:', [1, n].index(n), 'count:', [n, n].count(n))
print('dict:', n in {n: 1}, {n: 1}[n], 'set:', n in {n})
print('tuple eq:', (n,) == (n,))
print('other:', n in [Never()])
try:
    [Never()].index(n)
except ValueError as e:
    print('ValueError', e)
