# next() until StopIteration, then again: an exhausted generator stays exhausted.
def simple_gen():
    yield 1
    yield 2
    yield 3


gen = simple_gen()
print(next(gen))
print(next(gen))
print(next(gen))
for attempt in range(2):
    try:
        next(gen)
    except StopIteration as e:
        print(attempt, type(e).__name__, repr(e), e.args, e.value)
