# Seed example: send() reaches the suspended yield inside the delegated-to generator.
def inner():
    x = yield "inner ready"
    print("inner got", x)
    yield x


def outer():
    yield from inner()


g = outer()
print(next(g))
print(g.send(42))


def inner2():
    x = yield 1
    print(f"Inner received: {x}")
    return "result"


def outer2():
    result = yield from inner2()
    return result


o = outer2()
print(next(o))
try:
    o.send("hello")
except StopIteration as e:
    print("outer2 returned", e.value)
