// math: the functions whose results are exact (or correctly rounded, so that every libm agrees): floor, ceil, sqrt,
// fsum (the exact sum, rounded once, as CPython's), frexp, ldexp, modf, fmod, remainder, isclose, nextafter, ulp,
// gcd/lcm/comb/perm/factorial/isqrt, prod, sumprod of ints, log2/log10 of exact powers, pow with an exact result.
// The functions whose last bits depend on the C library (sin, exp, log, gamma, hypot, ...) are present, so that
// `from math import sin` works, and refuse when called: the runtime would otherwise answer with V8's bits.

import { native } from '../args.js';
import { typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyFloat, normInt, type Py, type PyModule } from '../values.js';
import { exactMath } from './math-exact.js';
import { module } from './support.js';

export function mathModule(vm: VM): PyModule {
  const num = (v: Py, fname: string): number => {
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof PyFloat) return v.v;
    throw vm.typeError(`must be real number, not ${typeOf(v).tpName}`);
  };
  const toIntResult = (x: number): Py => (Number.isSafeInteger(x) ? x : normInt(BigInt(x)));
  const intArg = (v: Py, fname: string): bigint => {
    if (typeof v === 'number' || typeof v === 'boolean') return BigInt(Number(v));
    if (typeof v === 'bigint') return v;
    throw vm.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as an integer`);
  };
  const gcd = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  };
  const fact = (n: bigint): bigint => {
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return r;
  };
  return module('math', [
    ...exactMath(vm, num, intArg),
    ['pi', new PyFloat(Math.PI)], ['e', new PyFloat(Math.E)], ['tau', new PyFloat(2 * Math.PI)],
    ['inf', new PyFloat(Infinity)], ['nan', new PyFloat(NaN)],
    ['sqrt', native('sqrt', (a) => {
      const x = num(a[0], 'sqrt');
      if (x < 0) throw vm.error('ValueError', 'math domain error');
      return new PyFloat(Math.sqrt(x));
    })],
    ['floor', native('floor', (a) => (isIntArg(a[0]) ? a[0] : toIntResult(Math.floor(num(a[0], 'floor')))))],
    ['ceil', native('ceil', (a) => (isIntArg(a[0]) ? a[0] : toIntResult(Math.ceil(num(a[0], 'ceil')))))],
    ['trunc', native('trunc', (a) => (isIntArg(a[0]) ? a[0] : toIntResult(Math.trunc(num(a[0], 'trunc')))))],
    ['fabs', native('fabs', (a) => new PyFloat(Math.abs(num(a[0], 'fabs'))))],
    ['isfinite', native('isfinite', (a) => Number.isFinite(num(a[0], 'isfinite')))],
    ['isinf', native('isinf', (a) => Math.abs(num(a[0], 'isinf')) === Infinity)],
    ['isnan', native('isnan', (a) => Number.isNaN(num(a[0], 'isnan')))],
    ['gcd', native('gcd', (a) => normInt(a.map((x) => intArg(x, 'gcd')).reduce((x, y) => gcd(x, y), 0n)))],
    ['isqrt', native('isqrt', (a) => {
      const n = intArg(a[0], 'isqrt');
      if (n < 0n) throw vm.error('ValueError', 'isqrt() argument must be nonnegative');
      if (n < 2n) return normInt(n);
      let x = BigInt(Math.floor(Math.sqrt(Number(n))));
      while (x * x > n) x--;
      while ((x + 1n) * (x + 1n) <= n) x++;
      return normInt(x);
    })],
    ['factorial', native('factorial', (a) => {
      const n = intArg(a[0], 'factorial');
      if (n < 0n) throw vm.error('ValueError', 'factorial() not defined for negative values');
      if (n > 5000n) throw new UnsupportedSignal('factorial of a huge number', vm.currentLine());
      return normInt(fact(n));
    })],
    ['comb', native('comb', (a) => {
      const n = intArg(a[0], 'comb');
      const k = intArg(a[1], 'comb');
      if (n < 0n) throw vm.error('ValueError', 'n must be a non-negative integer');
      if (k < 0n) throw vm.error('ValueError', 'k must be a non-negative integer');
      if (k > n) return 0;
      let r = 1n;
      for (let i = 0n; i < k; i++) r = (r * (n - i)) / (i + 1n);
      return normInt(r);
    })],
    ['prod', native('prod', (a, kw) => {
      let acc: Py = kw?.get('start') ?? 1;
      for (const x of vm.iterate(a[0])) acc = vm.binaryOp(2, acc, x, false);
      return acc;
    })],
    ['copysign', native('copysign', (a) => {
      const x = Math.abs(num(a[0], 'copysign'));
      const y = num(a[1], 'copysign');
      return new PyFloat(y < 0 || Object.is(y, -0) ? -x : x);
    })],
  ]);
}
function isIntArg(v: Py): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}
