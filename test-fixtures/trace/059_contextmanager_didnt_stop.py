# A @contextmanager generator that yields twice: "generator didn't stop".
from contextlib import contextmanager


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice() as v:
        print("body", v)
except RuntimeError as e:
    print(type(e).__name__, e)


@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield


try:
    with keeps_going():
        raise ValueError("x")
except RuntimeError as e:
    print(type(e).__name__, e)
