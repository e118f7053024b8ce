# gi_* attributes are read-only; __name__ and __qualname__ of a generator are writable and show in its repr.
def gen():
    yield 1
g = gen()
for attr in ['gi_running', 'gi_frame', 'gi_code', 'gi_yieldfrom']:
    try:
        setattr(g, attr, 42)
    except AttributeError as e:
        print(e)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
