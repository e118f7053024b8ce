# float.as_integer_ratio and int.as_integer_ratio: exact, in lowest terms, and Fraction built on them.
for x in [1.5, 0.1, -0.1, 0.0, -0.0, 1e300, 5e-324, 2.0**-1074 * 3, 1e16, -2.5, 123456.789, float(2**60)]:
    print(x, x.as_integer_ratio())
for bad in [float('nan'), float('inf'), float('-inf')]:
    try:
        bad.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
from fractions import Fraction
print(Fraction(0.75), Fraction.from_float(0.1))
print((5).as_integer_ratio(), True.as_integer_ratio(), (-2**70).as_integer_ratio(), int.as_integer_ratio(3))
