# enum: member __init__ with tuple values, _missing_, _generate_next_value_, nonmember/member, errors, inheritance of a memberless enum, Flag boundaries and aliases, functional API forms. dir() of members and classes (their own __dir__), and dir() of a class with __dir__ and of a scope.
from enum import Enum, Flag, auto, nonmember, member, EnumMeta, EnumType, STRICT, CONFORM, KEEP, EJECT
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH   = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), repr(Planet.EARTH))
class Ordinal(Enum):
    NORTH = 'n'
    SOUTH = 's'
    @classmethod
    def _missing_(cls, value):
        for m in cls:
            if m.value == value.lower():
                return m
        return None
print(Ordinal('N'), Ordinal('s'))
try: Ordinal('x')
except ValueError as e: print(e)
class AutoName(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    A = auto()
    B = auto()
print(list(AutoName), AutoName.A.value)
class Color(Enum):
    RED = 1
    GREEN = 2
    helper = nonmember(5)
    @member
    def fn(): return 1
print(list(Color), Color.helper)
try: Color['PURPLE']
except KeyError as e: print("KE", e)
try: Color.PURPLE
except AttributeError as e: print("AE", e)
try: Color.RED < Color.GREEN
except TypeError as e: print("TE", e)
print(type(Color) is EnumType, EnumMeta is EnumType, isinstance(Color, EnumMeta))
class Base(Enum):
    def hello(self): return "hi " + self.name
class Sub(Base):
    X = 1
print(Sub.X.hello(), issubclass(Sub, Base))
try:
    class Sub2(Sub):
        Y = 2
except TypeError as e: print("TE", e)
class P(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(P(7), P(3))
class Q(Flag):
    A = 1
    B = 2
try: Q(8)
except ValueError as e: print("VE", e)
class K(Flag, boundary=KEEP):
    A = 1
print(K(5), repr(K(5)))
class W(Flag):
    A = auto(); B = auto(); C = auto()
    AB = A | B
print(list(W), W.AB, W.A | W.B is W.AB, W(0), list(W.__members__))
print(W.A | W.C, ~W.AB, W.AB & W.A, W.A ^ W.AB)
print(Color.RED.RED if hasattr(Color.RED, 'RED') else 'none')
print(Color.__members__.keys(), Color.RED.__class__, Color.__name__)
for name, m in Color.__members__.items():
    print(name, m)
print(Color.RED._name_, Color.RED._value_, Color._member_names_)
s = {Color.RED, Color.GREEN}
print(len(s), Color.RED in s)
Shape = Enum('Shape', [('SQ', 4), ('TRI', 3)])
print(Shape.SQ, Shape(3), Shape.__qualname__)
E2 = Enum('E2', {'A': 'a'})
print(E2.A.value, list(E2))
from enum import Enum, Flag, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    def __str__(self):
        return "color:" + super().__str__()
    @classmethod
    def names(cls):
        return [m.name for m in cls]
print(Color.RED, Color.names(), Color.GREEN.__class__.__name__)
class Weekday(Flag):
    MONDAY = auto()
    TUESDAY = auto()
    WEEKEND = 0
print(list(Weekday), Weekday.MONDAY | Weekday.TUESDAY, Weekday(0), Weekday.WEEKEND)
def gen():
    for c in Color:
        yield c.value
print(list(gen()), {c: c.name for c in Color})
print(dir(Color.RED), dir(Color))
class W:
    def __dir__(self): return ["b", "a"]
print(dir(W()))
def f():
    z = 1; a = 2
    return dir()
print(f())
