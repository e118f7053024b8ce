# From CPython 3.13.0, Lib/asyncio/tasks.py and taskgroups.py: `as_completed` (plain and `async for` iteration) and `TaskGroup`, driven as their docstrings show, with sleeps in place of connections.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
import asyncio


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f'{name} failed')
    return f'{name} after {delay}'


async def main():
    tasks = [asyncio.create_task(fetch('slow', 0.3)), asyncio.create_task(fetch('fast', 0.1)), asyncio.create_task(fetch('mid', 0.2))]
    async for earliest in asyncio.as_completed(tasks):
        print('async for:', earliest.get_name(), await earliest, earliest is tasks[1])
    for next_result in asyncio.as_completed([fetch('b', 0.2), fetch('a', 0.1)]):
        print('plain:', await next_result)
    try:
        for next_result in asyncio.as_completed([fetch('never', 10)], timeout=0.5):
            await next_result
    except TimeoutError:
        print('TimeoutError')
    async with asyncio.TaskGroup() as group:
        t1 = group.create_task(fetch('one', 0.2))
        t2 = group.create_task(fetch('two', 0.1))
    print('both done:', t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch('ok', 0.1))
            group.create_task(fetch('bad', 0.05, fail=True))
            group.create_task(fetch('cancelled', 1))
    except* ValueError as eg:
        print('ExceptionGroup:', [str(e) for e in eg.exceptions])


asyncio.run(main())
