# collections.deque as CPython 3.13 has it: every method and operator, their argument and index errors, maxlen
# trimming, self-extension, comparisons, repeat and concatenation, and the iterator types.
from collections import deque
d = deque([1, 2, 3])
for f in [lambda: d.index(5), lambda: d.remove(5), lambda: d.index(2, 2), lambda: d.index(1, -10, 10), lambda: deque([], -1), lambda: deque([], 'a'), lambda: deque([1], 2).insert(0, 5) or deque([1,2],2).insert(0,5),
          lambda: d[1:2], lambda: d['a'], lambda: d.__setitem__(5, 1), lambda: d.__delitem__(-9), lambda: d + [1], lambda: d.rotate('a'), lambda: d.count(), lambda: d.insert('a', 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
e = deque(); it = iter(e); e.clear(); print(list(it))
e = deque([1]); it = iter(e); e.rotate(1)
try: print(list(it))
except RuntimeError as x: print('RT', x)
print(d + deque([4], maxlen=1), deque([1, 2], maxlen=2) + d, d * 2, 2 * d, d == d.copy(), d < deque([1, 3]), deque([1]) <= deque([1]))
d2 = deque(range(5), maxlen=3); d2.extend(d2); print(d2); d2.extendleft(d2); print(d2, d2.maxlen)
d3 = deque([1,2,3]); d3 += 'ab'; print(d3); d3 *= 0; print(d3)
print(list(reversed(deque('abc'))), deque('abc').index('c'), 'b' in deque('abc'), len(deque('abcd')))
q = deque([1, 2, 3]); del q[1]; q[0] = 'x'; print(q, q.pop(), q.popleft(), q)
z = deque([1,2,3,4,5]); z.rotate(2); print(z); z.rotate(-3); print(z); z.reverse(); print(z); z.insert(-1, 'i'); print(z); z.remove(3); print(z)
z.__init__([7, 8]); print(z, z.maxlen); z.__init__([1,2,3], 2); print(z, z.maxlen)
print(type(iter(z)), type(reversed(z)))

def window(iterable, n):
    it = iter(iterable)
    win = deque((next(it) for _ in range(n)), maxlen=n)
    yield tuple(win)
    for x in it:
        win.append(x)
        yield tuple(win)

print(list(window(range(6), 3)), deque([1, 2, 3]) == deque([1, 2, 3]), hasattr(deque(), '__add__'))

# deque()'s own argument errors (PyArg_ParseTupleAndKeywords: the count of positional and keyword arguments, then each keyword).
from collections import deque
for f in [lambda: deque(foo=1), lambda: deque([], 2, 3), lambda: deque([1], maxlen=None, iterable=[2]), lambda: deque(maxlen=2, iterable='abc'), lambda: deque().__init__(1,2,3),
          lambda: deque([1], iterable=[2]), lambda: deque([1], 2, maxlen=3), lambda: deque(1), lambda: deque([1], 2.5), lambda: deque('ab', maxlen=True)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
