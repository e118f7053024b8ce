# bytearray: mutation in place, repr, comparisons with bytes, and a generator filling a buffer.
buf = bytearray(b'abc')
buf[0] = 65
buf.append(100)
buf.extend(b'ef')
buf += b'!'
print(buf, len(buf), buf[1], buf[1:3], buf == b'Abcdef!', buf.pop(), buf, bytes(buf))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray('é', 'utf-8'), bytearray(b'x') * 2, bytearray.fromhex('4142'))


def fill(size):
    out = bytearray()
    for i in range(size):
        out.append(48 + i)
        yield bytes(out)


print(list(fill(3)))
for bad in [lambda: buf.__setitem__(0, 300), lambda: bytearray().pop(), lambda: hash(bytearray())]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as error:
        print(type(error).__name__, error)
