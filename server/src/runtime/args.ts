// Argument helpers shared by the built-in functions, the methods of built-in types and the native
// modules: how a native callable is made and installed, and CPython's wording for arity errors.

import { typeOf, type VM } from './interp.js';
import { PyInstance, PyNative, type Py, type PyType } from './values.js';

/** Keyword arguments as the VM passes them to a native callable (null when there are none). */
export type Kw = Map<string, Py> | null;

export function native(name: string, fn: (args: Py[], kw: Kw) => Py, qualname?: string): PyNative {
  return new PyNative(name, fn, undefined, qualname ?? name);
}

/** Installs a method on a built-in type, qualified as CPython qualifies it (`list.index`). */
export function def(t: PyType, name: string, fn: (args: Py[], kw: Kw) => Py): void {
  t.dict.set(name, native(name, fn, `${t.name}.${name}`));
}

export function kwArg(kw: Kw, name: string, dflt: Py): Py {
  const v = kw?.get(name);
  return v === undefined ? dflt : v;
}

export function arity(vm: VM, name: string, args: Py[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    // METH_NOARGS / METH_O functions word it "takes exactly"; _PyArg_CheckPositional (isinstance, divmod,
    // filter, sorted, ...) says "expected N arguments, got M".
    if (min === max && min >= 2) throw vm.typeError(`${name} expected ${min} arguments, got ${args.length}`);
    if (min === max) throw vm.typeError(`${name}() takes exactly ${min === 0 ? 'no arguments' : 'one argument'} (${args.length} given)`);
    if (args.length < min) throw vm.typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    throw vm.typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}

export function noKw(vm: VM, name: string, kw: Kw): void {
  if (kw !== null && kw.size > 0) throw vm.typeError(`${name}() takes no keyword arguments`);
}

/** Arity of a method call whose args[0] is self. */
export function methodArity(vm: VM, name: string, args: Py[], min: number, max: number): void {
  const n = args.length - 1;
  if (n < min || n > max) {
    if (min === max && min === 0) throw vm.typeError(`${name}() takes no arguments (${n} given)`);
    if (min === max && min === 1) throw vm.typeError(`${name}() takes exactly one argument (${n} given)`);
    if (n < min) throw vm.typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
    throw vm.typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
  }
}

/** An index-like argument as a JS number (`__index__` for instances), as PyNumber_AsSsize_t. */
export function toInt(vm: VM, v: Py, what = 'an integer'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyInstance) {
    const r = vm.callSpecial(v, '__index__', []);
    if (r !== undefined) return toInt(vm, r);
  }
  throw vm.typeError(`'${typeOf(v).tpName}' object cannot be interpreted as ${what}`);
}
