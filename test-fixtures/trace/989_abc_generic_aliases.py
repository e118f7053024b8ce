# The collections.abc ABCs subscripted as CPython 3.13 makes them: types.GenericAlias (Callable's own alias stays
# refused), in annotations of generator functions, and as a base class (PEP 560: the origin, __orig_bases__).
import collections.abc as c
from collections.abc import Iterator, Generator, Sequence, Mapping, AsyncIterator
print(c.Sequence[int], c.Iterator[str].__origin__, c.Generator[int, None, None], Mapping[str, int].__args__)
print(c.Sequence[int] == c.Sequence[int], c.Sequence[int] == Sequence[str], c.MutableMapping[str, list[int]], AsyncIterator[int])
def fib() -> Iterator[int]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
def take(n: int, it: Iterator[int]) -> Sequence[int]:
    return [next(it) for _ in range(n)]
print(take(8, fib()), fib.__annotations__, take.__annotations__['return'])
try:
    isinstance([], c.Sequence[int])
except TypeError as e:
    print('TypeError', e)
print(c.KeysView[str], c.ItemsView[str, int], c.Set[int], c.Collection[int].__parameters__, c.Sequence[int][()] if False else 0)
class MySeq(c.Sequence[int]):
    def __getitem__(self, i): return [1, 2][i]
    def __len__(self): return 2
print(list(MySeq()), MySeq.__orig_bases__ if hasattr(MySeq, '__orig_bases__') else None, MySeq.__mro__)
class Stack(list[int]):
    pass
print(Stack.__orig_bases__, Stack.__bases__, Stack([1, 2]))
