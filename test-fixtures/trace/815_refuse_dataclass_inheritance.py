# dataclasses: a dataclass deriving from a dataclass is refused (the runtime does not merge the fields of bases).
from dataclasses import dataclass


@dataclass
class Base:
    x: int


@dataclass
class Child(Base):
    y: int = 0


print(Child(1, 2))
