# Tasks: names (Task-N in creation order, asyncio.run's own task is Task-1, given names, set_name), reprs in
# every state (pending at its def line, running at its await, cancelling, finished with a result or an
# exception, cancelled), get_coro, done/cancelled, and what awaiting a finished or failed task gives.
import asyncio


async def quick(value):
    await asyncio.sleep(0)
    return value


async def fails():
    await asyncio.sleep(0)
    raise ValueError('task failed')


async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.done())
    a = asyncio.create_task(quick([1, 2, 3, 4, 5, 6, 7]))
    b = asyncio.create_task(fails(), name='failing')
    c = asyncio.create_task(quick('x' * 50))
    c.set_name(99)
    print(a)
    print(b)
    print(c.get_name(), a.get_coro().__name__)
    await asyncio.sleep(0)
    print(a)
    await asyncio.sleep(0)
    print(a, a.done(), a.cancelled())
    print(b)
    print(c)
    print(await a, a.result())
    try:
        await b
    except ValueError as error:
        print('awaited failure', repr(error), repr(b.exception()))
    d = asyncio.create_task(quick(0))
    print(d.cancel(), d, d.cancelling())
    try:
        await d
    except asyncio.CancelledError as error:
        print('cancelled', repr(error), d, d.cancelled())
    print(d.cancel())
    return me.get_name()


print(asyncio.run(main()))
