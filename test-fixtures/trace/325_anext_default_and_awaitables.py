# anext(it, default) over a hand-written async iterator whose __anext__ is a coroutine that awaits, the
# reprs of the awaitables, and an async generator expression closed before it ran out.
class Pause:
    def __await__(self):
        yield 'pause'


class Slow:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Pause()
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n


def drive(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as stop:
        return steps, stop.value


async def main():
    it = Slow()
    values = [await anext(it, 'none') for _ in range(4)]
    gen = (x * 10 async for x in Slow())
    first = await anext(gen)
    await gen.aclose()
    return values, first, await anext(gen, 'closed')


print(drive(main()))
it = Slow()
aw = anext(it, 0)
print(type(aw).__name__, repr(aw).startswith('<anext_awaitable object at 0x'))
print(drive(aw.__await__()))
