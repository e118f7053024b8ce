# A return in try runs the finally blocks, which may still yield before the generator returns.
def gen():
    try:
        try:
            yield 1
            return "from try"
        finally:
            print("inner finally")
            yield "in finally"
    finally:
        print("outer finally")


g = gen()
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
