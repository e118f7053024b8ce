# Seed example: @contextmanager runs the generator up to its yield on enter and finishes it on exit.
from contextlib import contextmanager


@contextmanager
def managed():
    print("enter")
    try:
        yield "value"
    finally:
        print("exit")


with managed() as value:
    print(value)
print("after")
cm = managed()
print(type(cm).__name__)
