# enum: members, aliases, lookup by value and name, iteration, reprs, auto, unique, Flag, the functional API, duplicate names; driven by a generator. Enums with copy, json, dataclasses (Decimal fields), lru_cache and match.
from enum import Enum, auto, unique, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, 2 in Color, list(reversed(Color)))
print(Color.RED.name, Color.RED.value, repr(Color), type(Color.RED), isinstance(Color.RED, Color))
print(Color.__members__)
print(f"{Color.RED}", f"{Color.RED:>12}|", hash(Color.RED) == hash('RED'))
try:
    Color(7)
except ValueError as e:
    print("VE", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AE", e)
class Shape(Enum):
    SQ = auto()
    CI = auto()
    def describe(self):
        return f"{self.name}={self.value}"
print([s.describe() for s in Shape])
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
RW = Perm.R | Perm.W
print(RW, repr(RW), list(RW), Perm.R in RW, ~Perm.R, Perm(0), bool(Perm(0)), len(RW))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal.__module__)
try:
    class E(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TE", e)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN)
print(sorted(Color, key=lambda c: c.value))
d = {Color.RED: 'r'}
print(d)
match Color.GREEN:
    case Color.RED: print("red")
    case Color.GREEN: print("green")
def cycle_colors(n):
    it = iter(Color)
    for _ in range(n):
        try:
            c = next(it)
        except StopIteration:
            it = iter(Color)
            c = next(it)
        yield c
print(list(cycle_colors(5)))
import copy, json, functools, dataclasses
from enum import Enum, auto
from decimal import Decimal
class Status(Enum):
    OK = auto()
    FAIL = auto()
print(copy.copy(Status.OK) is Status.OK, copy.deepcopy({Status.OK: [1]}), sorted(Status, key=lambda s: s.name))
try:
    json.dumps(Status.OK)
except TypeError as e:
    print(e)
print(json.dumps({"s": Status.OK.name, "v": Status.OK.value}))
@dataclasses.dataclass
class Job:
    status: Status = Status.OK
    cost: Decimal = Decimal('0.00')
j = Job()
print(j, dataclasses.asdict(j), dataclasses.replace(j, status=Status.FAIL))
@functools.lru_cache
def f(s):
    return s.value * 2
print(f(Status.FAIL), f(Status.FAIL), f.cache_info())
match Status.FAIL:
    case Status.OK:
        print("ok")
    case Status.FAIL as s:
        print("fail", s)
print(Status.OK in {Status.OK}, Status['FAIL'].value, Status(2), [s for s in Status if s is not Status.OK])
