# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `17-it-generator/tree/step6/tree.py` (its `__main__`) with the tests of `tree/step6/test_tree.py`, each printing what it asserts.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
def tree(cls, level=0):
    yield cls.__name__, level
    for sub_cls in cls.__subclasses__():
        yield from tree(sub_cls, level+1)


def display(cls):
    for cls_name, level in tree(cls):
        indent = ' ' * 4 * level
        print(f'{indent}{cls_name}')


if __name__ == '__main__':
    display(BaseException)


# ---- driver: tree/step6/test_tree.py
def test_1_level():

    class One:
        pass
    expected = [('One', 0)]
    result = list(tree(One))
    print(repr(result))
print("--- test_1_level")
test_1_level()
def test_2_levels_2_leaves():

    class Branch:
        pass

    class Leaf1(Branch):
        pass

    class Leaf2(Branch):
        pass
    expected = [('Branch', 0), ('Leaf1', 1), ('Leaf2', 1)]
    result = list(tree(Branch))
    print(repr(result))
print("--- test_2_levels_2_leaves")
test_2_levels_2_leaves()
def test_3_levels_1_leaf():

    class X:
        pass

    class Y(X):
        pass

    class Z(Y):
        pass
    expected = [('X', 0), ('Y', 1), ('Z', 2)]
    result = list(tree(X))
    print(repr(result))
print("--- test_3_levels_1_leaf")
test_3_levels_1_leaf()
def test_4_levels_1_leaf():

    class Level0:
        pass

    class Level1(Level0):
        pass

    class Level2(Level1):
        pass

    class Level3(Level2):
        pass
    expected = [('Level0', 0), ('Level1', 1), ('Level2', 2), ('Level3', 3)]
    result = list(tree(Level0))
    print(repr(result))
print("--- test_4_levels_1_leaf")
test_4_levels_1_leaf()
def test_4_levels_3_leaves():

    class A:
        pass

    class B1(A):
        pass

    class B2(A):
        pass

    class C1(B1):
        pass

    class C2(B2):
        pass

    class D1(C1):
        pass

    class D2(C1):
        pass
    expected = [('A', 0), ('B1', 1), ('C1', 2), ('D1', 3), ('D2', 3), ('B2', 1), ('C2', 2)]
    result = list(tree(A))
    print(repr(result))
print("--- test_4_levels_3_leaves")
test_4_levels_3_leaves()
def test_many_levels_1_leaf():

    class Root:
        pass
    level_count = 100
    expected = [('Root', 0)]
    parent = Root
    for level in range(1, level_count):
        name = f'Sub{level}'
        cls = type(name, (parent,), {})
        expected.append((name, level))
        parent = cls
    result = list(tree(Root))
    print(repr(level_count))
    print(repr(result[0] == ('Root', 0)))
    print(repr(result[-1] == ('Sub99', 99)))
    print(repr(result))
print("--- test_many_levels_1_leaf")
test_many_levels_1_leaf()
