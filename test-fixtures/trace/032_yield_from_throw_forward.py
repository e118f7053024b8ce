# throw() on the outer generator is forwarded to the inner one, which handles it.
def inner():
    try:
        yield "ready"
    except ValueError as e:
        print("inner caught", repr(e))
        yield "handled"
    yield "after"


def outer():
    yield from inner()
    yield "outer continues"


g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
print(next(g))
