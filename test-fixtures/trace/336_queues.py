# asyncio.Queue between producers and consumers: a bounded queue that blocks put(), get() waking in FIFO
# order, join/task_done, the nowait variants and their exceptions, shutdown, and LifoQueue/PriorityQueue.
import asyncio


async def producer(q, name, items):
    for item in items:
        await q.put(f'{name}{item}')
        print(name, 'put', item, 'size', q.qsize())
    print(name, 'done producing')


async def consumer(q, name):
    while True:
        item = await q.get()
        print(name, 'got', item)
        await asyncio.sleep(0.01)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), str(q))
    consumers = [asyncio.create_task(consumer(q, f'c{i}')) for i in range(2)]
    await asyncio.gather(producer(q, 'p', range(4)), producer(q, 'r', range(2)))
    await q.join()
    print('all processed', q.qsize())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)

    n = asyncio.Queue(1)
    n.put_nowait('only')
    for action in (lambda: n.put_nowait('more'), n.get_nowait, n.get_nowait):
        try:
            print('ok', action())
        except (asyncio.QueueFull, asyncio.QueueEmpty) as error:
            print(type(error).__name__)
    try:
        n.task_done()
        n.task_done()
    except ValueError as error:
        print(error)

    s = asyncio.Queue()
    s.put_nowait(1)
    s.shutdown()
    print(await s.get())
    try:
        await s.get()
    except asyncio.QueueShutDown:
        print('shut down')

    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for x in [3, 1, 2]:
        lifo.put_nowait(x)
    for x in [(2, 'b'), (1, 'z'), (3, 'a'), (1, 'a'), (2, 'a')]:
        prio.put_nowait(x)
    print([lifo.get_nowait() for _ in range(3)])
    print([prio.get_nowait() for _ in range(5)])
    return 'done'


print(asyncio.run(main()))
