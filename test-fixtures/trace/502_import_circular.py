# Circular imports as CPython runs them: the partially initialized module is in the cache, from-imports of
# names not yet defined fail with CPython's message, and a failed import leaves no module behind.
import first
print(first.VALUE, first.second.SEEN, first.second.TRIED)

try:
    import broken
except ZeroDivisionError as error:
    print('broken:', error)
try:
    import broken
except ZeroDivisionError as error:
    print('again:', error)
import pkg.a
print(pkg.a.B_NAME, pkg.b.A_SEEN)
# yieldlens-module: first.py
import second
VALUE = 'first done'
# yieldlens-module: second.py
import first
SEEN = hasattr(first, 'VALUE')
try:
    from first import VALUE
    TRIED = 'imported'
except ImportError as error:
    TRIED = str(error)
try:
    first.VALUE
except AttributeError as error:
    print(error)
# yieldlens-module: broken.py
print('running broken')
x = 1 / 0
# yieldlens-module: pkg/__init__.py
# yieldlens-module: pkg/a.py
from . import b
B_NAME = b.__name__
# yieldlens-module: pkg/b.py
import pkg
try:
    pkg.a
except AttributeError as error:
    print(error)
A_SEEN = hasattr(pkg, 'a')
