# PEP 479 and PEP 525: StopIteration raised in a coroutine or an async generator, and StopAsyncIteration in
# an async generator, become RuntimeErrors with the original as their cause.


async def coro_raises():
    raise StopIteration('from coro')


async def agen_stop_iteration():
    yield 1
    raise StopIteration('from agen')


async def agen_stop_async():
    yield 1
    raise StopAsyncIteration('early')


async def agen_next_leak():
    it = iter([])
    yield next(it)


async def main():
    try:
        await coro_raises()
    except RuntimeError as error:
        print(repr(error), repr(error.__cause__), error.__suppress_context__)
    for maker in (agen_stop_iteration, agen_stop_async, agen_next_leak):
        try:
            async for x in maker():
                print(maker.__name__, 'yielded', x)
        except RuntimeError as error:
            print(maker.__name__, repr(error), repr(error.__cause__))
    return 'done'


c = main()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
