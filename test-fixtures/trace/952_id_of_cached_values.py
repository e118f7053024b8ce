# id() of the values CPython caches (None, True/False, the small ints -5..256, '' and one-character latin-1
# strs): one identity per value, as `is` gives, and never an object's. A visited-set keyed by id(), as
# boltons' remap/research keep one, sees each container once and never mistakes a small int for one.
class Seen:
    """The visited set (a class, so the generator's traced locals show no id numbers)."""
    def __init__(self):
        self.names = {}

    def __contains__(self, value):
        return id(value) in self.names

    def __getitem__(self, value):
        return self.names[id(value)]

    def __setitem__(self, value, name):
        self.names[id(value)] = name


def walk(root):
    seen = Seen()
    stack = [((), root)]
    while stack:
        path, value = stack.pop()
        if value in seen:
            yield path, 'again: ' + seen[value]
            continue
        if isinstance(value, (list, dict)):
            seen[value] = '/'.join(map(str, path)) or 'root'
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend(reversed([(path + (k,), v) for k, v in items]))
        else:
            yield path, value


shared = [1, 2]
for item in walk({'a': shared, 'b': [shared, 3, None, True, 'x', ''], 'c': -5}):
    print(item)

print(id(None) == id(None), id(True) == id(1 == 1), id(True) == id(1), id(False) == id(0))
print(id(5) == id(2 + 3), id(256) == id(int('256')), id(-5) == id(-10 // 2), id(7) == id(8))
print(id('a') == id('abc'[0]), id('') == id('xyz'[3:]), id('\xe9') == id(chr(233)), id('a') == id('b'))
print(len({id(v) for v in (None, True, False, 0, 1, 255, '', 'z', [], ())}))
try:
    id()
except TypeError as e:
    print(e)
