# Async generators under asyncio: awaits inside the generator (its frame resumes after each, without a trace
# event), a pipeline of async generators, asend from a task, and an async generator consumed by two tasks
# in turn.
import asyncio


async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def doubled(source):
    async for x in source:
        await asyncio.sleep(0)
        yield x * 2


async def accumulate():
    total = 0
    while True:
        received = yield total
        await asyncio.sleep(0.01)
        total += received


async def main():
    async for value in doubled(ticks(3, 0.01)):
        print('pipeline', value)
    acc = accumulate()
    print(await acc.asend(None))
    for x in (5, 7):
        print('total', await acc.asend(x))
    await acc.aclose()
    shared = ticks(4, 0.01)

    async def take(name, count):
        for _ in range(count):
            print(name, 'took', await anext(shared))

    await take('first', 2)
    await asyncio.create_task(take('second', 2))
    print(await anext(shared, 'exhausted'))
    return 'done'


print(asyncio.run(main()))
