# Seed example: a generator expression has its own scope; the outer x is untouched.
x = 100
g = (x for x in range(3))
print(x)
print(list(g))
print(x)
y = 5
h = (y + i for i in range(3))
y = 10
print(list(h))
