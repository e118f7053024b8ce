# A suspended generator with a finally is finalised when its last reference goes, whatever module objects
# (streams, compiled patterns, a seeded Random, typing names, dict views, tees) are alive beside it.
import itertools
import random
import re
import sys
import typing

pattern = re.compile(r'\d+')
random.seed(3)
views = {'a': 1}.items()
alias = typing.Optional[int]
left, right = itertools.tee(iter([1, 2, 3]))


def guarded(name):
    try:
        yield name
    finally:
        print('finalised', name)


g = guarded('g')
print(next(g))
del g
print('after del', sys.maxsize > 0, pattern.findall('a1b22'), random.randint(1, 6), list(views), next(left))
h = guarded('h')
print(next(h))
h = None
print('after rebinding')
