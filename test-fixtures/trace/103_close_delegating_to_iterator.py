# close() while delegating to a plain iterator, and to a generator that returns a value on close.
def outer():
    try:
        yield from iter("abc")
    finally:
        print("outer finally")


g = outer()
print(next(g))
print(g.close())


def inner():
    try:
        yield 1
    except GeneratorExit:
        return "inner value"


def outer2():
    r = yield from inner()
    print("outer2 resumed with", r)
    yield r


g2 = outer2()
next(g2)
print(g2.close())
