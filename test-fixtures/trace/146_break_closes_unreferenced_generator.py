# Breaking out of a for loop drops the only reference to its generator: CPython closes it at once.
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")


def outer():
    for x in inner():
        break
    print("after break")
    yield x


print(list(outer()))
for y in inner():
    break
print("after top-level break")
