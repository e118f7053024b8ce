# dataclasses with inheritance: base fields first, a redefined field keeping its place, order/eq/frozen/hash over the merged fields, the frozen-inheritance TypeErrors, default ordering across bases, mixins, __post_init__. dataclasses.replace and copy.replace.
from dataclasses import dataclass, field, fields, asdict, astuple, FrozenInstanceError
@dataclass
class Base:
    x: int
    y: int = 0
@dataclass
class Derived(Base):
    z: int = 5
    x: int = 10
d = Derived(1, 2, 3)
print(d, Derived(), [f.name for f in fields(Derived)], asdict(d), astuple(d), d == Derived(1, 2, 3), Derived.__match_args__)
@dataclass(order=True)
class P:
    a: int
@dataclass(order=True)
class Q(P):
    b: str = "q"
print(Q(1) < Q(2), sorted([Q(3, "x"), Q(1, "y")]), Q(1) == P(1))
@dataclass(frozen=True)
class F:
    a: int
@dataclass(frozen=True)
class G(F):
    b: int = 2
g = G(1)
print(g, hash(g) == hash((1, 2)))
try:
    g.a = 5
except FrozenInstanceError as e:
    print("FIE", e)
try:
    @dataclass
    class H(F):
        c: int = 0
except TypeError as e:
    print("TE", e)
try:
    @dataclass(frozen=True)
    class I(Base):
        c: int = 0
except TypeError as e:
    print("TE", e)
try:
    @dataclass
    class J(Base):
        w: int
except TypeError as e:
    print("TE", e)
class Mixin:
    def hello(self):
        return f"hello {self.x}"
@dataclass
class K(Mixin, Base):
    k: list = field(default_factory=list)
k = K(7)
print(k, k.hello(), k.k)
@dataclass
class Post(Base):
    def __post_init__(self):
        self.total = self.x + self.y
print(Post(2, 3).total, Post(2, 3))
def gen_points(n):
    for i in range(n):
        yield Derived(i, i * i)
print(list(gen_points(3)))
import copy, dataclasses
@dataclasses.dataclass(frozen=True)
class P:
    x: int
    y: int = 0
    z: int = dataclasses.field(default=9, init=False)
p = P(1)
print(dataclasses.replace(p, y=5), copy.replace(p, x=3), P.__replace__)
for bad in [lambda: dataclasses.replace(P), lambda: dataclasses.replace(p, z=1)]:
    try: bad()
    except TypeError as e: print(e)
