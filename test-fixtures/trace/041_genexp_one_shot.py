# Seed example: generators are one-shot; a list is reusable.
g = (x for x in range(3))
print(list(g))
print(list(g))
xs = [0, 1, 2]
print(list(xs))
print(list(xs))
