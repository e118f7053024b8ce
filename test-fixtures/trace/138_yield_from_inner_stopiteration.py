# PEP 479 inside a delegated generator: its StopIteration becomes RuntimeError before reaching the outer one.
def outer():
    try:
        yield from inner()
    except StopIteration as e:
        print("caught", e)


def inner():
    yield 1
    raise StopIteration("oops")


g = outer()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)


def outer2():
    x = yield from [1]
    return x


print(list(outer2()))
