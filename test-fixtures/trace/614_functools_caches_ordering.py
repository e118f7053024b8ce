# functools: lru_cache/cache (hits, misses, cache_info, cache_clear), total_ordering, cmp_to_key, cached_property,
# singledispatch, all around generators.
from functools import cache, cached_property, cmp_to_key, lru_cache, singledispatch, total_ordering


@lru_cache(maxsize=2)
def square(n):
    print('computing', n)
    return n * n


def requests():
    yield from [1, 2, 1, 3, 1, 2]


print([square(n) for n in requests()], square.cache_info())
square.cache_clear()
print(square.cache_info(), square(4), square.__name__, square.__wrapped__(5))


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@lru_cache
def kw(a, b=1):
    print('call', a, b)
    return a + b


print(kw(1), kw(1), kw(1, b=2), kw(a=1), kw.cache_info())


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9)]
print(sorted(vs), max(vs), Version(1) <= Version(1), Version(2) > Version(1, 9), Version(1) >= Version(2))


def by_length_then_alpha(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)


print(sorted(['ccc', 'a', 'bb', 'aa'], key=cmp_to_key(by_length_then_alpha)))


class Dataset:
    def __init__(self, values):
        self.values = values

    @cached_property
    def total(self):
        print('summing')
        return sum(self.values)


d = Dataset([1, 2, 3])
print(d.total, d.total, Dataset.total.attrname)


@singledispatch
def describe(x):
    return 'object'


@describe.register(int)
def _(x):
    return f'int {x}'


@describe.register(list)
def _(x):
    return f'list of {len(x)}'


print(describe(3), describe(True), describe([1]), describe('s'), describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry))
try:
    total_ordering(type('Bare', (), {}))
except ValueError as e:
    print(e)
