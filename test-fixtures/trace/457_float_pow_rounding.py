# Found by the value fuzzer: float ** computed exactly and rounded to nearest, as C's pow rounds (V8's
# Math.pow is one unit off in the last place for many arguments); int ** negative int is float pow.
print(2 ** 2.5, (2**63) ** 2.5, (2**31) ** 2.5, 0.5 ** 2.5, 123.456 ** 7.89, 1.5 ** 100, 2.0 ** -1074)
print(-7 ** -2, 10 ** -3, 1.0000001 ** 1e9, 7.0 ** 0.5, (-8.0) ** 3)


def powers(base):
    for k in range(1, 6):
        yield base ** (k + 0.5)


print(list(powers(3.0)))
