# A subclass of list that records appends: list's own methods (extend, insert, +=, list(x), sorted, slicing,
# copy) do not call the overriding append, while x[i], len(), iteration, `in` and repr dispatch to overrides;
# an __init__ of its own, super().__setitem__, attributes, copy.copy (append per item, __dict__ copied).
import copy
import json


class Recording(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.log = []

    def append(self, x):
        self.log.append(x)
        super().append(x)


def produce(n):
    r = Recording()
    for i in range(n):
        r.append(i)
        yield len(r), r.log[-1]
    r.extend([10, 11])
    r += [12]
    r.insert(0, -1)
    yield r, r.log


print(list(produce(3)))
r = Recording([3, 1, 2])
print(r, type(r), isinstance(r, list), r.log, r[0], r[-1], r[1:], type(r[1:]), r + [4], type(r + [4]), r * 2)
print(sorted(r), list(r), type(list(r)), len(r), 2 in r, r == [3, 1, 2], [3, 1, 2] == r, r != [3], r.copy(), type(r.copy()))
r.sort()
r.reverse()
print(r, r.index(2), r.count(1), json.dumps(r), tuple(r), [*r], max(r), sum(r), bool(r), bool(Recording()))
c = copy.copy(r)
print(c, type(c), c.log, c is r)
try:
    hash(r)
except TypeError as e:
    print('TypeError', e)


class View(list):
    def __getitem__(self, i):
        print('getitem', i)
        return super().__getitem__(i) * 100

    def __setitem__(self, i, v):
        print('setitem', i)
        super().__setitem__(i, v + 1)

    def __delitem__(self, i):
        print('delitem', i)
        super().__delitem__(i)

    def __len__(self):
        return 42

    def __iter__(self):
        print('iter')
        return iter(['a', 'b'])

    def __contains__(self, x):
        return x == 'magic'

    def __repr__(self):
        return 'View' + list.__repr__(self)


v = View([1, 2, 3])
print(v[0], len(v), list(v), 'magic' in v, 1 in v, v, str(v), [v], bool(v))
v[0] = 5
del v[1]
print(list.__len__(v), list.__repr__(v), v.pop(), v.index(6), sorted(v), [*v], tuple(v), max(v), list.__iter__(v))
e = []
e.extend(v)
print(e, [x for x in v], v == [6], v.copy(), Recording(v), Recording[int])
try:
    Recording(1, 2)
except TypeError as e:
    print('TypeError', e)
