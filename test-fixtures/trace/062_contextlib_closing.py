# contextlib.closing closes a generator at the end of the with-block.
from contextlib import closing
import inspect


def ticker():
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("ticker closed")


with closing(ticker()) as t:
    print(next(t), next(t))
print(inspect.getgeneratorstate(t))
