# `async with` in a plain function.
print("never printed")


def use(resource):
    async with resource:
        pass
