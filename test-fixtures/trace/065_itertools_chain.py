# itertools.chain and chain.from_iterable over generators.
from itertools import chain


def letters():
    yield "a"
    yield "b"


print(list(chain(letters(), [1, 2], (x * x for x in range(3)))))
print(list(chain.from_iterable([letters(), "cd"])))
c = chain(letters(), letters())
print(next(c), next(c), next(c))
