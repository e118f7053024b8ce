# yield from an already-exhausted generator yields nothing and returns None.
def inner():
    yield 1
    return "first time"


def outer(it):
    r = yield from it
    yield ("result", r)


it = inner()
print(list(outer(it)))
print(list(outer(it)))
