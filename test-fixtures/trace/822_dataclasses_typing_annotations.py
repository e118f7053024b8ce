# dataclasses: fields annotated with typing aliases (List[int], Optional[str]).
from dataclasses import dataclass, field
from typing import List, Optional, ClassVar


@dataclass
class Order:
    items: List[int] = field(default_factory=list)
    note: Optional[str] = None
    total: int = 0


o = Order([1, 2])
print(o, o == Order([1, 2]), Order())
