# What failing imports of the project's modules raise, and errors inside an imported module's generator.
import tools
try:
    from tools import missing
except ImportError as error:
    print(type(error).__name__, error, error.name)
try:
    import tools.sub
except ModuleNotFoundError as error:
    print(type(error).__name__, error, error.name)
try:
    from . import tools
except ImportError as error:
    print(type(error).__name__, error)
try:
    tools.nothing
except AttributeError as error:
    print(error)
try:
    import badsyntax
except SyntaxError as error:
    print(type(error).__name__, error)
try:
    for item in tools.countdown(2):
        print(item)
except ValueError as error:
    print('caught', error)
print(list(tools.careful([1, 0, 2])))
g = tools.countdown(1)
next(g)
g.throw(KeyError('stop'))
# yieldlens-module: tools.py
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    raise ValueError('done counting')


def careful(items):
    for item in items:
        try:
            yield 10 // item
        except Exception:
            pass
        if item == 0:
            yield 'zero'
# yieldlens-module: badsyntax.py
def broken():
    nonlocal missing
