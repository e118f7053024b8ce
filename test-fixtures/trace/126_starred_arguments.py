# Built-ins over generators, with starred unpacking inside list displays and calls.
def g():
    yield 1
    yield 2
print(sorted(g(), key=lambda x: -x), list(reversed([*g()])), list(map(lambda a, b: a + b, g(), g())))
print(max(g(), default=0), min((), default="none"), sum(g(), start=10))
it = iter(g())
print(list(zip(it, it)))
print(list(enumerate(g(), start=-1)), dict(enumerate("ab")))
print(all(()), any(()), list(filter(None, [0, 1, "", "a"])))
