# Set algebra, comparisons and merges of members with a __hash__ of their own: members visited in CPython's slot order (known from the hashes they returned), found by their stored hashes with no __hash__ call, compared by __eq__ only on equal hashes; such sets iterate in CPython's order.
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
s = {a, b}
t = {K(2, 7), c}
print(s | t, s & t, s - t, s ^ t)
print(s <= {a, b, c}, s.isdisjoint(t), s == {K(1, 7), K(2, 7)})
u = set(s)
u |= t
u.discard(K(1, 7))
print(sorted(x.v for x in u), s.intersection([K(2, 7)]), s.union([K(8)]))
print({K(i) for i in range(5)}, frozenset([K(10), K(2), K(18)]))
print(set({K(11): 0, K(3): 1}))
class Boom:
    def __hash__(self):
        return 7
    def __eq__(self, o):
        raise ZeroDivisionError('in eq')
try:
    print({Boom()} | {Boom()})
except ZeroDivisionError as error:
    print('ZeroDivisionError', error)
