# Dict views as CPython's: 'in' on keys/values/items views, their set operators with any iterable on either
# side (dictviews_sub/_and/_or/_xor), comparisons with sets, isdisjoint.
d = {'a': 1, 'b': 2}
print(d.keys() & {'a'}, d.keys() | ['c'], d.keys() - 'a', d.keys() ^ {'b', 'z'}, {'a', 'q'} & d.keys(), ['a'] - d.keys() if False else '', () - d.items())
print(d.items() & {('a', 1)}, d.items() - {('a', 1)}, type(d.keys() & set()).__name__, d.keys() == {'a', 'b'}, d.keys() < {'a', 'b', 'c'}, d.items() == {('a', 1), ('b', 2)})
print(d.keys().isdisjoint(['x']), d.items().isdisjoint([('a', 1)]))
try:
    d.values() & {1}
except TypeError as e:
    print(e)
d2 = {'a': 1, 'b': [2]}
print('a' in d2.keys(), 'z' in d2, ('b', [2]) in d2.items(), ('b', 2) in d2.items(), [2] in d2.values(), 'x' in d2.items())
try:
    [] in d2.keys()
except TypeError as e:
    print('TypeError', e)
print(d2.keys() - d2.keys(), d2.keys() >= {'a'}, d2.keys() != d2.keys(), d.keys() | d2.keys() == {'a', 'b'})


def gen_keys():
    yield 'a'
    yield 'c'


print(d.keys() & gen_keys(), d.keys() - gen_keys(), sorted(d.keys() ^ gen_keys()))
d = {'a': 1, 'b': 2}
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())), reversed(d.values()), reversed(d.items()), reversed(d.keys()))
for f in [lambda: 'a'.partition(1), lambda: 'a'.partition(''), lambda: 'a'.rpartition(None), lambda: str.partition('b'), lambda: 'abc'.partition('b', 1), lambda: 'abcb'.rpartition('b')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
