# Seed example: a generator is its own iterator; the for loop is next() until StopIteration.
def numbers():
    yield 1
    yield 2
    yield 3


g = numbers()
print(iter(g) is g)
print(next(g))
it = iter(numbers())
while True:
    try:
        x = next(it)
    except StopIteration:
        break
    print(x)
print(hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"), hasattr(g, "__next__"))
