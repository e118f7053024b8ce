# A defaultdict-like subclass of dict with __missing__: d[k] and dict.__getitem__(d, k) call it for a missing
# key, while get(), `in`, pop() and setdefault() do not; a generator grouping words through it.
class Groups(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory

    def __missing__(self, key):
        print('missing', key)
        value = self[key] = self.factory()
        return value


def group(words):
    g = Groups(list)
    for w in words:
        g[w[0]].append(w)
        yield dict(g)


print(list(group(['apple', 'avocado', 'banana'])))
g = Groups(int)
g['x'] += 1
print(g, g.get('y'), 'y' in g, g.get('y', 'default'), dict.__getitem__(g, 'z'), g)
print(g.pop('q', None), g.setdefault('w', 7), g)


class NoStore(dict):
    def __missing__(self, key):
        return key * 2


n = NoStore(a=1)
print(n['a'], n['bb'], n, len(n), n.get('bb'))


class Raising(dict):
    def __missing__(self, key):
        raise LookupError(f'no {key}')


try:
    Raising()['k']
except LookupError as e:
    print(type(e).__name__, e)
print('%(a)s %(b)s' % NoStore(a=1))
