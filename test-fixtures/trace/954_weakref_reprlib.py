# weakref.ref and weakref.proxy while their object is alive (held by a frame, a module or a container):
# a ref calls back to its object, a proxy forwards attributes and ==, their reprs and types; what no weak
# reference can be made to. reprlib.recursive_repr shows '...' for a repr that reaches itself, and copies
# the function's names, doc and __type_params__ (empty: no PEP 695 parameters) to its wrapper. A proxy
# takes part in every other operation as its object does.
import weakref
import _weakref
from reprlib import recursive_repr


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @recursive_repr()
    def __repr__(self):
        "The node and its children."
        return f'Node({self.name!r}, {self.children!r})'


def chain(n):
    """Links whose back pointers are proxies, as the pure-Python OrderedDict keeps its root."""
    root = Node('root')
    proxy = weakref.proxy(root)
    nodes = [root]
    for i in range(n):
        node = Node(f'n{i}')
        node.parent = proxy
        nodes[-1].children.append(node)
        nodes.append(node)
        yield node.parent.name, node.parent == root, node.parent is proxy


print(list(chain(3)))
a = Node('a')
a.children.append(a)
print(a, Node.__repr__.__name__, Node.__repr__.__doc__, Node.__repr__.__type_params__, Node.__repr__.__wrapped__.__qualname__)
r = weakref.ref(a)
p = _weakref.proxy(a)
print(r() is a, r == weakref.ref(a), p == a, a == p, p != a, p.name, p.__class__.__name__)
p.name = 'renamed'
print(a.name, type(r), type(p), weakref.ref is weakref.ReferenceType, isinstance(r, weakref.ref))
del p.name
print(hasattr(a, 'name'))
for target in (1, 'x', [], {}, (), 2.5):
    try:
        weakref.ref(target)
    except TypeError as e:
        print('TypeError', e)
try:
    hash(weakref.proxy(a))
except TypeError as e:
    print('TypeError', e)
def f():
    pass
print(f.__type_params__, weakref.ref(f)() is f, weakref.ref(Node)() is Node)
try:
    f.__type_params__ = [1]
except TypeError as e:
    print('TypeError', e)


# A proxy takes part in every operation as its object (list(), len(), +, [], bool, str, in, iteration).
def gen():
    yield 'foo!'
    yield 'bar'
gi = gen()
p = weakref.proxy(gi)
print(list(p))
class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __add__(self, other):
        return Box(self.items + list(other))
    def __bool__(self):
        return bool(self.items)
    def __str__(self):
        return f'Box{self.items}'
    def __contains__(self, x):
        return x in self.items
b = Box([1, 2])
q = weakref.proxy(b)
print(len(q), list(q), q[1], (q + [3]).items, bool(q), str(q), 2 in q, f'{q}', [x for x in q])
e = Box([])
print(bool(weakref.proxy(e)))
class Plain: pass
pl = Plain()
pp = weakref.proxy(pl)
for op in (lambda: len(pp), lambda: pp + 1, lambda: next(pp), lambda: pp[0], lambda: iter(pp), lambda: pp()):
    try:
        op()
    except TypeError as err:
        print('TypeError', err)


def double(x):
    return 2 * x


cp = weakref.proxy(double)
print(type(cp), cp(21), cp.__name__, weakref.proxy(gen)().__name__)
