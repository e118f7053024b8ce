# send(None) on a fresh generator is the same as next().
def accumulate():
    total = 0
    while True:
        value = yield total
        total += value


acc = accumulate()
print(acc.send(None))
print(acc.send(5))
print(acc.send(7))
print(acc.__next__.__name__)
try:
    acc.send(None)
except TypeError as e:
    print(type(e).__name__, e)
