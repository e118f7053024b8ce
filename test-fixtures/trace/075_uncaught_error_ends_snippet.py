# The snippet ends with an uncaught exception raised inside a generator.
def parse(items):
    for item in items:
        if not item.isdigit():
            raise ValueError(f"not a number: {item!r}")
        yield int(item)


total = 0
for n in parse(["1", "2", "x3", "4"]):
    total += n
    print("running total", total)
print("never printed")
