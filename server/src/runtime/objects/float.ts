// float: IEEE arithmetic with CPython's errors (ZeroDivisionError, floor and modulo signs), the float()
// constructor's parsing, and the methods of float. Reprs are in values.ts (floatRepr, the shortest
// round-tripping form).

import { def, native } from '../args.js';
import { excTypes, floatType, isIntLike, NOT_IMPLEMENTED, strRepr, toNumber, typeOf, UnsupportedSignal, VM } from '../interp.js';
import { normInt, PyFloat, PyInstance, PyTuple, type Py } from '../values.js';
import { stripAsciiSpace, toAsciiNumber } from '../unicode.js';

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
    case '**':
      if (x === 0 && y < 0) throw vm.error('ZeroDivisionError', '0.0 cannot be raised to a negative power');
      if (x < 0 && !Number.isInteger(y)) throw new UnsupportedSignal('complex numbers', vm.currentLine());
      {
        const r = Math.pow(x, y);
        // float_pow: a finite base and exponent whose result overflows set errno = ERANGE.
        if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y))
          throw vm.newException(excTypes.get('OverflowError')!, [34, 'Numerical result out of range']);
        return new PyFloat(r);
      }
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
  floatType.dict.set('__new__', native('__new__', (a) => {
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
    throw vm.typeError(`float() argument must be a string or a real number, not '${typeOf(v).name}'`);
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
