# contextlib.suppress around generator calls.
from contextlib import suppress


def gen():
    yield 1
    raise KeyError("gone")


g = gen()
with suppress(KeyError):
    for v in g:
        print("value", v)
print("suppressed")
with suppress(StopIteration):
    next(g)
    print("not printed")
print("done")
