# A generator expression in a class body sees the class namespace only in its first iterable.
try:
    class Table:
        size = 3
        rows = list(i for i in range(size))
        print(rows)
        cells = list(i * size for i in range(2))
except NameError as e:
    print(type(e).__name__, e)
