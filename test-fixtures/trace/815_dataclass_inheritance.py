# dataclasses: a dataclass deriving from a dataclass gets the fields of its base first (it used to be refused).
from dataclasses import dataclass


@dataclass
class Base:
    x: int


@dataclass
class Child(Base):
    y: int = 0


print(Child(1, 2))
