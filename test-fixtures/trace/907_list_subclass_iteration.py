# Iterating a subclass of list that overrides __iter__: for loops, unpacking, f(*x), [*x], yield from, zip,
# enumerate, map, min/max, sum, str.join, set() and dict.fromkeys all go through the override (CPython's fast
# paths are for exact lists only), while len(), x[i] and list.__iter__ use the storage.
class Shuffled(list):
    def __iter__(self):
        return reversed(list.__iter__(self).__reduce__()[1][0]) if False else iter(self[::-1])


def delegate(seq):
    yield from seq


def f(*args):
    return args


s = Shuffled(['a', 'b', 'c'])
for x in s:
    print(x)
first, *rest = s
p, q, r = s
print(first, rest, p, q, r, f(*s), [*s], (*s,), {*s} == {'a', 'b', 'c'}, list(delegate(s)))
print(list(zip(s, range(3))), list(enumerate(s)), list(map(str.upper, s)), min(s), max(s), ''.join(s), sorted(s))
print(dict.fromkeys(s), list(reversed(s)), s, len(s), s[0], list(list.__iter__(s)), tuple(s), list(filter(None, s)))
print(sum(Shuffled([1, 2, 3])), any(Shuffled([0, 1])), 'b' in s, s.index('a'))


class Counting(list):
    def __len__(self):
        return 1000

    def __bool__(self):
        return False


c = Counting([1])
print(len(c), bool(c), not c, c or 'empty', list(c), c[0], list.__len__(c))
if c:
    print('true')
else:
    print('false')
while c:
    break
print([x for x in Counting([5, 6])], c == [1])
