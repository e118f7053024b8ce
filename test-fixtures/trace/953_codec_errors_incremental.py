# The codecs' errors as CPython raises and handles them: UnicodeDecodeError/UnicodeEncodeError over the same
# byte or character range, with the same reason and message, and the strict, replace, ignore, backslashreplace,
# surrogateescape (decode) and xmlcharrefreplace (encode) handlers; bytes.decode/str.encode take keywords.
# codecs' incremental decoder keeps an incomplete UTF-8 sequence for the next chunk; iterdecode is a generator.
import codecs

tests = [b'ab\xffcd', b'\xe2\x82', b'\xe2\x82\xacx', b'\xed\xa0\x80', b'\xf0\x9f\x98', b'\xf0\x9f\x98\x80', b'\xc3(', b'\xe0\x80\x80', b'\xf4\x90\x80\x80', b'\xf8', b'\x80abc', b'a\xc2', b'\xf1\x80\x80\xc0']
for t in tests:
    for err in ('strict', 'replace', 'ignore', 'backslashreplace', 'surrogateescape'):
        try:
            r = t.decode('utf-8', err)
            print(t, err, repr(r).encode('ascii', 'backslashreplace'))
        except UnicodeDecodeError as e:
            print(t, err, 'UDE', e, e.start, e.end, e.reason, e.encoding, e.object)
for s in ('abc', 'caf\xe9', '\u20ac\u20acx\u20ac', '\U0001f600!', 'a\udc80b'):
    for enc in ('ascii', 'latin-1', 'utf-8'):
        for err in ('strict', 'replace', 'ignore', 'backslashreplace', 'xmlcharrefreplace'):
            try:
                print(repr(s).encode('ascii', 'backslashreplace'), enc, err, s.encode(enc, err))
            except UnicodeEncodeError as e:
                print(enc, err, 'UEE', e, e.start, e.end)
print(b'\xff'.decode(errors='replace'), b'x'.decode(encoding='latin1'), 'y'.encode(errors='strict'), b'\xe9'.decode('Latin-1'))
try:
    b'\xff'.decode('utf-8', 'bogus')
except LookupError as e:
    print('LookupError', e)
print(b'ok'.decode('utf-8', 'bogus'))
print(str(UnicodeDecodeError('utf-8', b'\x00\x01', 0, 2, 'why')), str(UnicodeEncodeError('ascii', 'xy', 1, 2, 'because')))


def chunks(data, size):
    for i in range(0, len(data), size):
        yield data[i:i + size]


text = 'na\u00efve \u20ac \U0001f600 end'
data = text.encode('utf-8')
for size in (1, 2, 3, 5):
    print(size, list(codecs.iterdecode(chunks(data, size), 'utf-8')) == [c for c in codecs.iterdecode(chunks(data, size), 'utf-8')],
          ''.join(codecs.iterdecode(chunks(data, size), 'utf-8')) == text)
dec = codecs.getincrementaldecoder('utf-8')()
print(repr(dec.decode(b'\xe2\x82')), dec.getstate(), repr(dec.decode(b'\xac!')), dec.getstate())
print(repr(dec.decode(b'\xf0\x9f')), end=' ')
try:
    dec.decode(b'', final=True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
dec.reset()
print(dec.getstate(), codecs.getincrementaldecoder('utf-8')('replace').decode(b'ok\xe2\x82', True))
enc = codecs.getincrementalencoder('latin-1')('xmlcharrefreplace')
print(enc.encode('caf\u00e9 \u20ac'), codecs.getincrementalencoder('ascii'), codecs.getincrementaldecoder('latin-1'))
print(list(codecs.iterencode(['a\u00e9', '', 'b'], 'utf-8')), list(codecs.iterdecode([b'\xff', b'a'], 'ascii', 'replace')))
print(codecs.utf_8_decode(b'ab\xe2\x82'), codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True), codecs.latin_1_encode('\xff'))
print(codecs.encode('\u00e9', 'latin-1'), codecs.decode(b'\xc3\xa9'), codecs.decode(b'\xff', 'utf-8', 'replace'))
