# itertools.tee as CPython's: re-entering a tee iterator from the generator it reads raises
# RuntimeError('cannot re-enter the tee iterator'); a tee iterator is copied, so tee(t)[0] is t and the
# copies share one buffer; n < 0 is a ValueError, n == 0 gives ().
import itertools

holder = []


def source():
    yield 1
    try:
        yield next(holder[0])
    except RuntimeError as e:
        print('inside:', type(e).__name__, e)
        yield 'recovered'
    yield 3


a, b = itertools.tee(source())
holder.append(a)
print(next(a), next(a), next(a))
print(list(b))


def reentrant():
    yield 1
    yield next(holder2[0])


holder2 = []
t, = itertools.tee(reentrant(), 1)
holder2.append(t)
try:
    print(list(t))
except RuntimeError as e:
    print('outside:', e)

for n in (-1, 0):
    try:
        print(itertools.tee([1], n))
    except ValueError as e:
        print('ValueError', e)

t = itertools.tee([1, 2, 3])[0]
x, y = itertools.tee(t)
print(x is t, next(t), next(y), next(x), list(y))
c = t.__copy__()
print(type(c).__name__, next(c, 'end'), next(t, 'end'), next(c, 'end'))
p, q = itertools.tee(range(5000))
print(sum(p), sum(q))


# Other itertools objects have no guard: re-entering one re-enters the generator below it.
def feeds():
    yield 1
    yield next(ch)


ch = itertools.chain(feeds())
try:
    print(list(ch))
except ValueError as e:
    print('chain:', e)
