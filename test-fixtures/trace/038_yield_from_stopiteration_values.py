# Return values of any type travel through StopIteration.value and `yield from`.
def returns(value):
    yield "x"
    return value


def collect():
    a = yield from returns((1, 2))
    b = yield from returns([3])
    c = yield from returns(None)
    d = yield from returns({"k": 4})
    return a, b, c, d


g = collect()
try:
    while True:
        next(g)
except StopIteration as e:
    print(e.value)


def returns_stopiteration():
    yield 1
    return StopIteration("inner value")


r = returns_stopiteration()
next(r)
try:
    next(r)
except StopIteration as e:
    print(type(e.value).__name__, e.value)
