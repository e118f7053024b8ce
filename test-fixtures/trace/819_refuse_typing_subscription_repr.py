# typing: a subscripted alias works in annotations; its repr (CPython shows the arguments) is refused, the runtime keeping only the name.
from typing import List, Callable, Optional
def f(x: List[int], g: Callable[..., int]) -> Optional[str]:
    return None
print(f([1], len), List)
print(f"{List[int]}")
