# From the itertools documentation 3.13 (Doc/library/itertools.rst): the "roughly equivalent to" pure-Python generators of the module's functions, each checked against the C implementation.
# Licence: PSF-2.0.
import itertools
import operator

def accumulate(iterable, function=operator.add, *, initial=None):
    'Return running totals'
    # accumulate([1,2,3,4,5]) → 1 3 6 10 15
    # accumulate([1,2,3,4,5], initial=100) → 100 101 103 106 110 115
    # accumulate([1,2,3,4,5], operator.mul) → 1 2 6 24 120

    iterator = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(iterator)
        except StopIteration:
            return

    yield total
    for element in iterator:
        total = function(total, element)
        yield total

def batched(iterable, n, *, strict=False):
    # batched('ABCDEFG', 3) → ABC DEF G
    if n < 1:
        raise ValueError('n must be at least one')
    iterator = iter(iterable)
    while batch := tuple(itertools.islice(iterator, n)):
        if strict and len(batch) != n:
            raise ValueError('batched(): incomplete batch')
        yield batch

def chain(*iterables):
    # chain('ABC', 'DEF') → A B C D E F
    for iterable in iterables:
        yield from iterable

def compress(data, selectors):
    # compress('ABCDEF', [1,0,1,0,1,1]) → A C E F
    return (datum for datum, selector in zip(data, selectors) if selector)

def count(start=0, step=1):
    # count(10) → 10 11 12 13 14 ...
    # count(2.5, 0.5) → 2.5 3.0 3.5 ...
    n = start
    while True:
        yield n
        n += step

def cycle(iterable):
    # cycle('ABCD') → A B C D A B C D A B C D ...

    saved = []
    for element in iterable:
        yield element
        saved.append(element)

    while saved:
        for element in saved:
            yield element

def dropwhile(predicate, iterable):
    # dropwhile(lambda x: x<5, [1,4,6,3,8]) → 6 3 8

    iterator = iter(iterable)
    for x in iterator:
        if not predicate(x):
            yield x
            break

    for x in iterator:
        yield x

def filterfalse(predicate, iterable):
    # filterfalse(lambda x: x<5, [1,4,6,3,8]) → 6 8

    if predicate is None:
        predicate = bool

    for x in iterable:
        if not predicate(x):
            yield x

def groupby(iterable, key=None):
    # [k for k, g in groupby('AAAABBBCCDAABBB')] → A B C D A B
    # [list(g) for k, g in groupby('AAAABBBCCD')] → AAAA BBB CC D

    keyfunc = (lambda x: x) if key is None else key
    iterator = iter(iterable)
    exhausted = False

    def _grouper(target_key):
        nonlocal curr_value, curr_key, exhausted
        yield curr_value
        for curr_value in iterator:
            curr_key = keyfunc(curr_value)
            if curr_key != target_key:
                return
            yield curr_value
        exhausted = True

    try:
        curr_value = next(iterator)
    except StopIteration:
        return
    curr_key = keyfunc(curr_value)

    while not exhausted:
        target_key = curr_key
        curr_group = _grouper(target_key)
        yield curr_key, curr_group
        if curr_key == target_key:
            for _ in curr_group:
                pass

def islice(iterable, *args):
    # islice('ABCDEFG', 2) → A B
    # islice('ABCDEFG', 2, 4) → C D
    # islice('ABCDEFG', 2, None) → C D E F G
    # islice('ABCDEFG', 0, None, 2) → A C E G

    s = slice(*args)
    start = 0 if s.start is None else s.start
    stop = s.stop
    step = 1 if s.step is None else s.step
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError

    indices = count() if stop is None else range(max(start, stop))
    next_i = start
    for i, element in zip(indices, iterable):
        if i == next_i:
            yield element
            next_i += step

def pairwise(iterable):
    # pairwise('ABCDEFG') → AB BC CD DE EF FG

    iterator = iter(iterable)
    a = next(iterator, None)

    for b in iterator:
        yield a, b
        a = b

def repeat(object, times=None):
    # repeat(10, 3) → 10 10 10

    if times is None:
        while True:
            yield object
    else:
        for i in range(times):
            yield object

def starmap(function, iterable):
    # starmap(pow, [(2,5), (3,2), (10,3)]) → 32 9 1000
    for args in iterable:
        yield function(*args)

def takewhile(predicate, iterable):
    # takewhile(lambda x: x<5, [1,4,6,3,8]) → 1 4

    for x in iterable:
        if not predicate(x):
            break
        yield x

def tee(iterable, n=2):
    if n < 0:
        raise ValueError
    if n == 0:
        return ()
    iterator = _tee(iterable)
    result = [iterator]
    for _ in range(n - 1):
        result.append(_tee(iterator))
    return tuple(result)

class _tee:

    def __init__(self, iterable):
        it = iter(iterable)
        if isinstance(it, _tee):
            self.iterator = it.iterator
            self.link = it.link
        else:
            self.iterator = it
            self.link = [None, None]

    def __iter__(self):
        return self

    def __next__(self):
        link = self.link
        if link[1] is None:
            link[0] = next(self.iterator)
            link[1] = [None, None]
        value, self.link = link
        return value

def zip_longest(*iterables, fillvalue=None):
    # zip_longest('ABCD', 'xy', fillvalue='-') → Ax By C- D-

    iterators = list(map(iter, iterables))
    num_active = len(iterators)
    if not num_active:
        return

    while True:
        values = []
        for i, iterator in enumerate(iterators):
            try:
                value = next(iterator)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = itertools.repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)

def product(*iterables, repeat=1):
    # product('ABCD', 'xy') → Ax Ay Bx By Cx Cy Dx Dy
    # product(range(2), repeat=3) → 000 001 010 011 100 101 110 111

    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat

    result = [[]]
    for pool in pools:
        result = [x+[y] for x in result for y in pool]

    for prod in result:
        yield tuple(prod)

def permutations(iterable, r=None):
    # permutations('ABCD', 2) → AB AC AD BA BC BD CA CB CD DA DB DC
    # permutations(range(3)) → 012 021 102 120 201 210

    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return

    indices = list(range(n))
    cycles = list(range(n, n-r, -1))
    yield tuple(pool[i] for i in indices[:r])

    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i+1:] + indices[i:i+1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return

def combinations(iterable, r):
    # combinations('ABCD', 2) → AB AC AD BC BD CD
    # combinations(range(4), 3) → 012 013 023 123

    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))

    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i+1, r):
            indices[j] = indices[j-1] + 1
        yield tuple(pool[i] for i in indices)

def combinations_with_replacement(iterable, r):
    # combinations_with_replacement('ABC', 2) → AA AB AC BB BC CC

    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r

    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)

take = lambda n, it: list(itertools.islice(it, n))
checks = [
    ("accumulate", list(accumulate([1, 2, 3, 4, 5])), list(itertools.accumulate([1, 2, 3, 4, 5]))),
    ("accumulate initial", list(accumulate([1, 2, 3, 4, 5], initial=100)), list(itertools.accumulate([1, 2, 3, 4, 5], initial=100))),
    ("accumulate mul", list(accumulate([1, 2, 3, 4, 5], operator.mul)), list(itertools.accumulate([1, 2, 3, 4, 5], operator.mul))),
    ("batched", list(batched('ABCDEFG', 3)), list(itertools.batched('ABCDEFG', 3))),
    ("chain", list(chain('ABC', 'DEF')), list(itertools.chain('ABC', 'DEF'))),
    ("compress", list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(itertools.compress('ABCDEF', [1, 0, 1, 0, 1, 1]))),
    ("count", take(4, count(2.5, 0.5)), take(4, itertools.count(2.5, 0.5))),
    ("cycle", take(10, cycle('ABCD')), take(10, itertools.cycle('ABCD'))),
    ("dropwhile", list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8]))),
    ("filterfalse", list(filterfalse(lambda x: x < 5, [1, 4, 6, 3, 8])), list(itertools.filterfalse(lambda x: x < 5, [1, 4, 6, 3, 8]))),
    ("groupby keys", [k for k, g in groupby('AAAABBBCCDAABBB')], [k for k, g in itertools.groupby('AAAABBBCCDAABBB')]),
    ("groupby groups", [list(g) for k, g in groupby('AAAABBBCCD')], [list(g) for k, g in itertools.groupby('AAAABBBCCD')]),
    ("islice", [list(islice('ABCDEFG', *a)) for a in [(2,), (2, 4), (2, None), (0, None, 2)]],
               [list(itertools.islice('ABCDEFG', *a)) for a in [(2,), (2, 4), (2, None), (0, None, 2)]]),
    ("pairwise", list(pairwise('ABCDEFG')), list(itertools.pairwise('ABCDEFG'))),
    ("repeat", list(repeat(10, 3)), list(itertools.repeat(10, 3))),
    ("starmap", list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)]))),
    ("takewhile", list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 3, 8]))),
    ("tee", [list(t) for t in tee('abc', 3)], [list(t) for t in itertools.tee('abc', 3)]),
    ("zip_longest", list(zip_longest('ABCD', 'xy', fillvalue='-')), list(itertools.zip_longest('ABCD', 'xy', fillvalue='-'))),
    ("product", list(product('ABCD', 'xy')), list(itertools.product('ABCD', 'xy'))),
    ("product repeat", list(product(range(2), repeat=3)), list(itertools.product(range(2), repeat=3))),
    ("permutations", list(permutations('ABCD', 2)), list(itertools.permutations('ABCD', 2))),
    ("permutations all", list(permutations(range(3))), list(itertools.permutations(range(3)))),
    ("combinations", list(combinations('ABCD', 2)), list(itertools.combinations('ABCD', 2))),
    ("combinations 3", list(combinations(range(4), 3)), list(itertools.combinations(range(4), 3))),
    ("combinations_with_replacement", list(combinations_with_replacement('ABC', 2)), list(itertools.combinations_with_replacement('ABC', 2))),
]
for name, ours, theirs in checks:
    print(name, ours == theirs, ours)
try:
    list(batched('ABCDEFG', 3, strict=True))
except ValueError as e:
    print("ValueError:", e)
g = groupby('AAB')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
