# The deprecated throw(type, value, traceback) signatures and their errors.
def f():
    while True:
        try:
            yield
        except ValueError as v:
            print("caught", repr(v))
g = f()
next(g)
for args in [(ValueError, 'foo', 23), (ValueError(1), 'foo'), (ValueError, TypeError(1)), (ValueError, 6), ('abc',)]:
    try:
        g.throw(*args)
    except Exception as e:
        print(type(e).__name__, e)
