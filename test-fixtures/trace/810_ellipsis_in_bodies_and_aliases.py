# ... as a statement, a default and a generic alias argument (shown as ... in the alias repr, as ga_repr_item does).
def g():
    ...
    yield 1
    ...
print(g(), list(g())) if False else print(list(g()))
x: tuple[int, ...] = (1, 2)
print(x, tuple[int, ...])
print(tuple[...], dict[str, ...], tuple[int, ...].__args__)
def h(x: int = ...) -> None: ...
print(h.__defaults__, h.__annotations__)
