# reprlib.repr and reprlib.Repr, CPython 3.13's Lib/reprlib.py run by the runtime: limits per type, nesting,
# the middle of long strs and ints elided, sets and dicts sorted where they can be, indent, and a repr that fails.
import reprlib
from collections import deque
class C:
    def __repr__(self): raise ValueError
r = reprlib.Repr(maxlist=3, maxstring=10)
print(reprlib.repr(list(range(100))), reprlib.repr('a' * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset('abcdefgh')), reprlib.repr(deque(range(10))), reprlib.repr(10 ** 50))
print(r.repr([1, [2, [3, [4]]], 'abcdefghijklmnop']), reprlib.repr((1,)), reprlib.repr(((((((((1,),),),),),),),)))
print(reprlib.Repr(indent=2).repr([1, [2, 3]]), reprlib.repr({'b': 1, 2: 'a'}))
def words(text):
    for w in text.split():
        yield w
print(reprlib.repr(list(words('the quick brown fox jumps over the lazy dog again'))))
print(repr(reprlib.repr(C()))[:5])
