# A StopIteration raised by the function a C iterator calls (map, filter, itertools, iter(f, sentinel))
# ends that iterator's iteration in CPython; raised by a key= or by sorted/min/max's callee it propagates.
import itertools


def boom(x):
    if x == 2:
        raise StopIteration('from boom')
    return x * 10


print(list(map(next, [iter([1]), iter([]), iter([3])])))
print(list(map(boom, [1, 2, 3])))
print(list(filter(boom, [1, 2, 3])))
print(list(itertools.starmap(lambda a: boom(a), [(1,), (2,), (3,)])))
print(list(itertools.takewhile(boom, [1, 2, 3])))
print(list(itertools.dropwhile(lambda x: boom(x) < 5, [1, 2, 3])))
print(list(itertools.filterfalse(boom, [1, 2, 3])))
print(list(itertools.accumulate([1, 2, 3], lambda a, b: boom(b))))
print(list(zip([1, 2], map(boom, [1, 2, 3]))))
print(list(enumerate(map(boom, [1, 2, 3]))))
print([k for k, _ in itertools.groupby([1, 2, 3], key=boom)])
print(sum(map(boom, [1, 2, 3])), max(map(boom, [1, 2, 3])), sorted(map(boom, [3, 2, 1])))
print(set(map(boom, [1, 2])), tuple(map(boom, [1, 2])), dict(zip('ab', map(boom, [1, 2]))))
print(any(map(boom, [2])), all(map(boom, [2])))
print(' '.join(map(str, map(boom, [1, 2, 3]))))

# The map object is not exhausted: a later next() calls the function again.
it = iter([iter([]), iter([7])])
m = map(next, it)
print(list(m), list(m))

# next() raises the callee's own StopIteration (with its value); with a default, gives the default.
try:
    next(map(boom, [2]))
except StopIteration as e:
    print('next:', repr(e), e.value)
print(next(map(boom, [2]), 'default'))

count = 0


def tick():
    global count
    count += 1
    if count == 3:
        raise StopIteration
    return count


print(list(iter(tick, 99)))

for name, call in [
    ('sorted key', lambda: sorted([1, 2, 3], key=boom)),
    ('min key', lambda: min([1, 2, 3], key=boom)),
    ('max key', lambda: max([1, 2, 3], key=boom)),
    ('list.sort key', lambda: [1, 2, 3].sort(key=boom)),
    ('functools-free reduce', lambda: [boom(x) for x in [1, 2]]),
]:
    try:
        print(name, call())
    except StopIteration as e:
        print(name, 'StopIteration', e)


def gen():
    # Inside a generator: map ends normally, so no RuntimeError here ...
    yield list(map(boom, [1, 2, 3]))
    for v in map(boom, [1, 2, 3]):
        yield v
    r = yield from map(boom, [1, 2, 3])
    yield ('yield from value', r)
    # ... but a key= raising StopIteration escapes the generator as RuntimeError (PEP 479).
    yield sorted([1, 2], key=boom)


g = gen()
try:
    for v in g:
        print('gen', v)
except RuntimeError as e:
    print('RuntimeError', e, repr(e.__cause__))
calls = []


def f():
    calls.append(1)
    return len(calls)


it = iter(f, 2)
print(list(it), next(it, 'done'), next(it, 'done'), len(calls))


def g():
    calls.append(1)
    if len(calls) > 4:
        raise StopIteration
    return 'x'


it2 = iter(g, None)
print(list(it2), next(it2, 'done'), len(calls))
