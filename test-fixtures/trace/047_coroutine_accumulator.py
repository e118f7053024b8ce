# Seed example: an accumulator coroutine that stops when sent None.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(7))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
