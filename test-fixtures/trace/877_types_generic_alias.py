# types.GenericAlias: classmethod(GenericAlias) as a class's __class_getitem__ (difflib, queue, ...), its repr, origin, args, equality and calling the alias.
from types import GenericAlias
class Box:
    __class_getitem__ = classmethod(GenericAlias)
print(Box[int], Box[int, str], Box[int].__origin__, Box[int].__args__, isinstance(list[int], GenericAlias), GenericAlias(list, (int,)) == list[int])
print(type(Box[int]()).__name__)
