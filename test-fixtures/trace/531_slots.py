# __slots__: member descriptors, no __dict__, unset slots, inheritance with and without slots.
class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x):
        self.x = x


p = Point(1)
print(p.x, Point.x, type(Point.x).__name__)
for action in ['p.z = 3', 'p.y', 'p.__dict__', 'del p.y']:
    try:
        exec_result = None
        if action == 'p.z = 3':
            p.z = 3
        elif action == 'p.y':
            p.y
        elif action == 'p.__dict__':
            p.__dict__
        else:
            del p.y
    except AttributeError as error:
        print(action, '->', error)
p.y = 2
print(p.x, p.y, hasattr(p, '__dict__'))


class Labeled(Point):
    pass


q = Labeled(5)
q.label = 'free'
print(q.label, q.x, vars(q))


class Tight(Point):
    __slots__ = ('z',)


t = Tight(0)
t.z = 9
print(t.x, t.z)
try:
    t.w = 1
except AttributeError as error:
    print(error)
try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as error:
    print(error)


def walk(points):
    for point in points:
        yield point.x


print(list(walk([Point(i) for i in range(3)])))
