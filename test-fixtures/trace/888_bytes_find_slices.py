# bytes/bytearray find, index and count with start and end; bytearray slice assignment (the more-itertools sieve); the byte range messages of bytes() and bytearray(). The methods' argument counts (bytes.upper(1) answered as if it took none). bytes rfind, rindex, center, ljust, rjust, zfill, partition, rpartition, capitalize, splitlines.
def t(label, fn):
    try: print(label, repr(fn()))
    except Exception as e: print(label, type(e).__name__, e)
for b in (b'abcabc', bytearray(b'abcabc')):
    t(1, lambda: b.find(b'b', 2)); t(2, lambda: b.find(b'b', 2, 4)); t(3, lambda: b.find(98, -2)); t(4, lambda: b.find(b'', 7)); t(5, lambda: b.find(b'', 6))
    t(6, lambda: b.index(b'c', 3)); t(7, lambda: b.index(b'c', 3, 5)); t(8, lambda: b.count(b'a', 1)); t(9, lambda: b.count(b'', 2)); t(10, lambda: b.count(b'', 9))
    t(11, lambda: b.find(b'a', None, None)); t(12, lambda: b.find(b'a', 'x')); t(13, lambda: b.find(b'a', 1, 2, 3)); t(14, lambda: b.count(b'bc', -100, 100)); t(15, lambda: b.find(b'c', 2**80)); t(16, lambda: b.index(0, 1))
ba = bytearray(b'\x01\x00\x01\x00\x01')
print([i for i in range(len(ba)) if ba.find(1, i, i + 1) == i])
def assign(k, v):
    ba = bytearray(b'abc')
    try:
        ba[k] = v
        print(k, ba)
    except Exception as e:
        print(k, type(e).__name__, e)
for k, v in [(slice(0, 1), 5), (slice(0, 1), "x"), (slice(None, None, 2), b"zz"), (slice(1, 3), [256]), (slice(1, 3), ["a"]),
             (slice(None, None, -1), b"xyz"), (slice(5, 1), b"Q"), (slice(0, 0), range(3)), (slice(1, None), None),
             (slice(None, None, 2), b"z"), (slice(None, None, 2), bytearray(2)), (slice(1, 2), memoryview(b'') if False else b'')]:
    assign(k, v)
ba = bytearray(b'abc')
ba[1:2] = ba
print(ba)
def sieve(n):
    data = bytearray((0, 1)) * (n // 2)
    for p in range(3, int(n ** 0.5) + 1, 2):
        if data[p]:
            data[p * p : n : p + p] = bytes(len(range(p * p, n, p + p)))
    yield 2
    yield from (i for i in range(3, n, 2) if data[i])
print(list(sieve(50)))
for f in [lambda: bytearray([256]), lambda: bytes([256]), lambda: bytearray([-1]), lambda: bytearray(iter([300]))]:
    try: f()
    except ValueError as e: print(e)
for f in [lambda: bytes([2**70]), lambda: bytearray([2**70]), lambda: bytes([-2**70])]:
    try: f()
    except ValueError as e: print(e)
for t in (bytes, bytearray):
    b = t(b' ab ')
    for name, args in [('upper', (1,)), ('lower', (1,)), ('strip', (b'a', b'b')), ('lstrip', (1, 2)), ('rstrip', (1, 2)), ('split', (b' ', 1, 2)), ('replace', (b'a',)), ('replace', (b'a', b'b', 1, 2)),
                       ('isdigit', (1,)), ('isalpha', (1,)), ('isspace', (1,)), ('join', ()), ('join', ([], [])), ('startswith', ()), ('endswith', (b'a', 1, 2, 3)), ('decode', ('utf-8', 'strict', 1)), ('hex', (1, 2, 3)), ('__iter__', (1,)), ('count', ()), ('find', ())]:
        try:
            getattr(b, name)(*args)
            print(name, 'ok')
        except Exception as e:
            print(name, type(e).__name__, e)
def t(label, fn):
    try: print(label, repr(fn()))
    except Exception as e: print(label, type(e).__name__, e)
for b in (b'ab-cab', bytearray(b'ab-cab')):
    t(1, lambda: b.rfind(b'ab')); t(2, lambda: b.rfind(b'ab', 0, 4)); t(3, lambda: b.rindex(98, -3)); t(4, lambda: b.rfind(b'', 2)); t(5, lambda: b.rindex(b'z'))
    t(6, lambda: b.center(10)); t(7, lambda: b.center(11, b'*')); t(8, lambda: b.ljust(8, bytearray(b'.'))); t(9, lambda: b.rjust(3)); t(10, lambda: b.center(9, b'ab')); t(11, lambda: b.ljust(9, '*'))
    t(12, lambda: b'-42'.zfill(6)); t(13, lambda: b'+7'.zfill(1)); t(14, lambda: b.zfill(8)); t(15, lambda: b.partition(b'-')); t(16, lambda: b.rpartition(b'ab')); t(17, lambda: b.partition(b'zz'))
    t(18, lambda: b.rpartition(b'zz')); t(19, lambda: b.partition(b'')); t(20, lambda: b.partition('-')); t(21, lambda: b'hELLO wORLD'.capitalize()); t(22, lambda: b'a\nb\r\nc\rd\x0be'.splitlines()); t(23, lambda: b'a\nb\r\n'.splitlines(True))
    t(24, lambda: b.center(2**70)); t(25, lambda: b.center('a')); t(26, lambda: b.center()); t(27, lambda: b.zfill(-3)); t(28, lambda: b'\x01\n'.splitlines(1))
