# throw() into a generator delegating to a range iterator, which has no throw(): raised at the yield from.
def g():
    try:
        yield from range(10)
    finally:
        print("finally")
gi = g()
print(next(gi))
try:
    gi.throw(ValueError("tomato ejected"))
except ValueError as e:
    print(type(e).__name__, e)
