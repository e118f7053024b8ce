# itertools argument errors as CPython's: count of a non-number, combinations/permutations with r < 0,
# product(repeat=-1), zip_longest with an unknown keyword; the others' reprs and messages.
import itertools as it
cases = [
    lambda: it.islice([1], -1), lambda: it.islice([1], 'a'), lambda: it.islice([1], 0, 1, 0), lambda: it.repeat(1, 'x'),
    lambda: list(it.repeat(1, -2)), lambda: it.count('a'), lambda: list(it.batched([1, 2], 0)), lambda: it.combinations([1], -1),
    lambda: it.permutations([1], -1), lambda: it.product([1], repeat=-1), lambda: list(it.accumulate([1, 'a'])),
    lambda: it.chain(1), lambda: list(it.chain([1], 1)), lambda: list(it.chain.from_iterable([1])), lambda: it.zip_longest([1], fillvalue=1, x=2),
    lambda: list(it.compress([1, 2], [0, 1])), lambda: list(it.pairwise('abc')), lambda: it.cycle(1), lambda: it.groupby(1),
    lambda: list(it.starmap(pow, [(2, 3), 1])), lambda: it.tee(1), lambda: list(it.islice('abcdef', 1, None, 2)),
    lambda: repr(it.count(2.5, 0.5)), lambda: repr(it.repeat('a', 3)), lambda: repr(it.count()), lambda: next(it.count(10**20)),
]
for c in cases:
    try:
        r = c()
        print(repr(r) if not hasattr(r, '__next__') else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: it.count(None), lambda: it.count(start=None), lambda: it.count(step='x')]:
    try:
        f()
    except TypeError as e:
        print(e)
