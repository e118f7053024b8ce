# Overrides in a subclass of dict: d[k], d[k] = v, del d[k], len(), iter(), `in` and repr dispatch to them, while
# dict's own methods (get, update, copy, dict(x), {**x}, f(**x)) use the storage; an overriding __iter__ makes
# dict(x), update and ** go through keys() and x[k] (dict_merge); super() reaches dict's slots.
class Lower(dict):
    def __getitem__(self, k):
        print('getitem', k)
        return super().__getitem__(k.lower())

    def __setitem__(self, k, v):
        print('setitem', k)
        super().__setitem__(k.lower(), v)

    def __delitem__(self, k):
        print('delitem', k)
        super().__delitem__(k.lower())

    def __contains__(self, k):
        return super().__contains__(k.lower())

    def __len__(self):
        return super().__len__() * 10

    def __repr__(self):
        return f'Lower({dict.__repr__(self)})'


d = Lower()
d['A'] = 1
d['B'] = 2
print(d['A'], 'a' in d, 'A' in d, len(d), bool(d), d, str(d), [d])
print(d.get('A'), d.get('a'), dict(d), {**d}, d.copy(), list(d), sorted(d.items()))
del d['B']
print(d, len(d), d == {'a': 1}, dict.__len__(d), list(iter(d)))
d.update({'C': 3})
print(d, dict.__contains__(d, 'a'))


def kw(**k):
    return k


class Keys(dict):
    def __iter__(self):
        print('iter')
        yield from ['x', 'y']

    def keys(self):
        print('keys')
        return ['x']

    def __getitem__(self, k):
        return k * 3


k = Keys(x=1, y=2)
print(dict(k), {**k}, kw(**k), list(k), [v for v in k], len(k), 'y' in k, k)
e = {}
e.update(k)
print(e, dict(Lower(q=1)), sorted(k), k.items(), list(k.values()))


def walk(m):
    for key in m:
        yield key, m[key]


print(list(walk(Keys(x=0))), list(walk(Lower(z=9))))


class Eq(dict):
    def __eq__(self, other):
        print('eq')
        return True

    __hash__ = None


print(Eq() == {'a': 1}, {'a': 1} == Eq(), Eq() != {}, [Eq()] == [{}])
