# CPython limits int-to-str conversion to 4300 digits; smaller big ints print exactly.
big = 10 ** 4299
print(len(str(big)), str(big)[:3])
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)


def powers():
    n = 1
    while True:
        n *= 1000
        yield n


p = powers()
for _ in range(30):
    value = next(p)
print(value)
