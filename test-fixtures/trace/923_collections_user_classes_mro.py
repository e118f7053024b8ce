# UserDict, UserList, UserString and ChainMap derive from collections.abc's MutableMapping, MutableSequence and Sequence, as in CPython: their __mro__ and __bases__ name the ABCs (and not abc.ABC), the mixin methods come from the ABCs, and deque is registered as a MutableSequence. C.mro() of a class works (an AttributeError before).
from collections import UserDict, UserList, UserString, ChainMap, deque, OrderedDict, Counter
import abc
import collections.abc as cabc
for c in (UserDict, UserList, UserString, ChainMap):
    print(c.__mro__)
    print(c.__bases__, c.__base__)
print(isinstance(UserDict(), cabc.MutableMapping), issubclass(UserList, cabc.Sequence), isinstance(UserString('a'), cabc.MutableSequence))
print(issubclass(deque, cabc.MutableSequence), issubclass(OrderedDict, cabc.Mapping), issubclass(Counter, cabc.MutableMapping))
print(issubclass(cabc.Mapping, abc.ABC), isinstance(UserDict(), abc.ABC), cabc.Hashable.__bases__, cabc.Sequence.__mro__)
u = UserDict(a=1)
print(u.keys(), u.items(), u.values(), type(u.keys()).__module__, u.get('b', 2), u.pop('a'), u)
cm = ChainMap({'x': 1}, {'y': 2})
print(cm.keys(), list(cm.items()), cm == {'x': 1, 'y': 2}, cm.setdefault('z', 3), cm)
cm.update(w=0)
print(cm, UserDict.keys is cabc.Mapping.keys, ChainMap.update is cabc.MutableMapping.update)
l = UserList([3, 1, 2])
l.append(4)
l.extend([5])
print(l, l.index(1), l.count(2), list(reversed(l)), 2 in l, l.pop(), l)
s = UserString('hello')
print(s.index('l'), list(reversed(s))[:2], 'e' in s, s.count('l'), UserString.__iter__ is cabc.Sequence.__iter__)
print(sorted(k for k in ChainMap.__dict__ if not k.startswith('_')), UserDict.__abstractmethods__)
class A(abc.ABC):
    pass
print(A.__mro__, A.__bases__)
print(UserList.mro(), A.mro(), int.mro())
