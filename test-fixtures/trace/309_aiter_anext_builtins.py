# The aiter() and anext() builtins: anext with and without a default, on async generators and on
# hand-written async iterators, and their TypeErrors.


async def two():
    yield 'a'
    yield 'b'


class Manual:
    def __init__(self):
        self.left = 2

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.left == 0:
            raise StopAsyncIteration
        self.left -= 1
        return self.left


class BadAiter:
    def __aiter__(self):
        return 42


async def main():
    g = two()
    print(aiter(g) is g)
    print(await anext(g), await anext(g), await anext(g, 'default'), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('exhausted')
    m = aiter(Manual())
    print(await anext(m), await anext(m, 'x'), await anext(m, 'dflt'))
    for bad in (lambda: aiter(3), lambda: anext(3), lambda: aiter(BadAiter()), lambda: anext()):
        try:
            bad()
        except TypeError as error:
            print('TypeError', error)
    h = two()
    print(await anext(h, 'unused'))
    await h.aclose()
    print(await anext(h, 'after close'))
    return 'done'


c = main()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
