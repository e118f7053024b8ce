# List, dict and set comprehensions consuming generators; comprehension variables do not leak.
def pairs():
    yield ("a", 1)
    yield ("b", 2)
    yield ("a", 3)


print([k for k, _ in pairs()])
print({k: v for k, v in pairs()})
print({v % 2 for _, v in pairs()})
k = "outer"
print([k * 2 for k, v in pairs()], k)
print([[y for y in range(x)] for x in range(3)])
