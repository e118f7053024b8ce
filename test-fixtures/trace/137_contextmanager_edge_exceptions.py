# @contextmanager: replacing the thrown exception, StopIteration and GeneratorExit raised in the body.
from contextlib import contextmanager


@contextmanager
def cm():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError("replaced")


try:
    with cm():
        1 / 0
except ValueError as e:
    print(e, type(e.__context__).__name__)


@contextmanager
def stopper():
    yield


try:
    with stopper():
        raise StopIteration("inside with")
except StopIteration as e:
    print("StopIteration passes through", e)


@contextmanager
def gen_exit():
    yield


try:
    with gen_exit():
        raise GeneratorExit
except GeneratorExit as e:
    print("GeneratorExit", repr(e))
m = cm()
print(m.__enter__())
print(m.__exit__(None, None, None))
