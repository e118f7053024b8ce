# Found by the value fuzzer: float // and divmod computed from fmod as CPython does, float ** special
# cases and overflow, round() half to even on the exact value, float() underscores.
print(3.0 // 0.1, 7.5 // -2, -7.5 % 2, divmod(-7.5, 2), float('-inf') // 3, divmod(float('inf'), 0.5), -0.0 // 5)
print(1.0 ** float('nan'), (-1.0) ** float('inf'), 2.0 ** -40)
print(round(25, -1), round(35, -1), round(-25, -1), round(10**30 + 5 * 10**9, -10))
print(round(2.5), round(-2.5), round(1e20), round(3.0 - (2**64 + 1)), round(25.0, -1), round(149.99999999999997, -2))
for thunk in (lambda: divmod(True, 0.0), lambda: 0 ** -2, lambda: 9007199254740993.0 ** 64, lambda: float('1__0'), lambda: float('1_0.5')):
    try:
        print(thunk())
    except Exception as error:
        print(type(error).__name__, error)


def halves():
    x = 0.5
    while x < 5:
        yield round(x)
        x += 1


print(list(halves()))
