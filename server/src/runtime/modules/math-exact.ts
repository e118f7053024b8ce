// The math functions beyond the basics (see math.ts): exact float operations ported from CPython's mathmodule.c,
// the exact integer functions, and the refusals of what the C library rounds its own way.

import { native, type Kw } from '../args.js';
import { UnsupportedSignal, type VM } from '../interp.js';
import { PyFloat, PyTuple, normInt, type Py } from '../values.js';

type Num = (v: Py, fname: string) => number;
type IntArg = (v: Py, fname: string) => bigint;

const LIBM_DEPENDENT = ['exp', 'exp2', 'expm1', 'log', 'log1p', 'cbrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan',
  'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'hypot', 'dist'];

const view = new DataView(new ArrayBuffer(8));
function bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
function fromBits(b: bigint): number {
  view.setBigUint64(0, b);
  return view.getFloat64(0);
}

/** x as m * 2**e with m an odd (or zero) BigInt: exact. */
function decompose(x: number): [bigint, number] {
  const b = bits(x);
  const sign = b >> 63n ? -1n : 1n;
  const exp = Number((b >> 52n) & 0x7ffn);
  let mant = b & 0xfffffffffffffn;
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  return [sign * mant, e];
}

/** The double nearest to n * 2**e (ties to even), or ±Infinity past the largest double. */
function roundToDouble(n: bigint, e: number): number {
  if (n === 0n) return 0;
  const neg = n < 0n;
  let m = neg ? -n : n;
  const len = m.toString(2).length;
  // The result's exponent: keep 53 significant bits, fewer in the subnormal range (lowest bit 2**-1074).
  let shift = len - 53;
  if (e + shift < -1074) shift = -1074 - e;
  if (shift > 0) {
    const rest = m & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    m >>= BigInt(shift);
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
    e += shift;
  }
  // m has at most 54 bits now (53 + a carry) and e >= -1074: exact products of powers of two.
  if (m.toString(2).length + e > 1024) return neg ? -Infinity : Infinity;
  let r = Number(m);
  while (e > 0) {
    const step = Math.min(e, 1000);
    r *= 2 ** step;
    e -= step;
  }
  while (e < 0) {
    const step = Math.max(e, -1000);
    r *= 2 ** step;
    e -= step;
  }
  return neg ? -r : r;
}

function float(x: number): PyFloat {
  return new PyFloat(x);
}

function refuseKw(vm: VM, name: string, kw: Kw): void {
  if (kw !== null && kw.size > 0) throw vm.typeError(`math.${name}() takes no keyword arguments`);
}

export function exactMath(vm: VM, num: Num, intArg: IntArg): [string, Py][] {
  const domain = (): never => {
    throw vm.error('ValueError', 'math domain error');
  };
  const range = (): never => {
    throw vm.error('OverflowError', 'math range error');
  };
  const out: [string, Py][] = [];
  const fn = (name: string, body: (a: Py[], kw: Kw) => Py): void => {
    out.push([name, native(name, body)]);
  };
  for (const name of LIBM_DEPENDENT) {
    fn(name, () => {
      throw new UnsupportedSignal(`math.${name}() (its last bits depend on the C library)`, vm.currentLine());
    });
  }
  fn('fsum', (a) => {
    let total = 0n;
    let minExp = 0;
    const parts: [bigint, number][] = [];
    let special: number | null = null;
    let posInf = false;
    let negInf = false;
    for (const v of vm.iterate(a[0]!)) {
      const x = num(v, 'fsum');
      if (!Number.isFinite(x)) {
        if (Number.isNaN(x)) special = NaN;
        else if (x > 0) posInf = true;
        else negInf = true;
        continue;
      }
      if (Math.abs(x) >= 2 ** 1000) throw new UnsupportedSignal('math.fsum() near the overflow threshold (CPython reports intermediate overflow)', vm.currentLine());
      const d = decompose(x);
      parts.push(d);
      minExp = Math.min(minExp, d[1]);
    }
    if (posInf && negInf) throw vm.error('ValueError', '-inf + inf in fsum');
    if (special !== null) return float(NaN);
    if (posInf) return float(Infinity);
    if (negInf) return float(-Infinity);
    for (const [m, e] of parts) total += m << BigInt(e - minExp);
    if (total === 0n) return float(parts.length > 0 && parts.every(([m, e]) => Object.is(roundToDouble(m, e), -0)) ? -0 : 0);
    return float(roundToDouble(total, minExp));
  });
  fn('sumprod', (a, kw) => {
    refuseKw(vm, 'sumprod', kw);
    if (a.length !== 2) throw vm.typeError(`sumprod expected 2 arguments, got ${a.length}`);
    const p = vm.toArray(a[0]!);
    const q = vm.toArray(a[1]!);
    if (p.length !== q.length) throw vm.error('ValueError', 'Inputs are not the same length');
    let total: Py = 0;
    for (let i = 0; i < p.length; i++) {
      const x = p[i]!;
      const y = q[i]!;
      const ints = (v: Py): boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
      // Floats are summed in CPython's triple-length arithmetic; only the exact integer path is reproduced.
      if (!ints(x) || !ints(y)) throw new UnsupportedSignal('math.sumprod() of non-integers (CPython sums them in extended precision)', vm.currentLine());
      total = vm.binaryOp(0, total, vm.binaryOp(2, x, y, false), false);
    }
    return total;
  });
  fn('frexp', (a) => {
    const x = num(a[0]!, 'frexp');
    if (x === 0 || !Number.isFinite(x)) return new PyTuple([float(x), 0]);
    const [m, e] = decompose(x);
    const len = (m < 0n ? -m : m).toString(2).length;
    // x = m * 2**e = (m / 2**len) * 2**(e + len), with 0.5 <= |m / 2**len| < 1.
    return new PyTuple([float(roundToDouble(m, -len)), e + len]);
  });
  fn('ldexp', (a) => {
    const x = num(a[0]!, 'ldexp');
    const i = a[1];
    if (typeof i !== 'number' && typeof i !== 'bigint' && typeof i !== 'boolean') throw vm.typeError('Expected an int as second argument to ldexp.');
    if (x === 0 || !Number.isFinite(x)) return float(x);
    const k = Number(i);
    if (k > 5000) range();
    if (k < -5000) return float(x < 0 ? -0 : 0);
    const [m, e] = decompose(x);
    const r = roundToDouble(m, e + k);
    if (!Number.isFinite(r)) range();
    return float(r);
  });
  fn('modf', (a) => {
    const x = num(a[0]!, 'modf');
    if (Number.isNaN(x)) return new PyTuple([float(x), float(x)]);
    if (!Number.isFinite(x)) return new PyTuple([float(x > 0 ? 0 : -0), float(x)]);
    const ip = Math.trunc(x);
    const fp = x - ip;
    return new PyTuple([float(fp === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : fp), float(ip === 0 && (x < 0 || Object.is(x, -0)) ? -0 : ip)]);
  });
  fn('fmod', (a) => {
    const x = num(a[0]!, 'fmod');
    const y = num(a[1]!, 'fmod');
    if (!Number.isFinite(y) && Number.isFinite(x)) return Number.isNaN(y) ? float(y) : float(x);
    if (Number.isNaN(x) || Number.isNaN(y)) return float(NaN);
    if (!Number.isFinite(x) || y === 0) domain();
    return float(x % y);
  });
  fn('remainder', (a) => {
    const x = num(a[0]!, 'remainder');
    const y = num(a[1]!, 'remainder');
    if (Number.isNaN(x)) return float(x);
    if (Number.isNaN(y)) return float(y);
    if (!Number.isFinite(x) || y === 0) domain();
    if (!Number.isFinite(y)) return float(x);
    // CPython's m_remainder, step for step.
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return float((x < 0 || Object.is(x, -0) ? -1 : 1) * r);
  });
  fn('isclose', (a, kw) => {
    if (a.length !== 2) throw vm.typeError(`isclose() takes exactly 2 positional arguments (${a.length} given)`);
    const x = num(a[0]!, 'isclose');
    const y = num(a[1]!, 'isclose');
    const relTol = kw?.has('rel_tol') ? num(kw.get('rel_tol')!, 'isclose') : 1e-9;
    const absTol = kw?.has('abs_tol') ? num(kw.get('abs_tol')!, 'isclose') : 0.0;
    for (const k of kw?.keys() ?? []) if (k !== 'rel_tol' && k !== 'abs_tol') throw vm.typeError(`isclose() got an unexpected keyword argument '${k}'`);
    if (relTol < 0.0 || absTol < 0.0) throw vm.error('ValueError', 'tolerances must be non-negative');
    if (x === y) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    const diff = Math.abs(y - x);
    return (diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x)) || diff <= absTol;
  });
  const gcd = (x: bigint, y: bigint): bigint => {
    x = x < 0n ? -x : x;
    y = y < 0n ? -y : y;
    while (y !== 0n) [x, y] = [y, x % y];
    return x;
  };
  fn('lcm', (a) => {
    let r = 1n;
    if (a.length === 0) return 1;
    for (const v of a) {
      const n = intArg(v, 'lcm');
      if (n === 0n || r === 0n) {
        r = 0n;
        continue;
      }
      r = (r / gcd(r, n)) * n;
      if (r < 0n) r = -r;
    }
    return normInt(r);
  });
  fn('perm', (a) => {
    const n = intArg(a[0]!, 'perm');
    if (a.length < 2 || a[1] === null) {
      if (n < 0n) throw vm.error('ValueError', 'factorial() not defined for negative values');
      if (n > 5000n) throw new UnsupportedSignal('perm of a huge number', vm.currentLine());
      let r = 1n;
      for (let i = 2n; i <= n; i++) r *= i;
      return normInt(r);
    }
    const k = intArg(a[1], 'perm');
    if (n < 0n) throw vm.error('ValueError', 'n must be a non-negative integer');
    if (k < 0n) throw vm.error('ValueError', 'k must be a non-negative integer');
    if (k > n) return 0;
    if (k > 5000n) throw new UnsupportedSignal('perm of a huge number', vm.currentLine());
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return normInt(r);
  });
  fn('degrees', (a) => float(num(a[0]!, 'degrees') * (180.0 / Math.PI)));
  fn('radians', (a) => float(num(a[0]!, 'radians') * (Math.PI / 180.0)));
  fn('nextafter', (a, kw) => {
    const x = num(a[0]!, 'nextafter');
    const y = num(a[1]!, 'nextafter');
    if (kw !== null && kw.size > 0) throw new UnsupportedSignal('math.nextafter(steps=...)', vm.currentLine());
    return float(nextafter(x, y));
  });
  fn('ulp', (a) => {
    const x = Math.abs(num(a[0]!, 'ulp'));
    if (Number.isNaN(x) || x === Infinity) return float(x);
    const up = nextafter(x, Infinity);
    if (up === Infinity) return float(x - nextafter(x, -Infinity));
    return float(up - x);
  });
  fn('log2', (a) => {
    const x = num(a[0]!, 'log2');
    if (x <= 0) domain();
    if (Number.isFinite(x)) {
      const [m, e] = decompose(x);
      if ((m & (m - 1n)) === 0n) return float(e + m.toString(2).length - 1);
    }
    throw new UnsupportedSignal('math.log2() of a number that is not a power of two (its last bits depend on the C library)', vm.currentLine());
  });
  fn('log10', (a) => {
    const x = num(a[0]!, 'log10');
    if (x <= 0) domain();
    for (let k = 0; k <= 22; k++) if (x === 10 ** k) return float(k);
    throw new UnsupportedSignal('math.log10() of a number that is not a power of ten (its last bits depend on the C library)', vm.currentLine());
  });
  fn('pow', (a) => {
    if (a.length !== 2) throw vm.typeError(`pow expected 2 arguments, got ${a.length}`);
    const x = num(a[0]!, 'pow');
    const y = num(a[1]!, 'pow');
    if (y === 0 || x === 1) return float(1.0);
    if (Number.isInteger(x) && Number.isInteger(y) && y > 0 && y <= 1024 && Math.abs(x) <= 2 ** 53) {
      const r = BigInt(x) ** BigInt(y);
      const ar = r < 0n ? -r : r;
      if (ar <= 2n ** 53n) return float(Number(r) === 0 && x < 0 && y % 2 === 1 ? -0 : Number(r));
    }
    throw new UnsupportedSignal('math.pow() with an inexact result (its last bits depend on the C library)', vm.currentLine());
  });
  return out;
}

function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const b = bits(x);
  const up = (y > x) === (x > 0);
  return fromBits(up ? b + 1n : b - 1n);
}
