# `await` at module level: a SyntaxError before anything runs.
print("never printed")


async def f():
    return 1

await f()
