# A user-defined infinite generator is fine when consumed by islice.
from itertools import islice


def naturals():
    n = 0
    while True:
        yield n
        n += 1


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(islice(naturals(), 5)))
print(list(islice(fib(), 10)))
g = naturals()
print(list(islice(g, 3)), next(g))
