# PEP 646 (3.11): a starred item in a subscript makes the index a tuple, as in a tuple display: a[*b], a[0, *b], a[*b, *c], in loads, stores, deletes and augmented assignments; tree-sitter's reading of *f(x) as a call of *f is undone.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print('get', key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print('set', key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print('del', key)
        del self.cells[key]
g = Grid()
b = [1, 2]
def coords(n):
    print('coords', n)
    return range(n)
print(g[*b], g[*b, 3], g[0, *b], g[*b, *b])
g[*b] = 5
g[*b] += 1
g[0, *coords(2)] = 7
print(g[*coords(1)], g.cells)
del g[*b]
print({(1, 2): 'x'}[*b], {(3,): 'y'}[*b[1:], ] if False else 'skip')
def gen():
    yield from b
print(g[*gen()], g[*b[:1]])
