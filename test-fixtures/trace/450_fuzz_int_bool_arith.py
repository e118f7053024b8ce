# Found by the value fuzzer: bool & | ^ bool stay bool, int / int is correctly rounded, ints have no -0,
# pow with a modulus (inverses, errors), index-sized ints.
print(True & False, True | False, True ^ True, True & 1, (3 > 1) ^ (2 < 1))
print((2**100 - 1) / (-(10**30) + 7), (2**64 + 1) / (-(10**30) + 7), 10**400 // 3 / 10**390, 1 / 2**1074)
print((0 // -5) / 1, (-4 % 2) / 1, (-1 * 0) / 1)
print(pow(-2, -1, 7), pow(-7, -1, -5), pow(3, 4, -5), pow(2, 10, 1))
for thunk in (lambda: pow(2, -1, 4), lambda: pow(2, 3, 0), lambda: pow(0.5, 2, 3), lambda: 2**1100 / 3, lambda: [1][2**70]):
    try:
        print(thunk())
    except Exception as error:
        print(type(error).__name__, error)


def gen_ratios(pairs):
    for a, b in pairs:
        yield a / b


print(list(gen_ratios([(10**30, 7), (1, 3), (-(2**80), 2**80 + 1)])))
