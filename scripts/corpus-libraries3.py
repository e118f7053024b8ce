"""Builds test-fixtures/corpus/libraries3/ (the third held-out set, 25 programs) from files on this machine:
boltons 26.1.1's `boltons/iterutils.py` (its doctested functions, by `scripts/corpus-extract.py`'s extraction),
more-itertools 11.1.0's doctested classes (`peekable`, `seekable`, `bucket`, `islice_extended`, `run_length`,
the same extraction), and CPython 3.13.0's `Lib/` (calendar, email.feedparser, string, codecs, traceback,
collections, asyncio, and the doctests/tests of `Lib/test/test_genexps.py` and `test_generator_stop.py`), each
as written with a small driver. Run once with any python3 (`PYENV_VERSION=3.13.0 python3.13 scripts/corpus-libraries3.py`); the output is
committed with its provenance in each file's first two lines.
"""
import ast
import doctest
import importlib.util
import os
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('corpus_extract', os.path.join(HERE, 'corpus-extract.py'))
cx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cx)

L = '/root/.pyenv/versions/3.13.0/lib/python3.13'
BOLTONS = '/work/projects/boltons/boltons'
MORE = '/work/projects/more-itertools/more_itertools'
OUT = os.path.join(HERE, '..', 'test-fixtures', 'corpus', 'libraries3')
os.makedirs(OUT, exist_ok=True)
PSF = '# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.'
BSD = 'BSD-3-Clause, Copyright (c) 2013 Mahmoud Hashemi'
MIT = 'MIT, Copyright (c) 2012 Erik Rose'


def write(name, header, body):
    with open(f'{OUT}/{name}.py', 'w', encoding='utf-8') as f:
        f.write(header.rstrip() + '\n' + body.strip() + '\n')


def seg(src, n):
    start = n.decorator_list[0].lineno if getattr(n, 'decorator_list', None) else n.lineno
    return textwrap.dedent('\n'.join(src.splitlines()[start - 1:n.end_lineno]))


def ext(path, *names):
    """Top-level definitions by name (`Class:meth,meth` keeps only those methods), as written."""
    src = open(path, encoding='utf-8').read()
    tree = ast.parse(src)
    out = []
    for name in names:
        cls, _, meths = name.partition(':')
        n = next(n for n in tree.body if getattr(n, 'name', None) == cls
                 or (isinstance(n, ast.Assign) and getattr(n.targets[0], 'id', None) == cls))
        if not meths:
            out.append(seg(src, n))
            continue
        parts = []
        for m in meths.split(','):
            mm = next(x for x in n.body if getattr(x, 'name', None) == m
                      or (isinstance(x, ast.Assign) and getattr(x.targets[0], 'id', None) == m))
            parts.append(seg(src, mm))
        header = '\n'.join(src.splitlines()[(n.decorator_list[0].lineno if n.decorator_list else n.lineno) - 1:n.lineno])
        out.append(header + '\n' + textwrap.indent('\n\n'.join(parts), '    '))
    return '\n\n'.join(out)


def extracted(prefix, note, licence, first, others, names):
    """corpus-extract.py's program for each name (a function or a class) and its doctest examples."""
    # The modules `first` imports from come first (their definitions run before its own, as an import's do).
    definitions, imports = {}, {}
    for other in others:
        extra, extra_imports = cx.definitions_of(other)
        definitions.update(extra)
        imports.update(extra_imports)
    own, own_imports = cx.definitions_of(first)
    definitions.update(own)
    imports.update(own_imports)
    parser = doctest.DocTestParser()
    for name in names:
        node = definitions[name][0]
        examples = [e for e in parser.get_examples(ast.get_docstring(node) or '') if not e.options.get(doctest.SKIP)]
        header = f'# {note}: `{name}` and its doctest examples.\n# Licence: {licence}.\n'
        write(f'{prefix}_{name}', header, cx.program_for(name, node, definitions, imports, examples))


# 1-11: boltons.iterutils
extracted('boltons_iterutils', 'From boltons 26.1.1 (github.com/mahmoud/boltons), boltons/iterutils.py', BSD,
          f'{BOLTONS}/iterutils.py', [],
          ['split_iter', 'chunked', 'chunk_ranges', 'pairwise', 'windowed_iter', 'bucketize', 'unique_iter',
           'redundant', 'remap', 'research', 'soft_sorted'])

# 12-16: more-itertools' doctested classes (the function corpus in more-itertools/ has none of them)
extracted('more_itertools', 'From more-itertools 11.1.0 (github.com/more-itertools/more-itertools), more_itertools/more.py', MIT,
          f'{MORE}/more.py', [f'{MORE}/recipes.py'],
          ['peekable', 'seekable', 'bucket', 'islice_extended', 'run_length'])

# 17 calendar
write('calendar_iter', f'''# From CPython 3.13.0, Lib/calendar.py: `Month`, `Day`, `mdays`, `IllegalMonthError`, `isleap`, `weekday`, `monthrange`, `_monthlen`, `_prevmonth`, `_nextmonth` and the `Calendar` class (as written), with a driver.
{PSF}
''', '''import datetime
from enum import IntEnum, global_enum
from itertools import repeat

error = ValueError

''' + ext(L + '/calendar.py', 'IllegalMonthError', 'Month', 'Day', 'mdays', 'isleap', 'weekday', 'monthrange',
          '_monthlen', '_prevmonth', '_nextmonth', 'Calendar') + '''


c = Calendar()
print(list(c.iterweekdays()))
print(list(Calendar(6).iterweekdays()))
print(list(c.itermonthdays(2024, 2)))
print(list(c.itermonthdays2(2025, 3))[:10])
print(list(c.itermonthdays3(2023, 12))[-5:])
print(list(c.itermonthdays4(2026, 1))[:3])
print([d.isoformat() for d in c.itermonthdates(2024, 2)][:9])
for week in c.monthdayscalendar(2024, 9):
    print(week)
print(c.monthdays2calendar(2025, 1)[0])
print(len(c.yeardayscalendar(2024)), [len(row) for row in c.yeardayscalendar(2024, width=4)])
print(Calendar(firstweekday=3).monthdatescalendar(2024, 2)[0])
print(monthrange(2000, 2), monthrange(1900, 2), isleap(2100), weekday(2024, 12, 25))
try:
    monthrange(2024, 13)
except IllegalMonthError as e:
    print('IllegalMonthError', e)
c.setfirstweekday(6)
print(c.getfirstweekday(), c.firstweekday, list(c.itermonthdays(1, 1))[:8])
print(list(c.itermonthdays3(9999, 12))[-3:])
''')

# 18 email.feedparser
write('email_buffered_subfile', f'''# From CPython 3.13.0, Lib/email/feedparser.py: `NeedMoreData`, `NLCRE_crack` and the `BufferedSubFile` class (as written), with a driver.
{PSF}
''', '''import re
from collections import deque
from io import StringIO

NLCRE_crack = re.compile(r'(\\r\\n|\\r|\\n)')
NeedMoreData = object()

''' + ext(L + '/email/feedparser.py', 'BufferedSubFile') + '''


def drain(f):
    """The lines readline gives until it needs more data or reaches a (false) EOF."""
    lines = []
    while True:
        line = f.readline()
        if line is NeedMoreData or line == '':
            return lines, 'more' if line is NeedMoreData else 'eof'
        lines.append(line)

f = BufferedSubFile()
f.push('Subject: hi\\r\\nFrom: a@b')
print(repr(f.readline()), f.readline() is NeedMoreData)
f.push('.c\\nTo: x\\n\\nbody line 1\\nbody')
print(drain(f))
f.push(' line 2\\r')
f.push('\\n--BOUNDARY\\nafter\\n')
f.push_eof_matcher(lambda line: line.startswith('--BOUNDARY'))
print(drain(f))
print(f.pop_eof_matcher() is not None)
print(repr(f.readline()))
f.unreadline('pushed back\\n')
f.push('tail without newline')
print(drain(f))
f.close()
print(list(f), repr(f.readline()))
''')

# 19 string.Formatter
write('string_formatter', f'''# From CPython 3.13.0, Lib/string.py: the `Formatter` class (as written), with a driver after the documentation's uses (a subclass, `parse`).
{PSF}
''', 'import _string\n\n' + ext(L + '/string.py', 'Formatter') + '''


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

fmt = Formatter()
print(fmt.format('{0}, {1}, {0}', 'a', 'b'))
print(fmt.format('{name!r:>10}|{n:05d}|{p.x},{p.y}|{d[key]}', name='gen', n=42, p=Point(3, 4), d={'key': 'v'}))
print(fmt.format('{} {} {}', 1, 2.5, [3]))
print(fmt.format('{:{width}.{prec}f}', 3.14159, width=10, prec=3))
print(list(fmt.parse('a{0}b{1:>4}c{2!s}d{{e}}')))
print(list(fmt.parse('no fields')))

class DefaultFormatter(Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, '<' + key + '>')
        return super().get_value(key, args, kwargs)

print(DefaultFormatter().format('{a} and {b} and {0}', 'zero', a='A'))
for bad in ('{0} {}', '{', '{0!x}', '{:{:{}}}'):
    try:
        print(fmt.format(bad, 1, 2, 3))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
try:
    fmt.format('{0} {1}', 'only one')
except IndexError as e:
    print('IndexError', e)
''')

# 20 codecs
write('codecs_iterencode', f'''# From CPython 3.13.0, Lib/codecs.py: `iterencode` and `iterdecode` (as written), with a driver.
{PSF}
''', 'from codecs import getincrementalencoder, getincrementaldecoder\n\n' + ext(L + '/codecs.py', 'iterencode', 'iterdecode') + '''


words = ['gr\\u00fc\\u00df', ' ', 'caf\\u00e9', ' \\u20ac', '']
print(list(iterencode(words, 'utf-8')))
print(b''.join(iterencode(words, 'latin-1', 'replace')))
chunks = list(iterencode(words, 'utf-8'))
data = b''.join(chunks)
print(list(iterdecode([data[i:i + 3] for i in range(0, len(data), 3)], 'utf-8')))
print(''.join(iterdecode([b'\\xe2', b'\\x82', b'\\xac', b'!'], 'utf-8')))
print(list(iterdecode([b'ab', b'\\xff', b'cd'], 'utf-8', 'replace')))
try:
    list(iterdecode([b'ok', b'\\xff'], 'utf-8'))
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    list(iterencode(['\\u20ac'], 'ascii'))
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
''')

# 21 traceback
write('traceback_walk_tb', f'''# From CPython 3.13.0, Lib/traceback.py: `walk_tb` and `walk_stack` (as written), with a driver.
{PSF}
''', 'import sys\n\n' + ext(L + '/traceback.py', 'walk_stack', 'walk_tb') + '''


def parse(text):
    return convert(text.split(','))

def convert(parts):
    return [int(p) for p in parts]

def outer():
    return inner()

def inner():
    return [(f.f_code.co_name, lineno) for f, lineno in walk_stack(sys._getframe())]

try:
    parse('1,2,x')
except ValueError as e:
    print(e)
    for frame, lineno in walk_tb(e.__traceback__):
        print(frame.f_code.co_name, lineno)
    print(len(list(walk_tb(e.__traceback__))))
print(outer())
print(list(walk_tb(None)))
''')

# 22 collections.OrderedDict, the pure-Python one
write('ordereddict_pure', f'''# From CPython 3.13.0, Lib/collections/__init__.py: the pure-Python `OrderedDict` with its views and `_Link` (as written; CPython replaces it with the C one), with a driver.
{PSF}
''', '''import _collections_abc
import sys as _sys
from operator import eq as _eq
from reprlib import recursive_repr as _recursive_repr
from _weakref import proxy as _proxy

''' + ext(L + '/collections/__init__.py', '_OrderedDictKeysView', '_OrderedDictItemsView', '_OrderedDictValuesView', '_Link', 'OrderedDict') + '''


od = OrderedDict()
for k in 'spam':
    od[k] = ord(k)
print(od, list(od), list(reversed(od)))
od.move_to_end('s')
od.move_to_end('m', last=False)
print(list(od.items()), list(reversed(od.values())))
print(od.popitem(), od.popitem(last=False), od)
od.update(x=1, y=2)
od.setdefault('z', 3)
print(list(od.keys()), list(reversed(od.items())))
print(od.pop('x'), od.pop('nope', 'default'), 'y' in od, len(od))
print(OrderedDict.fromkeys('abc', 0) == OrderedDict(a=0, b=0, c=0), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
od2 = od.copy()
del od2['y']
print(od2, od)
print(od | {'q': 9}, list(od.__reversed__()))
it = iter(od)
next(it)
od['new'] = 1
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    od.popitem() and OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
od.clear()
print(od, list(reversed(od)))
''')

# 23 asyncio.as_completed and TaskGroup
write('asyncio_as_completed', f'''# From CPython 3.13.0, Lib/asyncio/tasks.py and taskgroups.py: `as_completed` (plain and `async for` iteration) and `TaskGroup`, driven as their docstrings show, with sleeps in place of connections.
{PSF}
''', '''import asyncio


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f'{name} failed')
    return f'{name} after {delay}'


async def main():
    tasks = [asyncio.create_task(fetch('slow', 0.3)), asyncio.create_task(fetch('fast', 0.1)), asyncio.create_task(fetch('mid', 0.2))]
    async for earliest in asyncio.as_completed(tasks):
        print('async for:', earliest.get_name(), await earliest, earliest is tasks[1])
    for next_result in asyncio.as_completed([fetch('b', 0.2), fetch('a', 0.1)]):
        print('plain:', await next_result)
    try:
        for next_result in asyncio.as_completed([fetch('never', 10)], timeout=0.5):
            await next_result
    except TimeoutError:
        print('TimeoutError')
    async with asyncio.TaskGroup() as group:
        t1 = group.create_task(fetch('one', 0.2))
        t2 = group.create_task(fetch('two', 0.1))
    print('both done:', t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch('ok', 0.1))
            group.create_task(fetch('bad', 0.05, fail=True))
            group.create_task(fetch('cancelled', 1))
    except* ValueError as eg:
        print('ExceptionGroup:', [str(e) for e in eg.exceptions])


asyncio.run(main())
''')

# 24 test_genexps doctests
src = open(L + '/test/test_genexps.py', encoding='utf-8').read()
tree = ast.parse(src)
doc = next(n.value.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], 'id', None) == 'doctests')
examples = [e for e in doctest.DocTestParser().get_examples(doc) if not e.options.get(doctest.SKIP)]
out = []
for i, e in enumerate(examples):
    try:
        t = ast.parse(e.source)
    except SyntaxError:
        # a doctest that shows a SyntaxError: compiled at run time, printing the error as doctest would see it
        out.append(f'try:\n    exec(compile({e.source!r}, "<doctest>", "single"))\nexcept SyntaxError as _error:\n    print(f"SyntaxError: {{_error.msg}}")')
        continue
    stmts = []
    for s in t.body:
        if isinstance(s, ast.Expr):
            stmts.append(f'_value = ({ast.unparse(s.value)})')
            stmts.append('if _value is not None:\n    print(repr(_value))')
        else:
            stmts.append(ast.unparse(s))
    out.append('try:\n' + textwrap.indent('\n'.join(stmts), '    ') + "\nexcept Exception as _error:\n    print(f'{type(_error).__name__}: {_error}')")
write('test_genexps_doctests', f'''# From CPython 3.13.0, Lib/test/test_genexps.py: its `doctests` examples, each printing what the interactive prompt would (an exception as `Type: message`).
{PSF}
''', '\n'.join(out))

# 25 test_generator_stop (PEP 479)
write('test_generator_stop', f'''# From CPython 3.13.0, Lib/test/test_generator_stop.py (PEP 479): its two tests' bodies, each printing what it asserts.
{PSF}
''', '''from __future__ import generator_stop


def f():
    raise StopIteration
def g():
    yield f()
try:
    next(g())
except RuntimeError as exc:
    print('RuntimeError', exc)
    print(type(exc.__cause__) is StopIteration, type(exc.__context__) is StopIteration, exc.__suppress_context__)
else:
    print('no RuntimeError')


def h():
    yield 1
    return 'done'
gen = h()
print(next(gen))
try:
    next(gen)
except StopIteration as e:
    print('StopIteration', e.value)
def relay():
    for x in h():
        yield x
    raise StopIteration('explicit')
try:
    print(list(relay()))
except RuntimeError as exc:
    print('RuntimeError', exc, repr(exc.__cause__))
''')
