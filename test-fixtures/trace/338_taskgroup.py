# TaskGroup: every task awaited at the end of the block, a failing task cancelling its sibling and the
# block's own await, the ExceptionGroup that comes out (repr, message, sub-exceptions), an error in the body
# itself, and the RuntimeErrors of misuse.
import asyncio


async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f'{name} failed')
        print(name, 'finished')
        return name
    except asyncio.CancelledError:
        print(name, 'was cancelled')
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work('a', 0.02))
        b = tg.create_task(work('b', 0.01))
        print('tasks created', repr(tg))
    print('results', a.result(), b.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('ok', 0.05))
            tg.create_task(work('bad', 0.01, fail=True))
            await asyncio.sleep(1)
            print('not reached')
    except ExceptionGroup as group:
        print(repr(group), group.message, group.exceptions)
        print(group.subgroup(ValueError) is group, type(group).__mro__[1].__name__)

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('sibling', 0.05))
            await asyncio.sleep(0.01)
            raise KeyError('body')
    except ExceptionGroup as group:
        print('body error:', repr(group))
    return 'done'


async def misuse():
    tg = asyncio.TaskGroup()
    coro = work('never', 0)
    try:
        tg.create_task(coro)
    except RuntimeError as error:
        print(error)
    async with tg:
        pass
    coro = work('late', 0)
    try:
        tg.create_task(coro)
    except RuntimeError as error:
        print(error)


print(asyncio.run(misuse()))
print(asyncio.run(main()))
