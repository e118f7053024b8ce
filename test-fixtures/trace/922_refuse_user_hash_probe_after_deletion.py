# After a deletion, a key of the same hash may take the freed slot ahead of older keys, so the order of the __eq__ calls of a lookup comparing several keys depends on CPython's table layout: refused rather than guessed.
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, o):
        print('eq', self.v, o.v)
        return self.v == o.v
d = {K(1): 1, K(2): 2, K(3): 3}
del d[K(1)]
d[K(4)] = 4
print(K(5) in d)
