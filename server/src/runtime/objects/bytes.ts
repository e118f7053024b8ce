// bytes and bytearray (Objects/bytesobject.c, bytearrayobject.c): construction, literals (compiler.ts
// makes PyBytes constants), repr, len/indexing/slicing/iteration/`in`, comparisons, hashing, + and *,
// decode/encode in utf-8, ascii and latin-1, hex/fromhex and the common methods (find/rfind, the paddings,
// partition, splitlines, ...). Anything else of theirs is refused (`partial` types), as are the codecs' error
// paths and other encodings.
// memoryview and complex exist as types only: constructing one is refused.

import { native, toInt } from '../args.js';
import { UnsupportedSignal, objectType, strType, typeOf, type VM } from '../interp.js';
import { PyByteArray, PyBytes, PyClassMethod, PyList, PyObject, PySlice, PyTuple, PyType, STOP, latin1, type Py } from '../values.js';
import { FnIterator } from './iterators.js';
import { sliceArray, sliceIndices } from './slice.js';
import { arityCheck } from './method-arity.js';
import { decodeBytes, encodeText, requireCodec } from './codec.js';

function partialType(name: string): PyType {
  const t = new PyType(name, [objectType]);
  t.builtin = true;
  t.layout = name;
  t.partial = true;
  return t;
}

export const bytesType = partialType('bytes');
export const bytearrayType = partialType('bytearray');
export const memoryviewType = partialType('memoryview');
export const complexType = partialType('complex');

type Bytesish = PyBytes | PyByteArray;

export function bytesOf(v: Py): number[] | Uint8Array | null {
  if (v instanceof PyBytes) return v.data;
  if (v instanceof PyByteArray) return v.data;
  return null;
}

/** bytes_repr: b'...' with CPython's choice of quote and escapes. */
export function bytesRepr(data: ArrayLike<number>): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 0x27) hasSingle = true;
    if (data[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === quote.charCodeAt(0) || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

function make(kind: Bytesish | 'bytes' | 'bytearray', data: number[] | Uint8Array): Bytesish {
  const asBytes = kind === 'bytes' || kind instanceof PyBytes;
  return asBytes ? new PyBytes(Uint8Array.from(data)) : new PyByteArray(Array.from(data));
}

function errorsArg(vm: VM, fn: string, errors: Py | undefined): string {
  if (errors === undefined) return 'strict';
  if (typeof errors !== 'string') throw vm.typeError(`${fn}() argument 'errors' must be str, not ${typeOf(errors).tpName}`);
  return errors;
}

function encode(vm: VM, text: string, encoding: string, errors: Py): Uint8Array {
  return encodeText(vm, text, requireCodec(vm, encoding), errorsArg(vm, 'encode', errors));
}

function decode(vm: VM, data: ArrayLike<number>, encoding: string, errors: Py): string {
  return decodeBytes(vm, Uint8Array.from(data), requireCodec(vm, encoding), errorsArg(vm, 'decode', errors));
}

/** (encoding, errors) of encode/decode, positional or by keyword. */
function codecArgs(vm: VM, fn: string, a: Py[], kw: Map<string, Py> | null): [string, Py] {
  if (a.length > 2) throw vm.typeError(`${fn}() takes at most 2 arguments (${a.length} given)`);
  let encoding: Py | undefined = a[0];
  let errors: Py | undefined = a[1];
  for (const [k, v] of kw ?? []) {
    if (k === 'encoding' && encoding === undefined) encoding = v;
    else if (k === 'errors' && errors === undefined) errors = v;
    else if (k === 'encoding' || k === 'errors') throw vm.typeError(`argument for ${fn}() given by name ('${k}') and position (${k === 'encoding' ? 1 : 2})`);
    else throw vm.typeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
  if (encoding !== undefined && typeof encoding !== 'string') throw vm.typeError(`${fn}() argument 'encoding' must be str, not ${typeOf(encoding).tpName}`);
  return [encoding ?? 'utf-8', errors];
}

function index(vm: VM, n: number, k: Py, message = 'index out of range'): number {
  if (typeof k !== 'number' && typeof k !== 'boolean') throw new UnsupportedSignal(`bytes index of type ${typeOf(k).tpName}`, vm.currentLine());
  let i = Number(k);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw vm.error('IndexError', message);
  return i;
}

/** A byte given as an int (0..255) for `in`, count, find and friends; or the bytes of a bytes-like. */
function needle(vm: VM, v: Py): number[] {
  if (typeof v === 'number' || typeof v === 'boolean') {
    const n = Number(v);
    if (n < 0 || n > 255) throw vm.error('ValueError', 'byte must be in range(0, 256)');
    return [n];
  }
  const data = bytesOf(v);
  if (data === null) throw vm.typeError(`argument should be integer or bytes-like object, not '${typeOf(v).tpName}'`);
  return Array.from(data);
}

/** The bytes of a bytes-like argument of split, strip, replace (Py_buffer arguments: an int is refused too). */
function bufferArg(vm: VM, v: Py): number[] {
  const data = bytesOf(v);
  if (data === null) throw vm.typeError(`a bytes-like object is required, not '${typeOf(v).tpName}'`);
  return Array.from(data);
}

function findFrom(hay: ArrayLike<number>, sub: number[], start: number): number {
  outer: for (let i = start; i + sub.length <= hay.length; i++) {
    for (let j = 0; j < sub.length; j++) if (hay[i + j] !== sub[j]) continue outer;
    return i;
  }
  return -1;
}

function compareBytes(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** bytes(x) / bytearray(x): an int count of zeros, a str with an encoding, a bytes-like, or an iterable of ints. */
function construct(vm: VM, kind: 'bytes' | 'bytearray', a: Py[], kw: Map<string, Py> | null): Bytesish {
  if (kw !== null && kw.size > 0) throw new UnsupportedSignal(`${kind}() with keyword arguments`, vm.currentLine());
  const [source, encoding, errors] = a;
  if (source === undefined) return make(kind, []);
  if (typeof source === 'string') {
    if (typeof encoding !== 'string') throw vm.typeError(encoding === undefined ? 'string argument without an encoding' : `${kind}() argument 'encoding' must be str, not ${typeOf(encoding).tpName}`);
    return make(kind, encode(vm, source, encoding, errors));
  }
  if (encoding !== undefined) throw vm.typeError('encoding without a string argument');
  if (typeof source === 'number' || typeof source === 'boolean') {
    const n = Number(source);
    if (n < 0) throw vm.error('ValueError', 'negative count');
    if (n > 10_000_000) throw new UnsupportedSignal(`${kind}() of more than 10,000,000 bytes`, vm.currentLine());
    return make(kind, new Uint8Array(n));
  }
  const data = bytesOf(source);
  if (data !== null) return make(kind, data);
  let iterator: Py;
  try {
    iterator = vm.getIter(source);
  } catch (error) {
    const exception = vm.toPyException(error);
    if (exception.cls.name === 'TypeError' && typeof source !== 'string') throw vm.typeError(`cannot convert '${typeOf(source).tpName}' object to ${kind}`);
    throw exception;
  }
  const out: number[] = [];
  // bytes_from_list says "bytes must be ...", bytearray's _getbytevalue "byte must be ...".
  const rangeMessage = kind === 'bytes' ? 'bytes must be in range(0, 256)' : 'byte must be in range(0, 256)';
  for (const item of vm.iterate(iterator)) {
    if (typeof item === 'bigint') throw vm.error('ValueError', rangeMessage);
    if (typeof item !== 'number' && typeof item !== 'boolean') throw vm.typeError(`'${typeOf(item).tpName}' object cannot be interpreted as an integer`);
    const n = Number(item);
    if (n < 0 || n > 255) throw vm.error('ValueError', rangeMessage);
    out.push(n);
  }
  return make(kind, out);
}

function installMethods(vm: VM, t: PyType): void {
  const def = (name: string, f: (self: Bytesish, a: Py[]) => Py): void => {
    const checkArity = arityCheck(t.name, name);
    t.dict.set(name, native(name, (args, kw) => {
      if (kw !== null && kw.size > 0) throw new UnsupportedSignal(`${t.name}.${name}() with keyword arguments`, vm.currentLine());
      const self = args[0];
      if (!(self instanceof PyBytes || self instanceof PyByteArray) || !typeOf(self).isSubtypeOf(t))
        throw vm.typeError(`descriptor '${name}' for '${t.tpName}' objects doesn't apply to a '${typeOf(self).tpName}' object`);
      if (checkArity !== null) checkArity(vm, args.length - 1);
      return f(self, args.slice(1));
    }));
  };
  t.dict.set('decode', native('decode', (args, kw) => {
    const self = args[0];
    if (!(self instanceof PyBytes || self instanceof PyByteArray) || !typeOf(self).isSubtypeOf(t))
      throw vm.typeError(`descriptor 'decode' for '${t.tpName}' objects doesn't apply to a '${typeOf(self).tpName}' object`);
    const [encoding, errors] = codecArgs(vm, 'decode', args.slice(1), kw);
    return decode(vm, self.data, encoding, errors);
  }));
  def('hex', (self, a) => {
    if (a.length > 0) throw new UnsupportedSignal('hex() with a separator', vm.currentLine());
    return Array.from(self.data, (b) => b.toString(16).padStart(2, '0')).join('');
  });
  // stringlib_parse_args_finds and ADJUST_INDICES: (sub[, start[, end]]), None for a default, negative from the end.
  const findArgs = (name: string, self: Bytesish, a: Py[]): [number[], number, number] => {
    if (a.length < 1) throw vm.typeError(`${name} expected at least 1 argument, got 0`);
    if (a.length > 3) throw vm.typeError(`${name} expected at most 3 arguments, got ${a.length}`);
    const len = self.data.length;
    const bound = (v: Py | undefined, dflt: number): number => {
      if (v === undefined || v === null) return dflt;
      let n: Py = v;
      if (typeof n !== 'number' && typeof n !== 'bigint' && typeof n !== 'boolean') {
        const r = n instanceof PyObject ? vm.callSpecial(n, '__index__', []) : undefined;
        if (r === undefined) throw vm.typeError('slice indices must be integers or None or have an __index__ method');
        n = r;
      }
      const x = typeof n === 'bigint' ? (n > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER) : Number(n);
      return x < 0 ? Math.max(0, x + len) : Math.min(x, len + 1);
    };
    return [needle(vm, a[0]), bound(a[1], 0), Math.min(bound(a[2], len), len)];
  };
  const findIn = (data: ArrayLike<number>, sub: number[], start: number, end: number): number => {
    if (start > data.length) return -1;
    const i = findFrom(Array.prototype.slice.call(data, 0, end), sub, start);
    return i;
  };
  def('count', (self, a) => {
    const [sub, start, end] = findArgs('count', self, a);
    if (start > self.data.length) return 0;
    if (sub.length === 0) return Math.max(0, end - start) + 1;
    const hay = Array.prototype.slice.call(self.data, 0, end);
    let n = 0;
    for (let i = findFrom(hay, sub, start); i >= 0; i = findFrom(hay, sub, i + sub.length)) n++;
    return n;
  });
  def('find', (self, a) => {
    const [sub, start, end] = findArgs('find', self, a);
    return findIn(self.data, sub, start, end);
  });
  def('index', (self, a) => {
    const [sub, start, end] = findArgs('index', self, a);
    const i = findIn(self.data, sub, start, end);
    if (i < 0) throw vm.error('ValueError', 'subsection not found');
    return i;
  });
  // The last occurrence inside [start, end), as stringlib's rfind.
  const rfindIn = (data: ArrayLike<number>, sub: number[], start: number, end: number): number => {
    if (start > data.length) return -1;
    outer: for (let i = end - sub.length; i >= start; i--) {
      for (let j = 0; j < sub.length; j++) if (data[i + j] !== sub[j]) continue outer;
      return i;
    }
    return -1;
  };
  def('rfind', (self, a) => {
    const [sub, start, end] = findArgs('rfind', self, a);
    return rfindIn(self.data, sub, start, end);
  });
  def('rindex', (self, a) => {
    const [sub, start, end] = findArgs('rindex', self, a);
    const i = rfindIn(self.data, sub, start, end);
    if (i < 0) throw vm.error('ValueError', 'subsection not found');
    return i;
  });
  // A width (an index): beyond ssize_t CPython cannot take it; a huge one is the run's memory limit.
  const toIndex = (machine: VM, v: Py): number => {
    if (typeof v === 'bigint' && (v >= 2n ** 63n || v < -(2n ** 63n))) throw machine.error('OverflowError', 'Python int too large to convert to C ssize_t');
    const n = toInt(machine, v);
    if (n > 0) machine.checkSize(n);
    return n;
  };
  // center/ljust/rjust(width, fillchar=b' '): the fill a bytes or bytearray of one byte (pad_impl).
  const pad = (name: 'center' | 'ljust' | 'rjust'): void => def(name, (self, a) => {
    const width = toIndex(vm, a[0]);
    let fill = 0x20;
    if (a.length > 1) {
      const f = bytesOf(a[1]);
      if (f === null || f.length !== 1)
        throw vm.typeError(`${name}() argument 2 must be a byte string of length 1, not ${typeOf(a[1]).tpName}`);
      fill = f[0]!;
    }
    const data = Array.from(self.data);
    const padding = width - data.length;
    if (padding <= 0) return make(self, data);
    const left = name === 'ljust' ? 0 : name === 'rjust' ? padding : Math.floor(padding / 2) + (padding & width & 1);
    const out = new Array<number>(left).fill(fill).concat(data, new Array<number>(padding - left).fill(fill));
    return make(self, out);
  });
  pad('center');
  pad('ljust');
  pad('rjust');
  def('zfill', (self, a) => {
    const width = toIndex(vm, a[0]);
    const data = Array.from(self.data);
    const fill = width - data.length;
    if (fill <= 0) return make(self, data);
    const out = new Array<number>(fill).fill(0x30).concat(data);
    // A sign moves to the front (stringlib_zfill).
    if (out[fill] === 0x2b || out[fill] === 0x2d) {
      out[0] = out[fill]!;
      out[fill] = 0x30;
    }
    return make(self, out);
  });
  const partition = (name: 'partition' | 'rpartition'): void => def(name, (self, a) => {
    const sep = bufferArg(vm, a[0]);
    if (sep.length === 0) throw vm.error('ValueError', 'empty separator');
    const data = Array.from(self.data);
    const i = name === 'partition' ? findFrom(data, sep, 0) : rfindIn(data, sep, 0, data.length);
    if (i < 0) {
      return name === 'partition' ? new PyTuple([make(self, data), make(self, []), make(self, [])])
        : new PyTuple([make(self, []), make(self, []), make(self, data)]);
    }
    return new PyTuple([make(self, data.slice(0, i)), make(self, sep), make(self, data.slice(i + sep.length))]);
  });
  partition('partition');
  partition('rpartition');
  def('capitalize', (self) => make(self, Array.from(self.data, (c, i) => (i === 0 ? (c >= 0x61 && c <= 0x7a ? c - 32 : c) : c >= 0x41 && c <= 0x5a ? c + 32 : c))));
  def('splitlines', (self, a) => {
    // bytes break lines at \n, \r and \r\n only.
    const keep = a.length > 0 && vm.truthy(a[0]);
    const data = Array.from(self.data);
    const lines: Py[] = [];
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c !== 0x0a && c !== 0x0d) continue;
      const eol = c === 0x0d && data[i + 1] === 0x0a ? i + 2 : i + 1;
      lines.push(make(self, data.slice(start, keep ? eol : i)));
      start = eol;
      i = eol - 1;
    }
    if (start < data.length) lines.push(make(self, data.slice(start)));
    return new PyList(lines);
  });
  const affix = (name: 'startswith' | 'endswith'): void => def(name, (self, a) => {
    if (a.length > 1) throw new UnsupportedSignal(`${name}() with start/end`, vm.currentLine());
    const inTuple = a[0] instanceof PyTuple;
    const options = a[0] instanceof PyTuple ? a[0].items : [a[0]];
    return options.some((option) => {
      const sub = bytesOf(option);
      // A tuple's members are Py_buffer arguments (_Py_bytes_tailmatch): the buffer protocol's message.
      if (sub === null && inTuple) throw vm.typeError(`a bytes-like object is required, not '${typeOf(option).tpName}'`);
      if (sub === null) throw vm.typeError(`${name} first arg must be bytes or a tuple of bytes, not ${typeOf(option).tpName}`);
      const at = name === 'startswith' ? 0 : self.data.length - sub.length;
      return at >= 0 && compareBytes(Array.from(self.data).slice(at, at + sub.length), sub) === 0 && self.data.length >= sub.length;
    });
  });
  affix('startswith');
  affix('endswith');
  def('join', (self, a) => {
    // bytearray_join exports the separator while the iterable is consumed (PySequence_Fast), so code run by the
    // iterable cannot resize it.
    if (self instanceof PyByteArray) self.exports++;
    let items: Py[];
    try {
      items = vm.toArray(a[0]);
    } finally {
      if (self instanceof PyByteArray) self.exports--;
    }
    const parts: number[] = [];
    let position = 0;
    for (const item of items) {
      const data = bytesOf(item);
      if (data === null) throw vm.typeError(`sequence item ${position}: expected a bytes-like object, ${typeOf(item).tpName} found`);
      if (position > 0) parts.push(...self.data);
      parts.push(...data);
      position++;
    }
    return make(self, parts);
  });
  const caseMap = (name: string, f: (c: number) => number): void => def(name, (self) => make(self, Array.from(self.data, f)));
  caseMap('upper', (c) => (c >= 0x61 && c <= 0x7a ? c - 32 : c));
  caseMap('lower', (c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));
  const WHITESPACE = [0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c];
  const strip = (name: string, left: boolean, right: boolean): void => def(name, (self, a) => {
    const chars = a[0] === undefined || a[0] === null ? WHITESPACE : bufferArg(vm, a[0]);
    let start = 0;
    let end = self.data.length;
    if (left) while (start < end && chars.includes(self.data[start]!)) start++;
    if (right) while (end > start && chars.includes(self.data[end - 1]!)) end--;
    return make(self, Array.from(self.data).slice(start, end));
  });
  strip('strip', true, true);
  strip('lstrip', true, false);
  strip('rstrip', false, true);
  def('split', (self, a) => {
    if (a.length > 1) throw new UnsupportedSignal('split() with maxsplit', vm.currentLine());
    const data = Array.from(self.data);
    const pieces: Py[] = [];
    if (a[0] === undefined || a[0] === null) {
      let current: number[] | null = null;
      for (const c of data) {
        if (WHITESPACE.includes(c)) {
          if (current !== null) pieces.push(make(self, current));
          current = null;
        } else (current ??= []).push(c);
      }
      if (current !== null) pieces.push(make(self, current));
      return new PyList(pieces);
    }
    const sep = bufferArg(vm, a[0]);
    if (sep.length === 0) throw vm.error('ValueError', 'empty separator');
    let start = 0;
    for (let i = findFrom(data, sep, 0); i >= 0; i = findFrom(data, sep, start)) {
      pieces.push(make(self, data.slice(start, i)));
      start = i + sep.length;
    }
    pieces.push(make(self, data.slice(start)));
    return new PyList(pieces);
  });
  def('replace', (self, a) => {
    if (a.length > 2) throw new UnsupportedSignal('replace() with a count', vm.currentLine());
    const old = bufferArg(vm, a[0]);
    const replacement = bufferArg(vm, a[1]);
    if (old.length === 0) throw new UnsupportedSignal('replace() of an empty pattern', vm.currentLine());
    const data = Array.from(self.data);
    const out: number[] = [];
    let start = 0;
    for (let i = findFrom(data, old, 0); i >= 0; i = findFrom(data, old, start)) {
      out.push(...data.slice(start, i), ...replacement);
      start = i + old.length;
    }
    out.push(...data.slice(start));
    return make(self, out);
  });
  const predicate = (name: string, test: (c: number) => boolean): void => def(name, (self) => self.data.length > 0 && Array.from(self.data).every(test));
  predicate('isdigit', (c) => c >= 0x30 && c <= 0x39);
  predicate('isalpha', (c) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  predicate('isspace', (c) => WHITESPACE.includes(c));
  def('__iter__', (self) => {
    let i = 0;
    return new FnIterator(t.name === 'bytes' ? 'bytes_iterator' : 'bytearray_iterator', () => (i < self.data.length ? self.data[i++]! : STOP));
  });
  const fromhex = native('fromhex', (a) => {
    const [cls, text] = a;
    if (typeof text !== 'string') throw vm.typeError(`fromhex() argument must be str, not ${typeOf(text).tpName}`);
    const out: number[] = [];
    let i = 0;
    while (i < text.length) {
      if (/\s/.test(text[i]!)) {
        i++;
        continue;
      }
      const pair = text.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
        const at = /^[0-9a-fA-F]/.test(pair) ? i + 1 : i;
        throw vm.error('ValueError', `non-hexadecimal number found in fromhex() arg at position ${at}`);
      }
      out.push(parseInt(pair, 16));
      i += 2;
    }
    if (cls !== t) throw new UnsupportedSignal(`${t.name}.fromhex() of a subclass`, vm.currentLine());
    return make(t.name === 'bytes' ? 'bytes' : 'bytearray', out);
  });
  t.dict.set('fromhex', new PyClassMethod(fromhex));
  t.dict.set('__new__', native('__new__', (a, kw) => {
    if (a[0] !== t) throw new UnsupportedSignal(`a subclass of ${t.name}`, vm.currentLine());
    return construct(vm, t.name as 'bytes' | 'bytearray', a.slice(1), kw);
  }));
}

/** The py* methods the VM and abstract.ts call on bytes-like objects. */
function installProtocols(vm: VM): void {
  for (const cls of [PyBytes, PyByteArray]) {
    const proto = cls.prototype as unknown as Record<string, unknown>;
    proto.pyRepr = function (this: Bytesish): string {
      const text = bytesRepr(this.data);
      return this instanceof PyByteArray ? `bytearray(${text})` : text;
    };
    proto.pyLen = function (this: Bytesish): number {
      return this.data.length;
    };
    proto.pyGetItem = function (this: Bytesish, machine: VM, k: Py): Py {
      if (k instanceof PySlice) return make(this, sliceArray(machine, Array.from(this.data), k));
      return this.data[index(machine, this.data.length, k, this instanceof PyByteArray ? 'bytearray index out of range' : 'index out of range')]!;
    };
    proto.pyEq = function (this: Bytesish, _machine: VM, other: Py): boolean {
      const data = bytesOf(other);
      return data !== null && compareBytes(this.data, data) === 0;
    };
    proto.pyCompare = function (this: Bytesish, _machine: VM, op: number, other: Py): Py | undefined {
      const data = bytesOf(other);
      if (data === null) return undefined;
      const c = compareBytes(this.data, data);
      return op === 0 ? c < 0 : op === 1 ? c <= 0 : op === 4 ? c > 0 : c >= 0;
    };
    proto.pyContains = function (this: Bytesish, machine: VM, item: Py): boolean {
      // _Py_bytes_contains: an int is a byte value, anything else a buffer ('a bytes-like object is required').
      const sub = typeof item === 'number' || typeof item === 'boolean' ? needle(machine, item) : bufferArg(machine, item);
      return findFrom(this.data, sub, 0) >= 0;
    };
    proto.pyBinary = function (this: Bytesish, machine: VM, op: string, other: Py, inplace: boolean): Py | undefined {
      if (op === '+') {
        const data = bytesOf(other);
        if (data === null) throw machine.typeError(`can't concat ${typeOf(other).tpName} to ${typeOf(this).tpName}`);
        if (inplace && this instanceof PyByteArray) {
          checkResizable(machine, this);
          this.data.push(...data);
          return this;
        }
        return make(this, [...this.data, ...data]);
      }
      if (op === '*' && (typeof other === 'number' || typeof other === 'boolean')) {
        const n = Math.max(0, Number(other));
        if (n * this.data.length > 10_000_000) throw new UnsupportedSignal('a bytes repetition of more than 10,000,000 bytes', machine.currentLine());
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push(...this.data);
        if (inplace && this instanceof PyByteArray) {
          checkResizable(machine, this);
          this.data = out;
          return this;
        }
        return make(this, out);
      }
      return undefined;
    };
  }
  (PyByteArray.prototype as unknown as Record<string, unknown>).pySetItem = function (this: PyByteArray, machine: VM, k: Py, v: Py): void {
    if (k instanceof PySlice) {
      // bytearray_ass_subscript: bytes-like values as they are, other iterables through bytearray(); an int or
      // a str is not an iterable of bytes here.
      let values: number[];
      const direct = bytesOf(v);
      if (direct !== null) values = Array.from(direct);
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'string')
        throw machine.typeError('can assign only bytes, buffers, or iterables of ints in range(0, 256)');
      else if (v === null) throw machine.typeError("cannot convert 'NoneType' object to bytearray");
      else values = Array.from((machine.call(bytearrayType, [v]) as PyByteArray).data);
      const [start, stop, step] = sliceIndices(machine, k, this.data.length);
      if (step === 1) {
        if (values.length !== Math.max(0, stop - start)) checkResizable(machine, this);
        this.data.splice(start, Math.max(0, stop - start), ...values);
        return;
      }
      const positions: number[] = [];
      if (step > 0) for (let i = start; i < stop; i += step) positions.push(i);
      else for (let i = start; i > stop; i += step) positions.push(i);
      if (positions.length !== values.length)
        throw machine.error('ValueError', `attempt to assign bytes of size ${values.length} to extended slice of size ${positions.length}`);
      positions.forEach((i, j) => (this.data[i] = values[j]!));
      return;
    }
    if (typeof v !== 'number' && typeof v !== 'boolean') throw machine.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as an integer`);
    const n = Number(v);
    if (n < 0 || n > 255) throw machine.error('ValueError', 'byte must be in range(0, 256)');
    this.data[index(machine, this.data.length, k, 'bytearray index out of range')] = n;
  };
  // bytearray_ass_subscript with no value: `del a[i]`, `del a[i:j]`, `del a[::k]`.
  (PyByteArray.prototype as unknown as Record<string, unknown>).pyDelItem = function (this: PyByteArray, machine: VM, k: Py): void {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(machine, k, this.data.length);
      const doomed = new Set<number>();
      if (step > 0) for (let i = start; i < stop; i += step) doomed.add(i);
      else for (let i = start; i > stop; i += step) doomed.add(i);
      if (doomed.size === 0) return;
      checkResizable(machine, this);
      this.data = this.data.filter((_, i) => !doomed.has(i));
      return;
    }
    if (typeof k !== 'number' && typeof k !== 'boolean' && typeof k !== 'bigint') throw machine.typeError(`bytearray indices must be integers or slices, not ${typeOf(k).tpName}`);
    const at = index(machine, this.data.length, k, 'bytearray index out of range');
    checkResizable(machine, this);
    this.data.splice(at, 1);
  };
  void vm;
}

/** bytearray_resize's guard: a bytearray whose buffer is exported cannot change size. */
function checkResizable(vm: VM, b: PyByteArray): void {
  if (b.exports > 0) throw vm.error('BufferError', 'Existing exports of data: object cannot be re-sized');
}

export function installBytesTypes(vm: VM): void {
  const refuseKeywords = (kw: Map<string, Py> | null, name: string): void => {
    if (kw !== null && kw.size > 0) throw new UnsupportedSignal(`bytearray.${name}() with keyword arguments`, vm.currentLine());
  };
  PyBytes.pyTypeOf = bytesType;
  PyByteArray.pyTypeOf = bytearrayType;
  installMethods(vm, bytesType);
  installMethods(vm, bytearrayType);
  // Mutable, so unhashable: bytearray.__hash__ is None in CPython.
  bytearrayType.dict.set('__hash__', null);
  const append = native('append', (a, kw) => {
    refuseKeywords(kw, 'append');
    const self = a[0] as PyByteArray;
    const [n] = needle(vm, typeof a[1] === 'number' || typeof a[1] === 'boolean' ? a[1] : vm.typeError(`'${typeOf(a[1]).tpName}' object cannot be interpreted as an integer`) as never);
    checkResizable(vm, self);
    self.data.push(n!);
    return null;
  });
  bytearrayType.dict.set('append', append);
  bytearrayType.dict.set('extend', native('extend', (a, kw) => {
    refuseKeywords(kw, 'extend');
    const self = a[0] as PyByteArray;
    const data = bytesOf(a[1]) ?? (construct(vm, 'bytearray', [a[1]], null) as PyByteArray).data;
    if (data.length > 0) checkResizable(vm, self);
    self.data.push(...data);
    return null;
  }));
  bytearrayType.dict.set('pop', native('pop', (a, kw) => {
    refuseKeywords(kw, 'pop');
    const self = a[0] as PyByteArray;
    if (self.data.length === 0) throw vm.error('IndexError', 'pop from empty bytearray');
    const at = a.length > 1 ? index(vm, self.data.length, a[1], 'pop index out of range') : self.data.length - 1;
    checkResizable(vm, self);
    return self.data.splice(at, 1)[0]!;
  }));
  bytearrayType.dict.set('clear', native('clear', (a, kw) => {
    refuseKeywords(kw, 'clear');
    checkResizable(vm, a[0] as PyByteArray);
    (a[0] as PyByteArray).data = [];
    return null;
  }));
  strType.dict.set('encode', native('encode', (a, kw) => {
    if (typeof a[0] !== 'string') throw vm.typeError(`descriptor 'encode' for 'str' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    const [encoding, errors] = codecArgs(vm, 'encode', a.slice(1), kw);
    return new PyBytes(encode(vm, a[0], encoding, errors));
  }));
  installProtocols(vm);
  for (const t of [memoryviewType, complexType]) {
    t.dict.set('__new__', native('__new__', () => {
      throw new UnsupportedSignal(`${t.name}()`, vm.currentLine());
    }));
  }
  for (const t of [bytesType, bytearrayType, memoryviewType, complexType]) vm.builtins.set(t.name, t);
}
