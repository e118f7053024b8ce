# Found by the value fuzzer: set order with float, None and tuple members (CPython's hashes), folded set
# constants refused where CPython's rebuild could move members, dict displays evaluating a run of pairs before hashing, dict views, set.intersection.
print(hash(0.1), hash(-2.5), hash(None), hash((1, 0.1)), hash(float('-inf')))
x = 3
print({x, '3.14', (1, 2)}, {x, 'inf', ('Hello World', ((255, 1.5), 'inf'))}, {x, 'x', (2**64 + 1, 1e-7)}, {1, 2})
s = {0.5, 3}
s.add((1, 0.1))
s.add(None)
print(s, set([1.5, 2.5, 3, 0.1]))
try:
    {[]: 1, 'a': 1 // 0}
except Exception as error:
    print(type(error).__name__, error)
d = {1: 2, 3: 4}
print(1 in d.keys(), 2 in d.values(), (1, 2) in d.items(), d.keys() - {1}, d.items() | {(5, 6)}, d.keys() ^ {1, 9})
print(list(reversed(d.items())), d.keys() == {1, 3}, d.keys().isdisjoint([7]))
print(sorted(frozenset([True, -2, 0]).intersection([1, -1, 2]), key=repr), {True, 2} & {1, 3}, {1, 3} & {True, 2})
t = {1, 2}
t.symmetric_difference_update([2, 3, 3])
print(t)
