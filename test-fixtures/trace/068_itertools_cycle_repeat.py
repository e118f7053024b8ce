# cycle and repeat, bounded with islice and zip.
from itertools import cycle, islice, repeat

print(list(islice(cycle("ab"), 5)))
print(list(repeat("x", 3)))
print(list(zip(range(3), repeat(0))))
print(list(map(pow, range(4), repeat(2))))


def once():
    print("once runs")
    yield 1
    yield 2


print(list(islice(cycle(once()), 5)))
