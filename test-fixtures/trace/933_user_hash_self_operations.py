# A set or dict with user-hashed keys operated on with itself: setobject.c's shortcuts (| and & copy, -= and ^= clear, isdisjoint) compare nothing, while s - s, s ^ s, <=, == and dict == look each member up and compare the keys of one hash in CPython's probe order (a set's slot order after resizes).
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 0
    def __eq__(self, o): print('eq', self.v, o.v); return self is o
s = {K(1), K(2)}
t = set(s); t -= t; print(len(t))
t = set(s); t ^= t; print(len(t))
t = set(s); t &= t; print(len(t))
t = set(s); t |= t; print(len(t))
t = set(s); t.difference_update(t); print(len(t))
t = set(s); t.symmetric_difference_update(t); print(len(t))
t = set(s); t.intersection_update(t); print(len(t))
print(len(s - s), len(s ^ s), len(s & s), len(s | s), s.isdisjoint(s), s <= s, s == s)
d = {K(3): 1, K(4): 2}
d.update(d)
print(d == d, d != d)
big = {K(i) for i in range(7)}
print(len(big & {K(9)}), len(big - big), K(3) in big)
