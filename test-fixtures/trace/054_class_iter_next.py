# An iterator class with __iter__/__next__, consumed by generators and built-ins.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


def doubled(it):
    for x in it:
        yield x * 2


print(list(Countdown(3)))
print(list(doubled(Countdown(4))))
c = Countdown(2)
print(next(c), next(c), next(c, "empty"))


def delegate():
    yield from Countdown(2)


print(list(delegate()))
