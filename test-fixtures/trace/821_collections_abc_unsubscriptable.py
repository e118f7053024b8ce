# collections.abc: Hashable and Sized define no __class_getitem__, so subscripting them is a TypeError.
import collections.abc as c
try:
    c.Hashable[int]
except TypeError as e:
    print(e)
try:
    c.Sized[int]
except TypeError as e:
    print(e)
print(isinstance([], c.Iterable), issubclass(list, c.MutableSequence))
