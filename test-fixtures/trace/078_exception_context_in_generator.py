# Implicit exception chaining (__context__) across a yield inside an except block.
def gen():
    try:
        raise KeyError("first")
    except KeyError:
        yield "in handler"
        raise ValueError("second")


g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__, e.__context__)
