# collections: UserDict, UserList, UserString (subclassed, their operators, copies, the ABCs they register with), ChainMap as a Mapping; str % UserString formats with str's own %.
from collections import UserDict, UserList, UserString, ChainMap
from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence
import copy
class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
d = LowerDict({'A': 1}, B=2)
d['C'] = 3
print(d, repr(d), len(d), 'a' in d, d.get('z', 0), list(d), d.keys(), list(d.items()), d == {'a': 1, 'b': 2, 'c': 3})
print(d.pop('a'), d.setdefault('q', 9), d, d | {'x': 1}, {'y': 2} | d, type(d | {}).__name__)
d.update([('K', 1)]); print(d, d.copy(), type(d.copy()).__name__, copy.copy(d))
try: d['nope']
except KeyError as e: print("KE", e)
class Missing(UserDict):
    def __missing__(self, key): return key * 2
print(Missing()['ab'], isinstance(d, Mapping), isinstance(d, MutableMapping), isinstance(ChainMap(), Mapping))
print(UserDict.fromkeys('ab', 0))
class Stack(UserList):
    def push(self, x): self.append(x)
s = Stack([3, 1, 2])
s.push(5); s.sort(); print(s, s[1:], type(s[1:]).__name__, s + [9], [0] + s, s * 2, len(s), 5 in s, s.index(5), s.count(1))
s.reverse(); s.extend((7, 8)); s.insert(0, -1); print(s, s.pop(), s.pop(0), s, s == [5, 3, 2, 1, 7], s < [6], reversed(s).__class__.__name__, list(reversed(s)))
s += [4]; del s[0]; print(s, s.copy(), isinstance(s, MutableSequence), sorted(s), max(s))
u = UserString("Hello World")
print(u, repr(u), u.upper(), u.split(), u[1:4], type(u[1:4]).__name__, len(u), 'World' in u, u + "!", "<" + u, u * 2, u.replace('o', '0'), u.find('o'), u.count('l'))
print(u == "Hello World", u < "I", hash(u) == hash("Hello World"), u.startswith("He"), u.center(15, '*'), u.join(['a', 'b']), u.lower().title(), "%s!" % u, u % () if '%' in u else 'nopct', f"{u:>13}")
print(isinstance(u, Sequence), u.isalpha(), UserString(5), int(UserString("12")), float(UserString("1.5")), list(UserString("ab")))
print("%s!" % u)
print(u % ())
try: print(f"{u:>13}")
except TypeError as e: print(e)
print(f"{u}")
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print([type(c).__name__ + repr(c) for c in chunks(UserList(range(5)), 2)])
print(list(chunks(UserString("abcde"), 2)))
