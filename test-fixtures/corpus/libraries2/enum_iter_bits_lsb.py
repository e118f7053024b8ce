# From CPython 3.13.0, Lib/enum.py: `_iter_bits_lsb` and `show_flag_values` (as written), with a driver; `Enum` is a stand-in class.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
class Enum:
    pass

def _iter_bits_lsb(num):
    # num must be a positive integer
    original = num
    if isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b

def show_flag_values(value):
    return list(_iter_bits_lsb(value))

for n in (0, 1, 6, 255, 1 << 40 | 5, 0b1011000):
    print(n, list(_iter_bits_lsb(n)), show_flag_values(n))
g = _iter_bits_lsb(12)
print(next(g), next(g), next(g, 'done'))
try:
    list(_iter_bits_lsb(-3))
except ValueError as e:
    print('ValueError', e)
