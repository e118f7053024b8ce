// float: IEEE arithmetic with CPython's errors (ZeroDivisionError, floor and modulo signs), the float()
// constructor's parsing, and the methods of float. Reprs are in values.ts (floatRepr, the shortest
// round-tripping form).

import { def, native } from '../args.js';
import { floatType, isIntLike, NOT_IMPLEMENTED, strRepr, toNumber, typeOf, UnsupportedSignal, VM } from '../interp.js';
import { PyFloat, PyInstance, PyTuple, type Py } from '../values.js';

/** float_rem: the remainder takes the divisor's sign; a zero remainder is a zero of the divisor's sign. */
function pyFloorMod(a: number, b: number): number {
  const r = a % b;
  if (r !== 0) return (b < 0) !== (r < 0) ? r + b : r;
  return b < 0 ? -0 : 0;
}

/** _float_div_mod: the floor quotient as CPython computes it from fmod (not floor(a / b), which rounds first). */
function pyFloorDiv(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if ((b < 0) !== (mod < 0)) {
      mod += b;
      div -= 1;
    }
  }
  if (div === 0) return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return floorDiv;
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
  const result = Math.pow(x, y);
  if (!Number.isFinite(result) && Number.isFinite(x) && Number.isFinite(y)) {
    if (x === 0) return result;
    throw vm.error('OverflowError', "(34, 'Numerical result out of range')");
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
      return new PyFloat(pyFloorDiv(x, y));
    case '%':
      if (y === 0) throw vm.error('ZeroDivisionError', 'float modulo by zero');
      return new PyFloat(pyFloorMod(x, y));
    case 'divmod':
      if (y === 0) throw vm.error('ZeroDivisionError', 'float divmod()');
      return new PyTuple([new PyFloat(pyFloorDiv(x, y)), new PyFloat(pyFloorMod(x, y))]);
    case '**':
      return new PyFloat(pyPow(vm, x, y));
  }
  return NOT_IMPLEMENTED;
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
      // Underscores only between digits, as in a literal.
      const trimmed = v.trim();
      if (/(^|[^0-9])_|_($|[^0-9])/.test(trimmed)) throw vm.error('ValueError', `could not convert string to float: ${strRepr(v)}`);
      const s = trimmed.replace(/_/g, '').toLowerCase();
      if (/^[+-]?(inf|infinity)$/.test(s)) return new PyFloat(s.startsWith('-') ? -Infinity : Infinity);
      if (/^[+-]?nan$/.test(s)) return new PyFloat(NaN);
      if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return new PyFloat(parseFloat(s));
      throw vm.error('ValueError', `could not convert string to float: ${strRepr(v)}`);
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
  def(floatType, 'as_integer_ratio', () => {
    throw new UnsupportedSignal('float.as_integer_ratio', vm.currentLine());
  });
}
