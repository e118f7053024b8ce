# int() and float() read Unicode decimal digits and whitespace (made ASCII first, then ASCII spaces
# stripped); str.isdigit/isdecimal/isnumeric/isspace/isalnum/isprintable, split()/strip() and repr()
# use CPython 3.13's Unicode database, not JavaScript's \s.
cases = ['\x1c5', '5\x1f', '\x855', '\u30005\u3000', '\ufeff5', ' 5 ', '5 5', '١٢٣', '-٤', '+௪_௪', '٤_', '_4', '4__4', '0x_1f', '0_x1f', '١.٥', ' ١.٥e٣ ', '𝟓', '²', '½', '١e5', '\xa01.5\xa0', 'inf\u2000', '1_0.5', '1._5', '1e1_0', '١_٢', '-nan', '+Infinity', '1.', '.5', '.', 'e5', '1e', '0x10', '٤', '௪', '五', '①', '⑩', 'a٤']
for c in cases:
    r=[]
    for f in (int, float):
        try: r.append(repr(f(c)))
        except Exception as e: r.append(f'{type(e).__name__}: {e}')
    print(repr(c), *r, c.isdigit(), c.isdecimal(), c.isnumeric(), c.isspace(), c.isalnum())
for c, b in [('0_0', 0), ('00', 0), ('010', 0), ('0x_1f', 16), ('0x_1f', 0), ('0X1F', 0), ('1f', 16), ('0x', 16), ('z', 36), ('0b_', 0), ('010', 10), ('٠x١', 0), ('٠b١٠', 2), ('7', 7), ('-0o17', 8)]:
    try:
        print(repr(c), b, int(c, b))
    except ValueError as e:
        print(repr(c), b, 'ValueError', e)
try:
    int('1' * 4301)
except ValueError as e:
    print(e)
print(len(str(int('1_' * 2000 + '1'))))
print(' a\x1cb\x85c\u3000d\ufeffe '.split(), '\x1c x \x85'.strip(), repr('\ufeffx\ufeff'.strip()))
print('a\x1cb c'.rsplit(None, 1), '\x1ca b\x1f'.lstrip(), '\x1ca b\x1f'.rstrip())
