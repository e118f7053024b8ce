# `is` between two equal ints outside -5..256: CPython says False for int('1000') against a constant
# 1000, True for one object passed along; the runtime's ints are values, so it refuses rather than guess.
def gen():
    yield int('1000')

big = 1000
for v in gen():
    print(v is big)
