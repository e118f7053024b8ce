# `return value` in a generator becomes StopIteration.value; a for loop ignores it.
def gen():
    yield 1
    return 99


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as exc:
    print(exc.value, exc.args)

for x in gen():
    print("loop", x)


def nothing():
    return "early"
    yield


try:
    next(nothing())
except StopIteration as exc:
    print(repr(exc.value))
