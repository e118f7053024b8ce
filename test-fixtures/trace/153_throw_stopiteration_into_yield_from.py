# throw(StopIteration) at a yield from: with an iterator that has no throw() it ends the delegation and becomes
# the yield from's value; a delegated-to generator turns it into RuntimeError (PEP 479) instead.
def over_iterator():
    r = yield from iter("ab")
    print("returned", r)
    yield "after"


x = over_iterator()
print(next(x))
print(x.throw(StopIteration("v")))


def inner():
    yield 1


def over_generator():
    try:
        yield from inner()
    except RuntimeError as e:
        print("outer caught", type(e).__name__, e, type(e.__cause__).__name__)
        yield "recovered"


y = over_generator()
print(next(y))
print(y.throw(StopIteration("w")))
