# Annotations as CPython 3.13 evaluates them: module and class __annotations__ (simple names only), function
# __annotations__ at definition time, none for locals, complex targets evaluated but not stored.

calls = []


def note(label):
    calls.append(label)
    return label


count: int = 3
name: str
ratio: note('ratio') = 0.5
print(__annotations__, calls)


class Config:
    debug: bool = False
    paths: list[str]
    limit: int | None = None
    print('in class', __annotations__)


class Child(Config):
    pass


print(Config.__annotations__, Child.__annotations__, Config.debug, hasattr(Config, 'paths'))


def numbers(n: int, *rest: str, step: 'int' = 1, **extra: float) -> 'Iterator[int]':
    local: note('never') = 0
    for i in range(0, n, step):
        yield i


print(numbers.__annotations__, list(numbers(5, step=2)), calls)


def plain():
    pass


print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)


class Holder:
    pass


h = Holder()
h.value: note('attribute') = 1
items = [0]
items[0]: note('item') = 5
print(h.value, items, calls, __annotations__)
