# pprint: CPython's pprint.py on nested data, widths, depth, compact, sort_dicts, collections types, strings.
import pprint
from collections import Counter, OrderedDict, defaultdict, deque
data = {'name': 'yieldlens', 'tags': ['generators', 'traces', 'lsp'] * 3, 'nested': {'a': list(range(30)), 'b': (1, 2, {'z': None})}, 'n': 3.5}
pprint.pprint(data)
pprint.pprint(data, width=40, compact=True)
pprint.pprint(data, depth=1)
print(pprint.pformat(list(range(40)), width=30), pprint.saferepr({'x': [1, 2]}), pprint.isreadable([1]), pprint.isrecursive([1]))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.isreadable(r))
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
pprint.pprint(Counter('mississippi'))
pprint.pprint(OrderedDict(a=1, b=[1] * 30))
pprint.pprint(defaultdict(list, {'k': list(range(25))}))
pprint.pprint(deque(range(30), maxlen=40))
pprint.pprint('a long string ' * 10, width=40)
pp = pprint.PrettyPrinter(indent=4, width=50)
pp.pprint({'key%d' % i: i for i in range(8)})
def gen(): yield from range(3)
pprint.pprint([gen() is not None, set(range(20)), frozenset({1})])
