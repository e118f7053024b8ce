# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `17-it-generator/tree/classtree/classtree.py` without its command-line `__main__`, with the tests of `tree/classtree/classtree_test.py`, each printing what it asserts, and `draw(BaseException)` as `tree/extra/drawtree.py`'s `__main__` does.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
#!/usr/bin/env python3

from importlib import import_module
import sys


SP    = '\N{SPACE}'
HLIN  = '\N{BOX DRAWINGS LIGHT HORIZONTAL}' * 2 + SP        # ──
VLIN  = '\N{BOX DRAWINGS LIGHT VERTICAL}' + SP * 3          # │
TEE   = '\N{BOX DRAWINGS LIGHT VERTICAL AND RIGHT}' + HLIN  # ├──
ELBOW = '\N{BOX DRAWINGS LIGHT UP AND RIGHT}' + HLIN        # └──


def subclasses(cls):
    try:
        return cls.__subclasses__()
    except TypeError:  # handle the `type` type
        return cls.__subclasses__(cls)


def tree(cls, level=0, last_sibling=True):
    yield cls, level, last_sibling
    chidren = subclasses(cls)
    if chidren:
        last = chidren[-1]
        for child in chidren:
            yield from tree(child, level + 1, child is last)


def render_lines(tree_generator):
    cls, _, _ = next(tree_generator)
    yield cls.__name__
    prefix = ''
    for cls, level, last in tree_generator:
        prefix = prefix[: 4 * (level - 1)]
        prefix = prefix.replace(TEE, VLIN).replace(ELBOW, SP * 4)
        prefix += ELBOW if last else TEE
        yield prefix + cls.__name__


def draw(cls):
    for line in render_lines(tree(cls)):
        print(line)


def parse(name):
    if '.' in name:
        return name.rsplit('.', 1)
    else:
        return 'builtins', name


def main(name):
    module_name, cls_name = parse(name)
    try:
        cls = getattr(import_module(module_name), cls_name)
    except ModuleNotFoundError:
        print(f'*** Could not import {module_name!r}.')
    except AttributeError:
        print(f'*** {cls_name!r} not found in {module_name!r}.')
    else:
        if isinstance(cls, type):
            draw(cls)
        else:
            print(f'*** {cls_name!r} is not a class.')


# ---- driver: tree/classtree/classtree_test.py
from textwrap import dedent
from abc import ABCMeta
def test_subclasses():
    result = subclasses(UnicodeError)
    print(repr(set(result) >= {UnicodeEncodeError, UnicodeDecodeError}))
print("--- test_subclasses")
test_subclasses()
def test_subclasses_of_type():
    """
    The `type` class is a special case because `type.__subclasses__()`
    is an unbound method when called on it, so we must call it as
    `type.__subclasses__(type)` just for `type`.

    This test does not verify the full list of results, but just
    checks that `abc.ABCMeta` is included, because that's the only
    subclass of `type` (i.e. metaclass) I we get when I run
    `$ classtree.py type` at the command line.

    However, the Python console and `pytest` both load other modules,
    so `subclasses` may find more subclasses of `type`—for example,
    `enum.EnumMeta`.
    """
    result = subclasses(type)
    print(repr(ABCMeta in result))
print("--- test_subclasses_of_type")
test_subclasses_of_type()
def test_tree_1_level():
    result = list(tree(TabError))
    print(repr(result))
print("--- test_tree_1_level")
test_tree_1_level()
def test_tree_2_levels():
    result = list(tree(IndentationError))
    print(repr(result))
print("--- test_tree_2_levels")
test_tree_2_levels()
def test_render_lines_1_level():
    result = list(render_lines(tree(TabError)))
    print(repr(result))
print("--- test_render_lines_1_level")
test_render_lines_1_level()
def test_render_lines_2_levels_1_leaf():
    result = list(render_lines(tree(IndentationError)))
    expected = ['IndentationError', '└── TabError']
    print(repr(result))
print("--- test_render_lines_2_levels_1_leaf")
test_render_lines_2_levels_1_leaf()
def test_render_lines_3_levels_1_leaf():

    class X:
        pass

    class Y(X):
        pass

    class Z(Y):
        pass
    result = list(render_lines(tree(X)))
    expected = ['X', '└── Y', '    └── Z']
    print(repr(result))
print("--- test_render_lines_3_levels_1_leaf")
test_render_lines_3_levels_1_leaf()
def test_render_lines_4_levels_1_leaf():

    class Level0:
        pass

    class Level1(Level0):
        pass

    class Level2(Level1):
        pass

    class Level3(Level2):
        pass
    result = list(render_lines(tree(Level0)))
    expected = ['Level0', '└── Level1', '    └── Level2', '        └── Level3']
    print(repr(result))
print("--- test_render_lines_4_levels_1_leaf")
test_render_lines_4_levels_1_leaf()
def test_render_lines_2_levels_2_leaves():

    class Branch:
        pass

    class Leaf1(Branch):
        pass

    class Leaf2(Branch):
        pass
    result = list(render_lines(tree(Branch)))
    expected = ['Branch', '├── Leaf1', '└── Leaf2']
    print(repr(result))
print("--- test_render_lines_2_levels_2_leaves")
test_render_lines_2_levels_2_leaves()
def test_render_lines_3_levels_2_leaves_dedent():

    class A:
        pass

    class B(A):
        pass

    class C(B):
        pass

    class D(A):
        pass

    class E(D):
        pass
    result = list(render_lines(tree(A)))
    expected = ['A', '├── B', '│   └── C', '└── D', '    └── E']
    print(repr(result))
print("--- test_render_lines_3_levels_2_leaves_dedent")
test_render_lines_3_levels_2_leaves_dedent()
def test_render_lines_4_levels_4_leaves_dedent():

    class A:
        pass

    class B1(A):
        pass

    class C1(B1):
        pass

    class D1(C1):
        pass

    class D2(C1):
        pass

    class C2(B1):
        pass

    class B2(A):
        pass
    expected = ['A', '├── B1', '│   ├── C1', '│   │   ├── D1', '│   │   └── D2', '│   └── C2', '└── B2']
    result = list(render_lines(tree(A)))
    print(repr(result))
print("--- test_render_lines_4_levels_4_leaves_dedent")
test_render_lines_4_levels_4_leaves_dedent()
def test_main_simple():
    main('IndentationError')
    expected = dedent('\n        IndentationError\n        └── TabError\n    ').lstrip()
print("--- test_main_simple")
test_main_simple()
def test_main_dotted():
    main('collections.abc.Sequence')
    expected = dedent('\n        Sequence\n        ├── ByteString\n        ├── MutableSequence\n        │   └── UserList\n    ').lstrip()
print("--- test_main_dotted")
test_main_dotted()
def test_main_class_not_found():
    main('NoSuchClass')
    expected = "*** 'NoSuchClass' not found in 'builtins'.\n"
print("--- test_main_class_not_found")
test_main_class_not_found()
def test_main_module_not_found():
    main('nosuch.module')
    expected = "*** Could not import 'nosuch'.\n"
print("--- test_main_module_not_found")
test_main_module_not_found()
def test_main_not_a_class():
    main('collections.abc')
    expected = "*** 'abc' is not a class.\n"
print("--- test_main_not_a_class")
test_main_not_a_class()
print("--- draw(BaseException)")
draw(BaseException)
