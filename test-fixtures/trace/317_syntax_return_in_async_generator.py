# A return with a value in an async generator (even `return None`).
print("never printed")


async def agen():
    yield 1
    return None
