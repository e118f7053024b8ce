# A generator suspended inside an except block keeps its handled exception: it becomes the __context__ of one thrown in.
def gen():
    try:
        raise KeyError("first")
    except KeyError:
        yield "in except"
        print("not reached")
    yield "after"


g = gen()
print(next(g))
try:
    g.throw(ValueError("second"))
except ValueError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
