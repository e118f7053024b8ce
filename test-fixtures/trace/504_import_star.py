# `from module import *` of the project's modules: the names of __all__, else the public names.
from helpers import *
from plain import *

print(sorted(name for name in globals() if not name.startswith('__')))
g = evens()
print(next(g), next(g), shown(2), public)
try:
    hidden
except NameError as error:
    print(error)
# yieldlens-module: helpers.py
__all__ = ['evens', 'shown']


def evens():
    n = 0
    while True:
        yield n
        n += 2


def shown(x):
    return f'<{x}>'


def hidden():
    pass
# yieldlens-module: plain.py
public = 'yes'
_private = 'no'
