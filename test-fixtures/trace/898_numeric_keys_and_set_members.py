# Decimal and Fraction keys equal to ints and floats are the same dict and set keys as those numbers ({Fraction(1): 'a'}[1] was a KeyError); a set keeps the member it has when an equal one is added; Context.flags is the C module's SignalDict.
from fractions import Fraction as F
print({F(1): 'a'}[1], {1: 'b'}[F(2, 2)], {0.5: 'c'}[F(1, 2)], len({F(1), 1, 1.0}), {F(1, 3): 1}[F(2, 6)])
s = {1, 1.0, True}
print(s)
s.add(1.0)
print(s)
t = set([2.0, 2])
print(t, {1.0} | {1}, frozenset([1, 1.0]))
u = {1.0}
u.update([1])
print(u)
from fractions import Fraction as F
print({F(1, 2), 0.5}, {0.5, F(1, 2)})
a, b, c = 1, 1.0, True
print({a, b}, {b, a}, {c, a})
s = set()
s.add(b); s.add(a)
print(s, set([b, a]), {x for x in (b, a)}, frozenset((b, a)))
s.update([a]); print(s, s | {a}, {a} | s, s.union([a]))
d = {b: 1}
d[a] = 2
print(d, dict([(b, 1), (a, 2)]), {b: 1, a: 2}, {k: 0 for k in (b, a)})
from decimal import *
c = getcontext()
print(c.flags)
print(type(c.flags), c.traps[InvalidOperation], c.flags.copy() == dict(c.flags), list(c.traps)[:2])
D = Decimal
print({D("0.5"): 1}[0.5], {0.5: 2}[D("0.5")], len({D(1), 1, 1.0, D("1.00")}), {D("0.1"): 3}[D("0.10")])
