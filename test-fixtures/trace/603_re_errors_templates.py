# re: pattern errors (message, position, line and column), template errors, type errors.
import re
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__module__, type(e).__qualname__, e)
for p in ['*a', 'a**', '(a', 'a)', '[a', r'\q', '[z-a]', r'(?P<1>a)', r'(?P=x)', '(?<=a+)b', r'\2(a)', 'a(?i)b', r'(?P<a>x)(?P<a>y)', 'x{3,2}', '(?z)', r'\x1', '\\']:
    t(lambda: re.compile(p))
e = None
try: re.compile('a\n(b')
except re.error as ex: e = ex
print(e.msg, e.pos, e.lineno, e.colno, e.pattern, str(e))
t(lambda: re.sub('a', r'\2', 'a'))
t(lambda: re.sub('a', r'\g<x>', 'a'))
t(lambda: re.sub('a', r'\q', 'a'))
t(lambda: re.sub('(a)', r'\g<1', 'a'))
t(lambda: re.match(1, 'a'))
t(lambda: re.match('a', 1))
t(lambda: re.compile(re.compile('a'), re.I))
t(lambda: re.sub('a', lambda m: 1, 'xa'))
