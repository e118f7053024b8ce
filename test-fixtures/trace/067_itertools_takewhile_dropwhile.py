# takewhile stops at the first failing item; dropwhile skips until it.
from itertools import count, dropwhile, takewhile


def squares():
    for n in count(1):
        yield n * n


print(list(takewhile(lambda x: x < 50, squares())))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])))
