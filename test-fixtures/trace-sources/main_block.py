"""A module with a __main__ block that drives send-based coroutines and closes one early."""


def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def echo():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    finally:
        print("echo closed after", received)


class Registry:
    # yieldlens: trace list(Registry(["a", "b"]).names())
    def names(self):
        for name in self.entries:
            yield name.upper()

    def __init__(self, entries):
        self.entries = entries


if __name__ == "__main__":
    acc = accumulate()
    next(acc)
    for number in (10, 20, 30):
        print(acc.send(number))
    try:
        acc.send(None)
    except StopIteration as stop:
        print("returned", stop.value)
    e = echo()
    next(e)
    e.send("x")
    e.send("y")
    e.close()
    print(list(Registry(["z"]).names()))
