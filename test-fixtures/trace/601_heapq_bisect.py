# heapq and bisect: heaps fed by generators, merge of sorted generators, nlargest/nsmallest, insort with key.
import bisect
import heapq


def squares(n):
    for i in range(n, 0, -1):
        yield (i * 7) % 11


h = []
for x in squares(8):
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.heapreplace(h, 20), h)
data = list(squares(10))
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])


def evens():
    yield from range(0, 10, 2)


def odds():
    yield from range(1, 10, 2)


merged = heapq.merge(evens(), odds())
print(next(merged), next(merged), list(merged))
print(list(heapq.merge(['b', 'dd'], ['a', 'ccc'], key=len)), list(heapq.merge([5, 3], [4, 1], reverse=True)))
print(heapq.nlargest(3, squares(9)), heapq.nsmallest(2, squares(9), key=lambda v: -v), heapq.nlargest(1, []))
print(heapq.nsmallest(10, [3, 1, 2]), heapq.nlargest(2, iter([4, 9, 1])))
for call in (lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapify(None),
             lambda: heapq.heappush([1]), lambda: heapq.heappush([1], 'x'), lambda: heapq.heapreplace([], 1)):
    try:
        call()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)

grades = 'FDCBA'
breakpoints = [60, 70, 80, 90]
print([grades[bisect.bisect(breakpoints, score)] for score in [33, 99, 77, 70, 89, 90, 100]])
a = [1, 2, 2, 2, 3]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, hi=2))
records = []
for name in ['pear', 'fig', 'banana', 'kiwi']:
    bisect.insort(records, name, key=len)
bisect.insort_left(records, 'date', key=len)
print(records, bisect.bisect(records, 4, key=len), bisect.bisect_left(x=3, a=[1, 3]))
for call in (lambda: bisect.bisect([1], 1, -1), lambda: bisect.bisect(None, 1), lambda: bisect.insort((), 1),
             lambda: bisect.bisect([1]), lambda: bisect.bisect([1], 1, 0, 1, 2)):
    try:
        call()
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(heapq.heappush, bisect.insort, heapq.__all__)
