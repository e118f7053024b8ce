# type(): its argument checks, bases checked for a metaclass first, lay-out conflicts, __slots__ rules, class names and qualnames (assigning __qualname__ did not reach the repr), __module__ assignment; ord() of one byte; str()'s argument count.
import types
def attempts():
    yield lambda: type()
    yield lambda: type('A', ())
    yield lambda: type('A', (), {}, ())
    yield lambda: type('A', (), dict={})
    yield lambda: type('A', [], {})
    yield lambda: type('A', (), types.MappingProxyType({}))
    yield lambda: type('A', (None,), {})
    yield lambda: type('A', (bool,), {})
    yield lambda: type('A', (int, str), {})
    yield lambda: type('A', (list, dict), {})
    yield lambda: type('A\0B', (), {})
    yield lambda: type('A', (), {'__qualname__': b'B'})
    yield lambda: type('A', (), {'__slots__': b'x'})
    yield lambda: type('A', (int,), {'__slots__': 'x'})
    yield lambda: type('A', (), {'__slots__': '42'})
    yield lambda: type('A', (), {'__slots__': ('__dict__', '__dict__')})
    yield lambda: type('A', (), {'__slots__': 'x', 'x': 0})
for attempt in attempts():
    try:
        print(attempt())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class M(type):
    pass
for f in [lambda: M(), lambda: M(1, 2)]:
    try:
        f()
    except TypeError as e:
        print(e)
print(type(5), type('A', (), {'x': 1}).x)
class C: pass
C.__name__ = 'D'
print(C, C.__name__, C.__qualname__, repr(C()).split(' object')[0])
C.__qualname__ = 'E.F'
print(C, C.__qualname__)
for v in ['a\0b', b'x', 'a\udcdcb']:
    for attr in ['__name__', '__qualname__']:
        try:
            setattr(C, attr, v)
        except (TypeError, ValueError, UnicodeEncodeError) as e:
            print(attr, type(e).__name__, e)
for f in [lambda: ord(b'ab'), lambda: ord(bytearray(b'a')), lambda: ord(b''), lambda: ord(), lambda: ord('a','b'), lambda: ord(1), lambda: ord(b' '), lambda: str(b'', 'utf-8', 'strict', encoding='x'), lambda: str(1, 2, 3, 4)]:
    try: print(f())
    except TypeError as e: print(e)
