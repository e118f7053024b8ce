# typing: a subscripted alias works in annotations, and its repr shows the arguments as CPython's does (it used to be refused).
from typing import List, Callable, Optional
def f(x: List[int], g: Callable[..., int]) -> Optional[str]:
    return None
print(f([1], len), List)
print(f"{List[int]}")
