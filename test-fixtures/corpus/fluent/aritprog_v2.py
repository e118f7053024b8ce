# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `17-it-generator/aritprog_v2.py` with its doctests and those of `17-it-generator/aritprog.rst`.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
"""
Arithmetic progression generator function::

    >>> ap = aritprog_gen(1, .5, 3)
    >>> list(ap)
    [1.0, 1.5, 2.0, 2.5]
    >>> ap = aritprog_gen(0, 1/3, 1)
    >>> list(ap)
    [0.0, 0.3333333333333333, 0.6666666666666666]
    >>> from fractions import Fraction
    >>> ap = aritprog_gen(0, Fraction(1, 3), 1)
    >>> list(ap)
    [Fraction(0, 1), Fraction(1, 3), Fraction(2, 3)]
    >>> from decimal import Decimal
    >>> ap = aritprog_gen(0, Decimal('.1'), .3)
    >>> list(ap)
    [Decimal('0'), Decimal('0.1'), Decimal('0.2')]

"""


# tag::ARITPROG_GENFUNC[]
def aritprog_gen(begin, step, end=None):
    result = type(begin + step)(begin)
    forever = end is None
    index = 0
    while forever or result < end:
        yield result
        index += 1
        result = begin + step * index
# end::ARITPROG_GENFUNC[]


# ---- driver: the doctests
print("--- example 1")
try:
    ap = aritprog_gen(1, 0.5, 3)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 3")
try:
    ap = aritprog_gen(0, 1 / 3, 1)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 4")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 5")
try:
    from fractions import Fraction
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 6")
try:
    ap = aritprog_gen(0, Fraction(1, 3), 1)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 7")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 8")
try:
    from decimal import Decimal
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 9")
try:
    ap = aritprog_gen(0, Decimal('.1'), 0.3)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 10")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 11")
try:
    ap = aritprog_gen(1, 0.5, 3)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 12")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 13")
try:
    ap = aritprog_gen(0, 1 / 3, 1)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 14")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 15")
try:
    from fractions import Fraction
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 16")
try:
    ap = aritprog_gen(0, Fraction(1, 3), 1)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 17")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 18")
try:
    from decimal import Decimal
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 19")
try:
    ap = aritprog_gen(0, Decimal('.1'), 0.3)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 20")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 21")
try:
    ap = aritprog_gen(0, 1, 0)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 22")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
