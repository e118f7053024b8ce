# Cancellation at awkward points: before a task starts, while it sleeps, while it awaits another task, a
# task that catches CancelledError and goes on, cancel() called twice, uncancel(), cancelling(), messages,
# and cancelling a gather (its children are cancelled; the gather raises CancelledError).
import asyncio


async def sleeper(name, delay):
    try:
        print(name, 'sleeping')
        await asyncio.sleep(delay)
        print(name, 'woke')
        return name
    except asyncio.CancelledError as error:
        print(name, 'cancelled with', repr(error))
        raise
    finally:
        print(name, 'finally')


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('stubborn ignores the cancellation')
    await asyncio.sleep(0.01)
    return 'stubborn survived'


async def waiter(task):
    try:
        return await task
    except asyncio.CancelledError:
        print('waiter saw the cancellation of', task.get_name())
        raise


async def main():
    early = asyncio.create_task(sleeper('early', 1))
    print('cancel before start:', early.cancel('too soon'))
    try:
        await early
    except asyncio.CancelledError as error:
        print('early:', repr(error), early.cancelled())

    mid = asyncio.create_task(sleeper('mid', 1))
    await asyncio.sleep(0.01)
    print(mid.cancel(), mid.cancel(), mid.cancelling())
    try:
        await mid
    except asyncio.CancelledError:
        print('mid done:', mid.cancelled(), mid.cancelling())

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    s.cancel()
    print(await s, s.cancelled(), s.cancelling(), s.uncancel(), s.cancelling())

    inner = asyncio.create_task(sleeper('inner', 1))
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled; inner cancelled too:', inner.cancelled())

    g = asyncio.gather(sleeper('g1', 1), sleeper('g2', 2))
    await asyncio.sleep(0.01)
    print('cancel gather:', g.cancel('stop all'))
    try:
        await g
    except asyncio.CancelledError as error:
        print('gather:', repr(error))

    me = asyncio.current_task()
    me.cancel()
    print('cancelling myself:', me.cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('caught my own cancellation', me.uncancel())
    return 'main done'


print(asyncio.run(main()))
