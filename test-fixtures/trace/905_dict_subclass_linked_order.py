# A pure-Python ordered dict as generator code writes it: a dict subclass keeping its own key order in a linked
# list (__setitem__, __delitem__, __iter__, __reversed__-free), move_to_end, popitem, a generator over it, and a
# user __new__ calling dict.__new__; __class_getitem__ and __init_subclass__ of its own.
class LinkedDict(dict):
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self._order = []
        return self

    def __init__(self, *args, **kwargs):
        super().__init__()
        for k, v in dict(*args, **kwargs).items():
            self[k] = v

    def __init_subclass__(cls, **kw):
        print('subclass', cls.__name__)

    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item!r}]'

    def __setitem__(self, key, value):
        if key not in self:
            self._order.append(key)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        super().__delitem__(key)
        self._order.remove(key)

    def __iter__(self):
        return iter(self._order)

    def keys(self):
        return list(self._order)

    def items(self):
        return [(k, self[k]) for k in self._order]

    def move_to_end(self, key):
        self._order.remove(key)
        self._order.append(key)

    def popitem(self):
        key = self._order[-1]
        value = self[key]
        del self[key]
        return key, value


def lru(capacity, accesses):
    cache = LinkedDict()
    for a in accesses:
        if a in cache:
            cache.move_to_end(a)
            yield 'hit', a
        else:
            cache[a] = a * a
            if len(cache) > capacity:
                evicted = next(iter(cache))
                del cache[evicted]
                yield 'evict', evicted
    yield list(cache), dict(cache), cache


print(list(lru(2, [1, 2, 1, 3, 2, 4])))
d = LinkedDict(b=1, a=2)
d['c'] = 3
d.move_to_end('b')
print(list(d), d.keys(), d.items(), dict(d), {**d}, d.popitem(), d, list(d), LinkedDict[int])
print(dict.keys(d), sorted(d), [k for k in d], {k: d[k] for k in d}, dict(d) == d)


class Sub(LinkedDict):
    pass


s = Sub(x=1)
print(type(s), s._order, isinstance(s, LinkedDict), isinstance(s, dict), Sub.__mro__)
