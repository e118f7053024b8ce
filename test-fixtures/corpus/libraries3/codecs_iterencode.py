# From CPython 3.13.0, Lib/codecs.py: `iterencode` and `iterdecode` (as written), with a driver.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
from codecs import getincrementalencoder, getincrementaldecoder

def iterencode(iterator, encoding, errors='strict', **kwargs):
    """
    Encoding iterator.

    Encodes the input strings from the iterator using an IncrementalEncoder.

    errors and kwargs are passed through to the IncrementalEncoder
    constructor.
    """
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output

def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """
    Decoding iterator.

    Decodes the input strings from the iterator using an IncrementalDecoder.

    errors and kwargs are passed through to the IncrementalDecoder
    constructor.
    """
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


words = ['gr\u00fc\u00df', ' ', 'caf\u00e9', ' \u20ac', '']
print(list(iterencode(words, 'utf-8')))
print(b''.join(iterencode(words, 'latin-1', 'replace')))
chunks = list(iterencode(words, 'utf-8'))
data = b''.join(chunks)
print(list(iterdecode([data[i:i + 3] for i in range(0, len(data), 3)], 'utf-8')))
print(''.join(iterdecode([b'\xe2', b'\x82', b'\xac', b'!'], 'utf-8')))
print(list(iterdecode([b'ab', b'\xff', b'cd'], 'utf-8', 'replace')))
try:
    list(iterdecode([b'ok', b'\xff'], 'utf-8'))
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
try:
    list(iterencode(['\u20ac'], 'ascii'))
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)
