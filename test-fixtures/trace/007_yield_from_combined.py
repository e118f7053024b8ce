# Seed example: a for-loop re-yield and `yield from` give the same values.
def generator1():
    yield 1
    yield 2


def generator2():
    yield 3
    yield 4


def combined_old():
    for value in generator1():
        yield value
    for value in generator2():
        yield value


def combined_new():
    yield from generator1()
    yield from generator2()


print(list(combined_old()))
print(list(combined_new()))
