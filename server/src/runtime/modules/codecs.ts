// codecs: the incremental encoders and decoders, iterencode/iterdecode, encode/decode and the codec functions
// (utf_8_decode and friends) for the codecs the runtime has (utf-8, ascii, latin-1; objects/codec.ts):
// CPython 3.13's Lib/codecs.py and Lib/encodings/{utf_8,ascii,latin_1}.py run by the VM, over natives for
// the codec work. Another codec is refused (CPython has it; the runtime does not), as are the stream
// readers and writers, lookup()/CodecInfo and register(), which the module leaves out.

import { native } from '../args.js';
import { typeOf, type VM } from '../interp.js';
import { codecOf, decodeBytes, encodeText, requireCodec, utf8Decode } from '../objects/codec.js';
import { bytesOf } from '../objects/bytes.js';
import { PyBytes, PyTuple, type Py, type PyModule } from '../values.js';
import { pythonModule } from './support.js';

const CODECS_SOURCE = String.raw`
class IncrementalEncoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder(object):
    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


# Lib/encodings/utf_8.py, ascii.py, latin_1.py: the incremental classes of each codec.
class _utf_8_IncrementalEncoder(IncrementalEncoder):
    def encode(self, input, final=False):
        return utf_8_encode(input, self.errors)[0]

class _utf_8_IncrementalDecoder(BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        return utf_8_decode(input, errors, final)

class _ascii_IncrementalEncoder(IncrementalEncoder):
    def encode(self, input, final=False):
        return ascii_encode(input, self.errors)[0]

class _ascii_IncrementalDecoder(IncrementalDecoder):
    def decode(self, input, final=False):
        return ascii_decode(input, self.errors)[0]

class _latin_1_IncrementalEncoder(IncrementalEncoder):
    def encode(self, input, final=False):
        return latin_1_encode(input, self.errors)[0]

class _latin_1_IncrementalDecoder(IncrementalDecoder):
    def decode(self, input, final=False):
        return latin_1_decode(input, self.errors)[0]

_incremental = {}
for _name, _enc, _dec in (('utf_8', _utf_8_IncrementalEncoder, _utf_8_IncrementalDecoder),
                          ('ascii', _ascii_IncrementalEncoder, _ascii_IncrementalDecoder),
                          ('latin_1', _latin_1_IncrementalEncoder, _latin_1_IncrementalDecoder)):
    for _cls in (_enc, _dec):
        _cls.__name__ = _cls.__qualname__ = _cls.__name__[len(_name) + 2:]
        _cls.__module__ = 'encodings.' + _name
    _incremental[_name] = (_enc, _dec)
del _name, _enc, _dec, _cls


def getincrementalencoder(encoding):
    return _incremental[_codec(encoding)][0]


def getincrementaldecoder(encoding):
    return _incremental[_codec(encoding)][1]


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


BOM_UTF8 = b'\xef\xbb\xbf'
`;

export function codecsModule(vm: VM): PyModule {
  const errorsOf = (fn: string, v: Py | undefined): string => {
    if (v === undefined || v === null) return 'strict';
    if (typeof v !== 'string') throw vm.typeError(`${fn}() argument 2 must be str or None, not ${typeOf(v).tpName}`);
    return v;
  };
  const strArg = (fn: string, v: Py | undefined): string => {
    if (typeof v !== 'string') throw vm.typeError(`${fn}() argument 1 must be str, not ${typeOf(v).tpName}`);
    return v;
  };
  const bytesArg = (fn: string, v: Py | undefined): Uint8Array => {
    const d = v === undefined ? null : bytesOf(v);
    if (d === null) throw vm.typeError(`a bytes-like object is required, not '${typeOf(v).tpName}'`);
    void fn;
    return Uint8Array.from(d);
  };
  const natives: [string, Py][] = [
    // The name of the runtime's codec (as Lib/encodings names its module), else a refusal.
    ['_codec', native('_codec', (a) => requireCodec(vm, String(a[0])).replace('-', '_'))],
    ['utf_8_decode', native('utf_8_decode', (a) => {
      const [text, consumed] = utf8Decode(vm, bytesArg('utf_8_decode', a[0]), errorsOf('utf_8_decode', a[1]), a[2] !== undefined && vm.truthy(a[2]));
      return new PyTuple([text, consumed]);
    })],
  ];
  for (const codec of ['utf-8', 'ascii', 'latin-1'] as const) {
    const fn = codec.replace('-', '_');
    natives.push([`${fn}_encode`, native(`${fn}_encode`, (a) => {
      const s = strArg(`${fn}_encode`, a[0]);
      return new PyTuple([new PyBytes(encodeText(vm, s, codec, errorsOf(`${fn}_encode`, a[1]))), Array.from(s).length]);
    })]);
    if (codec !== 'utf-8') {
      natives.push([`${fn}_decode`, native(`${fn}_decode`, (a) => {
        const d = bytesArg(`${fn}_decode`, a[0]);
        return new PyTuple([decodeBytes(vm, d, codec, errorsOf(`${fn}_decode`, a[1])), d.length]);
      })]);
    }
  }
  natives.push(['encode', native('encode', (a, kw) => {
    const obj = a[0];
    const encoding = (a[1] ?? kw?.get('encoding') ?? 'utf-8') as Py;
    const errors = (a[2] ?? kw?.get('errors') ?? 'strict') as Py;
    if (typeof encoding !== 'string') throw vm.typeError(`encode() argument 'encoding' must be str, not ${typeOf(encoding).tpName}`);
    if (codecOf(encoding) === null || typeof obj !== 'string') return requireCodec(vm, encoding + ' (codecs.encode)');
    return new PyBytes(encodeText(vm, obj, codecOf(encoding)!, errorsOf('encode', errors)));
  })]);
  natives.push(['decode', native('decode', (a, kw) => {
    const obj = a[0];
    const encoding = (a[1] ?? kw?.get('encoding') ?? 'utf-8') as Py;
    const errors = (a[2] ?? kw?.get('errors') ?? 'strict') as Py;
    if (typeof encoding !== 'string') throw vm.typeError(`decode() argument 'encoding' must be str, not ${typeOf(encoding).tpName}`);
    const d = obj === undefined ? null : bytesOf(obj);
    if (codecOf(encoding) === null || d === null) return requireCodec(vm, encoding + ' (codecs.decode)');
    return decodeBytes(vm, Uint8Array.from(d), codecOf(encoding)!, errorsOf('decode', errors));
  })]);
  return pythonModule(vm, 'codecs', CODECS_SOURCE, natives);
}
