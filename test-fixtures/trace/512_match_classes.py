# match: class patterns with __match_args__, keywords, built-in self-matching types, dataclass-like classes,
# and the TypeErrors CPython raises for bad class patterns.
class Point:
    __match_args__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Circle:
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


def where(shapes):
    for shape in shapes:
        match shape:
            case Point(0, 0):
                yield 'origin'
            case Point(x, 0) | Point(0, x):
                yield f'on an axis at {x}'
            case Point(x=x, y=y) if x == y:
                yield f'diagonal {x}'
            case Point():
                yield 'somewhere'
            case Circle(center=Point(x=cx), radius=r):
                yield f'circle at x={cx} r={r}'
            case list([int(), *_]) | tuple((int(), *_)):
                yield 'starts with an int'
            case dict({'k': v}):
                yield f'dict with k={v}'
            case _:
                yield 'unknown'


print(list(where([Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 2), Circle(Point(5, 6), 1), [1, 'a'], (2,), {'k': 9}, 'x'])))


class Bad:
    __match_args__ = ['x']


def attempt(subject, which):
    try:
        match subject:
            case Point(1, 2, 3) if which == 0:
                pass
            case Bad(1) if which == 1:
                pass
            case len() if which == 2:
                pass
            case Point(1, x=2) if which == 3:
                pass
            case Circle(1) if which == 4:
                pass
    except TypeError as error:
        print(type(error).__name__, error)


for which, subject in enumerate([Point(1, 2), Bad(), Point(1, 2), Point(1, 2), Circle(0, 1)]):
    attempt(subject, which)
