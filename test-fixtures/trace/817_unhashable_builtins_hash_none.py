# The mutable built-ins (list, dict, set, bytearray) have __hash__ None, as in CPython; a subclass inherits it.
print(list.__hash__ is None, dict.__hash__, set.__hash__ is None, bytearray.__hash__ is None, frozenset.__hash__ is None, tuple.__hash__ is None)
print([].__hash__ is None)
try:
    hash([])
except TypeError as e:
    print(e)
class L(list):
    pass
print(L.__hash__ is None)
import collections.abc as c
print(isinstance([], c.Hashable), isinstance((), c.Hashable))
print(hash(bytearray(b"a")) if False else 0)
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
print(bytearray(b"ab").__hash__)
