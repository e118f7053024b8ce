# Unpacking generators: exact, starred, too many and too few values.
def three():
    yield "a"
    yield "b"
    yield "c"


x, y, z = three()
print(x, y, z)
first, *rest = three()
print(first, rest)
print(*three())
print([*three(), *three()])
try:
    p, q = three()
except ValueError as e:
    print(type(e).__name__, e)
try:
    p, q, r, s = three()
except ValueError as e:
    print(type(e).__name__, e)
