# Seed example: a tap stage shows the interleaving of a lazy pipeline.
def tap(iterable, label):
    for item in iterable:
        print(label, item)
        yield item


def double(xs):
    for x in xs:
        yield x * 2


stream = tap(double(tap(range(3), "source")), "doubled")
print("nothing ran yet")
print(list(stream))
first = next(tap(iter("abc"), "letters"))
print(first)
