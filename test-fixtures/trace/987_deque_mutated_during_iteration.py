# A deque's iterators fail with 'deque mutated during iteration' after the mutations CPython counts (appends,
# pops, a non-empty extend, rotate, insert, remove, del, clear, repeat, re-init) and read live through the others
# (reverse, item assignment, extend of nothing, *= 1).
from collections import deque
ops = {'append': lambda d: d.append(9), 'appendleft': lambda d: d.appendleft(9), 'pop': lambda d: d.pop(), 'popleft': lambda d: d.popleft(),
 'extend': lambda d: d.extend([9]), 'extend0': lambda d: d.extend([]), 'extendleft': lambda d: d.extendleft([9]), 'clear': lambda d: d.clear(), 'rotate': lambda d: d.rotate(1), 'rotate0': lambda d: d.rotate(0),
 'insert': lambda d: d.insert(1, 9), 'remove': lambda d: d.remove(2), 'reverse': lambda d: d.reverse(), 'setitem': lambda d: d.__setitem__(0, 9),
 'delitem': lambda d: d.__delitem__(0), 'iadd': lambda d: d.__iadd__([9]), 'imul': lambda d: d.__imul__(2), 'imul1': lambda d: d.__imul__(1), 'copy': lambda d: d.copy(), 'count': lambda d: d.count(1), 'index': lambda d: d.index(2), 'init': lambda d: d.__init__([5, 6]),
 'append_maxlen': None}
for name, op in ops.items():
    d = deque([1, 2, 3]) if name != 'append_maxlen' else deque([1, 2, 3], maxlen=3)
    if op is None: op = lambda d: d.append(9)
    it = iter(d); first = next(it)
    op(d)
    try:
        rest = list(it); print(name, 'ok', first, rest, list(d))
    except RuntimeError as e:
        print(name, 'RuntimeError')

def drain(d):
    for x in d:
        yield x
        d.append(x)

g = drain(deque([1, 2]))
print(next(g))
try:
    next(g)
except RuntimeError as error:
    print('RuntimeError:', error)

# An __eq__ that mutates the deque during `in`, count() or index() fails the same way.
class Grows:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.append(0)
        return False

for probe in (lambda q, g: g in q, lambda q, g: q.count(g), lambda q, g: q.index(g)):
    q = deque([1, 2])
    try:
        print(probe(q, Grows(q)))
    except (RuntimeError, ValueError) as error:
        print(type(error).__name__, error, len(q))
