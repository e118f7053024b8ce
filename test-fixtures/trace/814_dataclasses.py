# dataclasses: fields, defaults and default_factory, repr (recursive), eq, order, frozen, hash, __post_init__, asdict/astuple, the decoration errors.
from dataclasses import dataclass, field, fields, asdict, astuple, is_dataclass, FrozenInstanceError


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    note: str = field(default='', repr=False, compare=False)


p = Point(1, 2)
q = Point(1, y=2, note='other')
print(p, q, p == q, p != Point(2), Point(3).tags is not Point(3).tags)
print(Point.__match_args__, [f.name for f in fields(p)], asdict(p), astuple(q), is_dataclass(p), is_dataclass(3))
print(Point.__init__.__qualname__, Point.__hash__, Point.y, 'tags' in Point.__dict__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

    def __post_init__(self):
        print('post', self)


v1, v2 = Version(1, 2), Version(1, 10)
print(v1 < v2, v1 >= v2, sorted([v2, v1]), hash(v1) == hash((1, 2)), {v1: 'a'}[Version(1, 2)])
try:
    v1.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v1.minor
except AttributeError as e:
    print(e)
print(v1 < 3 if False else Version.__lt__(v1, 3))


@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)


n = Node('root')
n.children.append(n)
print(n)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class Bad3:
        a: int
except ValueError as e:
    print(e)


@dataclass(eq=False)
class Plain:
    a: int


print(Plain(1) == Plain(1), Plain.__hash__ is object.__hash__, Plain(5))


def gen():
    for i in range(3):
        yield Point(i, i * i)


print(list(gen()))
