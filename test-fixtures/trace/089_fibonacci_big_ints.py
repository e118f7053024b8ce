# Fibonacci numbers grow past 2**64; the values must stay exact.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


g = fib()
for _ in range(95):
    value = next(g)
print(value)
print(next(g) * 12345678901234567890)
print(2 ** 100, -(2 ** 70) // 3, (2 ** 70) % 7)
