# yield is an expression: the value of send() becomes its result.
def gen():
    x = yield "ready"
    print("got", x)
    y = yield x * 2
    print("got", y)
    yield (x, y)


g = gen()
print(next(g))
print(g.send(21))
print(next(g))
