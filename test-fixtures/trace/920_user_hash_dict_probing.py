# Keys with a __hash__ and __eq__ of their own are compared per table as CPython probes: __hash__ once per lookup, __eq__ only against entries of an equal stored hash (the stored key on the left, identity first), int and str keys of that hash included; tuples holding such keys; merges and == reuse stored hashes.
class K:
    def __init__(self, v, h=None):
        self.v = v
        self.h = v if h is None else h
    def __hash__(self):
        print('hash', self.v)
        return self.h
    def __eq__(self, o):
        print('eq', self.v, getattr(o, 'v', o))
        return isinstance(o, K) and o.v == self.v
    def __repr__(self):
        return f'K({self.v})'
a, b, c = K(1, 7), K(2, 7), K(3, 7)
d = {a: 'a', b: 'b'}
print(d.get(c), d.get(K(2, 7)), c in d, K(4) in d, K(5) in set())
print(d == {K(1, 7): 'a', K(2, 7): 'b'})
e = {K(1, 7): 'x'}
e.update(d)
e.update({K(2, 7): 'B'})
print(list(e.values()), d.setdefault(K(9, 7), 9), len(d))
print({(K(6),): 1}.get((K(6),)), (K(6), 1) in {(K(6), 1)})
class I:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        print('I.eq', o)
        return o == self.v
print({5: 'five', 'x': 1}[I(5)], I('x') in {'x'}, 5 in {I(5)}, {I(5): 1}.get(5), {I('x'): 2}['x'])
class Raises:
    def __hash__(self):
        return 7
    def __eq__(self, o):
        raise ValueError('eq')
try:
    print({Raises(): 1} .get(K(7)))
    print({K(7): 1}.get(Raises()))
    print(Raises() in {Raises()})
except ValueError as error:
    print('ValueError', error)
class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(H(-1)), hash(H(2 ** 70)), hash(H(True)))
try:
    hash(H('x'))
except TypeError as error:
    print(error)
import enum
class Color(enum.Enum):
    RED = 1
print({Color.RED: 1, 'RED': 2}, Color.RED in {'RED'}, {'RED': 1}.get(Color.RED))
class M:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        print('M.eq', self.v)
        table.clear()
        return False
table = {M(0): 1}
print(M(5) in table, len(table))
