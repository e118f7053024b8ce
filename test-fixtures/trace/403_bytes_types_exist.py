# bytes, bytearray, memoryview and complex exist as types (isinstance, issubclass, repr, MRO) even though
# the runtime has no values of them: dispatch on them gives CPython's answers.
print(isinstance(1, (str, bytes)), isinstance('s', (bytes, bytearray)), isinstance(1, complex))
print(bytes, bytearray, memoryview, complex, type(bytes), bytes.__name__, bytes.__qualname__, bytes.__module__)
print(issubclass(bytes, object), issubclass(bool, (bytes, int)), issubclass(bytearray, bytes), bytes.__mro__, bytearray.__mro__)
print(repr(bytes), str(memoryview), bytes.__base__, complex.__mro__)
print(isinstance(bytes, type), callable(bytes), bytes is bytes, bytes == bytes, {bytes: 1}[bytes])
print(type(1) in (bytes, int), [t.__name__ for t in (bytes, bytearray, memoryview, complex)])
try:
    bytes.x = 1
except TypeError as e:
    print(e)


def describe(x):
    if isinstance(x, (bytes, bytearray)):
        return 'binary'
    if isinstance(x, str):
        return 'text'
    if isinstance(x, complex):
        return 'complex'
    return type(x).__name__


print([describe(v) for v in ['a', 1, 2.5, None, [b for b in range(2)]]])
