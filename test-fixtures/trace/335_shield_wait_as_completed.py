# shield keeps the inner task running when the outer await is cancelled; wait returns when the first task
# finishes (sets of one, whose order is not in question) or at its timeout; as_completed over tasks yields
# them in completion order, and raises TimeoutError when its timeout passes.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print('job', name, 'finished')
    return name


async def main():
    inner = asyncio.create_task(job('shielded', 0.05))
    outer = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), 0.01))
    try:
        await outer
    except TimeoutError:
        print('outer timed out; inner cancelled?', inner.cancelled())
    print('inner result', await inner)

    first = asyncio.create_task(job('first', 0.01))
    second = asyncio.create_task(job('second', 0.05))
    done, pending = await asyncio.wait([first, second], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), first in done, second in pending)
    done, pending = await asyncio.wait([second], timeout=0.01)
    print(len(done), len(pending))
    done, pending = await asyncio.wait([second])
    print(len(done), len(pending), second.result())

    tasks = [asyncio.create_task(job(n, d)) for n, d in (('x', 0.03), ('y', 0.01), ('z', 0.02))]
    async for t in asyncio.as_completed(tasks):
        print('completed', t.get_name(), await t)
    slow = [asyncio.create_task(job('slowpoke', 0.1))]
    try:
        for aw in asyncio.as_completed(slow, timeout=0.02):
            print(await aw)
    except TimeoutError:
        print('as_completed timed out')
    await slow[0]
    for bad in ([], asyncio.sleep(0)):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as error:
            print(type(error).__name__, error)
        if not isinstance(bad, list):
            bad.close()
    return 'done'


print(asyncio.run(main()))
