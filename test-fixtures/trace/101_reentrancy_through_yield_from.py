# An inner generator that resumes its own delegating generator: "generator already executing".
def inner():
    yield next(outer_gen)


def outer():
    yield from inner()


outer_gen = outer()
try:
    next(outer_gen)
except ValueError as e:
    print(type(e).__name__, e)
