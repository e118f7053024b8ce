# yield from a generator expression forwards send() (ignored by the genexp); PEP 479 through a helper call.
def outer():
    r = yield from (x * 2 for x in range(3))
    print("r", r)
g = outer()
print(next(g))
print(g.send(5))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(list(g))
def gen():
    def helper():
        return next(iter(()))
    yield 1
    helper()
    yield 2
try:
    print(list(gen()))
except RuntimeError as e:
    print(e)
