# copy: shallow and deep copies of containers, instances (with cycles and shared references), namedtuples,
# Counter/OrderedDict/defaultdict/deque, __copy__/__deepcopy__ hooks, and copy.replace.
import copy
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

grid = [[1, 2], [3, 4]]
shallow, deep = copy.copy(grid), copy.deepcopy(grid)
grid[0].append(99)
print(shallow, deep, shallow[1] is grid[1], deep[1] is grid[1], copy.copy((1, 2)) == (1, 2))
shared = [0]
pair = {'a': shared, 'b': shared, 't': (shared, 5), 's': {1, 2}, 'f': frozenset([3])}
dp = copy.deepcopy(pair)
print(dp, dp['a'] is dp['b'], dp['t'][0] is dp['a'], dp['a'] is shared)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child

    def __repr__(self):
        return f'Node({self.name}, {[c.name for c in self.children]})'


root = Node('root')
leaf = root.add(Node('leaf'))
clone = copy.deepcopy(root)
print(clone, clone.children[0].parent is clone, clone is root, copy.copy(root).children is root.children)


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('copying', self.v)
        return Tracked(self.v + 1)

    def __deepcopy__(self, memo):
        print('deep copying', self.v, len(memo))
        return Tracked(self.v * 10)


print(copy.copy(Tracked(1)).v, copy.deepcopy([Tracked(2)])[0].v)
P = namedtuple('P', 'x y')
p = P([1], 2)
dq = deque([[1], [2]], maxlen=3)
dd = defaultdict(list, {'k': [1]})
print(copy.deepcopy(p), copy.deepcopy(p).x is p.x, copy.copy(p).x is p.x, copy.copy(dq), copy.deepcopy(dq)[0] is dq[0])
print(copy.deepcopy(dd), copy.copy(Counter('aab')), copy.deepcopy(OrderedDict(a=[1])), copy.replace(p, y=5))


def gen():
    yield 1


for bad in (lambda: copy.copy(gen()), lambda: copy.deepcopy([gen()]), lambda: copy.replace(3, x=1)):
    try:
        bad()
    except TypeError as e:
        print(e)
