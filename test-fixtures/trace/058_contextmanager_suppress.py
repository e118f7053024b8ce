# A @contextmanager generator that catches the thrown exception suppresses it.
from contextlib import contextmanager


@contextmanager
def ignoring(*kinds):
    try:
        yield
    except kinds as e:
        print("suppressed", type(e).__name__, e)


with ignoring(KeyError):
    {}["missing"]
print("continues")
try:
    with ignoring(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("escaped", type(e).__name__, e)
