# list[int] is a types.GenericAlias and int | None a types.UnionType, as annotations evaluate them.
class Foo: pass
print(list[int], dict[str, list[int]], int | None, list[Foo], type[int], int | str | int)
print(list[int]('ab'), list[int] == list[int], list[int].__origin__, list[int].__args__, (int | None).__args__)
print(isinstance(3, int | str), isinstance(None, int | None), issubclass(bool, int | str))
try:
    isinstance([], list[int])
except TypeError as e: print(e)
try:
    int[str]
except TypeError as e: print(e)
try:
    Foo[int]
except TypeError as e: print(e)
print(type(list[int]).__name__, type(int | None).__name__)
