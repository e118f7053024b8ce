# dataclasses: string and generic annotations, init=False fields, unhashable by eq, a custom __eq__ kept, frozen with __post_init__.
import dataclasses
from dataclasses import dataclass, field
@dataclass
class C:
    x: 'int'
    y: list[int] = field(default_factory=lambda: [1])
    z: int = field(init=False, default=9)
    w: int = field(init=False, default_factory=int)
c = C(1)
print(c, c.z, C.z, c.w, C.__match_args__)
try:
    hash(c)
except TypeError as e:
    print(e)
@dataclass
class E:
    a: int
    def __eq__(self, other):
        return 'custom'
print(E(1) == E(2), E.__hash__)
@dataclass(frozen=True)
class F:
    a: int
    def __post_init__(self):
        object.__setattr__(self, 'b', self.a * 2)
f = F(4)
print(f.b, f, f == F(4), F(4) in {f})
try:
    f.c = 1
except dataclasses.FrozenInstanceError as e:
    print(e)
print(dataclasses.fields(F)[0].name, dataclasses.fields(F)[0].type)
print(dataclasses.MISSING is dataclasses.MISSING)
