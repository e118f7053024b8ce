# bytes: literals and escapes, repr, indexing, slicing, iteration, comparisons, hashing, codecs, hex.
data = b'GET /index.html\r\n'
print(data, len(data), data[0], data[-1], data[4:10], data[::-1][:3], list(data[:3]))
print(b"it's", b'say "hi"', b'both \' and "', b'\x00\x7f\x80\xff', rb'\n raw', b'a' b'b', b'\101\x42C')
print(b'abc' == b'abc', b'abc' < b'abd', b'ab' < b'abc', b'b' > b'abc', b'x' != 'x', b'' or 'empty')
print(hash(b'abc') == hash('abc'), {b'k': 1}[b'k'], b'k' in {b'k'}, sorted([b'b', b'a', b'ab']))
print(b'lo' in b'hello', 104 in b'hello', b'hello'.find(b'l'), b'hello'.count(b'l'), b'hello'.index(b'o'))
print('héllo'.encode(), 'héllo'.encode('latin-1'), b'h\xc3\xa9llo'.decode(), b'abc'.decode('ascii'), bytes('hi', 'ascii'))
print(b'\xde\xad'.hex(), bytes.fromhex('de ad BE'), bytes(3), bytes([65, 66]), bytes(b'x'), bytes(range(3)))
print(b'a,b,,c'.split(b','), b'  a b  '.split(), b'-'.join([b'x', b'y']), b'  pad  '.strip(), b'xxhixx'.strip(b'x'))
print(b'Hello'.upper(), b'Hello'.lower(), b'hello'.replace(b'l', b'L'), b'123'.isdigit(), b'abc'.startswith(b'ab'), b'abc'.endswith((b'x', b'c')))
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', type(b''), isinstance(b'', bytes), b''.__class__.__name__)


def chunks(payload, size):
    for start in range(0, len(payload), size):
        yield payload[start:start + size]


print(list(chunks(b'abcdefg', 3)))
for bad in [lambda: b'a' + 'b', lambda: bytes('x'), lambda: bytes([256]), lambda: b'abc'[5], lambda: bytes.fromhex('zz'), lambda: {bytearray(b'a'): 1}]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as error:
        print(type(error).__name__, error)
