# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `17-it-generator/aritprog_float_error.py` (its `__main__`) after `aritprog_v0.py` and `aritprog_v1.py`, whose classes it imports as `APv0` and `APv1`, and aritprog_v0's doctests.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).


# ---- 17-it-generator/aritprog_v0.py
"""
Arithmetic progression class

    >>> ap = ArithmeticProgression(1, .5, 3)
    >>> list(ap)
    [1.0, 1.5, 2.0, 2.5]


"""


class ArithmeticProgression:

    def __init__(self, begin, step, end=None):
        self.begin = begin
        self.step = step
        self.end = end  # None -> "infinite" series

    def __iter__(self):
        result_type = type(self.begin + self.step)
        result = result_type(self.begin)
        forever = self.end is None
        while forever or result < self.end:
            yield result
            result += self.step
APv0 = ArithmeticProgression


# ---- 17-it-generator/aritprog_v1.py
"""
Arithmetic progression class

# tag::ARITPROG_CLASS_DEMO[]

    >>> ap = ArithmeticProgression(0, 1, 3)
    >>> list(ap)
    [0, 1, 2]
    >>> ap = ArithmeticProgression(1, .5, 3)
    >>> list(ap)
    [1.0, 1.5, 2.0, 2.5]
    >>> ap = ArithmeticProgression(0, 1/3, 1)
    >>> list(ap)
    [0.0, 0.3333333333333333, 0.6666666666666666]
    >>> from fractions import Fraction
    >>> ap = ArithmeticProgression(0, Fraction(1, 3), 1)
    >>> list(ap)
    [Fraction(0, 1), Fraction(1, 3), Fraction(2, 3)]
    >>> from decimal import Decimal
    >>> ap = ArithmeticProgression(0, Decimal('.1'), .3)
    >>> list(ap)
    [Decimal('0'), Decimal('0.1'), Decimal('0.2')]

# end::ARITPROG_CLASS_DEMO[]
"""


# tag::ARITPROG_CLASS[]
class ArithmeticProgression:

    def __init__(self, begin, step, end=None):       # <1>
        self.begin = begin
        self.step = step
        self.end = end  # None -> "infinite" series

    def __iter__(self):
        result_type = type(self.begin + self.step)   # <2>
        result = result_type(self.begin)             # <3>
        forever = self.end is None                   # <4>
        index = 0
        while forever or result < self.end:          # <5>
            yield result                             # <6>
            index += 1
            result = self.begin + self.step * index  # <7>
# end::ARITPROG_CLASS[]
APv1 = ArithmeticProgression


# ---- 17-it-generator/aritprog_float_error.py
"""
Demonstrate difference between Arithmetic Progression calculated
as a series of increments accumulating errors versus one addition
and one multiplication.
"""

from fractions import Fraction

if __name__ == '__main__':

    ap0 = iter(APv0(1, .1))
    ap1 = iter(APv1(1, .1))
    ap_frac = iter(APv1(Fraction(1, 1), Fraction(1, 10)))
    epsilon = 10**-10
    iteration = 0
    delta = next(ap0) - next(ap1)
    frac = next(ap_frac)
    while abs(delta) <= epsilon:
        delta = next(ap0) - next(ap1)
        frac = next(ap_frac)
        iteration += 1

    print('iteration: {}\tfraction: {}\tepsilon: {}\tdelta: {}'.
          format(iteration, frac, epsilon, delta))


# ---- driver: aritprog_v0's doctests
ArithmeticProgression = APv0
print("--- example 1")
try:
    ap = ArithmeticProgression(1, 0.5, 3)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = list(ap)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
