# Refused: a TaskGroup cancelling several running tasks after one fails. It cancels them in the order of
# its set of tasks, which CPython orders by their memory addresses, so their cleanup prints in an unknown order.
import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, 'cleaned up')


async def crash():
    await asyncio.sleep(0.01)
    raise ValueError('crash')


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper('a'))
            tg.create_task(sleeper('b'))
            tg.create_task(crash())
    except ExceptionGroup as group:
        print(repr(group))


asyncio.run(main())
