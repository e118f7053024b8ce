# Seed example: the inner generator's return value is the value of `yield from`.
def inner():
    yield 1
    yield 2
    return 99


def outer():
    result = yield from inner()
    yield result


print(list(outer()))


def empty_inner():
    return "immediately"
    yield


def outer2():
    r = yield from empty_inner()
    yield r


print(list(outer2()))
