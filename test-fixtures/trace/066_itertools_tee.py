# itertools.tee splits one generator into independent iterators.
from itertools import tee


def numbers():
    for i in range(4):
        print("producing", i)
        yield i


a, b = tee(numbers())
print(next(a), next(a))
print(list(b))
print(list(a))
