# string.Formatter is CPython's Python class over the C module _string: formatter_parser yields
# (literal, field, spec, conversion) lazily, raising a malformed string's error only when iteration gets
# there; formatter_field_name_split gives the first part (an int when all digits) and a lazy iterator.
import _string
from string import Formatter


def parts(s):
    out = []
    try:
        for item in _string.formatter_parser(s):
            out.append(item)
    except ValueError as e:
        out.append(f'ValueError: {e}')
    return out


for s in ('', 'plain', 'a{0}b{1:>4}c{2!s}d{{e}}', '{x!r:{w}.{p}}', '}}{{', 'ok{', 'ok}x', '{0!}', '{0!rx}',
          '{a[{]}', '{a{b}', '{[}]}', '{0:{1:{2}}}', 'x{:}y{!a}'):
    print(repr(s), parts(s))

first, rest = _string.formatter_field_name_split('obj.attr[0][key].x')
print(first, type(rest).__name__, list(rest))
print(_string.formatter_field_name_split('12')[0] + 1)
for bad in ('a.', 'a[1', 'a[0]x', 'a[]'):
    first, rest = _string.formatter_field_name_split(bad)
    try:
        print(first, list(rest))
    except ValueError as e:
        print(first, 'ValueError:', e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def fields(fmt, text):
    for literal, field, spec, conv in fmt.parse(text):
        yield literal
        if field is not None:
            yield f'<{field}|{spec}|{conv}>'


class Upper(Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()

    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        print('unused:', sorted(map(str, unused - used_args)))


fmt = Formatter()
print(list(fields(fmt, 'a {0.x!r:>5} b {p[1]} c')))
print(fmt.format('{0.x},{0.y} {n:03d} {d[k]}', Point(1, 2), n=7, d={'k': 'v'}))
print(fmt.vformat('{} {}', ('a', 'b'), {}))
print(Upper().format('{0} {name:>6} {1}', 'x', 'y', 'z', name='nm', extra=1))
for bad in ('{0} {}', '{} {0}', '{0!x}', '{:{:{:{}}}}', '{9}', '{nokey}', '{0.missing}'):
    try:
        print(fmt.format(bad, Point(0, 0), 1))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
