# An uncaught error raised in a function called from a generator ends the snippet.
def check(x):
    if x > 2:
        raise OverflowError(f"{x} is too big")
    return x


def gen():
    for i in range(5):
        yield check(i)


for value in gen():
    print(value)
