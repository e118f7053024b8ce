# contextlib.AsyncExitStack: async context managers and callbacks unwound in LIFO order, suppression, pop_all, aclose, the protocol TypeError, exception context.
import asyncio
from contextlib import AsyncExitStack, asynccontextmanager

@asynccontextmanager
async def resource(name, log):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")

class ACM:
    async def __aenter__(self):
        print("aenter")
        return self
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return True

async def cleanup(tag):
    print("cleanup", tag)

async def main():
    log = []
    async with AsyncExitStack() as stack:
        names = [await stack.enter_async_context(resource(n, log)) for n in "abc"]
        stack.push_async_callback(cleanup, "cb")
        stack.callback(print, "sync cb")
        print(names)
    print(log)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(ACM())
        raise ValueError("suppressed")
    print("after suppress")
    stack = AsyncExitStack()
    await stack.enter_async_context(resource("x", log))
    s2 = stack.pop_all()
    await stack.aclose()
    print(log[-1])
    await s2.aclose()
    print(log[-1])
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(object())
    except TypeError as e:
        print("TE", e)
    try:
        async with AsyncExitStack() as stack:
            stack.push_async_callback(cleanup, "first")
            async def boom(*a):
                raise KeyError("inner")
            stack.push_async_exit(boom)
            raise ValueError("outer")
    except KeyError as e:
        print("KE", repr(e), repr(e.__context__))

asyncio.run(main())
