# A dataclass whose fields are annotated with a TypeVar and a generic alias of it.
from dataclasses import dataclass
from typing import TypeVar, List
T = TypeVar("T")
@dataclass
class Box:
    item: T
    items: List[T]
print(Box(1, [2]))
