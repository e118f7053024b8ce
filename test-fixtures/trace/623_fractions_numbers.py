# fractions and numbers: CPython's Fraction (parsing, arithmetic, comparison, hashing, limit_denominator) over ints and strings, and the numbers ABCs.
from fractions import Fraction
import numbers
print(Fraction(3, 6), Fraction('3/4'), Fraction(' -1.25 '), Fraction(5), repr(Fraction(1, 3)), str(Fraction(2, 1)))
a, b = Fraction(1, 3), Fraction(1, 6)
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(-a), a < b, a == Fraction(2, 6), a + 1, 2 * a, a // b, a % b)
print(sum(Fraction(1, n) for n in range(1, 6)), Fraction(7, 3).limit_denominator(2), round(Fraction(7, 2)), int(Fraction(7, 2)))
print(isinstance(3, numbers.Integral), isinstance(3, numbers.Rational), isinstance(2.5, numbers.Real), isinstance(a, numbers.Rational), isinstance('x', numbers.Number))
print(a.numerator, a.denominator, Fraction(10, 4).as_integer_ratio(), hash(Fraction(1, 2)) == hash(Fraction(2, 4)), {Fraction(1, 2): 'h'}[Fraction(2, 4)])
for bad in (lambda: Fraction(1, 0), lambda: Fraction('x'), lambda: a + 'x'):
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
