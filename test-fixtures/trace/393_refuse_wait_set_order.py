# Refused: iterating the set of done tasks asyncio.wait() returns. CPython orders the tasks in a set by their
# memory addresses, so the order of these prints is not knowable from the program.
import asyncio


async def job(n):
    await asyncio.sleep(0.01)
    return n


async def main():
    tasks = [asyncio.create_task(job(n)) for n in range(3)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    for task in done:
        print(task.result())


asyncio.run(main())
