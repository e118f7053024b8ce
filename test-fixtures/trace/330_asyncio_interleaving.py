# Many tasks printing as they go: the order of the event loop's ready queue (call_soon is FIFO, each
# iteration runs what was ready when it began) and of its timers, including timers due at the same time.
import asyncio


async def worker(name, delays):
    for i, delay in enumerate(delays):
        print(f'{name} step {i} (sleep {delay})')
        await asyncio.sleep(delay)
    print(f'{name} done')
    return name


async def main():
    tasks = [
        asyncio.create_task(worker('a', [0.05, 0.07, 0])),
        asyncio.create_task(worker('b', [0.1, 0])),
        asyncio.create_task(worker('c', [0, 0, 0.05])),
        asyncio.create_task(worker('d', [0.1])),
    ]
    print('created', [t.get_name() for t in tasks])
    await asyncio.sleep(0)
    print('main after one iteration')
    for t in tasks:
        print('awaited', await t)
    return 'main done'


print(asyncio.run(main()))
