# gather: results in argument order whatever the completion order, duplicates, plain futures, an empty
# gather, the first exception propagated while the others keep running, and return_exceptions.
import asyncio


async def job(name, delay, fail=False):
    print('start', name)
    await asyncio.sleep(delay)
    if fail:
        print('failing', name)
        raise RuntimeError(f'{name} broke')
    print('finish', name)
    return name


async def main():
    print(await asyncio.gather(job('a', 0.06), job('b', 0.02), job('c', 0.04)))
    same = asyncio.create_task(job('same', 0.01))
    print(await asyncio.gather(same, same))
    print(await asyncio.gather())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'from future')
    print(await asyncio.gather(fut, job('d', 0.02)))
    try:
        await asyncio.gather(job('e', 0.02), job('f', 0.01, fail=True), job('g', 0.03))
    except RuntimeError as error:
        print('gather raised', repr(error))
    print('main continues')
    await asyncio.sleep(0.05)
    results = await asyncio.gather(job('h', 0.01, fail=True), job('i', 0.02), return_exceptions=True)
    print(results)
    outer = asyncio.gather(job('j', 0.01))
    print(type(outer).__name__, outer.done())
    print(await outer, outer)
    return 'done'


print(asyncio.run(main()))
