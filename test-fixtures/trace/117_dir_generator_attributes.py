# dir() of a generator lists its public methods and gi_* attributes.
def gen():
    yield 1
print([s for s in dir(gen()) if not s.startswith('_')])
