# What happens to an async generator left unfinished under asyncio: after `break` out of `async for` over
# a generator nothing else holds, asyncio's finalizer hook schedules its aclose() as a new task (its finally
# runs one iteration later, and the task takes a name); one still held at the end is closed by
# shutdown_asyncgens when asyncio.run finishes.
import asyncio


async def numbers(label):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print(label, 'finally, running in', asyncio.current_task().get_name())


async def main():
    async for n in numbers('temporary'):
        if n == 2:
            break
    print('after break')
    await asyncio.sleep(0)
    print('one iteration later')
    await asyncio.sleep(0)
    task = asyncio.create_task(asyncio.sleep(0))
    print('next task name', task.get_name())
    await task
    kept = numbers('kept')
    print(await anext(kept))
    print('main returns')


asyncio.run(main())
print('after run')
