# Lock, Event, Semaphore, BoundedSemaphore and Condition with several contending tasks: who gets in, in
# what order, what the reprs say, and the errors of misuse.
import asyncio


async def locked_section(lock, name, hold):
    print(name, 'wants the lock', lock.locked())
    async with lock:
        print(name, 'has the lock')
        await asyncio.sleep(hold)
    print(name, 'released it')


async def waits_for(event, name):
    print(name, 'waiting')
    await event.wait()
    print(name, 'saw the event')


async def limited(sem, name):
    async with sem:
        print(name, 'in, value', sem._value)
        await asyncio.sleep(0.02)
    print(name, 'out')


async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, 'took', items.pop(0))


async def main():
    lock = asyncio.Lock()
    print(repr(lock).split(' [')[1])
    await asyncio.gather(*(locked_section(lock, n, 0.01) for n in 'abc'))
    try:
        lock.release()
    except RuntimeError as error:
        print(error)

    event = asyncio.Event()
    waiters = [asyncio.create_task(waits_for(event, n)) for n in 'xy']
    await asyncio.sleep(0.01)
    print(repr(event).split(' [')[1])
    event.set()
    await asyncio.gather(*waiters)
    print(event.is_set(), await event.wait())
    event.clear()
    print(event.is_set())

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, n) for n in 'pqrs'))
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print(error)
    try:
        asyncio.Semaphore(-1)
    except ValueError as error:
        print(error)

    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, items, n)) for n in ('one', 'two')]
    await asyncio.sleep(0.01)
    async with cond:
        items.extend(['first', 'second'])
        cond.notify_all()
    await asyncio.gather(*consumers)
    try:
        cond.notify()
    except RuntimeError as error:
        print(error)
    return 'done'


print(asyncio.run(main()))
