# Compile errors are found in source order: `async for` in a plain def (line 6) before `await` in a class body.
print("never printed")


def f():
    async for x in y:
        pass


class C:
    await f()
