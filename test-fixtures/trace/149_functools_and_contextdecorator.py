# functools.reduce/partial over generators; a @contextmanager used as a decorator runs the generator per call.
import functools
from contextlib import contextmanager
print(functools.reduce(lambda a, b: a * b, (x for x in range(1, 6))))
add3 = functools.partial(lambda a, b: a + b, 3)
print(add3(4))
@contextmanager
def logged(name):
    print("start", name)
    yield
    print("end", name)
@logged("deco")
def work():
    print("working")
work()
work()
