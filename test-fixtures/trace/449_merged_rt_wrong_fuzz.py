# Where the rt-wrong and value-fuzzer fixes met: str.rsplit() by Python whitespace keeping the rest's
# leading whitespace, repr/isprintable from the Unicode tables, case mappings, code-point indices,
# dict views with emulated set order, float divmod/pow, int()/float() parsing, a writable default_factory.
print('  a b'.rsplit(None, 1), ' a b '.rsplit(None, 0), '\x1c a\x85b '.rsplit(maxsplit=1), '   '.rsplit(None, 0))
print(' a  b c '.split(None, 1), 'a\u3000b'.split(), '\u00a0x\u00a0'.strip(), 'x\ufeff'.strip())
print(repr('\u0378\xad\u2028a\U0001f600'), 'ab\u00a0'.isprintable(), ''.isprintable(), '١٢٣'.isdecimal(), '²'.isdigit())
print('ǆemo'.title(), 'ß'.capitalize(), 'ΣΑΣ'.lower(), 'ǅ'.swapcase(), 'ß'.casefold(), 'Ǆ'.istitle(), 'ǅ'.isupper())
print('😀abc'.find('b'), '😀abc'.rfind('c', 1), '😀abc'.count('', 1), 'abc'.startswith('', 4), 'x😀'.center(5, '*'))
d = {1: 'a', 2: 'b', 3: 'c', 17: 'q'}
print(d.keys() - {2}, d.keys() & {1, 3, 9}, d.keys() | [33, 8], d.keys() ^ {3, 4}, {2, 3} - d.keys())
print(d.items() & {(1, 'a'), (2, 'x')}, d.keys() <= {1, 2, 3, 17}, list(reversed(d.values())))
print(divmod(-1.0, float('inf')), divmod(7.5, -2), -7.5 // 2, 2.0 ** 0.5, 10 ** -2, (-8.0) ** 3)
for thunk in (lambda: 2.0 ** 10000, lambda: divmod(1.0, 0), lambda: float('1__0'), lambda: int('08', 0)):
    try:
        thunk()
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e.args)
print(int('0x_1f', 0), int(' ١٢ '), float(' ١.٥ '), float('1_0.5'), hash(1.5), hash(None))
from collections import defaultdict

dd = defaultdict(list)
dd.default_factory = None
print(dd.default_factory, dict(dd))
