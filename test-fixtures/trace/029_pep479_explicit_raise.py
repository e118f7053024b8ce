# PEP 479 with an explicit `raise StopIteration(value)` and a StopIteration subclass.
def gen():
    yield 1
    raise StopIteration(5)


g = gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))


class Done(StopIteration):
    pass


def gen2():
    yield "a"
    raise Done("custom")


try:
    print(list(gen2()))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__.value)
