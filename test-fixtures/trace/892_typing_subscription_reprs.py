# typing: subscripted aliases' reprs (None as NoneType, Optional for a union with None, Callable's parameter list, Tuple[()], Literal, the 3.13 defaults of Generator), Union flattening, equality, __origin__/__args__, TypeVar's repr, the types of typing's objects.
from typing import List, Dict, Set, FrozenSet, Tuple, Type, Iterable, Iterator, Generator, Sequence, Mapping, Optional, Union, Callable, ClassVar, Final, Literal, Any, AsyncGenerator, Deque, DefaultDict, Counter, TypeVar, MutableMapping
import collections
T = TypeVar('T')
class C: pass
items = [List[int], List[None], List[List[int]], List[list[int]], Dict[str, int], Set[C], FrozenSet[bytes], Tuple[int, ...], Tuple[()], Tuple[int, str],
         Type[C], Iterable[int], Iterator[str], Generator[int, None, None], Generator[int], Sequence[Any], Mapping[str, List[int]],
         Optional[int], Optional[List[int]], Union[int, str], Union[int, None], Union[None, int], Union[int, str, None], Union[int], Union[int, int],
         Callable[[int, str], bool], Callable[..., int], Callable[[], None], ClassVar[int], Final[int], Literal['a', 1], AsyncGenerator[int],
         Deque[int], DefaultDict[str, int], Counter[str], T, List[T], Dict[T, T], MutableMapping[str, int], Optional[Callable[..., int]], Union[List[int], Dict[str, int]]]
for x in items:
    print(repr(x))
print(List[int] == List[int], List[int] == list[int], Optional[int] == Union[int, None], Union[int, str] == Union[str, int], Dict[str, int] != Dict[int, str])
print(List[int].__origin__, List[int].__args__, Optional[int].__args__, Callable[[int], str].__args__)
from typing import List, Optional, Iterator, TypeVar
T = TypeVar('T')
print(type(List[int]).__name__, type(List).__name__, type(Optional[int]).__name__, type(T).__name__)
from typing import Iterator, Generator
def countdown(n: int) -> Generator[int, None, str]:
    while n:
        yield n
        n -= 1
    return "done"
print(countdown.__annotations__['return'], list(countdown(3)))
