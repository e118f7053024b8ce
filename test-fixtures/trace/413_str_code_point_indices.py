# str indices and widths are code points (an emoji is one character): find/rfind/index/rindex, startswith/
# endswith ranges, ljust/rjust/center/zfill, format and % widths; argument errors name None as None.
s = '😀a😀bca'
print(s.find('a'), s.rfind('a'), s.index('b'), s.rindex('😀'), s.find('a', 2), s.find('a', -2), s.rfind('😀', 0, 2), s.find('', 10), s.find('', 7), 'abc'.find('', 5), 'abc'.find('', 3), 'abc'.rfind(''))
print('abcabc'.find('c', 1, 3), 'abcabc'.rfind('b', 0, -1), 'abc'.find('bc', 2), 'aaa'.rfind('aa'))
for f in [lambda: 'a'.index(1), lambda: 'a'.find(1), lambda: 'a'.rfind(None), lambda: 'a'.rindex(1), lambda: 'a'.replace('a', 1), lambda: 'a'.replace(None, 'b'), lambda: 'a'.count(None), lambda: format(1, None), lambda: 'a'.index('z'), lambda: s.rindex('z')]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
e = '😀'
print(repr(e.center(5, '*')), repr(e.ljust(3, '-')), repr(e.rjust(3)), repr(e.zfill(3)), repr(f'{e:>4}'), repr(format(e, '^5')), repr('%3s' % e), repr('%-3s|' % e))
print((e + 'ab').startswith('a', 1), (e + 'ab').endswith('a', 0, 2), (e + 'ab').partition('a'), (e + 'a' + e).split('a'), (e * 3)[1:], (e + 'x').upper(), e.title(), repr(e.expandtabs()), ('\t' + e + '\tx').expandtabs(4))
print(list(reversed(e + 'a')), sorted('b' + e + 'a'), max(e + 'a'), (e + 'a')[-1], (e + 'ab').count('a', 1), len(e * 2), e in 'x' + e)
print('abc'.startswith('', 5), 'abc'.startswith('', 3), 'abc'.endswith('', 4), 'abc'.find('', 4))
