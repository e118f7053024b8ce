# A 200-level recursive yield from chain, well inside the recursion limit.
def deep(n):
    if n == 0:
        yield "bottom"
        return n
    r = yield from deep(n - 1)
    return r + 1


g = deep(200)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)
