# An exception raised deep inside tasks reaches asyncio.run's caller: the error's line is where the snippet
# raised it, its context is kept, and the finally blocks on the way run in order.
import asyncio


async def deepest(n):
    try:
        await asyncio.sleep(0.01)
        if n == 0:
            raise LookupError('nothing left')
        return await deepest(n - 1)
    finally:
        print('unwinding', n)


async def middle():
    task = asyncio.create_task(deepest(2))
    try:
        return await task
    except LookupError as error:
        raise RuntimeError('middle gave up') from error


async def main():
    try:
        await middle()
    except RuntimeError as error:
        print(repr(error), repr(error.__cause__))
    await middle()


asyncio.run(main())
print('not reached')
