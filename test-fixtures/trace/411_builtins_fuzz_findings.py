# Found by a differential fuzz of the built-ins: float // and % (and divmod) as _float_div_mod, divmod()'s
# own errors and __divmod__, 3.13's power-of-zero message, Unicode digits in format specs, % with a
# mapping-like argument, str.count's start/end and message, str_iterator for non-ASCII strings.
print(divmod(-1, float('inf')), divmod(1, float('-inf')), divmod(-1.5, float('inf')), divmod(2.0, float('inf')))
print(divmod(0.0, float('-inf')), divmod(-0.0, float('inf')), divmod(5, 2.0), divmod(-5, 2.0), divmod(float('inf'), 2), divmod(5.0, float('nan')))
print(-1 // float('inf'), -1 % float('inf'), float('inf') // 2, 7.5 // -2, 7.5 % -2, -0.0 // 1, 0.0 % -1)
for a, b in [(1.0, 0), (1, 0.0), (1, 0), ('a', 3), (3, 'a'), ([1], 1.5)]:
    try:
        print(divmod(a, b))
    except (ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)


class D:
    def __divmod__(self, other):
        return ('divmod', other)

    def __rdivmod__(self, other):
        return ('rdivmod', other)

    def __floordiv__(self, other):
        return 'floordiv'


print(divmod(D(), 1), divmod(1, D()))
for base, exp in [(0, -1), (0.0, -1), (0, -0.5)]:
    try:
        print(base ** exp)
    except ZeroDivisionError as x:
        print(x)
print(format('abc', '٤') + '|', format(3.14159, '.٢f'), format(5, '٠٣'), format('x', '٤<٣'), f'{7:٥}|')
print('x' % [], 'x' % {}, '%s' % [1], 'x' % range(2))
for bad in [('x', 5), ('x', (1,)), ('%s %s', (1,))]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print('TypeError', e)
print('abcabc'.count('b'), 'abc'.count(''), 'a😀b'.count(''), 'abcabc'.count('b', 2), 'abcabc'.count('b', -2), 'abc'.count('', 5), 'abc'.count('', 1, 1), 'abcabc'.count('c', 1, -1))
try:
    'abc'.count(1)
except TypeError as e:
    print(e)
print(type(iter('ß')).__name__, type(iter('ss')).__name__, iter('ß'))
