# yield used inside larger expressions, calls and a return.
def gen():
    total = (yield 1) + (yield 2)
    print("total", total)
    items = [(yield "a"), (yield "b")]
    print("items", items)
    return (yield "last") * 2


g = gen()
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.send("x"))
print(g.send("y"))
try:
    g.send(21)
except StopIteration as e:
    print("returned", e.value)
