# `await` in a plain function nested in an async def: the symbol table refuses it first.
print("never printed")


async def outer():
    def helper():
        return await outer()
    return helper
