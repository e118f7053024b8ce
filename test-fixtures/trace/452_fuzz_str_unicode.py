# Found by the value fuzzer: str indices count code points, Python's whitespace set, Unicode case predicates
# and mappings, isprintable and repr's escapes, code point order.
s = '😀x😀x'
print(s.find('x'), s.rfind('x'), s.count('x', 2), s.index('x', 2), '😀abc'.startswith('a', 1), 'ab😀'.endswith('😀', 1, 3))
print('AbC dEf'.count('', 0, 3), 'abc'.replace('', '-', 2), 'x\x85 y\u3000z\ufeff'.split(), '  \x1c x \x1f'.strip())
print('ﬁ'.islower(), 'ǅ'.istitle(), 'Ⅻ'.isupper(), 'ǅungla'.title(), 'ΣΑΣ ΣΑ'.title(), 'straße'.casefold(), 'ǅ'.swapcase())
print('日本語'.isprintable(), repr('\x7f\xad\u200b\xa0é'), 'ǅungla'.isidentifier(), '😀x' < 'ﬁ', sorted(['ﬁ', '😀', 'a']))
print(f"{'😀x'!r:>12}|{'日本':*^7}|{'😀😀😀':.2}|", '%10.4s|' % (['é'],))


def words(text):
    for word in text.split():
        yield word.title()


print(list(words('straße ǆungla\u3000ΣΑΣ')))
