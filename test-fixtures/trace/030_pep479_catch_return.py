# The correct form: catch StopIteration from next() inside the generator and return.
def first_of_each(*iterables):
    for iterable in iterables:
        it = iter(iterable)
        try:
            value = next(it)
        except StopIteration:
            return "stopped on empty"
        yield value


g = first_of_each([1, 2], "xy", [], [3])
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("again", e.value)
