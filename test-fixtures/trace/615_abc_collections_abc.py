# abc and collections.abc: isinstance against the ABCs for built-ins, generators and user classes, registration,
# __subclasshook__, mixin methods of Sequence/Mapping/MutableSet, abstract-method errors.
# (_collections_abc is the module collections.abc re-exports; its classes name themselves collections.abc.*.)
from abc import ABC, abstractmethod
from _collections_abc import (Callable, Collection, Container, Generator, Hashable, ItemsView, Iterable, Iterator,
                              KeysView, Mapping, MutableMapping, MutableSequence, MutableSet, Reversible, Sequence,
                              Set, Sized)


def gen():
    yield 1


samples = [[], (), '', {}, set(), frozenset(), range(3), iter([]), gen(), 5, None, len, {}.keys(), {}.items(), print]
for abc in (Iterable, Iterator, Generator, Sized, Container, Collection, Hashable, Callable, Reversible, Sequence,
            MutableSequence, Mapping, MutableMapping, Set, MutableSet, KeysView):
    print(abc.__name__, [isinstance(s, abc) for s in samples])


def flatten(items):
    for x in items:
        if isinstance(x, Iterable) and not isinstance(x, str):
            yield from flatten(x)
        else:
            yield x


print(list(flatten([1, [2, (3, [4])], 'ab', {5: None}, range(6, 8)])))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Deck(Sequence):
    def __init__(self):
        self.cards = ['A', 'K', 'Q', 'K']

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]


d = Deck()
print(isinstance(Countdown(2), Iterator), issubclass(Countdown, Iterable), list(Countdown(3)), isinstance(Countdown(1), Sized))
print(list(d), 'Q' in d, d.index('K'), d.count('K'), list(reversed(d)), isinstance(d, Reversible), issubclass(Deck, Collection))


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r.update(a=1, b=2)
r.setdefault('c', 3)
print(dict(r), r.get('z', 0), 'a' in r, r.pop('a'), list(r.keys()), list(r.items()), r == {'b': 2, 'c': 3}, r.keys())


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f'{self.name()} of area {self.area()}'


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def name(self):
        return 'square'


print(Square(3).describe(), isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)


class Half(Shape):
    def area(self):
        return 0


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)


class Duck:
    pass


Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), issubclass(int, Shape), Shape.register(Square) is Square)


class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, '__len__') or NotImplemented


print(isinstance([], HasLen), isinstance(3, HasLen), issubclass(dict, HasLen))
try:
    Shape.register(3)
except TypeError as e:
    print(e)
