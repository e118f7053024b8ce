# Yielded values of many types: their reprs must match CPython's exactly.
def values():
    yield 0.1 + 0.2
    yield 1e16
    yield 1.5e-7
    yield -0.0
    yield float("inf")
    yield 10 / 4
    yield 7 // 2
    yield -7 // 2
    yield 2 ** 64
    yield "it's"
    yield 'say "hi"'
    yield "tab\tnew\nline\\"
    yield (1,)
    yield ()
    yield [None, True, False]
    yield {"a": [1, (2, 3)], 4: "b"}
    yield {3, 1, 2}
    yield set()
    yield frozenset({1})
    yield range(2, 10, 3)
    yield 1.0
    yield 123456789.0
    yield 3.0e20


for v in values():
    print(repr(v), str(v))
