# From CPython 3.13.0, Lib/_collections_abc.py: `MappingView`, `KeysView`, `ItemsView`, `ValuesView` (their `__init__`, `__len__`, `__repr__`, `__contains__`, `__iter__`; as written, the ABC and Set machinery left out), over a user mapping.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
class MappingView:
    __slots__ = '_mapping',

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)

class KeysView(MappingView):
    __slots__ = ()

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping

class ItemsView(MappingView):
    __slots__ = ()

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])

class ValuesView(MappingView):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class Registry:
    def __init__(self, pairs):
        self._keys = [k for k, _ in pairs]
        self._values = [v for _, v in pairs]
    def __getitem__(self, key):
        try:
            return self._values[self._keys.index(key)]
        except ValueError:
            raise KeyError(key) from None
    def __iter__(self):
        yield from self._keys
    def __len__(self):
        return len(self._keys)

r = Registry([('b', 2), ('a', 1), ('nan', float('nan')), ('c', [3])])
for view in (KeysView(r), ItemsView(r), ValuesView(r)):
    print(type(view).__name__, len(view), list(view))
print(repr(KeysView({'x': 1})))
print('a' in KeysView(r), 'z' in KeysView(r))
print(('a', 1) in ItemsView(r), ('a', 2) in ItemsView(r), ('z', 1) in ItemsView(r))
nan = r['nan']
print(('nan', nan) in ItemsView(r), nan in ValuesView(r), [3] in ValuesView(r), 4 in ValuesView(r))
it = iter(ItemsView(r))
print(next(it), next(it))
