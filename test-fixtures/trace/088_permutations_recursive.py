# Recursive permutations and combinations generators.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, first in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [first] + rest


def combinations(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for tail in combinations(items[i + 1:], k - 1):
            yield (items[i],) + tail


print(list(permutations("abc")))
print(list(combinations([1, 2, 3, 4], 2)))
