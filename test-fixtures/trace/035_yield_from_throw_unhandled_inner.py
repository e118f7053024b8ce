# An exception thrown in and not handled by the inner generator propagates into the outer one.
def inner():
    try:
        yield 1
    finally:
        print("inner finally")


def outer():
    try:
        yield from inner()
    except KeyError as e:
        print("outer caught", e)
        yield "outer recovered"


g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(g.gi_yieldfrom)
try:
    g.throw(TypeError("not handled"))
except TypeError as e:
    print(type(e).__name__, e)
