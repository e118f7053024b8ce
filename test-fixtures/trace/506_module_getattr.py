# PEP 562: a project module's __getattr__ answers attribute access and from-imports of names it lacks.
import lazy
from lazy import squares, real

print(real, lazy.cubes, list(squares), lazy.calls)
try:
    from lazy import missing
except ImportError as error:
    print(type(error).__name__, error)
try:
    lazy.missing
except AttributeError as error:
    print(error)
# yieldlens-module: lazy.py
real = 'defined'
calls = []


def __getattr__(name):
    calls.append(name)
    if name == 'squares':
        return (i * i for i in range(3))
    if name == 'cubes':
        return [i ** 3 for i in range(3)]
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
