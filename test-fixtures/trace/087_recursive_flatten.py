# A recursive generator flattening nested lists with yield from.
def flatten(items, depth=0):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item, depth + 1)
        else:
            yield (item, depth)


print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
