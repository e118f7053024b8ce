# From CPython 3.13.0, Lib/pprint.py: `_wrap_bytes_repr` (as written), with a driver.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
def _wrap_bytes_repr(object, width, allowance):
    current = b''
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i: i+4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                yield repr(current)
            current = part
        else:
            current = candidate
    if current:
        yield repr(current)

data = bytes(range(40)) + b'hello world, this is pprint' * 2
for width, allowance in ((20, 0), (30, 2), (12, 1), (80, 0)):
    parts = list(_wrap_bytes_repr(data, width, allowance))
    print(width, allowance, len(parts))
    for p in parts:
        print('  ', p)
print(list(_wrap_bytes_repr(b'', 10, 0)))
print(list(_wrap_bytes_repr(b'abc', 1, 0)))
