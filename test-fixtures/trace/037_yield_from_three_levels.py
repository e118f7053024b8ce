# Three levels of delegation: values come up, sends go down, returns come back up.
def level3():
    received = yield "l3 first"
    print("level3 received", received)
    yield "l3 second"
    return "l3 done"


def level2():
    r = yield from level3()
    print("level2 got", r)
    return r.upper()


def level1():
    r = yield from level2()
    yield f"level1 got {r}"


g = level1()
print(next(g))
print(g.send("hello"))
print(next(g))
print(next(g, "exhausted"))
