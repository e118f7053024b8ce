# A return inside finally overrides an exception and becomes StopIteration.value.
def gen():
    try:
        yield 1
        raise ValueError("lost")
    finally:
        return "finally wins"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
except ValueError as e:
    print("ValueError", e)
