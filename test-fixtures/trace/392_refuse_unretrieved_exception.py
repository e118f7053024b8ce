# Refused: a task fails and nobody retrieves its exception. CPython logs "Task exception was never
# retrieved" to stderr when the task is garbage-collected, at a time only reference counts know.
import asyncio


async def fails():
    raise ValueError('lost')


async def main():
    task = asyncio.create_task(fails())
    await asyncio.sleep(0.01)
    print('task done:', task.done())


asyncio.run(main())
