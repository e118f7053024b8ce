# {**d}, dict.fromkeys of a dict or set, and the comparisons of dict views with user-hashed keys: stored hashes are reused (no __hash__ call), as dict_merge and dict_fromkeys do; __eq__ is asked only on equal hashes.
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): print('hash', self.v); return self.v
    def __eq__(self, o): print('eq', self.v); return self is o
    def __repr__(self): return f'K({self.v})'
d = {K(1): 1, K(2): 2}
print({**d, 3: 3})
print(dict.fromkeys(d), dict.fromkeys({K(3), K(11)}))
print({**d} == d, d.keys() == {k for k in d}, d.items() <= d.items())
