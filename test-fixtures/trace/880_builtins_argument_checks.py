# Built-in functions' argument checks and edge answers (from CPython's test_builtin): round() of a negative
# fraction (round(-0.9) was answered 1) and by keyword, sum() of nothing with a bool start, sum()'s argument
# errors and bytes starts, iter(v, w) with a non-callable, setattr/delattr/hasattr names, len() beyond ssize_t,
# the singletons' types called with arguments, deleting a name set on a module.
import sys
print(round(-0.9), round(-0.5), round(-0.51), round(-1.5), round(-0.9, 0), round(-4.0, -1), round(number=-8.0, ndigits=-1))
print(sum([], False) is False, sum([True, True]), sum([], 2.5), sum([1], start=True))
class C: pass
class HugeLen:
    def __len__(self): return sys.maxsize + 1
class NegativeLen:
    def __len__(self): return -sys.maxsize - 10
def attempts():
    yield lambda: round()
    yield lambda: round(1, 2, 3)
    yield lambda: round(1.5, number=2)
    yield lambda: sum()
    yield lambda: sum([], 0, 1)
    yield lambda: sum([b'a'], b'')
    yield lambda: sum([], start=bytearray())
    yield lambda: sum([], x=1)
    yield lambda: iter(1, 2)
    yield lambda: iter([], x=1)
    yield lambda: setattr(C, 1, 2)
    yield lambda: delattr()
    yield lambda: delattr(C, 1)
    yield lambda: hasattr(C, 1)
    yield lambda: len(HugeLen())
    yield lambda: len(NegativeLen())
    yield lambda: type(None)(1)
    yield lambda: type(Ellipsis)(x=1)
    yield lambda: type(NotImplemented)(1)
for attempt in attempts():
    try:
        print(repr(attempt()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
sys.spam = 1
print(sys.spam)
delattr(sys, 'spam')
print(type(None)(), type(Ellipsis)())
