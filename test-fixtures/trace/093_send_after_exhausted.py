# send() and next() on an exhausted generator raise StopIteration without running anything.
def gen():
    x = yield 1
    print("received", x)


g = gen()
next(g)
try:
    g.send("last")
except StopIteration as e:
    print("StopIteration", repr(e.value))
try:
    g.send("again")
except StopIteration as e:
    print("again StopIteration", e.args)
