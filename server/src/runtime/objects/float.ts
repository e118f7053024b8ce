// float: IEEE arithmetic with CPython's errors (ZeroDivisionError, floor and modulo signs), the float()
// constructor's parsing, and the methods of float. Reprs are in values.ts (floatRepr, the shortest
// round-tripping form).

import { def as defNative, native, type Kw } from '../args.js';
import { excTypes, floatType, isIntLike, NOT_IMPLEMENTED, strRepr, toNumber, typeOf, UnsupportedSignal, VM } from '../interp.js';
import { normInt, PyFloat, PyInstance, PyTuple, type Py, type PyType } from '../values.js';
import { stripAsciiSpace, toAsciiNumber } from '../unicode.js';
import { withArity } from './method-arity.js';

/** _float_div_mod of Objects/floatobject.c, step for step: [x // y, x % y] (y not 0). */
export function floatDivMod(x: number, y: number): [number, number] {
  let mod = x % y; // fmod
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else mod = Math.sign(y) === -1 || Object.is(y, -0) ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    const q = x / y;
    floordiv = q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

/** float_pow: C99's pow with CPython's special cases and its errors. */
function pyPow(vm: VM, x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(x)) return NaN;
  if (Number.isNaN(y)) return x === 1 ? 1 : NaN;
  if (x === 0 && y < 0 && Number.isFinite(y)) throw vm.error('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) throw new UnsupportedSignal('complex numbers', vm.currentLine());
  // C99: (-1) ** ±inf is 1, where JavaScript gives NaN.
  if (x === -1 && !Number.isFinite(y)) return 1;
  if (x === 1 || y === 1 || !Number.isFinite(x) || !Number.isFinite(y) || x === 0) return Math.pow(x, y);
  // A negative base has an integer exponent here: the sign is that of (-1) ** y.
  const magnitude = accuratePow(x, y);
  if (Number.isNaN(magnitude)) throw new UnsupportedSignal('a float power within 0.02 units in the last place of a rounding midpoint (where C pow may round either way)', vm.currentLine());
  const result = x < 0 && Math.abs(y) % 2 === 1 ? -magnitude : magnitude;
  if (!Number.isFinite(result) && Number.isFinite(x) && Number.isFinite(y)) {
    if (x === 0) return result;
    // float_pow sets errno = ERANGE: the exception's args are (34, 'Numerical result out of range').
    throw vm.newException(excTypes.get('OverflowError')!, [34, 'Numerical result out of range']);
  }
  return result;
}

export function floatArith(vm: VM, op: string, x: number, y: number): Py {
  switch (op) {
    case '+':
      return new PyFloat(x + y);
    case '-':
      return new PyFloat(x - y);
    case '*':
      return new PyFloat(x * y);
    case '/':
      if (y === 0) throw vm.error('ZeroDivisionError', 'float division by zero');
      return new PyFloat(x / y);
    case '//':
      if (y === 0) throw vm.error('ZeroDivisionError', 'float floor division by zero');
      return new PyFloat(floatDivMod(x, y)[0]);
    case '%':
      if (y === 0) throw vm.error('ZeroDivisionError', 'float modulo by zero');
      return new PyFloat(floatDivMod(x, y)[1]);
    case 'divmod': {
      if (y === 0) throw vm.error('ZeroDivisionError', 'float divmod()');
      const [div, mod] = floatDivMod(x, y);
      return new PyTuple([new PyFloat(div), new PyFloat(mod)]);
    }
    case '**':
      return new PyFloat(pyPow(vm, x, y));
  }
  return NOT_IMPLEMENTED;
}

const DIGITS = '\\d(?:_?\\d)*';
/** float()'s grammar (PyOS_string_to_double after _Py_string_to_number_with_underscores). */
const FLOAT_RE = new RegExp(`^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:e[+-]?${DIGITS})?|inf|infinity|nan)$`);

/** float(s): Unicode digits and spaces made ASCII, ASCII spaces stripped; null when s is not a float. */
export function parseFloatStr(v: string): number | null {
  const s = stripAsciiSpace(toAsciiNumber(v)).toLowerCase();
  if (!FLOAT_RE.test(s)) return null;
  const body = s.replace(/^[+-]/, '');
  const sign = s.startsWith('-') ? -1 : 1;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  if (body === 'nan') return NaN;
  return sign * parseFloat(body.replace(/_/g, ''));
}

export function installFloatType(vm: VM): void {
  // Each method checks its argument count as CPython's does (method-arity.ts).
  const def = (t: PyType, name: string, fn: (args: Py[], kw: Kw) => Py): void => defNative(t, name, withArity(vm, t.name, name, fn));
  floatType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('float() takes no keyword arguments');
    const v = a.length > 1 ? a[1] : new PyFloat(0);
    if (v instanceof PyFloat) return v;
    if (isIntLike(v)) {
      const n = toNumber(v);
      if (!Number.isFinite(n)) throw vm.error('OverflowError', 'int too large to convert to float');
      return new PyFloat(n);
    }
    if (typeof v === 'string') {
      const r = parseFloatStr(v);
      if (r === null) throw vm.error('ValueError', `could not convert string to float: ${strRepr(v)}`);
      return new PyFloat(r);
    }
    if (v instanceof PyInstance) {
      const r = vm.callSpecial(v, '__float__', []);
      if (r !== undefined) return r;
    }
    throw vm.typeError(`float() argument must be a string or a real number, not '${typeOf(v).tpName}'`);
  }));
  def(floatType, 'is_integer', (a) => Number.isInteger((a[0] as PyFloat).v));
  def(floatType, 'hex', () => {
    throw new UnsupportedSignal('float.hex', vm.currentLine());
  });
  def(floatType, '__round__', (a) => vm.call(vm.builtins.get('round'), a));
  def(floatType, 'as_integer_ratio', (a) => {
    const v = (a[0] as PyFloat).v;
    if (Number.isNaN(v)) throw vm.error('ValueError', 'cannot convert NaN to integer ratio');
    if (!Number.isFinite(v)) throw vm.error('OverflowError', 'cannot convert Infinity to integer ratio');
    const [n, d] = exactRatio(v);
    return new PyTuple([normInt(n), normInt(d)]);
  });
}

/** A finite double's exact value as a fraction in lowest terms (the denominator a power of two), from its bits. */
export function exactRatio(v: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals have no implicit leading bit and the smallest exponent.
  let mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  let exp = (biased === 0 ? 1 : biased) - 1075;
  if (mantissa === 0n) return [0n, 1n];
  while (exp < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exp += 1;
  }
  const n = exp >= 0 ? mantissa << BigInt(exp) : mantissa;
  const d = exp >= 0 ? 1n : 1n << BigInt(-exp);
  return [negative ? -n : n, d];
}

// ---------------------------------------------------------------------------------------------------
// pow() of doubles, rounded as glibc's pow (which CPython calls) rounds: to nearest from a result exact to far
// beyond 53 bits. V8's Math.pow is off by one unit in the last place for many arguments (2 ** 2.5).

const PRECISION = 128n;
const ONE = 1n << PRECISION;

/** atanh(z) in fixed point (z = num / den, |z| ≤ 1/3): z + z³/3 + z⁵/5 + … */
function atanhFixed(num: bigint, den: bigint): bigint {
  const z = (num << PRECISION) / den;
  const z2 = (z * z) >> PRECISION;
  let term = z;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * z2) >> PRECISION;
  }
  return sum;
}

const LN2 = 2n * atanhFixed(1n, 3n);

/** e^r in fixed point, |r| ≤ ln 2 / 2 (fixed point): the Taylor series. */
function expFixed(r: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / (n << PRECISION);
    sum += term;
  }
  return sum;
}

/** The mantissa (53-bit integer) and exponent of a finite positive double: x = mantissa · 2^exponent. */
function splitDouble(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  return biased === 0 ? [fraction, -1074] : [fraction | (1n << 52n), biased - 1075];
}

/** |x| ** y for finite x ≠ 0 and finite y, correctly rounded; NaN when the result is too close to a midpoint to tell C's pow. */
export function accuratePow(x: number, y: number): number {
  const [mantissa, exponent] = splitDouble(Math.abs(x));
  // ln x = ln(m) + e·ln 2 with m = mantissa / 2^52 normalised into [1, 2).
  const bits = mantissa.toString(2).length;
  const e2 = BigInt(exponent + bits - 1);
  const m = mantissa << (PRECISION - BigInt(bits - 1)); // m in fixed point, in [1, 2)
  const lnM = 2n * atanhFixed(m - ONE, m + ONE);
  const lnX = lnM + e2 * LN2;
  const [yMantissa, yExponent] = splitDouble(Math.abs(y));
  let t = lnX * yMantissa;
  t = yExponent >= 0 ? t << BigInt(yExponent) : t >> BigInt(-yExponent);
  if (y < 0) t = -t;
  // e^t = 2^k · e^r with r = t - k·ln 2 small.
  const k = (t + LN2 / 2n) / LN2 - (t + LN2 / 2n < 0n && (t + LN2 / 2n) % LN2 !== 0n ? 1n : 0n);
  if (k > 2000n) return Infinity;
  if (k < -2000n) return 0;
  const value = expFixed(t - k * LN2);
  // glibc's pow errs by up to 0.52 units in the last place, so it may round the other way when the exact
  // result is within 0.02 units of a midpoint between two doubles (there the runtime refuses): there the answer is not known.
  const drop = BigInt(value.toString(2).length - 53);
  if (drop > 1n) {
    const unit = 1n << drop;
    const distance = (value % unit) - unit / 2n;
    if ((distance < 0n ? -distance : distance) * 100n < unit * 2n) return NaN;
  }
  // value · 2^(k - PRECISION): Number() rounds the 129-bit value to nearest, then exact scalings by powers of two.
  let result = Number(value);
  let scale = Number(k - PRECISION);
  while (scale > 0) {
    const step = Math.min(scale, 1000);
    result *= 2 ** step;
    scale -= step;
  }
  while (scale < 0) {
    const step = Math.max(scale, -1000);
    result *= 2 ** step;
    scale -= step;
  }
  return result;
}
