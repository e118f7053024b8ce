# Only the first iterable of a generator expression is evaluated when it is created.
def source():
    print("source called")
    return [1, 2]


def inner_source(x):
    print("inner called with", x)
    return [x, x]


g = (a + b for a in source() for b in inner_source(a))
print("created")
print(list(g))
try:
    g2 = (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g3 = (x for x in 1 / 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
