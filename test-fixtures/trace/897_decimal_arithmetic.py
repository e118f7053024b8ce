# decimal (CPython's _pydecimal run by the runtime, answering as the C module): arithmetic with the default context, quantize and the rounding modes, formatting, comparisons with ints and floats, hashing as ints and floats, localcontext, Context, traps and their C-style exception arguments; a running total from a generator.
from decimal import *
D = Decimal
print(D('1.10') + D('2.205'), D(1) / D(7), D('1.30') * D('2'), D('0.1') + D('0.2') == D('0.3'), repr(D('3.14')))
print(D('7.325').quantize(D('.01'), rounding=ROUND_DOWN), D('7.325').quantize(D('1.'), rounding=ROUND_UP), D(10) ** 2, D(2).sqrt())
print(sum([D('1.1'), D('2.2')]), sorted([D(3), D('1.5'), D(2)]), D('-0'), D('1E+3'), D('123.4567e-10'))
print(getcontext())
print(D(0.1), D(5), D(-3) // D(2), D(-3) % D(2), divmod(D(7), D(2)), D('1.5') == 1.5, D(2) == 2, hash(D(2)) == hash(2), hash(D('1.5')) == hash(1.5))
print(int(D('3.9')), float(D('0.1')), round(D('2.5')), round(D('2.675'), 2), abs(D('-1.5')), -D('1.5'), +D('1.23456789012345678901234567890'))
print(D('1.2300').normalize(), D('1.23').as_tuple(), D(1).exp() if False else '', D('100').log10(), f"{D('1234.5'):,.2f}", format(D('0.5'), '%'))
for bad in [lambda: D('abc'), lambda: D(1) / 0, lambda: D('1e10').quantize(D('1e-20')), lambda: D(0) / D(0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, type(e).__module__, e.args)
print(type(D(1)), D.__module__, D.__name__, D.__qualname__, type(getcontext()))
with localcontext() as ctx:
    ctx.prec = 5
    print(D(1) / D(3))
print(D(1) / D(3))
import decimal
D = Decimal
prices = [D('19.99'), D('5.01'), D('0.10')]
def running_total(items):
    total = D(0)
    for item in items:
        total += item
        yield total
print(list(running_total(prices)), sum(prices), max(prices), min(prices), sum(prices) / len(prices))
print(D('1.1') * 3, 3 * D('1.1'), D(10) - 3, 7 - D('0.5'), D(1) / 3 * 3, D(2) ** D('0.5'), D(2) ** -1, D('1.21').sqrt())
for r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR):
    print(r, [str(D(x).quantize(D('0.1'), rounding=r)) for x in ('1.25', '1.35', '-1.25', '2.05')])
print(f"{D('3.14159'):.2f}", f"{D('1234567.891'):,}", f"{D('0.000123'):e}", f"{D('42'):>8}|", f"{D('-1.5'):+.3f}", format(D('1e10'), 'f'))
print(D('1.000').normalize(), D('0E-10'), D('1e-7'), D('0.0000001'), D('123e5'), D(-0.0), D('1.23E+5').to_integral_value(), D('2.5').to_integral_value())
print(D(3) > 2, D(2) == 2.0, D('0.1') == 0.1, D(1) < D(2), D('NaN') == D('NaN'), D('Infinity') > 10**100, D('-Inf'), D('nan'), repr(D('sNaN')))
print(D(1).is_finite(), D('2.50').as_integer_ratio(), D('-3.5').copy_abs(), D(7).fma(2, 3), D('1.5').compare(D(2)), D('12.345').adjusted(), D(5).max(D(3)))
with localcontext() as ctx:
    ctx.prec = 6
    print(D(2).sqrt(), D(1) / 7, ctx.prec)
with localcontext(prec=3, rounding=ROUND_HALF_UP):
    print(D('1.235') + 0, +D('9.995'))
ctx = Context(prec=4)
print(ctx.divide(D(1), D(3)), ctx.add(D('1.23456'), 0), ctx)
getcontext().prec = 10
print(D(1) / 7, getcontext().prec)
getcontext().traps[DivisionByZero] = False
print(D(1) / 0, D(-1) / 0, getcontext().flags[DivisionByZero])
try:
    D(0) / 0
except InvalidOperation as e:
    print("InvalidOperation", e.args)
print(decimal.Decimal is D, isinstance(D(1), decimal.Decimal), type(D(1)).__name__, hash(D('0.5')) == hash(0.5), hash(D(10)) == hash(10), D(5).__class__)
print(sorted({D('1.0'), D(1), D('1.00')}), len({D('1.0'), D(1)}), {D(1): 'a'}[1], round(D('3.14159'), 3), round(D('2.5')), int(D('-7.9')), float(D('1.1')))
print(D((0, (1, 4, 1, 4), -3)), D.from_float(0.5), D(1).exp(), D(10).ln(), D(1000).log10(), BasicContext.prec, ExtendedContext.traps[InvalidOperation])
