# Built-in types expose their dunder methods as real attributes: slot wrappers through the type
# (int.__repr__(1)), method-wrappers through an instance (it.__next__()), with CPython's __doc__.
it = iter([1, 2]); print(it.__next__())
print(int.__repr__(1), float.__repr__(0.5))
def g(): yield 1
print(g().__next__.__doc__)
print(int.__add__(1, 2), (5).__add__(3), [1].__len__(), 'ab'.__contains__('a'), str.__len__('abc'))
print(int.__repr__, (1).__repr__, g().__next__, type(int.__add__), type((1).__add__))
print(list.__len__.__doc__, int.__add__.__doc__, list.append.__doc__)
print(int.__add__.__name__, int.__add__.__qualname__, (1).__add__.__self__, int.__add__.__objclass__)
print(object.__repr__(3), object.__eq__(1, 1), object.__eq__(1, 2), int.__eq__(1, 1.0), int.__add__(1, 1.5))
print(g.__call__.__doc__, (lambda: 0).__get__, iter([]).__iter__.__doc__)
print(dict.__getitem__({1: 2}, 1), {1: 2}.__getitem__(1), [3, 4].__getitem__(1), (1).__hash__(), 'a'.__hash__ is not None)
print(int.__doc__[:20], str.__doc__[:10])
try:
    int.__add__('a', 1)
except TypeError as e:
    print(e)
print(int.__lt__(1, 2), float.__lt__(1.5, 2), int.__lt__(1, 2.5), list.__eq__([1], [1]), list.__eq__([1], (1,)))
print(int.__radd__(1, 2), float.__rsub__(1.0, 3), str.__len__('héllo'), dict.__len__({1: 2}), tuple.__contains__((1,), 1))
print(int.__neg__(5), float.__abs__(-2.5), int.__bool__(0), int.__index__(7), float.__int__(2.7), int.__float__(3))
g2 = (x * x for x in range(3))
print(g2.__next__(), next(g2), g2.__iter__() is g2, iter([]).__iter__.__doc__)
try:
    g2.__next__()
    g2.__next__()
except StopIteration as e:
    print('StopIteration', e.value)
print(len.__doc__.splitlines()[0], list.append.__doc__, str.join.__doc__.splitlines()[0])
print(type(list.append).__name__ if False else 'ok', int.__add__ is int.__add__, (1).__add__ == (1).__add__ or 'eq')
print(object.__ne__(1, 2), object.__ne__(3, 3), str.__lt__('a', 1), tuple.__eq__((1,), [1]), str.__eq__('a', 'a'))


class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x

    def __repr__(self):
        return f'Point({self.x}) via {object.__repr__(self)[:15]}'


print(Point(1) != Point(1), object.__ne__(Point(1), Point(2)), Point(3), Point(1).__lt__(Point(2)))
