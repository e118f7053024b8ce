# throw() with a class, an instance, and something that is not an exception.
def gen():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, repr(e), e.args)


g = gen()
next(g)
g.throw(ValueError)
g.throw(ValueError("instance"))
g.throw(KeyError("k"))
try:
    g.throw(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.throw(int)
except TypeError as e:
    print(type(e).__name__, e)
print(next(g) is None)
