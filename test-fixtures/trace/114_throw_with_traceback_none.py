# throw() of an exception instance keeps its args; the generator can inspect and re-raise it.
class AppError(Exception):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.code = code


def gen():
    try:
        yield "ready"
    except AppError as e:
        print("code", e.code, "args", e.args, "str", str(e))
        raise


g = gen()
next(g)
try:
    g.throw(AppError(7, "bad"))
except AppError as e:
    print(type(e).__name__, e, repr(e))
