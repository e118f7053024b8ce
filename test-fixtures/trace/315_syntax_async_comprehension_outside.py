# An async list comprehension in a plain function (an async generator expression would be allowed).
print("never printed")


async def source():
    yield 1


def ok():
    return (x async for x in source())


def wrong():
    return [[y async for y in source()] for x in range(2)]
