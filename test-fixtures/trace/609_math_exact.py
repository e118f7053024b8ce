# math: the exact functions (fsum, frexp/ldexp, modf, fmod, remainder, isclose, lcm/perm/comb, sumprod of ints,
# nextafter/ulp, log2/log10 of exact powers, pow with exact results) and their errors.
import math


def terms(n):
    for k in range(1, n + 1):
        yield 1 / k


print(math.fsum(terms(10)), sum(terms(10)), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]), math.fsum([-0.0]))
print(math.fsum([1.5, float('inf')]), math.fsum([float('nan'), 1.0]), math.fsum(iter([2 ** -1074, 2 ** -1074])))
print(math.frexp(8.0), math.frexp(-0.3), math.frexp(0.0), math.frexp(5e-324), math.ldexp(0.75, 4), math.ldexp(1.0, -1074), math.ldexp(-3.0, 0))
print(math.modf(3.25), math.modf(-3.5), math.modf(-0.0), math.modf(float('inf')), math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(5, float('inf')))
print(math.remainder(7, 2), math.remainder(5, 2), math.remainder(-5, 2), math.remainder(10.5, 3), math.remainder(3, float('inf')))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(float('inf'), float('inf')))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(-4, 6, 10), math.perm(5, 2), math.perm(4), math.perm(3, 5), math.comb(10, 3), math.comb(3, 5))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod((x for x in range(4)), range(4)), math.sumprod([], []), math.sumprod([True, 2], [3, 4]))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300))
print(math.log2(1024), math.log2(0.125), math.log10(1000), math.log10(1), math.pow(2, 10), math.pow(-3, 3), math.pow(7, 0), math.pow(1, 1e300))
print(math.degrees(math.pi), math.radians(180), math.gcd(12, 18, 27), math.isqrt(10 ** 20 + 1), math.factorial(20), math.prod(terms(3)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.9), math.floor(10 ** 20 + 0.5), math.sqrt(2), math.copysign(3, -0.0), math.fabs(-4))


def convolve(signal, kernel):
    kernel = tuple(kernel)[::-1]
    n = len(kernel)
    padded = [0] * (n - 1) + list(signal) + [0] * (n - 1)
    for i in range(len(padded) - n + 1):
        yield math.sumprod(kernel, padded[i:i + n])


print(list(convolve([1, 2, 3], [1, 1])))
for call in (lambda: math.fsum([float('inf'), float('-inf')]), lambda: math.fmod(1, 0), lambda: math.fmod(float('inf'), 1),
             lambda: math.remainder(1, 0), lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.sumprod([1], [1, 2]),
             lambda: math.perm(-1), lambda: math.perm(3, -1), lambda: math.comb(3, -1), lambda: math.ldexp(1.0, 2000),
             lambda: math.log2(0), lambda: math.log10(-1), lambda: math.lcm(1.5), lambda: math.sqrt(-1), lambda: math.ldexp(1, 1.5)):
    try:
        print(call())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
