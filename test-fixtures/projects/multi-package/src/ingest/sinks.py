"""Coroutine-style consumers, fed with send()."""


def collector(results):
    """Appends every value it is sent; must be started with next() first."""
    while True:
        item = yield
        results.append(item)


def tally():
    """Counts what it is sent."""
    count = 0
    while True:
        yield count
        count += 1
