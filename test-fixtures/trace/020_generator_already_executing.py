# Re-entering a running generator with next() raises ValueError.
def gen():
    yield next(g)


g = gen()
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("closed after the error")
