# islice over the infinite count().
from itertools import count, islice

print(list(islice(count(), 5)))
print(list(islice(count(10, 2), 3)))
print(list(islice(count(), 2, 10, 3)))
c = count(5)
print(next(c), next(c))
print(list(islice("abcdefg", 1, None, 2)))
print(list(islice(range(100), 0)))
