# wait_for and the timeout context managers: a result in time, a timeout that cancels the inner task
# (TimeoutError chained to the CancelledError), a zero timeout, timeout_at, reschedule, expired(), nested
# timeouts (only the expired one converts), and a timeout around code that swallows the cancellation.
import asyncio


async def slow(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    finally:
        print(name, 'left after', delay)


async def main():
    print(await asyncio.wait_for(slow('fast enough', 0.01), 0.05))
    try:
        await asyncio.wait_for(slow('too slow', 0.2), 0.03)
    except TimeoutError as error:
        print('wait_for:', repr(error), type(error.__cause__).__name__)
    try:
        await asyncio.wait_for(slow('zero', 0.05), 0)
    except TimeoutError:
        print('zero timeout')
    print(await asyncio.wait_for(slow('no limit', 0.01), None))

    async with asyncio.timeout(0.05) as cm:
        print(cm.expired(), repr(cm)[:18])
        await asyncio.sleep(0.01)
    print('left in time:', cm.expired(), cm)

    try:
        async with asyncio.timeout(0.02) as cm:
            await slow('inside timeout', 0.1)
    except TimeoutError as error:
        print('timeout:', cm.expired(), repr(error.__context__))

    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.02) as cm:
            cm.reschedule(loop.time() + 0.06)
            await slow('rescheduled', 0.04)
            print('survived the first deadline')
            await slow('second part', 0.04)
    except TimeoutError:
        print('rescheduled deadline hit')

    try:
        async with asyncio.timeout(0.1) as outer_cm:
            try:
                async with asyncio.timeout(0.02) as inner_cm:
                    await asyncio.sleep(0.5)
            except TimeoutError:
                print('inner expired:', inner_cm.expired(), 'outer:', outer_cm.expired())
            await asyncio.sleep(0.5)
    except TimeoutError:
        print('outer expired:', outer_cm.expired())

    async with asyncio.timeout(None) as forever:
        print(forever.when(), forever)
    try:
        forever.reschedule(1)
    except RuntimeError as error:
        print(error)
    return 'done'


print(asyncio.run(main()))
