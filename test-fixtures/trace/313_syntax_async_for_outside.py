# `async for` and `async with` need an async def; the compiler says which.
print("never printed")


def consume(items):
    async for item in items:
        print(item)
