# collections' Mapping checks accept every collections.abc.Mapping (a UserDict, a user's Mapping subclass), as CPython's
# do: ChainMap's | and ==, Counter.update/subtract; and collections.abc is _collections_abc, os.path is posixpath
# (one module object for one registry entry; two copies held two different Mapping classes).
import collections.abc, _collections_abc, os.path, posixpath
print(collections.abc is _collections_abc, collections.abc.__name__, os.path is posixpath)
from collections import ChainMap, UserDict, Counter
from collections.abc import Mapping
class M(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
print(ChainMap({1: 2}) | UserDict({3: 4}), ChainMap({1: 2}) | M({5: 6}))
print(ChainMap({1: 2}) == UserDict({1: 2}), ChainMap({1: 2}) == M({1: 2}))
c = Counter(); c.update(UserDict({'a': 2})); print(c)
c = Counter(x=1); c.update(M({'b': 3, 'x': 1})); print(c)
c = Counter(a=5); c.subtract(M({'a': 2})); print(c)
cm = ChainMap({}); cm.update(M({'x': 1})); print(cm)


def pairs(mapping):
    for key in mapping:
        yield key, mapping[key]


print(list(pairs(ChainMap(UserDict({1: 2}), M({3: 4})))))
