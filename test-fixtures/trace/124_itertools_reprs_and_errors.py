# itertools reprs, islice argument errors, ZeroDivisionError messages, PEP 479 in a genexp, zip(strict=True).
from itertools import count, islice, repeat

print(repr(count(5)), repr(count(1, 2)), repr(repeat("x", 3)), repr(repeat(1)))
try:
    islice([1], -1)
except ValueError as e:
    print(e)
operations = [
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1 / 0", lambda: 1 / 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1.0 // 0.0", lambda: 1.0 // 0.0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
]
for label, operation in operations:
    try:
        operation()
    except ZeroDivisionError as e:
        print(label, "->", e)
try:
    print(list(next(iter([])) for _ in range(1)))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
try:
    list(zip([1, 2], (x for x in [1]), strict=True))
except ValueError as e:
    print(e)
