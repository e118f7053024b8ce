# From CPython 3.13.0, Lib/test/test_generators.py: the `pep_tests` doctests, turned into a program (each example as written; an expression prints its repr as doctest shows it; examples about the garbage collector, frames or weakrefs left out).
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def _show(value):
    if value is not None:
        print(repr(value))

def g():
    i = next(me)
    yield i
try:
    me = g()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(me)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f1():
    try:
        return
    except:
       yield 1
try:
    _show(
    print(list(f1()))
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f2():
    try:
        raise StopIteration
    except:
        yield 42
try:
    _show(
    print(list(f2()))
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    return 1//0
def g():
    yield f()  # the zero division exception propagates
    yield 42   # and we'll never get here
try:
    k = g()
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(k)
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    _show(
    next(k)  # and the generator cannot be resumed
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def f():
    try:
        yield 1
        try:
            yield 2
            1//0
            yield 3  # never get here
        except ZeroDivisionError:
            yield 4
            yield 5
            raise
        except:
            yield 6
        yield 7     # the "raise" above stops this
    except:
        yield 8
    yield 9
    try:
        x = 12
    finally:
        yield 10
    yield 11
try:
    _show(
    print(list(f()))
    )
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
class Tree:

    def __init__(self, label, left=None, right=None):
        self.label = label
        self.left = left
        self.right = right

    def __repr__(self, level=0, indent="    "):
        s = level*indent + repr(self.label)
        if self.left:
            s = s + "\\n" + self.left.__repr__(level+1, indent)
        if self.right:
            s = s + "\\n" + self.right.__repr__(level+1, indent)
        return s

    def __iter__(self):
        return inorder(self)
def tree(list):
    n = len(list)
    if n == 0:
        return []
    i = n // 2
    return Tree(list[i], tree(list[:i]), tree(list[i+1:]))
try:
    t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def inorder(t):
    if t:
        for x in inorder(t.left):
            yield x
        yield t.label
        for x in inorder(t.right):
            yield x
try:
    t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
try:
    for x in t:
        print(' '+x, end='')
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
def inorder(node):
    stack = []
    while node:
        while node.left:
            stack.append(node)
            node = node.left
        yield node.label
        while not node.right:
            try:
                node = stack.pop()
            except IndexError:
                return
            yield node.label
        node = node.right
try:
    for x in t:
        print(' '+x, end='')
except Exception as _e:
    print(f"{type(_e).__name__}: {_e}")
