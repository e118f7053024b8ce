# yield from a custom iterator with send/throw/close methods; errors for non-iterables.
class Sub:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration(f"done after {self.n - 1}")
        return self.n

    def send(self, value):
        print("Sub.send", value)
        return self.__next__()

    def throw(self, *args):
        print("Sub.throw", [type(a).__name__ for a in args])
        return "thrown-handled"

    def close(self):
        print("Sub.close")


def outer():
    result = yield from Sub()
    print("result", result)
    yield "end"


g = outer()
print(next(g))
print(g.send("hello"))
print(g.throw(ValueError("v")))
print(next(g))
print(next(g))
g2 = outer()
next(g2)
g2.close()


class BadIter:
    def __iter__(self):
        return 5


try:
    for x in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)


def yf_int():
    yield from 5


try:
    next(yf_int())
except TypeError as e:
    print(type(e).__name__, e)
