# `yield from` in an async def, and (after it in the file) a return with a value in an async generator.
print("never printed")


async def delegate():
    yield from range(3)


async def agen():
    yield 1
    return 2
