# A class-based context manager around a yield sees GeneratorExit on close() and the thrown exception on throw().
class CM:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, repr(ev))
        return False


def gen():
    with CM():
        yield 1
        yield 2


g = gen()
next(g)
g.close()
g = gen()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("out", e)
