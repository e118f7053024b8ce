# PEP 479: a StopIteration escaping a generator body becomes RuntimeError with __cause__.
def gen():
    next(iter([]))
    yield 1


g = gen()
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__ is e.__context__)
try:
    next(g)
except StopIteration:
    print("closed")
