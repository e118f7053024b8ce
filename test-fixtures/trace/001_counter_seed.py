# The seed's counter: locals survive across suspensions; a sent value is ignored by a bare `yield value`.
def counter(start, end):
    current = start
    while current < end:
        value = current ** 2
        yield value
        current += 1


gen = counter(0, 3)
print(next(gen))
print(gen.send(42))
print(next(gen))
try:
    next(gen)
except StopIteration as e:
    print(type(e).__name__, e.value)
