# List, set and dict comprehensions run in the enclosing frame (PEP 709, CPython 3.12+): an exception
# raised inside one has no `<listcomp>` traceback entry, and the enclosing frame's entry has the line the
# comprehension was at; f_back and sys._getframe() skip them. A generator expression keeps its own frame.
import sys


def entries(exc):
    tb = exc.__traceback__
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def convert(parts):
    return [int(p) for p in parts]


def convert_set(parts):
    return {int(p) for p in parts}


def convert_dict(parts):
    return {p: int(p) for p in parts}


def nested(rows):
    return [[int(x) for x in row] for row in rows]


def spread(parts):
    return [
        p.upper()
        for p in parts
        if int(p)
    ]


def lazy(parts):
    return list(int(p) for p in parts)


for fn, arg in ((convert, ['1', 'x']), (convert_set, ['y']), (convert_dict, ['2', 'z']),
                (nested, [['1'], ['2', 'w']]), (spread, ['3', 'v']), (lazy, ['u'])):
    try:
        fn(arg)
    except ValueError as e:
        print(fn.__name__, entries(e))


def caller_name():
    return sys._getframe(1).f_code.co_name


def where():
    return [caller_name() for _ in range(2)], [sys._getframe().f_code.co_name for _ in 'a']


def back():
    return [sys._getframe().f_back.f_code.co_name for _ in range(1)]


def uses_back():
    return back()


print(where())
print(uses_back())
print(list(sys._getframe(0).f_code.co_name for _ in range(1)))
try:
    [1 // 0 for _ in range(1)]
except ZeroDivisionError as e:
    print(entries(e))
