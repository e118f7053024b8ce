# An exception in the with-body is thrown into the generator at its yield and re-raised there.
from contextlib import contextmanager


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    except ValueError as e:
        print("generator saw", repr(e))
        raise
    finally:
        print(f"</{name}>")


try:
    with tag("p") as t:
        print("body", t)
        raise ValueError("bad body")
except ValueError as e:
    print("outside caught", e)
