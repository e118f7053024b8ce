# A @contextmanager generator that returns before yielding: "generator didn't yield".
from contextlib import contextmanager


@contextmanager
def never():
    if False:
        yield
    print("returning without a yield")


try:
    with never():
        print("not reached")
except RuntimeError as e:
    print(type(e).__name__, e)
