# operator: the operators as functions, in-place forms, itemgetter/attrgetter/methodcaller with generators.
import operator
from functools import reduce


def numbers():
    yield from (3, 1, 4, 1, 5)


print(reduce(operator.add, numbers()), reduce(operator.mul, numbers()), list(map(operator.neg, numbers())))
print(operator.sub(7, 2), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10))
print(operator.lshift(1, 5), operator.rshift(64, 2), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq('a', 'a'), operator.ne(1, 1), operator.gt(3, 2), operator.ge(1, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.pos(-3), operator.inv(5), operator.invert(0), operator.abs(-2.5))
print(operator.index(7), operator.concat([1], [2]), operator.contains('abc', 'b'), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
xs = [1, 2, 3]
print(operator.iadd(xs, [4]), xs, operator.iconcat(xs, [5]), operator.imul([0], 3), operator.isub(5, 2), operator.ior({1}, {2}))
d = {'a': 1}
operator.setitem(d, 'b', 2)
operator.delitem(d, 'a')
print(d, operator.getitem(d, 'b'), operator.getitem('hello', slice(1, 3)), operator.length_hint([1, 2]), operator.length_hint(numbers(), 7))
print(operator.call(max, 3, 9, key=lambda v: -v), operator.__add__ is operator.add, operator.__lt__(1, 2))

records = [('bob', 'B', 30), ('alice', 'A', 25), ('carol', 'C', 35)]
print(sorted(records, key=operator.itemgetter(2)), list(map(operator.itemgetter(0, 2), records)))
getter = operator.itemgetter(1)
print(getter, operator.itemgetter('a', 'b')({'a': 1, 'b': 2}), operator.itemgetter(slice(2))('abcdef'))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.child = self if x == 0 else None

    def scaled(self, k, offset=0):
        return (self.x * k + offset, self.y * k + offset)


pts = [Point(2, 1), Point(0, 5)]
print([operator.attrgetter('x')(p) for p in pts], operator.attrgetter('x', 'y')(pts[0]), operator.attrgetter('child.y')(pts[1]))
print(operator.attrgetter('x', 'child.x'), operator.methodcaller('scaled', 2, offset=1), [operator.methodcaller('scaled', 3)(p) for p in pts])
print(list(map(operator.methodcaller('upper'), (w for w in ['a', 'b']))))
for call in (lambda: operator.add(1), lambda: operator.index(1.5), lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 2),
             lambda: operator.itemgetter(), lambda: operator.attrgetter(1), lambda: operator.methodcaller(),
             lambda: operator.attrgetter('z')(pts[0]), lambda: operator.itemgetter(5)([1]), lambda: operator.neg('x'),
             lambda: operator.not_(), lambda: getter(1, 2)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
