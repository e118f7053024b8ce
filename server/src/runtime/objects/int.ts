// int and bool: exact integer arithmetic (JS numbers while safe, BigInt beyond), the int() and bool()
// constructors with CPython's parsing of integer literals, and the methods of int.

import { def as defNative, native, toInt, type Kw } from '../args.js';
import { boolType, intType, LimitSignal, NOT_IMPLEMENTED, typeOf, UnsupportedSignal, VM, strRepr } from '../interp.js';
import { PyByteArray, PyBytes, PyClassMethod, PyFloat, PyInstance, PyTuple, PyType, normInt, type PyException, type Py } from '../values.js';
import { stripAsciiSpace, toAsciiNumber } from '../unicode.js';
import { floatArith } from './float.js';
import { withArity } from './method-arity.js';

export function asBig(v: Py): bigint {
  return typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? +v : v);
}
export function intOf(v: Py): Py {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}
function floorDivInt(vm: VM, a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw vm.error('ZeroDivisionError', 'integer division or modulo by zero');
    const q = Math.floor(a / b) || 0;
    if (Number.isSafeInteger(q) && Math.abs(a) < 2 ** 52) return q;
  }
  const x = asBig(a);
  const y = asBig(b);
  if (y === 0n) throw vm.error('ZeroDivisionError', 'integer division or modulo by zero');
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return normInt(q);
}
function modInt(vm: VM, a: Py, b: Py): Py {
  const x = asBig(a);
  const y = asBig(b);
  if (y === 0n) throw vm.error('ZeroDivisionError', 'integer modulo by zero');
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return normInt(r);
}

/** int / int, correctly rounded as CPython's long_true_divide rounds it (half to even). */
function trueDivideInt(vm: VM, a: Py, b: Py): PyFloat {
  if (b === 0 || b === 0n) throw vm.error('ZeroDivisionError', 'division by zero');
  const exact = (v: Py): boolean => typeof v === 'number' && Math.abs(v) <= 2 ** 53;
  // Both operands exact as doubles: IEEE division rounds correctly.
  if (exact(a) && exact(b)) return new PyFloat((a as number) / (b as number));
  const x = asBig(a);
  const y = asBig(b);
  const negative = (x < 0n) !== (y < 0n);
  const n = x < 0n ? -x : x;
  const d = y < 0n ? -y : y;
  if (n === 0n) return new PyFloat(negative ? -0 : 0);
  const bitLength = (v: bigint): number => v.toString(2).length;
  // A quotient of 55 or 56 bits, and whether the division left a remainder (the sticky bit).
  const shift = 55 - (bitLength(n) - bitLength(d));
  const numerator = shift >= 0 ? n << BigInt(shift) : n;
  const denominator = shift >= 0 ? d : d << BigInt(-shift);
  const q = numerator / denominator;
  const sticky = numerator % denominator !== 0n;
  // value = q · 2^-shift; keep the bits from 2^low up (53 of them, fewer for a subnormal result).
  const top = bitLength(q) - 1 - shift;
  const low = Math.max(top - 52, -1074);
  const drop = BigInt(low + shift);
  let kept = q >> drop;
  const rest = q & ((1n << drop) - 1n);
  const half = 1n << (drop - 1n);
  if (rest > half || (rest === half && (sticky || (kept & 1n) === 1n))) kept += 1n;
  const value = Number(kept) * 2 ** low;
  if (!Number.isFinite(value)) throw vm.error('OverflowError', 'integer division result too large for a float');
  return new PyFloat(negative ? -value : value);
}

/** pow(a, b, m) of ints: CPython's long_pow with a modulus (a negative exponent takes the inverse). */
export function intPowMod(vm: VM, a: Py, b: Py, m: Py): Py {
  let base = asBig(intOf(a));
  let exponent = asBig(intOf(b));
  const modulus = asBig(intOf(m));
  if (modulus === 0n) throw vm.error('ValueError', 'pow() 3rd argument cannot be 0');
  const size = modulus < 0n ? -modulus : modulus;
  const mod = (v: bigint): bigint => ((v % size) + size) % size;
  base = mod(base);
  if (exponent < 0n) {
    base = inverseMod(vm, base, size);
    exponent = -exponent;
  }
  let result = size === 1n ? 0n : 1n;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % size;
    base = (base * base) % size;
    exponent >>= 1n;
  }
  // The result takes the modulus's sign, as % does.
  if (modulus < 0n && result !== 0n) result -= size;
  return normInt(result);
}

function inverseMod(vm: VM, value: bigint, size: bigint): bigint {
  let [r0, r1] = [size, value];
  let [t0, t1] = [0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw vm.error('ValueError', 'base is not invertible for the given modulus');
  return ((t0 % size) + size) % size;
}

export function intArith(vm: VM, op: string, a: Py, b: Py): Py {
  // bool & | ^ bool is a bool.
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    if (op === '^') return a !== b;
  }
  a = intOf(a);
  b = intOf(b);
  switch (op) {
    case '+':
      if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b)) return a + b;
      return normInt(asBig(a) + asBig(b));
    case '-':
      if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a - b)) return a - b;
      return normInt(asBig(a) - asBig(b));
    case '*':
      // `|| 0`: an int has no negative zero (JavaScript's -1 * 0 is -0).
      if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a * b)) return a * b || 0;
      return normInt(asBig(a) * asBig(b));
    case '/':
      return trueDivideInt(vm, a, b);
    case '//':
      return floorDivInt(vm, a, b);
    case '%':
      return modInt(vm, a, b);
    case '**': {
      if (asBig(b) < 0n) {
        if (a === 0 || a === 0n) throw vm.error('ZeroDivisionError', '0.0 cannot be raised to a negative power');
        // float_pow of the two converted to floats, as long_pow does for a negative exponent.
        const base = Number(asBig(a));
        if (!Number.isFinite(base)) throw vm.error('OverflowError', 'int too large to convert to float');
        return floatArith(vm, '**', base, Number(asBig(b)));
      }
      if (typeof a === 'number' && typeof b === 'number') {
        const r = Math.pow(a, b);
        if (Number.isSafeInteger(r)) return r;
      }
      const bits = Math.abs(Number(asBig(a))) <= 1 ? 1 : Math.log2(Math.abs(Number(asBig(a)))) * Number(asBig(b));
      if (bits > 4_000_000) throw new LimitSignal('memory', 'integer result too large', vm.currentLine());
      return normInt(asBig(a) ** asBig(b));
    }
    case '<<': {
      if (asBig(b) < 0n) throw vm.error('ValueError', 'negative shift count');
      if (Number(b) > 4_000_000) throw new LimitSignal('memory', 'integer result too large', vm.currentLine());
      return normInt(asBig(a) << asBig(b));
    }
    case '>>':
      if (asBig(b) < 0n) throw vm.error('ValueError', 'negative shift count');
      return normInt(asBig(a) >> asBig(b));
    case '&':
      return normInt(asBig(a) & asBig(b));
    case '|':
      return normInt(asBig(a) | asBig(b));
    case '^':
      return normInt(asBig(a) ^ asBig(b));
  }
  return NOT_IMPLEMENTED;
}

const PREFIX_BASES: Record<string, number> = Object.assign(Object.create(null), { '0x': 16, '0o': 8, '0b': 2 });

/**
 * int(s, base) as PyLong_FromString parses it: Unicode decimal digits and whitespace first become ASCII,
 * then optional ASCII whitespace, a sign, the base's prefix (with base 0 or its own base) optionally
 * followed by one underscore, digits with single underscores between them, and whitespace.
 */
export function parseIntStr(vm: VM, v: string, base: number): Py {
  const invalid = (): PyException => vm.error('ValueError', `invalid literal for int() with base ${base}: ${strRepr(v)}`);
  let s = stripAsciiSpace(toAsciiNumber(v)).toLowerCase();
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const prefixBase = PREFIX_BASES[s.slice(0, 2)];
  let b = base;
  if (prefixBase !== undefined && (base === 0 || base === prefixBase)) {
    b = prefixBase;
    s = s.slice(2);
    if (s.startsWith('_')) s = s.slice(1);
  } else if (base === 0) {
    b = 10;
    // Base 0 reads a decimal literal: a leading zero is allowed only in zero itself ('00', '0_0').
    if (/^0/.test(s) && !/^0+(_0+)*$/.test(s)) throw invalid();
  }
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  const digitRun = `[${digits}]`;
  if (!new RegExp(`^${digitRun}+(_${digitRun}+)*$`).test(s)) throw invalid();
  const clean = s.replace(/_/g, '');
  if (b !== 2 && b !== 4 && b !== 8 && b !== 16 && b !== 32 && clean.length > MAX_STR_DIGITS) {
    throw vm.error('ValueError', `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${clean.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  let n = 0n;
  const B = BigInt(b);
  if (b === 10) n = BigInt(clean);
  else for (const c of clean) n = n * B + BigInt(digits.indexOf(c));
  return normInt(neg ? -n : n);
}

/** sys.int_info.default_max_str_digits: the longest decimal string int() converts. */
const MAX_STR_DIGITS = 4300;

export function installIntType(vm: VM): void {
  // Each method checks its argument count as CPython's does (method-arity.ts).
  const def = (t: PyType, name: string, fn: (args: Py[], kw: Kw) => Py): void => defNative(t, name, withArity(vm, t.name, name, fn));
  intType.dict.set('__new__', native('__new__', (a, kw) => {
    const t = a[0] as PyType;
    if (t !== intType) throw new UnsupportedSignal('subclassing int', vm.currentLine());
    // int(x=0, /, base=10)
    if (a.length > 3) throw vm.typeError(`int expected at most 2 arguments, got ${a.length - 1}`);
    const given = a.length - 1 + (kw?.size ?? 0);
    if (given > 2) throw vm.typeError(`int() takes at most 2 arguments (${given} given)`);
    if (a.length === 1 && kw?.has('base')) throw vm.typeError('int() missing string argument');
    for (const k of kw?.keys() ?? []) {
      if (k !== 'base') throw vm.typeError(`int() got an unexpected keyword argument '${k}'`);
      if (a.length > 2) throw vm.typeError("argument for int() given by name ('base') and position (2)");
    }
    const v = a.length > 1 ? a[1] : 0;
    const base = a.length > 2 ? a[2] : kw?.get('base');
    if (base !== undefined) {
      const bs = toInt(vm, base);
      if (bs !== 0 && (bs < 2 || bs > 36)) throw vm.error('ValueError', 'int() base must be >= 2 and <= 36, or 0');
      if (typeof v !== 'string') throw vm.typeError("int() can't convert non-string with explicit base");
      return parseIntStr(vm, v, bs);
    }
    if (typeof v === 'number' || typeof v === 'bigint') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (v instanceof PyFloat) {
      if (!Number.isFinite(v.v)) throw vm.error(Number.isNaN(v.v) ? 'ValueError' : 'OverflowError', Number.isNaN(v.v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      const tr = Math.trunc(v.v);
      return Number.isSafeInteger(tr) ? (tr === 0 ? 0 : tr) : normInt(BigInt(tr));
    }
    if (typeof v === 'string') return parseIntStr(vm, v, 10);
    if (v instanceof PyInstance) {
      for (const m of ['__int__', '__index__', '__trunc__']) {
        const r = vm.callSpecial(v, m, []);
        if (r !== undefined) return r;
      }
    }
    throw vm.typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeOf(v).tpName}'`);
  }));
  def(intType, 'bit_length', (a) => {
    const n = asBig(intOf(a[0]));
    return (n < 0n ? -n : n).toString(2).replace(/^0$/, '').length;
  });
  // int_bit_count: the number of ones in the binary form of abs(self).
  def(intType, 'bit_count', (a) => {
    const n = asBig(intOf(a[0]));
    return (n < 0n ? -n : n).toString(2).replace(/0/g, '').length;
  });
  def(intType, '__index__', (a) => intOf(a[0]));
  // int.to_bytes(length=1, byteorder='big', *, signed=False) and int.from_bytes(bytes, byteorder='big', *, signed=False),
  // as int_to_bytes_impl / int_from_bytes_impl (the arguments by position or by name).
  const bytesArgs = (fname: string, a: Py[], kw: Map<string, Py> | null, names: [string, string]): [Py | undefined, Py | undefined, boolean] => {
    if (a.length > 2) throw vm.typeError(`${fname}() takes at most 2 positional arguments (${a.length} given)`);
    let first = a[0];
    let order = a[1];
    let signed: Py = false;
    for (const [k, v] of kw ?? []) {
      if (k === names[0] && a.length < 1) first = v;
      else if (k === 'byteorder' && a.length < 2) order = v;
      else if (k === 'signed') signed = v;
      else if (k === names[0] || k === 'byteorder') throw vm.typeError(`argument for ${fname}() given by name ('${k}') and position (${k === names[0] ? 1 : 2})`);
      else throw vm.typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    }
    if (order !== undefined) {
      if (typeof order !== 'string') throw vm.typeError(`${fname}() argument 'byteorder' must be str, not ${typeOf(order).tpName}`);
      if (order !== 'little' && order !== 'big') throw vm.error('ValueError', "byteorder must be either 'little' or 'big'");
    }
    return [first, order, vm.truthy(signed)];
  };
  def(intType, 'to_bytes', (a, kw) => {
    const [lengthArg, order, signed] = bytesArgs('to_bytes', a.slice(1), kw, ['length', '']);
    const length = lengthArg === undefined ? 1 : toInt(vm, lengthArg);
    if (length < 0) throw vm.error('ValueError', 'length argument must be non-negative');
    let n = asBig(intOf(a[0]));
    if (n < 0n && !signed) throw vm.error('OverflowError', "can't convert negative int to unsigned");
    const bits = BigInt(length) * 8n;
    if (signed ? n < -(1n << (bits - 1n)) || n >= 1n << (bits - 1n) || (length === 0 && n !== 0n) : n >= 1n << bits)
      throw vm.error('OverflowError', 'int too big to convert');
    if (n < 0n) n += 1n << bits;
    const out = new Uint8Array(length);
    for (let i = length - 1; i >= 0; i--) {
      out[i] = Number(n & 0xffn);
      n >>= 8n;
    }
    if (order === 'little') out.reverse();
    return new PyBytes(out);
  });
  intType.dict.set('from_bytes', new PyClassMethod(native('from_bytes', (a, kw) => {
    const cls = a[0];
    const [source, order, signed] = bytesArgs('from_bytes', a.slice(1), kw, ['bytes', '']);
    if (source === undefined) throw vm.typeError("from_bytes() missing required argument 'bytes' (pos 1)");
    let data: ArrayLike<number>;
    if (source instanceof PyBytes || source instanceof PyByteArray) data = source.data;
    else if (typeof source === 'string' || typeof source === 'number' || typeof source === 'bigint' || typeof source === 'boolean' || source === null || source instanceof PyFloat)
      throw vm.typeError(`cannot convert '${typeOf(source).tpName}' object to bytes`);
    else data = (vm.call(vm.builtins.get('bytes')!, [source]) as PyBytes).data;
    let n = 0n;
    const bytes = Array.from(data);
    if (order === 'little') bytes.reverse();
    for (const b of bytes) n = (n << 8n) | BigInt(b);
    if (signed && bytes.length > 0 && bytes[0]! >= 0x80) n -= 1n << (BigInt(bytes.length) * 8n);
    const value = normInt(n);
    if (cls === boolType) return value !== 0;
    if (cls !== intType) throw new UnsupportedSignal('from_bytes() of an int subclass', vm.currentLine());
    return value;
  })));
  def(intType, 'is_integer', () => true);
  // int_as_integer_ratio: (int(self), 1), a bool giving its int value.
  def(intType, 'as_integer_ratio', (a) => new PyTuple([intOf(a[0]), 1]));
  def(intType, 'conjugate', (a) => intOf(a[0]));
  boolType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('bool() takes no keyword arguments');
    return a.length > 1 ? vm.truthy(a[1]) : false;
  }));
}
