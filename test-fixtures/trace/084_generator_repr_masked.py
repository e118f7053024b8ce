# Generator reprs contain an address; the comparison masks it.
def gen():
    yield 1


def outer():
    def inner():
        yield 2
    return inner()


print(repr(gen()))
print(outer())
print((x for x in []))
print(gen)
print(type(gen()))
