# collections: namedtuple classes (fields, defaults, _make/_replace/_asdict, subclassing, errors), OrderedDict, ChainMap.
from collections import ChainMap, OrderedDict, namedtuple

Point = namedtuple('Point', 'x y', defaults=[5])
p = Point(1)
print(Point, p, Point(1, 2)._replace(x=3), Point._fields, Point._field_defaults, p._asdict(), Point._make([1, 2]))
print(Point.__doc__, Point.__module__, type(p), isinstance(p, tuple), len(p), p[0], p[-1], list(p), p.count(1), p.index(5))
print(p == (1, 5), hash(p) == hash((1, 5)), p + (7,), Point(*range(2)), Point(y=3, x=4), p.x, p.y, tuple(p))
x, y = p
print(x, y, namedtuple('A', 'x def _y x', rename=True)._fields, namedtuple('A', ['a', 'b'])(1, b=2), repr(namedtuple('E', '')()))


def track(points):
    for pt in points:
        yield pt._replace(y=pt.y * 10)


print(list(track([Point(1, 2), Point(3)])), sorted([Point(2, 1), Point(1, 9)]), max(Point(0, 1), Point(0, 2)))


class Vector(namedtuple('Vector', 'dx dy')):
    __slots__ = ()

    @property
    def norm1(self):
        return abs(self.dx) + abs(self.dy)

    def __str__(self):
        return f'<{self.dx}, {self.dy}>'


v = Vector(3, -4)
print(v, repr(v), v.norm1, str(v), Vector._make((1, 1)), isinstance(v, tuple), type(v).__mro__[1])
for call in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(z=1), lambda: Point(1, x=2), lambda: p._replace(z=3),
             lambda: Point._make([1]), lambda: namedtuple('1a', 'x'), lambda: namedtuple('A', 'x def'),
             lambda: namedtuple('A', 'x _y'), lambda: namedtuple('A', 'x x'), lambda: namedtuple('A', 'x', defaults=[1, 2]),
             lambda: namedtuple('Q', 'a b c')(), lambda: namedtuple('Q', 'a b')()):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
od.move_to_end('e', last=False)
print(od, list(od), od.popitem(), od.popitem(last=False), od.keys(), od.values(), od.items())
o1, o2 = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 != o2, o1 | {'c': 3}, OrderedDict(), type(o1 | o2), isinstance(o1, dict))
o1['z'] = 0
print(o1, o1.copy(), OrderedDict([('k', 1)]), list(reversed(o1)), o1.get('a'), o1.setdefault('n', 4), o1.pop('a'), o1)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)

defaults = {'color': 'red', 'user': 'guest'}
cli = {'user': 'ann'}
cm = ChainMap(cli, defaults)
print(cm['user'], cm['color'], len(cm), list(cm), dict(cm), 'color' in cm, cm.get('nope', 0), cm)
child = cm.new_child({'color': 'blue'})
child['size'] = 3
print(child['color'], child.parents, child.maps[0], list(child.items()), list(child.keys()), list(child.values()), child.keys())
del child['size']
print(child == {'color': 'blue', 'user': 'ann'}, cm | {'x': 1}, bool(ChainMap()), ChainMap({1: 2}).copy())
try:
    del cm['color']
except KeyError as e:
    print('KeyError', e)
