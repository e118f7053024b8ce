# gi_suspended, and throw(StopIteration) turned into RuntimeError by PEP 479.
def gen():
    yield 1


g = gen()
print(g.gi_suspended)
next(g)
print(g.gi_suspended)
try:
    g.throw(StopIteration)
except RuntimeError as e:
    print(type(e).__name__, e)
print(g.gi_suspended, g.gi_frame)
