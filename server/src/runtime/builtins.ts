// The builtins of the mini-runtime: operators on builtin types, builtin functions, methods of str/list/
// dict/set/tuple/int/float/generator, the exception constructors, class creation, and the formatting
// mini-language. Every message mirrors CPython 3.13's wording because traces show them verbatim.

import {
  boolType, builtinFunctionType, classmethodType, dictType, DictIterator, excTypes, floatType, Frame,
  frozensetType, generatorType, intType, isIntLike, isNumeric, LimitSignal, ListIterator, listType,
  noneType, NOT_IMPLEMENTED, objectType, propertyType, PyFunction, PyGenerator, rangeType, setType, sliceType,
  staticmethodType, strType, superType, toNumber, tupleType, typeOf, typeType, baseExceptionType, UnsupportedSignal,
  VM, GEN_CLOSED, functionType, strRepr,
} from './interp.js';
import { BIN_OPS } from './opcodes.js';
import {
  EMPTY_TUPLE, MroError, PyBoundMethod, PyCell, PyClassMethod, PyDict, PyException, PyFloat, PyInstance,
  PyIterator, PyList, PyNative, PyObject, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PySuper,
  PyTuple, PyType, STOP, floatRepr, normInt, exactFixed, exactDigits, strHash, type Py,
} from './values.js';

type Kw = Map<string, Py> | null;

export function native(name: string, fn: (args: Py[], kw: Kw) => Py, qualname?: string): PyNative {
  return new PyNative(name, fn, undefined, qualname ?? name);
}
function def(t: PyType, name: string, fn: (args: Py[], kw: Kw) => Py): void {
  t.dict.set(name, native(name, fn, `${t.name}.${name}`));
}

// ---------------------------------------------------------------------------------------------------
// Numbers

function asBig(v: Py): bigint {
  return typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? +v : v);
}
function intOf(v: Py): Py {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}
function floorDivInt(vm: VM, a: Py, b: Py): Py {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw vm.error('ZeroDivisionError', 'integer division or modulo by zero');
    const q = Math.floor(a / b);
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
function pyFloorMod(a: number, b: number): number {
  const r = a % b;
  if (r !== 0 && (r < 0) !== (b < 0)) return r + b;
  if (r === 0) return b < 0 ? -0 : 0;
  return r;
}

function intArith(vm: VM, op: string, a: Py, b: Py): Py {
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
      if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a * b)) return a * b;
      return normInt(asBig(a) * asBig(b));
    case '/': {
      if (b === 0 || b === 0n) throw vm.error('ZeroDivisionError', 'division by zero');
      if (typeof a === 'number' && typeof b === 'number') return new PyFloat(a / b);
      return new PyFloat(Number(asBig(a)) / Number(asBig(b)));
    }
    case '//':
      return floorDivInt(vm, a, b);
    case '%':
      return modInt(vm, a, b);
    case '**': {
      if (asBig(b) < 0n) {
        if (a === 0 || a === 0n) throw vm.error('ZeroDivisionError', 'zero to a negative power');
        return new PyFloat(Math.pow(Number(a), Number(b)));
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
function floatArith(vm: VM, op: string, x: number, y: number): Py {
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
      return new PyFloat(Math.floor(x / y));
    case '%':
      if (y === 0) throw vm.error('ZeroDivisionError', 'float modulo by zero');
      return new PyFloat(pyFloorMod(x, y));
    case '**':
      if (x === 0 && y < 0) throw vm.error('ZeroDivisionError', 'zero to a negative power');
      if (x < 0 && !Number.isInteger(y)) throw new UnsupportedSignal('complex numbers', vm.currentLine());
      return new PyFloat(Math.pow(x, y));
  }
  return NOT_IMPLEMENTED;
}

const DUNDER: Record<string, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'], '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'], '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'], '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'], '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'], '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'], '^': ['__xor__', '__rxor__', '__ixor__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
};

function repeatCount(vm: VM, n: Py, len: number): number {
  const k = Number(intOf(n));
  if (k <= 0) return 0;
  vm.checkSize(k * len);
  return k;
}

export function binaryOp(vm: VM, opIndex: number, a: Py, b: Py, inplace: boolean): Py {
  const op = BIN_OPS[opIndex]!;
  if (typeof a === 'string' && op === '%' && !(b instanceof PyInstance && b.cls.lookup('__rmod__') !== undefined))
    return percentFormat(vm, a, b);
  if (a instanceof PyInstance || b instanceof PyInstance) {
    const [name, rname, iname] = DUNDER[op]!;
    if (inplace && a instanceof PyInstance) {
      const m = a.cls.lookup(iname);
      if (m !== undefined) {
        const r = vm.call(vm.bindMethod(m, a), [b]);
        if (r !== NOT_IMPLEMENTED) return r;
      }
    }
    const r = vm.richCompare(a, b, name, rname);
    if (r !== NOT_IMPLEMENTED) return r;
  } else {
    const r = builtinBinary(vm, op, a, b, inplace);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (op === '+' && typeof a === 'string') throw vm.typeError(`can only concatenate str (not "${typeOf(b).name}") to str`);
  if (op === '+' && (a instanceof PyList || a instanceof PyTuple))
    throw vm.typeError(`can only concatenate ${typeOf(a).name} (not "${typeOf(b).name}") to ${typeOf(a).name}`);
  if (op === '*' && (typeof a === 'string' || a instanceof PyList || a instanceof PyTuple || typeof b === 'string'))
    throw vm.typeError(`can't multiply sequence by non-int of type '${typeOf(typeof a === 'string' || a instanceof PyList || a instanceof PyTuple ? b : a).name}'`);
  if (op === '**') throw vm.typeError(`unsupported operand type(s) for ** or pow(): '${typeOf(a).name}' and '${typeOf(b).name}'`);
  throw vm.typeError(`unsupported operand type(s) for ${op}${inplace ? '=' : ''}: '${typeOf(a).name}' and '${typeOf(b).name}'`);
}

function builtinBinary(vm: VM, op: string, a: Py, b: Py, inplace: boolean): Py {
  if (isIntLike(a) && isIntLike(b)) return intArith(vm, op, a, b);
  if (isNumeric(a) && isNumeric(b)) return floatArith(vm, op, toNumber(a), toNumber(b));
  if (typeof a === 'string') {
    if (op === '+' && typeof b === 'string') {
      if (a.length + b.length > vm.opts.maxCollection) vm.checkSize(a.length + b.length);
      return a + b;
    }
    if (op === '*' && isIntLike(b)) return a.repeat(repeatCount(vm, b, a.length));
    if (op === '%') return percentFormat(vm, a, b);
    return NOT_IMPLEMENTED;
  }
  if (op === '*' && typeof b === 'string' && isIntLike(a)) return b.repeat(repeatCount(vm, a, b.length));
  if (a instanceof PyList) {
    if (op === '+' && inplace) {
      const add = vm.toArray(b);
      vm.checkSize(a.items.length + add.length);
      for (const x of add) a.items.push(x);
      return a;
    }
    if (op === '+' && b instanceof PyList) {
      vm.checkSize(a.items.length + b.items.length);
      return new PyList(a.items.concat(b.items));
    }
    if (op === '*' && isIntLike(b)) {
      const k = repeatCount(vm, b, a.items.length);
      const out: Py[] = [];
      for (let i = 0; i < k; i++) for (const x of a.items) out.push(x);
      if (inplace) {
        a.items = out;
        return a;
      }
      return new PyList(out);
    }
    return NOT_IMPLEMENTED;
  }
  if ((a instanceof PyList || a instanceof PyTuple) === false && isIntLike(a) && op === '*' && (b instanceof PyList || b instanceof PyTuple)) {
    return builtinBinary(vm, op, b, a, false);
  }
  if (a instanceof PyTuple) {
    if (op === '+' && b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
    if (op === '*' && isIntLike(b)) {
      const k = repeatCount(vm, b, a.items.length);
      const out: Py[] = [];
      for (let i = 0; i < k; i++) for (const x of a.items) out.push(x);
      return new PyTuple(out);
    }
    return NOT_IMPLEMENTED;
  }
  if (a instanceof PySet && b instanceof PySet) return setAlgebra(op, a, b, inplace);
  if (a instanceof PyDict && b instanceof PyDict && op === '|') {
    const out = inplace ? a : copyDict(a);
    for (const [hk, v] of b.vals) {
      if (!out.vals.has(hk)) out.keys.set(hk, b.keys.get(hk));
      out.vals.set(hk, v);
    }
    return out;
  }
  return NOT_IMPLEMENTED;
}
/** CPython's set_or/set_and/set_sub/set_xor, visiting members in slot order as setobject.c does. */
function setAlgebra(op: string, a: PySet, b: PySet, inplace: boolean): Py {
  const copyOf = (src: PySet, frozen: boolean): PySet => {
    const out = new PySet(frozen);
    out.map.mergeInto(src.map);
    return out;
  };
  const target = inplace && !a.frozen ? a : null;
  switch (op) {
    case '|': {
      const out = target ?? copyOf(a, a.frozen);
      for (const [k, v] of b.map.orderedEntries()) if (!out.map.has(k)) out.map.set(k, v);
      return out;
    }
    case '&': {
      const [small, big] = a.map.size > b.map.size ? [b, a] : [a, b];
      const keep = small.map.orderedEntries().filter(([k]) => big.map.has(k));
      if (target !== null) {
        for (const [k] of a.map.orderedEntries()) if (!b.map.has(k)) target.map.delete(k);
        return target;
      }
      const out = new PySet(a.frozen);
      for (const [k, v] of keep) out.map.set(k, v);
      return out;
    }
    case '-': {
      if (target !== null) {
        for (const [k] of b.map.orderedEntries()) target.map.delete(k);
        return target;
      }
      if ((a.map.size >> 2) > b.map.size) {
        const out = copyOf(a, a.frozen);
        for (const [k] of b.map.orderedEntries()) out.map.delete(k);
        return out;
      }
      const out = new PySet(a.frozen);
      for (const [k, v] of a.map.orderedEntries()) if (!b.map.has(k)) out.map.set(k, v);
      return out;
    }
    case '^': {
      // set_symmetric_difference copies the *other* set, then toggles this one's members into it.
      const out = target ?? copyOf(b, a.frozen);
      const from = target !== null ? b : a;
      for (const [k, v] of from.map.orderedEntries()) {
        if (out.map.has(k)) out.map.delete(k);
        else out.map.set(k, v);
      }
      return out;
    }
  }
  return NOT_IMPLEMENTED;
}
function copyDict(d: PyDict): PyDict {
  const out = new PyDict();
  for (const [hk, v] of d.vals) {
    out.keys.set(hk, d.keys.get(hk));
    out.vals.set(hk, v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Items and slices

function indexOf(vm: VM, k: Py, len: number, what: string): number {
  if (!isIntLike(k)) {
    if (k instanceof PyInstance) {
      const r = vm.callSpecial(k, '__index__', []);
      if (r !== undefined) return indexOf(vm, r, len, what);
    }
    throw vm.typeError(`${what} indices must be integers or slices, not ${typeOf(k).name}`);
  }
  let i = Number(intOf(k));
  if (i < 0) i += len;
  return i;
}
function sliceIndices(vm: VM, s: PySlice, len: number): [number, number, number] {
  const conv = (v: Py): number | null => {
    if (v === null) return null;
    if (!isIntLike(v)) throw vm.typeError('slice indices must be integers or None or have an __index__ method');
    return Number(intOf(v));
  };
  const step = conv(s.step) ?? 1;
  if (step === 0) throw vm.error('ValueError', 'slice step cannot be zero');
  let start = conv(s.start);
  let stop = conv(s.stop);
  if (step > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(0, start + len) : Math.min(start, len);
    stop = stop === null ? len : stop < 0 ? Math.max(0, stop + len) : Math.min(stop, len);
  } else {
    start = start === null ? len - 1 : start < 0 ? Math.max(-1, start + len) : Math.min(start, len - 1);
    stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + len) : Math.min(stop, len - 1);
  }
  return [start, stop, step];
}
function sliceArray<T>(vm: VM, items: T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(vm, s, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]!);
  else for (let i = start; i > stop; i += step) out.push(items[i]!);
  return out;
}

export function getItem(vm: VM, o: Py, k: Py): Py {
  if (o instanceof PyList || o instanceof PyTuple) {
    if (k instanceof PySlice) {
      const items = sliceArray(vm, o.items, k);
      return o instanceof PyList ? new PyList(items) : new PyTuple(items);
    }
    const i = indexOf(vm, k, o.items.length, typeOf(o).name);
    if (i < 0 || i >= o.items.length) throw vm.error('IndexError', `${typeOf(o).name} index out of range`);
    return o.items[i];
  }
  if (o instanceof PyDict) {
    const v = o.vals.get(vm.hash(k));
    if (v === undefined) {
      if (o instanceof DefaultDict && o.factory !== null) {
        const nv = vm.call(o.factory, []);
        vm.dictSet(o, k, nv);
        return nv;
      }
      throw vm.newException(excTypes.get('KeyError')!, [k]);
    }
    return v;
  }
  if (typeof o === 'string') {
    if (k instanceof PySlice) return sliceArray(vm, Array.from(o), k).join('');
    const chars = o.length === Array.from(o).length ? null : Array.from(o);
    const len = chars === null ? o.length : chars.length;
    if (!isIntLike(k) && !(k instanceof PyInstance)) throw vm.typeError(`string indices must be integers, not '${typeOf(k).name}'`);
    const i = indexOf(vm, k, len, 'string');
    if (i < 0 || i >= len) throw vm.error('IndexError', 'string index out of range');
    return chars === null ? o[i] : chars[i];
  }
  if (o instanceof PyRange) {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(vm, k, o.length);
      return new PyRange(o.start + start * o.step, o.start + stop * o.step, o.step * step);
    }
    const i = indexOf(vm, k, o.length, 'range');
    if (i < 0 || i >= o.length) throw vm.error('IndexError', 'range object index out of range');
    return o.start + i * o.step;
  }
  if (o instanceof PyInstance) {
    const r = vm.callSpecial(o, '__getitem__', [k]);
    if (r !== undefined || typeOf(o).lookup('__getitem__') !== undefined) return r;
  }
  if (o instanceof PyType) {
    const cg = o.lookup('__class_getitem__');
    if (cg !== undefined) return vm.call(cg instanceof PyClassMethod ? new PyBoundMethod(o, cg.func) : cg, [k]);
    if (o.builtin) return o; // `list[int]` in annotations behaves like the type for our purposes
  }
  if (o instanceof StringIOObj || o instanceof PyObject) {
    const gi = (o as { pyGetItem?: (vm: VM, k: Py) => Py }).pyGetItem;
    if (typeof gi === 'function') return gi.call(o, vm, k);
  }
  throw vm.typeError(`'${typeOf(o).name}' object is not subscriptable`);
}

export function setItem(vm: VM, o: Py, k: Py, v: Py): void {
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(vm, k, o.items.length);
      const vals = vm.toArray(v);
      if (step === 1) {
        o.items.splice(start, Math.max(0, stop - start), ...vals);
        return;
      }
      const idx: number[] = [];
      if (step > 0) for (let i = start; i < stop; i += step) idx.push(i);
      else for (let i = start; i > stop; i += step) idx.push(i);
      if (idx.length !== vals.length)
        throw vm.error('ValueError', `attempt to assign sequence of size ${vals.length} to extended slice of size ${idx.length}`);
      idx.forEach((i, j) => (o.items[i] = vals[j]));
      return;
    }
    const i = indexOf(vm, k, o.items.length, 'list');
    if (i < 0 || i >= o.items.length) throw vm.error('IndexError', 'list assignment index out of range');
    o.items[i] = v;
    return;
  }
  if (o instanceof PyInstance) {
    if (vm.callSpecial(o, '__setitem__', [k, v]) !== undefined || typeOf(o).lookup('__setitem__') !== undefined) return;
  }
  throw vm.typeError(`'${typeOf(o).name}' object does not support item assignment`);
}

export function delItem(vm: VM, o: Py, k: Py): void {
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      const [start, stop, step] = sliceIndices(vm, k, o.items.length);
      if (step === 1) {
        o.items.splice(start, Math.max(0, stop - start));
        return;
      }
      const idx = new Set<number>();
      if (step > 0) for (let i = start; i < stop; i += step) idx.add(i);
      else for (let i = start; i > stop; i += step) idx.add(i);
      o.items = o.items.filter((_, i) => !idx.has(i));
      return;
    }
    const i = indexOf(vm, k, o.items.length, 'list');
    if (i < 0 || i >= o.items.length) throw vm.error('IndexError', 'list assignment index out of range');
    o.items.splice(i, 1);
    return;
  }
  if (o instanceof PyDict) {
    const hk = vm.hash(k);
    if (!o.vals.has(hk)) throw vm.newException(excTypes.get('KeyError')!, [k]);
    o.vals.delete(hk);
    o.keys.delete(hk);
    return;
  }
  if (o instanceof PyInstance) {
    if (vm.callSpecial(o, '__delitem__', [k]) !== undefined || typeOf(o).lookup('__delitem__') !== undefined) return;
  }
  throw vm.typeError(`'${typeOf(o).name}' object doesn't support item deletion`);
}

export class DefaultDict extends PyDict {
  factory: Py = null;
  get pyType(): PyType {
    return defaultdictTypeRef.t!;
  }
  pyRepr(vm: VM): string {
    const parts: string[] = [];
    for (const [hk, val] of this.vals) parts.push(vm.repr(this.keys.get(hk)) + ': ' + vm.repr(val));
    return `defaultdict(${this.factory === null ? 'None' : vm.repr(this.factory)}, {${parts.join(', ')}})`;
  }
}
/** Set by stdlib.ts when collections is imported (avoids an import cycle at module load). */
export const defaultdictTypeRef: { t: PyType | null } = { t: null };

// ---------------------------------------------------------------------------------------------------
// Formatting

interface Spec {
  fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number;
  grouping: string; precision: number; type: string;
}
function parseSpec(vm: VM, spec: string, typeName = 'str'): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s.exec(spec);
  if (m === null) throw vm.error('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName}'`);
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '), align: m[2] ?? (m[5] ? '=' : ''), sign: m[3] ?? '-', alt: m[4] !== undefined,
    zero: m[5] !== undefined, width: m[6] ? parseInt(m[6], 10) : 0, grouping: m[7] ?? '',
    precision: m[8] !== undefined ? parseInt(m[8], 10) : -1, type: m[9] ?? '',
  };
}
function group(digits: string, sep: string, every = 3): string {
  if (sep === '') return digits;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % every === 0) out += sep;
    out += digits[i];
  }
  return out;
}
function pad(s: Spec, body: string, signStr: string, defaultAlign: string): string {
  const total = signStr.length + body.length;
  if (total >= s.width) return signStr + body;
  const n = s.width - total;
  const align = s.align || defaultAlign;
  if (align === '=') return signStr + s.fill.repeat(n) + body;
  if (align === '<') return signStr + body + s.fill.repeat(n);
  if (align === '>') return s.fill.repeat(n) + signStr + body;
  const left = Math.floor(n / 2);
  return s.fill.repeat(left) + signStr + body + s.fill.repeat(n - left);
}
function fixed(x: number, prec: number): string {
  return exactFixed(Math.abs(x), prec);
}
function expo(x: number, prec: number, upper: boolean): string {
  const [digits, e] = exactDigits(Math.abs(x), prec + 1);
  const mant = prec > 0 ? digits[0] + '.' + digits.slice(1) : digits;
  const r = `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return upper ? r.toUpperCase() : r;
}
function generalFormat(x: number, prec: number, alt: boolean, upper: boolean): string {
  if (prec === 0) prec = 1;
  if (x === 0) return alt ? '0.' + '0'.repeat(prec - 1) : '0';
  const e = exactDigits(Math.abs(x), prec)[1];
  let r: string;
  if (e >= -4 && e < prec) r = fixed(x, Math.max(0, prec - 1 - e));
  else r = expo(x, prec - 1, upper);
  if (!alt) {
    if (r.includes('e') || r.includes('E')) r = r.replace(/\.?0+(?=[eE])/, '');
    else if (r.includes('.')) r = r.replace(/\.?0+$/, '');
  }
  return r;
}
export function formatValue(vm: VM, v: Py, spec: string): string {
  if (spec === '') return vm.str(v);
  if (typeof v === 'string') {
    const s = parseSpec(vm, spec);
    if (s.type !== '' && s.type !== 's') throw vm.error('ValueError', `Unknown format code '${s.type}' for object of type 'str'`);
    if (/^(?:.?[<>=^])?[+\- ]/.test(spec)) throw vm.error('ValueError', 'Sign not allowed in string format specifier');
    const body = s.precision >= 0 ? v.slice(0, s.precision) : v;
    return pad(s, body, '', '<');
  }
  if (isIntLike(v) || v instanceof PyFloat) {
    const s = parseSpec(vm, spec, typeOf(v).name);
    let t = s.type;
    const isFloat = v instanceof PyFloat;
    if (isFloat && 'bcdoxX'.includes(t) && t !== '') throw vm.error('ValueError', `Unknown format code '${t}' for object of type 'float'`);
    if (!isFloat && t === '' && s.precision >= 0) throw vm.error('ValueError', 'Precision not allowed in integer format specifier');
    if (t === '' && isFloat) t = s.precision >= 0 ? 'g' : 'r';
    if (t === '' || t === 'n') t = isFloat ? 'g' : 'd';
    const neg = isFloat ? v.v < 0 || Object.is(v.v, -0) : asBig(intOf(v)) < 0n;
    const signStr = neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
    let body: string;
    if ('bdoxXc'.includes(t)) {
      const n = asBig(intOf(v));
      const a = n < 0n ? -n : n;
      if (t === 'c') return pad(s, String.fromCodePoint(Number(n)), '', '<');
      const base = t === 'b' ? 2 : t === 'o' ? 8 : t === 'd' ? 10 : 16;
      let digits = a.toString(base);
      if (t === 'X') digits = digits.toUpperCase();
      digits = group(digits, s.grouping, base === 10 ? 3 : 4);
      const prefix = s.alt ? (t === 'b' ? '0b' : t === 'o' ? '0o' : t === 'x' ? '0x' : t === 'X' ? '0X' : '') : '';
      body = digits;
      if (s.align === '=' || (s.zero && !s.align)) {
        const width = s.width - signStr.length - prefix.length;
        if (s.fill === '0' && body.length < width) body = (s.grouping ? group('0'.repeat(width - body.length) + a.toString(base), s.grouping, base === 10 ? 3 : 4).slice(-width) : '0'.repeat(width - body.length) + body);
        return pad({ ...s, width: 0 }, prefix + body, signStr, '>') .padStart(s.width, s.fill);
      }
      return pad(s, prefix + body, signStr, '>');
    }
    const x = Math.abs(toNumber(v));
    const prec = s.precision >= 0 ? s.precision : 6;
    switch (t) {
      case 'f':
      case 'F':
        body = Number.isFinite(x) ? fixed(x, prec) : Number.isNaN(x) ? 'nan' : 'inf';
        if (t === 'F') body = body.toUpperCase();
        break;
      case 'e':
      case 'E':
        body = Number.isFinite(x) ? expo(x, prec, t === 'E') : Number.isNaN(x) ? 'nan' : 'inf';
        break;
      case '%':
        body = Number.isFinite(x) ? fixed(x * 100, prec) + '%' : 'inf%';
        break;
      case 'g':
      case 'G':
        body = Number.isFinite(x) ? generalFormat(x, prec, s.alt, t === 'G') : Number.isNaN(x) ? 'nan' : 'inf';
        break;
      case 'r':
        body = floatRepr(x);
        break;
      default:
        throw vm.error('ValueError', `Unknown format code '${t}' for object of type '${typeOf(v).name}'`);
    }
    if (s.grouping !== '') {
      const [ip, fp] = body.split('.') as [string, string | undefined];
      if (/^\d+$/.test(ip)) body = group(ip, s.grouping) + (fp !== undefined ? '.' + fp : '');
    }
    if (s.zero && !s.align) {
      const width = s.width - signStr.length;
      if (body.length < width) body = '0'.repeat(width - body.length) + body;
      return signStr + body;
    }
    return pad(s, body, signStr, '>');
  }
  if (v === null || typeof v === 'boolean' || v instanceof PyObject) {
    if (v instanceof PyInstance || v === null || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) {
      throw vm.typeError(`unsupported format string passed to ${typeOf(v).name}.__format__`);
    }
  }
  throw vm.typeError(`unsupported format string passed to ${typeOf(v).name}.__format__`);
}

function percentFormat(vm: VM, fmt: string, arg: Py): string {
  const args = arg instanceof PyTuple ? arg.items : [arg];
  let ai = 0;
  const next = (): Py => {
    if (ai >= args.length) throw vm.typeError('not enough arguments for format string');
    return args[ai++];
  };
  const out = fmt.replace(/%(\([^)]*\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g, (_m, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let v: Py;
    if (key !== undefined) v = vm.getItem(arg, key.slice(1, -1));
    else {
      if (width === '*') width = String(next());
      if (prec === '*') prec = String(next());
      v = next();
    }
    let spec = '';
    if (flags.includes('-')) spec += '<';
    else if (!flags.includes('0') && width) spec += '>';
    if (flags.includes('+')) spec += '+';
    else if (flags.includes(' ')) spec += ' ';
    if (flags.includes('#')) spec += '#';
    if (flags.includes('0') && !flags.includes('-')) spec += '0';
    if (width) spec += width;
    if (prec !== undefined) spec += '.' + prec;
    switch (conv) {
      case 's':
        return formatValue(vm, vm.str(v), spec.replace(/[+ #0]/g, ''));
      case 'r':
      case 'a':
        return formatValue(vm, vm.repr(v), spec.replace(/[+ #0]/g, ''));
      case 'd':
      case 'i':
      case 'u':
        if (!isNumeric(v)) throw vm.typeError(`%${conv} format: a real number is required, not ${typeOf(v).name}`);
        return formatValue(vm, v instanceof PyFloat ? Math.trunc(v.v) : v, spec + 'd');
      default:
        if (!isNumeric(v)) throw vm.typeError(`must be real number, not ${typeOf(v).name}`);
        return formatValue(vm, 'eEfFgG'.includes(conv) ? new PyFloat(toNumber(v)) : v, spec + conv);
    }
  });
  if (ai < args.length && !(arg instanceof PyDict)) throw vm.typeError('not all arguments converted during string formatting');
  return out;
}

/** str.format: fields `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}` with `!r`/`!s` and specs. */
function strFormat(vm: VM, fmt: string, args: Py[], kw: Kw): string {
  let auto = 0;
  let manual = false;
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        j++;
      }
      if (depth !== 0) throw vm.error('ValueError', "expected '}' before end of string");
      const field = fmt.slice(i + 1, j - 1);
      i = j;
      const m = /^([^!:.[]*)((?:\.[^!:.[]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (m === null) throw vm.error('ValueError', 'invalid format field');
      const name = m[1]!;
      let v: Py;
      if (name === '' && manual) throw vm.error('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      if (/^\d+$/.test(name) && auto > 0) throw vm.error('ValueError', 'cannot switch from automatic field numbering to manual field specification');
      if (/^\d+$/.test(name)) manual = true;
      if (name === '') {
        if (auto >= args.length) throw vm.error('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
        v = args[auto++];
      } else if (/^\d+$/.test(name)) {
        const idx = parseInt(name, 10);
        if (idx >= args.length) throw vm.error('IndexError', `Replacement index ${idx} out of range for positional args tuple`);
        v = args[idx];
      } else {
        v = kw?.get(name);
        if (v === undefined) throw vm.newException(excTypes.get('KeyError')!, [name]);
      }
      for (const part of (m[2] ?? '').match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
        if (part.startsWith('.')) v = vm.getAttr(v, part.slice(1));
        else {
          const key = part.slice(1, -1);
          v = vm.getItem(v, /^\d+$/.test(key) ? parseInt(key, 10) : key);
        }
      }
      if (m[3] === 'r' || m[3] === 'a') v = vm.repr(v);
      else if (m[3] === 's') v = vm.str(v);
      const spec = m[4] !== undefined ? strFormat(vm, m[4], args, kw) : '';
      out += vm.format(v, spec);
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw vm.error('ValueError', "Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Argument helpers

function arity(vm: VM, name: string, args: Py[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) throw vm.typeError(`${name}() takes exactly ${min === 0 ? 'no arguments' : min === 1 ? 'one argument' : min + ' arguments'} (${args.length} given)`);
    if (args.length < min) throw vm.typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    throw vm.typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}
function noKw(vm: VM, name: string, kw: Kw): void {
  if (kw !== null && kw.size > 0) throw vm.typeError(`${name}() takes no keyword arguments`);
}
function methodArity(vm: VM, name: string, args: Py[], min: number, max: number): void {
  // args[0] is self.
  const n = args.length - 1;
  if (n < min || n > max) {
    if (min === max && min === 0) throw vm.typeError(`${name}() takes no arguments (${n} given)`);
    if (min === max && min === 1) throw vm.typeError(`${name}() takes exactly one argument (${n} given)`);
    if (n < min) throw vm.typeError(`${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${n}`);
    throw vm.typeError(`${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
  }
}
function toInt(vm: VM, v: Py, what = 'an integer'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyInstance) {
    const r = vm.callSpecial(v, '__index__', []);
    if (r !== undefined) return toInt(vm, r);
  }
  throw vm.typeError(`'${typeOf(v).name}' object cannot be interpreted as ${what}`);
}

export function len(vm: VM, v: Py): number {
  if (typeof v === 'string') return v.length === 0 ? 0 : Array.from(v).length;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.vals.size;
  if (v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyInstance) {
    const r = vm.callSpecial(v, '__len__', []);
    if (r !== undefined) {
      if (!isIntLike(r)) throw vm.typeError(`'${typeOf(r).name}' object cannot be interpreted as an integer`);
      if (Number(r) < 0) throw vm.error('ValueError', '__len__() should return >= 0');
      return Number(r);
    }
  }
  const pl = (v as { pyLen?: () => number } | null)?.pyLen;
  if (typeof pl === 'function') return pl.call(v);
  throw vm.typeError(`object of type '${typeOf(v).name}' has no len()`);
}

function sortList(vm: VM, items: Py[], key: Py, reverse: boolean): void {
  const keys = key === null || key === undefined ? items.slice() : items.map((x) => vm.call(key, [x]));
  const idx = items.map((_, i) => i);
  const lt = (a: Py, b: Py): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return a < b;
    return vm.truthy(vm.order(0, a, b));
  };
  // Stable merge sort: reverse keeps stability like CPython's (reverse, sort, reverse).
  if (reverse) idx.reverse();
  // Like timsort, only ever ask whether a later element is less than an earlier one.
  const sorted = mergeSort(idx, (later, earlier) => lt(keys[later], keys[earlier]));
  if (reverse) sorted.reverse();
  const copy = items.slice();
  for (let i = 0; i < sorted.length; i++) items[i] = copy[sorted[i]!];
}
function mergeSort(a: number[], less: (later: number, earlier: number) => boolean): number[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), less);
  const r = mergeSort(a.slice(mid), less);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) {
    if (less(r[j]!, l[i]!)) out.push(r[j++]!);
    else out.push(l[i++]!);
  }
  while (i < l.length) out.push(l[i++]!);
  while (j < r.length) out.push(r[j++]!);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Iterator objects for builtins

export class FnIterator extends PyIterator {
  constructor(private name: string, private fn: () => Py) {
    super();
  }
  get typeName(): string {
    return this.name;
  }
  next(): Py {
    return this.fn();
  }
}

export class StringIOObj extends PyObject {
  buf = '';
  pos = 0;
  closed = false;
  constructor(public pyType: PyType, initial: string, public path: string | null = null, public mode = 'r') {
    super();
    this.buf = initial;
  }
  pyRepr(): string {
    if (this.path === null) return `<_io.StringIO object at ${this.address}>`;
    return `<_io.TextIOWrapper name=${strRepr(this.path)} mode=${strRepr(this.mode)} encoding='UTF-8'>`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Installation

export function installBuiltins(vm: VM): void {
  vm.binaryHook = binaryOp;
  vm.getItemHook = getItem;
  vm.setItemHook = setItem;
  vm.delItemHook = delItem;
  vm.formatHook = formatValue;
  vm.iterHook = (v) => {
    if (v instanceof DictView) return v.iter();
    if (v instanceof StringIOObj) {
      if (v.closed) throw vm.error('ValueError', 'I/O operation on closed file.');
      return v;
    }
    return undefined;
  };
  const b = vm.builtins;
  const fn = (name: string, f: (args: Py[], kw: Kw) => Py): void => {
    b.set(name, native(name, f));
  };
  for (const t of [objectType, typeType, intType, boolType, floatType, strType, listType, tupleType, dictType,
    setType, frozensetType, rangeType, propertyType, staticmethodType, classmethodType, superType, sliceType]) {
    b.set(t.name, t);
  }
  for (const [name, t] of excTypes) b.set(name, t);
  b.set('NotImplemented', NOT_IMPLEMENTED);
  b.set('__name__', '__main__');

  const kwArg = (kw: Kw, name: string, dflt: Py): Py => {
    const v = kw?.get(name);
    return v === undefined ? dflt : v;
  };

  fn('print', (args, kw) => {
    let sep = kwArg(kw, 'sep', null);
    let end = kwArg(kw, 'end', null);
    const file = kwArg(kw, 'file', null);
    if (kw !== null) for (const k of kw.keys()) if (!['sep', 'end', 'file', 'flush'].includes(k)) throw vm.typeError(`'${k}' is an invalid keyword argument for print()`);
    if (sep !== null && typeof sep !== 'string') throw vm.typeError(`sep must be None or a string, not ${typeOf(sep).name}`);
    if (end !== null && typeof end !== 'string') throw vm.typeError(`end must be None or a string, not ${typeOf(end).name}`);
    sep ??= ' ';
    end ??= '\n';
    const text = args.map((a) => vm.str(a)).join(sep) + end;
    if (file !== null) {
      vm.callMethod(file, 'write', [text]);
      return null;
    }
    vm.write(text);
    return null;
  });
  fn('repr', (args) => {
    arity(vm, 'repr', args, 1, 1);
    return vm.repr(args[0]);
  });
  fn('ascii', (args) => {
    arity(vm, 'ascii', args, 1, 1);
    let out = '';
    for (const ch of vm.repr(args[0])) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out += ch;
      else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
      else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += '\\U' + c.toString(16).padStart(8, '0');
    }
    return out;
  });
  fn('format', (args) => {
    arity(vm, 'format', args, 1, 2);
    const spec = args.length > 1 ? args[1] : '';
    if (typeof spec !== 'string') throw vm.typeError(`format() argument 2 must be str, not ${typeOf(spec).name}`);
    return vm.format(args[0], spec);
  });
  fn('len', (args) => {
    arity(vm, 'len', args, 1, 1);
    return len(vm, args[0]);
  });
  fn('iter', (args) => {
    arity(vm, 'iter', args, 1, 2);
    if (args.length === 2) {
      const [callable, sentinel] = args;
      return new FnIterator('callable_iterator', () => {
        const v = vm.call(callable, []);
        return vm.eq(v, sentinel) ? STOP : v;
      });
    }
    return vm.getIter(args[0]);
  });
  fn('next', (args) => {
    arity(vm, 'next', args, 1, 2);
    const it = args[0];
    if (!(it instanceof PyIterator) && typeOf(it).lookup('__next__') === undefined)
      throw vm.typeError(`'${typeOf(it).name}' object is not an iterator`);
    let v: Py;
    if (it instanceof PyGenerator) {
      v = vm.genResume(it, null, null, 'next');
      if (v === STOP) {
        if (args.length === 2) return args[1];
        throw vm.stopIteration(vm.lastReturn);
      }
      return v;
    }
    if (it instanceof PyIterator) {
      v = it.next();
      if (v === STOP) {
        if (args.length === 2) return args[1];
        throw vm.error('StopIteration');
      }
      return v;
    }
    if (args.length === 2) {
      v = vm.iterNextSlow(it);
      return v === STOP ? args[1] : v;
    }
    return vm.call(vm.bindMethod(typeOf(it).lookup('__next__'), it), []);
  });
  vm.nextBuiltin = b.get('next') as PyNative;
  fn('isinstance', (args) => {
    arity(vm, 'isinstance', args, 2, 2);
    const check = (t: Py): boolean => {
      if (t instanceof PyTuple) return t.items.some(check);
      if (!(t instanceof PyType)) throw vm.typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
      return vm.isInstance(args[0], t);
    };
    return check(args[1]);
  });
  fn('issubclass', (args) => {
    arity(vm, 'issubclass', args, 2, 2);
    if (!(args[0] instanceof PyType)) throw vm.typeError('issubclass() arg 1 must be a class');
    const check = (t: Py): boolean => {
      if (t instanceof PyTuple) return t.items.some(check);
      if (!(t instanceof PyType)) throw vm.typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
      return (args[0] as PyType).isSubtypeOf(t);
    };
    return check(args[1]);
  });
  fn('callable', (args) => {
    const v = args[0];
    return v instanceof PyFunction || v instanceof PyNative || v instanceof PyBoundMethod || v instanceof PyType ||
      (v instanceof PyInstance && v.cls.lookup('__call__') !== undefined);
  });
  const pyHash = (v: Py): Py => {
    if (v instanceof PyTuple) {
      // CPython's xxHash-based tuplehash, in 64-bit unsigned arithmetic.
      const M = (1n << 64n) - 1n;
      const P1 = 11400714785074694791n;
      const P2 = 14029467366897019727n;
      const P5 = 2870177450012600261n;
      let acc = P5;
      for (const item of v.items) {
        const lane = BigInt.asUintN(64, BigInt(pyHash(item)));
        acc = (acc + lane * P2) & M;
        acc = ((acc << 31n) | (acc >> 33n)) & M;
        acc = (acc * P1) & M;
      }
      acc = (acc + (BigInt(v.items.length) ^ (P5 ^ 3527539n))) & M;
      if (acc === M) return 1546275796;
      return normInt(BigInt.asIntN(64, acc));
    }
    return vm.call(b.get('hash'), [v]);
  };
  fn('hash', (args) => {
    arity(vm, 'hash', args, 1, 1);
    const v = args[0];
    if (v instanceof PyTuple) return pyHash(v);
    if (v instanceof PyInstance) {
      const h = v.cls.lookup('__hash__');
      if (h === null) throw vm.typeError(`unhashable type: '${v.cls.name}'`);
      if (h !== undefined && !(h instanceof PyNative)) return vm.call(vm.bindMethod(h, v), []);
      return Math.floor(parseInt(v.address, 16) / 16);
    }
    if (v instanceof PyFloat && !Number.isInteger(v.v)) throw new UnsupportedSignal('hash() of a float', vm.currentLine());
    const k = vm.hash(v);
    if (typeof k === 'number') return k === -1 ? -2 : k;
    if (typeof k === 'string') return normInt(strHash(k));
    if (typeof k === 'bigint') {
      const P = 2n ** 61n - 1n;
      const h = (k < 0n ? -(-k % P) : k % P);
      return normInt(h === -1n ? -2n : h);
    }
    if (v === null) return 0x7f0000000;
    throw new UnsupportedSignal('hash() of ' + typeOf(v).name, vm.currentLine());
  });
  fn('id', (args) => {
    const v = args[0];
    if (v instanceof PyObject) return parseInt(v.address, 16);
    throw new UnsupportedSignal('id() of ' + typeOf(v).name, vm.currentLine());
  });
  fn('abs', (args) => {
    arity(vm, 'abs', args, 1, 1);
    const v = args[0];
    if (typeof v === 'number') return Math.abs(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'bigint') return v < 0n ? normInt(-v) : v;
    if (v instanceof PyFloat) return new PyFloat(Math.abs(v.v));
    const r = v instanceof PyInstance ? vm.callSpecial(v, '__abs__', []) : undefined;
    if (r !== undefined) return r;
    throw vm.typeError(`bad operand type for abs(): '${typeOf(v).name}'`);
  });
  fn('divmod', (args) => {
    arity(vm, 'divmod', args, 2, 2);
    const [a, c] = args;
    return new PyTuple([binaryOp(vm, 4, a, c, false), binaryOp(vm, 5, a, c, false)]);
  });
  fn('pow', (args) => {
    arity(vm, 'pow', args, 2, 3);
    if (args.length === 3) {
      let base = asBig(intOf(args[0]));
      let e = asBig(intOf(args[1]));
      const m = asBig(intOf(args[2]));
      let r = 1n;
      base %= m;
      while (e > 0n) {
        if (e & 1n) r = (r * base) % m;
        base = (base * base) % m;
        e >>= 1n;
      }
      return normInt(((r % m) + m) % m);
    }
    return binaryOp(vm, 6, args[0], args[1], false);
  });
  fn('round', (args, kw) => {
    const v = args[0];
    const nd = args.length > 1 ? args[1] : kwArg(kw, 'ndigits', null);
    if (isIntLike(v)) {
      if (nd === null || Number(nd) >= 0) return intOf(v);
      const p = 10 ** -Number(nd);
      return Math.round(Number(v) / p) * p;
    }
    if (v instanceof PyFloat) {
      const x = v.v;
      if (nd === null) {
        if (!Number.isFinite(x)) throw vm.error(Number.isNaN(x) ? 'ValueError' : 'OverflowError', Number.isNaN(x) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
        const r = Math.round(x);
        // Banker's rounding on exact halves.
        if (Math.abs(x % 1) === 0.5) return 2 * Math.round(x / 2);
        return r;
      }
      const n = Number(nd);
      if (!Number.isFinite(x)) return v;
      if (n >= 0) {
        // CPython rounds the exact binary value half-to-even, then reads the decimal back.
        const s = exactFixed(Math.abs(x), Math.min(n, 340));
        return new PyFloat((x < 0 ? -1 : 1) * parseFloat(s));
      }
      const p = 10 ** -n;
      return new PyFloat(Math.round(x / p) * p);
    }
    const r = v instanceof PyInstance ? vm.callSpecial(v, '__round__', nd === null ? [] : [nd]) : undefined;
    if (r !== undefined) return r;
    throw vm.typeError(`type ${typeOf(v).name} doesn't define __round__ method`);
  });
  fn('sum', (args, kw) => {
    arity(vm, 'sum', args, 1, 2);
    let acc: Py = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
    if (typeof acc === 'string') throw vm.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    const it = vm.getIter(args[0]);
    const next = (): Py => vm.iterNext(it);
    // CPython's three phases: exact ints, then floats with Neumaier compensation (3.12+), then generic.
    let x: Py;
    if (typeof acc === 'number' || typeof acc === 'boolean') {
      // A number-typed total stays unboxed in the loop: no heap number per item beyond 2**30.
      let total = acc === true ? 1 : acc === false ? 0 : acc;
      for (;;) {
        x = next();
        if (x === STOP) return total;
        if (--vm.stepsLeftInChunk <= 0) vm.budget();
        if (typeof x === 'number' || typeof x === 'boolean') {
          const t = total + (x === true ? 1 : x === false ? 0 : x);
          if (Number.isSafeInteger(t)) {
            total = t;
            continue;
          }
        }
        acc = total;
        break;
      }
      // The first item the exact path could not take, added as CPython adds it: once, generically.
      acc = binaryOp(vm, 0, acc, x, false);
    }
    if (acc instanceof PyFloat) {
      let f = acc.v;
      let c = 0;
      for (;;) {
        x = next();
        if (x === STOP) {
          if (c !== 0 && Number.isFinite(c)) f += c;
          return new PyFloat(f);
        }
        if (--vm.stepsLeftInChunk <= 0) vm.budget();
        if (x instanceof PyFloat) {
          const y = x.v;
          const t = f + y;
          if (Math.abs(f) >= Math.abs(y)) c += f - t + y;
          else c += y - t + f;
          f = t;
          continue;
        }
        if ((typeof x === 'number' || typeof x === 'boolean') && Math.abs(Number(x)) < 2 ** 63) {
          f += Number(x);
          continue;
        }
        break;
      }
      if (c !== 0 && Number.isFinite(c)) f += c;
      acc = binaryOp(vm, 0, new PyFloat(f), x, false);
    }
    for (;;) {
      x = next();
      if (x === STOP) return acc;
      if (--vm.stepsLeftInChunk <= 0) vm.budget();
      acc = binaryOp(vm, 0, acc, x, false);
    }
  });
  const minmax = (name: string, sign: number) => (args: Py[], kw: Kw): Py => {
    const key = kwArg(kw, 'key', null);
    const dflt = kw?.get('default');
    if (args.length === 0) throw vm.typeError(`${name} expected at least 1 argument, got 0`);
    const items = args.length === 1 ? vm.iterate(args[0]) : args;
    let best: Py = undefined;
    let bestKey: Py = undefined;
    for (const x of items) {
      const k = key === null ? x : vm.call(key, [x]);
      if (best === undefined || vm.truthy(vm.order(sign < 0 ? 0 : 4, k, bestKey))) {
        best = x;
        bestKey = k;
      }
    }
    if (best === undefined) {
      if (dflt !== undefined) return dflt;
      throw vm.error('ValueError', `${name}() iterable argument is empty`);
    }
    return best;
  };
  fn('min', minmax('min', -1));
  fn('max', minmax('max', 1));
  fn('sorted', (args, kw) => {
    arity(vm, 'sorted', args, 1, 1);
    const items = vm.toArray(args[0]);
    sortList(vm, items, kwArg(kw, 'key', null), vm.truthy(kwArg(kw, 'reverse', false)));
    return new PyList(items);
  });
  fn('reversed', (args) => {
    arity(vm, 'reversed', args, 1, 1);
    const v = args[0];
    if (v instanceof PyList) {
      let i = v.items.length - 1;
      return new FnIterator('list_reverseiterator', () => (i >= 0 && i < v.items.length ? v.items[i--] : STOP));
    }
    if (v instanceof PyTuple || typeof v === 'string' || v instanceof PyRange) {
      const items = vm.toArray(v);
      let i = items.length - 1;
      return new FnIterator(v instanceof PyRange ? 'range_iterator' : 'reversed', () => (i >= 0 ? items[i--] : STOP));
    }
    if (v instanceof PyDict) {
      const keys = [...v.keys.values()].reverse();
      return new ListIterator(keys, 'dict_reversekeyiterator');
    }
    if (v instanceof PyInstance) {
      const r = vm.callSpecial(v, '__reversed__', []);
      if (r !== undefined) return r;
      if (v.cls.lookup('__len__') !== undefined && v.cls.lookup('__getitem__') !== undefined) {
        let i = len(vm, v) - 1;
        return new FnIterator('reversed', () => (i >= 0 ? vm.getItem(v, i--) : STOP));
      }
    }
    throw vm.typeError(`'${typeOf(v).name}' object is not reversible`);
  });
  fn('enumerate', (args, kw) => {
    const it = vm.getIter(args[0] ?? kw?.get('iterable'));
    let i: Py = args.length > 1 ? args[1] : kwArg(kw, 'start', 0);
    return new FnIterator('enumerate', () => {
      const x = vm.iterNext(it);
      if (x === STOP) return STOP;
      const r = new PyTuple([i, x]);
      i = typeof i === 'number' ? i + 1 : binaryOp(vm, 0, i, 1, false);
      return r;
    });
  });
  fn('zip', (args, kw) => {
    const strict = vm.truthy(kwArg(kw, 'strict', false));
    const its = args.map((a) => vm.getIter(a));
    let done = false;
    return new FnIterator('zip', () => {
      if (done || its.length === 0) return STOP;
      const out: Py[] = [];
      for (let i = 0; i < its.length; i++) {
        const x = vm.iterNext(its[i]);
        if (x === STOP) {
          done = true;
          if (strict) {
            if (i > 0) throw vm.error('ValueError', `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}`);
            for (let j = 1; j < its.length; j++) {
              if (vm.iterNext(its[j]) !== STOP) throw vm.error('ValueError', `zip() argument ${j + 1} is longer than argument${j > 1 ? 's 1-' + j : ' 1'}`);
            }
          }
          return STOP;
        }
        out.push(x);
      }
      return new PyTuple(out);
    });
  });
  fn('map', (args) => {
    if (args.length < 2) throw vm.typeError('map() must have at least two arguments.');
    const f = args[0];
    const its = args.slice(1).map((a) => vm.getIter(a));
    return new FnIterator('map', () => {
      const xs: Py[] = [];
      for (const it of its) {
        const x = vm.iterNext(it);
        if (x === STOP) return STOP;
        xs.push(x);
      }
      return vm.call(f, xs);
    });
  });
  fn('filter', (args) => {
    arity(vm, 'filter', args, 2, 2);
    const f = args[0];
    const it = vm.getIter(args[1]);
    return new FnIterator('filter', () => {
      for (;;) {
        const x = vm.iterNext(it);
        if (x === STOP) return STOP;
        if (f === null ? vm.truthy(x) : vm.truthy(vm.call(f, [x]))) return x;
      }
    });
  });
  fn('any', (args) => {
    arity(vm, 'any', args, 1, 1);
    for (const x of vm.iterate(args[0])) if (vm.truthy(x)) return true;
    return false;
  });
  fn('all', (args) => {
    arity(vm, 'all', args, 1, 1);
    for (const x of vm.iterate(args[0])) if (!vm.truthy(x)) return false;
    return true;
  });
  fn('chr', (args) => {
    const n = toInt(vm, args[0]);
    if (n < 0 || n > 0x10ffff) throw vm.error('ValueError', 'chr() arg not in range(0x110000)');
    return String.fromCodePoint(n);
  });
  fn('ord', (args) => {
    const s = args[0];
    if (typeof s !== 'string') throw vm.typeError(`ord() expected string of length 1, but ${typeOf(s).name} found`);
    const chars = Array.from(s);
    if (chars.length !== 1) throw vm.typeError(`ord() expected a character, but string of length ${chars.length} found`);
    return chars[0]!.codePointAt(0)!;
  });
  const baseFn = (name: string, base: number, prefix: string) => (args: Py[]): Py => {
    const v = args[0];
    if (!isIntLike(v)) throw vm.typeError(`'${typeOf(v).name}' object cannot be interpreted as an integer`);
    const n = asBig(intOf(v));
    return (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(base);
  };
  fn('hex', baseFn('hex', 16, '0x'));
  fn('oct', baseFn('oct', 8, '0o'));
  fn('bin', baseFn('bin', 2, '0b'));
  fn('getattr', (args) => {
    arity(vm, 'getattr', args, 2, 3);
    if (typeof args[1] !== 'string') throw vm.typeError(`attribute name must be string, not '${typeOf(args[1]).name}'`);
    if (args.length === 3) {
      const v = vm.getAttrOrUndefined(args[0], args[1]);
      return v === undefined ? args[2] : v;
    }
    return vm.getAttr(args[0], args[1]);
  });
  fn('setattr', (args) => {
    arity(vm, 'setattr', args, 3, 3);
    vm.setAttr(args[0], args[1], args[2]);
    return null;
  });
  fn('delattr', (args) => {
    vm.delAttr(args[0], args[1]);
    return null;
  });
  fn('hasattr', (args) => {
    arity(vm, 'hasattr', args, 2, 2);
    return vm.getAttrOrUndefined(args[0], args[1]) !== undefined;
  });
  fn('vars', (args) => {
    const o = args[0];
    if (o instanceof PyInstance) return vm.mapToDict(o.dict);
    throw vm.typeError('vars() argument must have __dict__ attribute');
  });
  fn('locals', () => vm.frameLocals(vm.frame!));
  fn('globals', () => vm.mapToDict(vm.frame!.globals));
  fn('dir', (args) => {
    const o = args[0];
    const names = new Set<string>();
    if (o instanceof PyInstance) for (const k of o.dict.keys()) names.add(k);
    for (const t of typeOf(o).mro) for (const k of t.dict.keys()) names.add(k);
    return new PyList([...names].sort());
  });
  fn('input', () => {
    throw new UnsupportedSignal('input()', vm.currentLine());
  });
  fn('open', (args, kw) => openFile(vm, args, kw));
  for (const bad of ['eval', 'exec', 'compile', '__import__', 'breakpoint', 'memoryview', 'bytearray', 'bytes', 'complex', 'aiter', 'anext', 'help', 'exit', 'quit']) {
    fn(bad, () => {
      throw new UnsupportedSignal(`${bad}()`, vm.currentLine());
    });
  }

  for (const name of ['next', 'any', 'all', 'sum', 'min', 'max', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'dict', 'len', 'print', 'repr', 'str']) {
    const v = b.get(name);
    if (v !== undefined) vm.consumers.add(v);
  }
  fn('__build_class__', (args) => buildClass(vm, args[0], args[1], args.slice(2)));

  installTypes(vm);
}

// ---------------------------------------------------------------------------------------------------
// Classes

function buildClass(vm: VM, body: Py, name: Py, bases: Py[]): Py {
  if (!(body instanceof PyFunction)) throw vm.typeError('__build_class__: func must be a function');
  const ns = new Map<string, Py>();
  const co = body.code;
  const cells: PyCell[] = co.cellvars.map(() => new PyCell(undefined));
  if (body.closure !== null) cells.push(...body.closure);
  const frame = new Frame(co, body.globals, [], cells, ns, body);
  vm.runFrame(frame, null);
  for (const b of bases) if (!(b instanceof PyType)) throw vm.typeError(`bases must be types`);
  let t: PyType;
  try {
    t = new PyType(name, bases.length > 0 ? bases : [objectType]);
  } catch (e) {
    if (e instanceof MroError) throw vm.typeError(`Cannot create a consistent method resolution order (MRO) for bases ${bases.map((x: PyType) => x.name).join(', ')}`);
    throw e;
  }
  for (const b of bases as PyType[]) {
    if (b === boolType || b === rangeType || b === sliceType || b === generatorType || b === functionType)
      throw vm.typeError(`type '${b.name}' is not an acceptable base type`);
  }
  t.module = (ns.get('__module__') as string) ?? '__main__';
  t.qualname = (ns.get('__qualname__') as string) ?? name;
  const classcell = ns.get('__classcell__');
  for (const [k, v] of ns) {
    if (k === '__classcell__' || k === '__qualname__') continue;
    t.dict.set(k, v);
  }
  if (t.dict.has('__eq__') && !t.dict.has('__hash__')) t.dict.set('__hash__', null);
  if (classcell instanceof PyCell) classcell.value = t;
  const initSub = t.mro[1]?.lookup('__init_subclass__');
  if (initSub !== undefined && !(initSub instanceof PyNative)) {
    const f = initSub instanceof PyClassMethod ? initSub.func : initSub;
    vm.call(f, [t]);
  }
  for (const [k, v] of t.dict) {
    if (v instanceof PyInstance) {
      const sn = v.cls.lookup('__set_name__');
      if (sn !== undefined) vm.call(vm.bindMethod(sn, v), [t, k]);
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------
// Methods of builtin types

function installTypes(vm: VM): void {
  const selfStr = (args: Py[], name: string): string => {
    const s = args[0];
    if (typeof s !== 'string') throw vm.typeError(`descriptor '${name}' requires a 'str' object but received a '${typeOf(s).name}'`);
    return s;
  };

  // object
  objectType.dict.set('__init__', native('__init__', () => null, 'object.__init__'));
  objectType.dict.set('__repr__', native('__repr__', (a) => `<${typeOf(a[0]).module === 'builtins' ? '' : typeOf(a[0]).module + '.'}${typeOf(a[0]).qualname} object at ${(a[0] as PyObject).address}>`, 'object.__repr__'));
  objectType.dict.set('__str__', native('__str__', (a) => vm.repr(a[0]), 'object.__str__'));
  objectType.dict.set('__eq__', native('__eq__', (a) => (a[0] === a[1] ? true : NOT_IMPLEMENTED), 'object.__eq__'));
  objectType.dict.set('__ne__', native('__ne__', (a) => (a[0] !== a[1] ? true : false), 'object.__ne__'));
  objectType.dict.set('__hash__', native('__hash__', (a) => (a[0] instanceof PyObject ? parseInt(a[0].address, 16) >> 4 : 0), 'object.__hash__'));
  objectType.dict.set('__new__', native('__new__', (a) => {
    const t = a[0];
    if (!(t instanceof PyType)) throw vm.typeError('object.__new__(X): X is not a type object');
    if (t.layout === 'exception') return vm.newException(t, a.slice(1));
    return new PyInstance(t);
  }, 'object.__new__'));
  objectType.dict.set('__init_subclass__', native('__init_subclass__', () => null));
  objectType.dict.set('__setattr__', native('__setattr__', (a) => {
    const o = a[0];
    if (o instanceof PyInstance) {
      if (o instanceof PyException && ['__context__', '__cause__', 'args', '__suppress_context__', '__traceback__'].includes(a[1])) {
        const save = o.cls.dict.get('__setattr__');
        void save;
      }
      o.dict.set(a[1], a[2]);
      return null;
    }
    vm.setAttr(o, a[1], a[2]);
    return null;
  }, 'object.__setattr__'));
  objectType.dict.set('__getattribute__', native('__getattribute__', (a) => vm.getAttr(a[0], a[1])));
  objectType.dict.set('__format__', native('__format__', (a) => {
    if (a[1] !== '') throw vm.typeError(`unsupported format string passed to ${typeOf(a[0]).name}.__format__`);
    return vm.str(a[0]);
  }));
  // The VM checks for PyNative __setattr__/__repr__ to take its fast paths; keep them native.

  // type
  typeType.dict.set('__new__', native('__new__', (a) => {
    const [, name, bases, ns] = a;
    if (a.length === 2) return typeOf(a[1]);
    const t = new PyType(name, bases instanceof PyTuple && bases.items.length > 0 ? (bases.items as PyType[]) : [objectType]);
    t.module = '__main__';
    if (ns instanceof PyDict) for (const [hk, v] of ns.vals) t.dict.set(ns.keys.get(hk), v);
    return t;
  }));
  typeType.dict.set('mro', native('mro', (a) => new PyList((a[0] as PyType).mro)));
  typeType.dict.set('__subclasses__', native('__subclasses__', () => new PyList([])));

  // Exceptions
  baseExceptionType.dict.set('__init__', native('__init__', (a) => {
    (a[0] as PyException).args = a.slice(1);
    return null;
  }, 'BaseException.__init__'));
  baseExceptionType.dict.set('__repr__', native('__repr__', (a) => {
    const e = a[0] as PyException;
    return e.args.length === 1 ? `${e.cls.name}(${vm.repr(e.args[0])})` : `${e.cls.name}(${e.args.map((x) => vm.repr(x)).join(', ')})`;
  }, 'BaseException.__repr__'));
  baseExceptionType.dict.set('__str__', native('__str__', (a) => vm.excStr(a[0] as PyException), 'BaseException.__str__'));
  baseExceptionType.dict.set('with_traceback', native('with_traceback', (a) => {
    vm.setAttr(a[0], '__traceback__', a[1]);
    return a[0];
  }));
  baseExceptionType.dict.set('add_note', native('add_note', (a) => {
    const e = a[0] as PyException;
    let notes = e.dict.get('__notes__');
    if (notes === undefined) {
      notes = new PyList([]);
      e.dict.set('__notes__', notes);
    }
    (notes as PyList).items.push(a[1]);
    return null;
  }));

  // int / float / bool / str / list / tuple / dict / set constructors
  intType.dict.set('__new__', native('__new__', (a, kw) => {
    const t = a[0] as PyType;
    if (t !== intType) throw new UnsupportedSignal('subclassing int', vm.currentLine());
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
    throw vm.typeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeOf(v).name}'`);
  }));
  def(intType, 'bit_length', (a) => {
    const n = asBig(intOf(a[0]));
    return (n < 0n ? -n : n).toString(2).replace(/^0$/, '').length;
  });
  def(intType, '__index__', (a) => intOf(a[0]));
  def(intType, 'to_bytes', () => {
    throw new UnsupportedSignal('int.to_bytes', vm.currentLine());
  });
  def(intType, 'is_integer', () => true);
  def(intType, 'conjugate', (a) => intOf(a[0]));
  boolType.dict.set('__new__', native('__new__', (a) => (a.length > 1 ? vm.truthy(a[1]) : false)));
  floatType.dict.set('__new__', native('__new__', (a) => {
    const v = a.length > 1 ? a[1] : new PyFloat(0);
    if (v instanceof PyFloat) return v;
    if (isIntLike(v)) {
      const n = toNumber(v);
      if (!Number.isFinite(n)) throw vm.error('OverflowError', 'int too large to convert to float');
      return new PyFloat(n);
    }
    if (typeof v === 'string') {
      const s = v.trim().replace(/_/g, '').toLowerCase();
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

  strType.dict.set('__new__', native('__new__', (a) => (a.length > 1 ? vm.str(a[1]) : '')));
  installStrMethods(vm, selfStr);

  listType.dict.set('__new__', native('__new__', (a) => {
    if ((a[0] as PyType) !== listType) throw new UnsupportedSignal('subclassing list', vm.currentLine());
    arity(vm, 'list', a.slice(1), 0, 1);
    return new PyList(a.length > 1 ? vm.toArray(a[1]) : []);
  }));
  tupleType.dict.set('__new__', native('__new__', (a) => {
    if ((a[0] as PyType) !== tupleType) throw new UnsupportedSignal('subclassing tuple', vm.currentLine());
    if (a.length > 1 && a[1] instanceof PyTuple) return a[1];
    return a.length > 1 ? new PyTuple(vm.toArray(a[1])) : EMPTY_TUPLE;
  }));
  dictType.dict.set('__new__', native('__new__', (a, kw) => {
    if ((a[0] as PyType) !== dictType) throw new UnsupportedSignal('subclassing dict', vm.currentLine());
    const d = new PyDict();
    if (a.length > 1) dictUpdate(vm, d, a[1]);
    if (kw !== null) for (const [k, v] of kw) vm.dictSet(d, k, v);
    return d;
  }));
  setType.dict.set('__new__', native('__new__', (a) => {
    if ((a[0] as PyType) !== setType) throw new UnsupportedSignal('subclassing set', vm.currentLine());
    const s = new PySet(false);
    if (a.length > 1 && a[1] instanceof PySet) s.map.mergeInto(a[1].map);
    else if (a.length > 1) for (const x of vm.iterate(a[1])) s.map.set(vm.hash(x), x);
    return s;
  }));
  frozensetType.dict.set('__new__', native('__new__', (a) => {
    if (a.length > 1 && a[1] instanceof PySet && a[1].frozen) return a[1];
    const s = new PySet(true);
    if (a.length > 1 && a[1] instanceof PySet) s.map.mergeInto(a[1].map);
    else if (a.length > 1) for (const x of vm.iterate(a[1])) s.map.set(vm.hash(x), x);
    return s;
  }));
  rangeType.dict.set('__new__', native('__new__', (a) => {
    const args = a.slice(1);
    if (args.length === 0) throw vm.typeError('range expected at least 1 argument, got 0');
    if (args.length > 3) throw vm.typeError(`range expected at most 3 arguments, got ${args.length}`);
    const n = args.map((x) => toInt(vm, x));
    for (const x of n) if (!Number.isSafeInteger(x)) throw new UnsupportedSignal('range over huge ints', vm.currentLine());
    if (n.length === 1) return new PyRange(0, n[0]!, 1);
    const step = n[2] ?? 1;
    if (step === 0) throw vm.error('ValueError', 'range() arg 3 must not be zero');
    return new PyRange(n[0]!, n[1]!, step);
  }));
  def(rangeType, 'index', (a) => {
    const r = a[0] as PyRange;
    if (!vm.contains(r, a[1])) throw vm.error('ValueError', `${vm.repr(a[1])} is not in range`);
    return (a[1] - r.start) / r.step;
  });
  def(rangeType, 'count', (a) => (vm.contains(a[0], a[1]) ? 1 : 0));
  sliceType.dict.set('__new__', native('__new__', (a) => {
    const args = a.slice(1);
    if (args.length === 1) return new PySlice(null, args[0], null);
    return new PySlice(args[0], args[1], args[2] ?? null);
  }));
  propertyType.dict.set('__new__', native('__new__', (a, kw) => new PyProperty(a[1] ?? kw?.get('fget') ?? null, a[2] ?? kw?.get('fset') ?? null, a[3] ?? kw?.get('fdel') ?? null)));
  staticmethodType.dict.set('__new__', native('__new__', (a) => new PyStaticMethod(a[1])));
  classmethodType.dict.set('__new__', native('__new__', (a) => new PyClassMethod(a[1])));
  superType.dict.set('__new__', native('__new__', (a) => {
    if (a.length >= 3) return new PySuper(a[1], a[2]);
    // Zero-argument super(): the __class__ cell and the first argument of the calling frame.
    const f = vm.frame;
    if (f === null || f.func === null) throw vm.error('RuntimeError', 'super(): no arguments');
    const co = f.code;
    if (co.argcount === 0 && (co.flags & 2) === 0) throw vm.error('RuntimeError', 'super(): no arguments');
    const ci = co.freevars.indexOf('__class__');
    if (ci < 0) throw vm.error('RuntimeError', 'super(): __class__ cell not found');
    const cls = f.cells![co.cellvars.length + ci]!.value;
    const firstName = co.varnames[0]!;
    const cellI = co.cellvars.indexOf(firstName);
    const self = cellI >= 0 ? f.cells![cellI]!.value : f.locals[0];
    if (self === undefined) throw vm.error('RuntimeError', 'super(): arg[0] deleted');
    return new PySuper(cls, self);
  }));

  installListMethods(vm);
  installDictMethods(vm);
  installSetMethods(vm);
  installGeneratorMethods(vm);
  noneType.dict.set('__new__', native('__new__', () => null));
  noneType.dict.set('__repr__', native('__repr__', () => 'None'));
  builtinFunctionType.dict.set('__repr__', native('__repr__', (a) => vm.repr(a[0])));
}

function parseIntStr(vm: VM, v: string, base: number): Py {
  let s = v.trim().replace(/_/g, '').toLowerCase();
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (base === 0) {
    if (s.startsWith('0x')) base = 16;
    else if (s.startsWith('0o')) base = 8;
    else if (s.startsWith('0b')) base = 2;
    else base = 10;
  }
  if ((base === 16 && s.startsWith('0x')) || (base === 8 && s.startsWith('0o')) || (base === 2 && s.startsWith('0b'))) s = s.slice(2);
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  if (s === '' || [...s].some((c) => !digits.includes(c)) || /__/.test(v))
    throw vm.error('ValueError', `invalid literal for int() with base ${base}: ${strRepr(v)}`);
  let n = 0n;
  const B = BigInt(base);
  for (const c of s) n = n * B + BigInt(digits.indexOf(c));
  return normInt(neg ? -n : n);
}

function dictUpdate(vm: VM, d: PyDict, src: Py): void {
  if (src instanceof PyDict) {
    for (const [hk, v] of src.vals) {
      if (!d.vals.has(hk)) d.keys.set(hk, src.keys.get(hk));
      d.vals.set(hk, v);
    }
    return;
  }
  if (src instanceof PyInstance && src.cls.lookup('keys') !== undefined) {
    for (const k of vm.iterate(vm.callMethod(src, 'keys', []))) vm.dictSet(d, k, vm.getItem(src, k));
    return;
  }
  let i = 0;
  for (const item of vm.iterate(src)) {
    let pair: Py[];
    try {
      pair = vm.toArray(item);
    } catch (e) {
      const pe = vm.toPyException(e);
      if (vm.excMatches(pe, 'TypeError')) throw vm.typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
      throw pe;
    }
    if (pair.length !== 2) throw vm.error('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    vm.dictSet(d, pair[0], pair[1]);
    i++;
  }
}

function installStrMethods(vm: VM, selfStr: (a: Py[], n: string) => string): void {
  const t = strType;
  const m = (name: string, f: (s: string, a: Py[], kw: Kw) => Py): void => def(t, name, (a, kw) => f(selfStr(a, name), a.slice(1), kw));
  const strArg = (v: Py, name: string): string => {
    if (typeof v !== 'string') throw vm.typeError(`${name} arg must be None or str`);
    return v;
  };
  m('join', (s, a) => {
    const parts: string[] = [];
    let i = 0;
    for (const x of vm.iterate(a[0])) {
      if (typeof x !== 'string') throw vm.typeError(`sequence item ${i}: expected str instance, ${typeOf(x).name} found`);
      parts.push(x);
      i++;
    }
    const r = parts.join(s);
    vm.checkSize(r.length);
    return r;
  });
  m('split', (s, a, kw) => {
    const sep = a.length > 0 ? a[0] : kw?.get('sep') ?? null;
    const maxsplit = toInt(vm, a.length > 1 ? a[1] : kw?.get('maxsplit') ?? -1);
    if (sep === null) {
      const out: string[] = [];
      let rest = s.replace(/^\s+/, '');
      while (rest.length > 0) {
        if (maxsplit >= 0 && out.length >= maxsplit) {
          out.push(rest);
          break;
        }
        const mm = /\s+/.exec(rest);
        if (mm === null) {
          out.push(rest);
          break;
        }
        out.push(rest.slice(0, mm.index));
        rest = rest.slice(mm.index + mm[0].length);
      }
      return new PyList(out);
    }
    const sp = strArg(sep, 'split');
    if (sp === '') throw vm.error('ValueError', 'empty separator');
    const parts = s.split(sp);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const head = parts.slice(0, maxsplit);
      head.push(parts.slice(maxsplit).join(sp));
      return new PyList(head);
    }
    return new PyList(parts);
  });
  m('rsplit', (s, a, kw) => {
    const sep = a.length > 0 ? a[0] : kw?.get('sep') ?? null;
    const maxsplit = toInt(vm, a.length > 1 ? a[1] : kw?.get('maxsplit') ?? -1);
    if (sep === null) {
      const words = s.trim().split(/\s+/).filter((w) => w !== '');
      if (maxsplit < 0 || words.length <= maxsplit + 1) return new PyList(words);
      const trimmed = s.replace(/\s+$/, '');
      const out: string[] = [];
      let rest = trimmed;
      for (let i = 0; i < maxsplit; i++) {
        const mm = /\s+(\S+)$/.exec(rest);
        if (mm === null) break;
        out.unshift(mm[1]!);
        rest = rest.slice(0, mm.index);
      }
      out.unshift(rest.replace(/^\s+/, ''));
      return new PyList(out);
    }
    const parts = s.split(sep);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const tail = parts.slice(parts.length - maxsplit);
      tail.unshift(parts.slice(0, parts.length - maxsplit).join(sep));
      return new PyList(tail);
    }
    return new PyList(parts);
  });
  m('splitlines', (s, a) => {
    const keep = a.length > 0 && vm.truthy(a[0]);
    const out: string[] = [];
    const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
    let last = 0;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(s)) !== null) {
      out.push(s.slice(last, keep ? mm.index + mm[0].length : mm.index));
      last = mm.index + mm[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return new PyList(out);
  });
  const stripChars = (a: Py[]): string | null => (a.length > 0 && a[0] !== null ? strArg(a[0], 'strip') : null);
  const esc = (c: string): string => c.replace(/[\\\]^-]/g, '\\$&');
  m('strip', (s, a) => {
    const c = stripChars(a);
    if (c === null) return s.replace(/^\s+|\s+$/g, '');
    if (c === '') return s;
    return s.replace(new RegExp(`^[${esc(c)}]+|[${esc(c)}]+$`, 'g'), '');
  });
  m('lstrip', (s, a) => {
    const c = stripChars(a);
    if (c === null) return s.replace(/^\s+/, '');
    if (c === '') return s;
    return s.replace(new RegExp(`^[${esc(c)}]+`), '');
  });
  m('rstrip', (s, a) => {
    const c = stripChars(a);
    if (c === null) return s.replace(/\s+$/, '');
    if (c === '') return s;
    return s.replace(new RegExp(`[${esc(c)}]+$`), '');
  });
  m('upper', (s) => s.toUpperCase());
  m('lower', (s) => s.toLowerCase());
  m('casefold', (s) => s.toLowerCase());
  m('title', (s) => s.replace(/[A-Za-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
  m('capitalize', (s) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1).toLowerCase()));
  m('swapcase', (s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
  const prefixTest = (name: string, test: (s: string, p: string) => boolean) => (s: string, a: Py[]): Py => {
    methodArity(vm, name, [s, ...a], 1, 3);
    let sub = s;
    if (a.length > 1) {
      const [st, en] = sliceIndices(vm, new PySlice(a[1], a[2] ?? null, null), s.length);
      sub = s.slice(st, Math.max(st, en));
    }
    const p = a[0];
    if (p instanceof PyTuple) return p.items.some((x) => test(sub, x));
    if (typeof p !== 'string') throw vm.typeError(`${name} first arg must be str or a tuple of str, not ${typeOf(p).name}`);
    return test(sub, p);
  };
  m('startswith', prefixTest('startswith', (s, p) => s.startsWith(p)));
  m('endswith', prefixTest('endswith', (s, p) => s.endsWith(p)));
  m('replace', (s, a) => {
    const [old, nw] = a;
    if (typeof old !== 'string' || typeof nw !== 'string') throw vm.typeError(`replace() argument 1 must be str, not ${typeOf(typeof old !== 'string' ? old : nw).name}`);
    const count = a.length > 2 ? toInt(vm, a[2]) : -1;
    if (count < 0) {
      const r = old === '' ? nw + [...s].join(nw) + (s.length > 0 ? nw : '') : s.split(old).join(nw);
      vm.checkSize(r.length);
      return r;
    }
    let out = s;
    let idx = 0;
    for (let i = 0; i < count; i++) {
      const j = out.indexOf(old, idx);
      if (j < 0) break;
      out = out.slice(0, j) + nw + out.slice(j + old.length);
      idx = j + nw.length;
    }
    return out;
  });
  const findIn = (s: string, a: Py[], rev: boolean): number => {
    const sub = a[0];
    if (typeof sub !== 'string') throw vm.typeError(`must be str, not ${typeOf(sub).name}`);
    const [st, en] = a.length > 1 ? sliceIndices(vm, new PySlice(a[1], a[2] ?? null, null), s.length) : [0, s.length];
    const hay = s.slice(0, Math.max(st, en));
    const r = rev ? hay.lastIndexOf(sub) : hay.indexOf(sub, st);
    return r >= st ? r : -1;
  };
  m('find', (s, a) => findIn(s, a, false));
  m('rfind', (s, a) => findIn(s, a, true));
  m('index', (s, a) => {
    const r = findIn(s, a, false);
    if (r < 0) throw vm.error('ValueError', 'substring not found');
    return r;
  });
  m('rindex', (s, a) => {
    const r = findIn(s, a, true);
    if (r < 0) throw vm.error('ValueError', 'substring not found');
    return r;
  });
  m('count', (s, a) => {
    const sub = a[0];
    if (typeof sub !== 'string') throw vm.typeError(`must be str, not ${typeOf(sub).name}`);
    if (sub === '') return s.length + 1;
    return s.split(sub).length - 1;
  });
  m('format', (s, a, kw) => strFormat(vm, s, a, kw));
  m('format_map', (s, a) => {
    const kw = new Map<string, Py>();
    const d = a[0] as PyDict;
    for (const [hk, v] of d.vals) kw.set(d.keys.get(hk), v);
    return strFormat(vm, s, [], kw);
  });
  const charTest = (re: RegExp) => (s: string): boolean => s.length > 0 && re.test(s);
  m('isdigit', charTest(/^[0-9]+$/));
  m('isdecimal', charTest(/^[0-9]+$/));
  m('isnumeric', charTest(/^[0-9]+$/));
  m('isalpha', charTest(/^\p{L}+$/u));
  m('isalnum', charTest(/^[\p{L}0-9]+$/u));
  m('isspace', charTest(/^\s+$/));
  m('isupper', (s) => /[A-Z]/.test(s) && s === s.toUpperCase());
  m('islower', (s) => /[a-z]/.test(s) && s === s.toLowerCase());
  m('isidentifier', charTest(/^[A-Za-z_][A-Za-z0-9_]*$/));
  m('istitle', (s) => /[A-Za-z]/.test(s) && s === s.replace(/[A-Za-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
  m('isascii', (s) => /^[\x00-\x7f]*$/.test(s));
  const padFn = (kind: string) => (s: string, a: Py[]): string => {
    const w = toInt(vm, a[0]);
    const fill = a.length > 1 ? a[1] : ' ';
    if (typeof fill !== 'string' || fill.length !== 1) throw vm.typeError('The fill character must be exactly one character long');
    vm.checkSize(w);
    const n = w - s.length;
    if (n <= 0) return s;
    if (kind === 'l') return s + fill.repeat(n);
    if (kind === 'r') return fill.repeat(n) + s;
    const left = Math.floor(n / 2) + (n & w & 1);
    return fill.repeat(left) + s + fill.repeat(n - left);
  };
  m('ljust', padFn('l'));
  m('rjust', padFn('r'));
  m('center', padFn('c'));
  m('zfill', (s, a) => {
    const w = toInt(vm, a[0]);
    if (s.length >= w) return s;
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(w - s.length) + s.slice(sign.length);
  });
  m('partition', (s, a) => {
    const i = s.indexOf(a[0]);
    if (i < 0) return new PyTuple([s, '', '']);
    return new PyTuple([s.slice(0, i), a[0], s.slice(i + a[0].length)]);
  });
  m('rpartition', (s, a) => {
    const i = s.lastIndexOf(a[0]);
    if (i < 0) return new PyTuple(['', '', s]);
    return new PyTuple([s.slice(0, i), a[0], s.slice(i + a[0].length)]);
  });
  m('removeprefix', (s, a) => (s.startsWith(a[0]) ? s.slice(a[0].length) : s));
  m('removesuffix', (s, a) => (a[0] !== '' && s.endsWith(a[0]) ? s.slice(0, -a[0].length) : s));
  m('expandtabs', (s, a) => {
    const size = a.length > 0 ? toInt(vm, a[0]) : 8;
    let out = '';
    let col = 0;
    for (const c of s) {
      if (c === '\t') {
        const n = size > 0 ? size - (col % size) : 0;
        out += ' '.repeat(n);
        col += n;
      } else {
        out += c;
        col = c === '\n' ? 0 : col + 1;
      }
    }
    return out;
  });
  m('encode', () => {
    throw new UnsupportedSignal('str.encode (bytes)', vm.currentLine());
  });
  m('__len__', (s) => len(vm, s));
  m('__contains__', (s, a) => vm.contains(s, a[0]));
  m('__getitem__', (s, a) => getItem(vm, s, a[0]));
  m('__add__', (s, a) => binaryOp(vm, 0, s, a[0], false));
  m('__mul__', (s, a) => binaryOp(vm, 2, s, a[0], false));
  m('__mod__', (s, a) => binaryOp(vm, 5, s, a[0], false));
  m('__eq__', (s, a) => (typeof a[0] === 'string' ? s === a[0] : NOT_IMPLEMENTED));
  m('__lt__', (s, a) => vm.order(0, s, a[0]));
  m('__hash__', (s) => normInt(strHash(s)));
  m('__str__', (s) => s);
  m('__repr__', (s) => strRepr(s));
  m('__format__', (s, a) => formatValue(vm, s, a[0]));
  m('__iter__', (s) => vm.getIter(s));
  strType.dict.set('maketrans', native('maketrans', (a) => {
    const d = new PyDict();
    if (a.length === 1 && a[0] instanceof PyDict) {
      for (const [hk, v] of a[0].vals) {
        const k = a[0].keys.get(hk);
        vm.dictSet(d, typeof k === 'string' ? k.codePointAt(0) : k, v);
      }
      return d;
    }
    const [x, y, z] = a as [string, string, string?];
    for (let i = 0; i < x.length; i++) vm.dictSet(d, x.codePointAt(i), y.codePointAt(i));
    if (z !== undefined) for (const c of z) vm.dictSet(d, c.codePointAt(0), null);
    return d;
  }));
  m('translate', (s, a) => {
    const table = a[0];
    let out = '';
    for (const c of s) {
      const code = c.codePointAt(0)!;
      let r: Py;
      try {
        r = vm.getItem(table, code);
      } catch (e) {
        const pe = vm.toPyException(e);
        if (vm.excMatches(pe, 'LookupError')) {
          out += c;
          continue;
        }
        throw pe;
      }
      if (r === null) continue;
      out += typeof r === 'string' ? r : String.fromCodePoint(toInt(vm, r));
    }
    return out;
  });
}

function installListMethods(vm: VM): void {
  const self = (a: Py[], name: string): PyList => {
    if (!(a[0] instanceof PyList)) throw vm.typeError(`descriptor '${name}' for 'list' objects doesn't apply to a '${typeOf(a[0]).name}' object`);
    return a[0];
  };
  const m = (name: string, f: (l: PyList, a: Py[], kw: Kw) => Py): void => def(listType, name, (a, kw) => f(self(a, name), a.slice(1), kw));
  m('append', (l, a) => {
    if (a.length !== 1) throw vm.typeError(`list.append() takes exactly one argument (${a.length} given)`);
    l.items.push(a[0]);
    if ((l.items.length & 0xffff) === 0) vm.checkSize(l.items.length);
    return null;
  });
  m('extend', (l, a) => {
    const add = vm.toArray(a[0]);
    vm.checkSize(l.items.length + add.length);
    for (const x of add) l.items.push(x);
    return null;
  });
  m('insert', (l, a) => {
    let i = toInt(vm, a[0]);
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    l.items.splice(i, 0, a[1]);
    return null;
  });
  m('pop', (l, a) => {
    if (l.items.length === 0) throw vm.error('IndexError', 'pop from empty list');
    let i = a.length > 0 ? toInt(vm, a[0]) : l.items.length - 1;
    if (i < 0) i += l.items.length;
    if (i < 0 || i >= l.items.length) throw vm.error('IndexError', 'pop index out of range');
    return l.items.splice(i, 1)[0];
  });
  m('remove', (l, a) => {
    const i = l.items.findIndex((x) => vm.eq(x, a[0]));
    if (i < 0) throw vm.error('ValueError', 'list.remove(x): x not in list');
    l.items.splice(i, 1);
    return null;
  });
  m('index', (l, a) => {
    const start = a.length > 1 ? toInt(vm, a[1]) : 0;
    const stop = a.length > 2 ? toInt(vm, a[2]) : l.items.length;
    for (let i = start < 0 ? Math.max(0, start + l.items.length) : start; i < Math.min(stop < 0 ? stop + l.items.length : stop, l.items.length); i++)
      if (vm.eq(l.items[i], a[0])) return i;
    throw vm.error('ValueError', `${vm.repr(a[0])} is not in list`);
  });
  m('count', (l, a) => l.items.filter((x) => vm.eq(x, a[0])).length);
  m('clear', (l) => {
    l.items.length = 0;
    return null;
  });
  m('copy', (l) => new PyList(l.items.slice()));
  m('reverse', (l) => {
    l.items.reverse();
    return null;
  });
  m('sort', (l, a, kw) => {
    if (a.length > 0) throw vm.typeError('sort() takes no positional arguments');
    const key = kw?.get('key') ?? null;
    sortList(vm, l.items, key, vm.truthy(kw?.get('reverse') ?? false));
    return null;
  });
  m('__len__', (l) => l.items.length);
  m('__getitem__', (l, a) => getItem(vm, l, a[0]));
  m('__setitem__', (l, a) => {
    setItem(vm, l, a[0], a[1]);
    return null;
  });
  m('__contains__', (l, a) => vm.contains(l, a[0]));
  m('__iter__', (l) => vm.getIter(l));
  m('__eq__', (l, a) => vm.eq(l, a[0]));
  m('__add__', (l, a) => binaryOp(vm, 0, l, a[0], false));
  m('__iadd__', (l, a) => binaryOp(vm, 0, l, a[0], true));
  m('__repr__', (l) => vm.repr(l));
  const tm = (name: string, f: (t: PyTuple, a: Py[]) => Py): void => def(tupleType, name, (a) => f(a[0] as PyTuple, a.slice(1)));
  tm('index', (t, a) => {
    const i = t.items.findIndex((x) => vm.eq(x, a[0]));
    if (i < 0) throw vm.error('ValueError', 'tuple.index(x): x not in tuple');
    return i;
  });
  tm('count', (t, a) => t.items.filter((x) => vm.eq(x, a[0])).length);
  tm('__len__', (t) => t.items.length);
  tm('__getitem__', (t, a) => getItem(vm, t, a[0]));
  tm('__contains__', (t, a) => vm.contains(t, a[0]));
  tm('__iter__', (t) => vm.getIter(t));
  tm('__repr__', (t) => vm.repr(t));
  tm('__eq__', (t, a) => vm.eq(t, a[0]));
  tm('__hash__', (t) => vm.call(vm.builtins.get('hash'), [t]));
}

function installDictMethods(vm: VM): void {
  const m = (name: string, f: (d: PyDict, a: Py[], kw: Kw) => Py): void => def(dictType, name, (a, kw) => {
    if (!(a[0] instanceof PyDict)) throw vm.typeError(`descriptor '${name}' for 'dict' objects doesn't apply to a '${typeOf(a[0]).name}' object`);
    return f(a[0], a.slice(1), kw);
  });
  m('get', (d, a) => {
    methodArity(vm, 'get', [d, ...a], 1, 2);
    const v = d.vals.get(vm.hash(a[0]));
    return v === undefined ? (a.length > 1 ? a[1] : null) : v;
  });
  m('keys', (d) => new DictView(vm, d, 0));
  m('values', (d) => new DictView(vm, d, 1));
  m('items', (d) => new DictView(vm, d, 2));
  m('pop', (d, a) => {
    const hk = vm.hash(a[0]);
    const v = d.vals.get(hk);
    if (v === undefined) {
      if (a.length > 1) return a[1];
      throw vm.newException(excTypes.get('KeyError')!, [a[0]]);
    }
    d.vals.delete(hk);
    d.keys.delete(hk);
    return v;
  });
  m('popitem', (d) => {
    const last = [...d.vals.keys()].pop();
    if (last === undefined && d.vals.size === 0) throw vm.newException(excTypes.get('KeyError')!, ['popitem(): dictionary is empty']);
    const k = d.keys.get(last);
    const v = d.vals.get(last);
    d.vals.delete(last);
    d.keys.delete(last);
    return new PyTuple([k, v]);
  });
  m('setdefault', (d, a) => {
    const hk = vm.hash(a[0]);
    const v = d.vals.get(hk);
    if (v !== undefined) return v;
    const dv = a.length > 1 ? a[1] : null;
    vm.dictSet(d, a[0], dv);
    return dv;
  });
  m('update', (d, a, kw) => {
    if (a.length > 0) dictUpdate(vm, d, a[0]);
    if (kw !== null) for (const [k, v] of kw) vm.dictSet(d, k, v);
    return null;
  });
  m('clear', (d) => {
    d.vals.clear();
    d.keys.clear();
    return null;
  });
  m('copy', (d) => copyDict(d));
  m('__len__', (d) => d.vals.size);
  m('__getitem__', (d, a) => getItem(vm, d, a[0]));
  m('__setitem__', (d, a) => {
    vm.dictSet(d, a[0], a[1]);
    return null;
  });
  m('__contains__', (d, a) => vm.contains(d, a[0]));
  m('__iter__', (d) => vm.getIter(d));
  m('__repr__', (d) => vm.repr(d));
  dictType.dict.set('fromkeys', new PyClassMethod(native('fromkeys', (a) => {
    const d = new PyDict();
    for (const k of vm.iterate(a[1])) vm.dictSet(d, k, a.length > 2 ? a[2] : null);
    return d;
  })));
}

export class DictView extends PyObject {
  constructor(private vm: VM, public d: PyDict, public mode: 0 | 1 | 2) {
    super();
  }
  get pyType(): PyType {
    return viewTypes[this.mode];
  }
  pyLen(): number {
    return this.d.vals.size;
  }
  pyRepr(vm: VM): string {
    const name = ['dict_keys', 'dict_values', 'dict_items'][this.mode];
    const items = vm.toArray(this);
    return `${name}([${items.map((x) => vm.repr(x)).join(', ')}])`;
  }
  iter(): PyIterator {
    return new DictIterator(this.vm, this.d, this.mode);
  }
}
const viewTypes = [
  new PyType('dict_keys', [objectType]), new PyType('dict_values', [objectType]), new PyType('dict_items', [objectType]),
] as const;
for (const t of viewTypes) {
  t.builtin = true;
  t.layout = 'view';
}

function installSetMethods(vm: VM): void {
  for (const t of [setType, frozensetType]) {
    const m = (name: string, f: (s: PySet, a: Py[]) => Py): void => def(t, name, (a) => f(a[0] as PySet, a.slice(1)));
    const other = (v: Py): PySet => {
      if (v instanceof PySet) return v;
      const s = new PySet(true);
      for (const x of vm.iterate(v)) s.map.set(vm.hash(x), x);
      return s;
    };
    if (t === setType) {
      m('add', (s, a) => {
        s.map.set(vm.hash(a[0]), a[0]);
        return null;
      });
      m('discard', (s, a) => {
        s.map.delete(vm.hash(a[0]));
        return null;
      });
      m('remove', (s, a) => {
        if (!s.map.delete(vm.hash(a[0]))) throw vm.newException(excTypes.get('KeyError')!, [a[0]]);
        return null;
      });
      m('pop', (s) => {
        if (s.map.size === 0) throw vm.newException(excTypes.get('KeyError')!, ['pop from an empty set']);
        return s.map.popEntry()![1];
      });
      m('clear', (s) => {
        s.map.clear();
        return null;
      });
      m('update', (s, a) => {
        for (const o of a) for (const x of vm.iterate(o)) s.map.set(vm.hash(x), x);
        return null;
      });
      m('difference_update', (s, a) => {
        for (const o of a) for (const x of vm.iterate(o)) s.map.delete(vm.hash(x));
        return null;
      });
      m('intersection_update', (s, a) => {
        const o = other(a[0]);
        for (const k of [...s.map.keys()]) if (!o.map.has(k)) s.map.delete(k);
        return null;
      });
    }
    m('union', (s, a) => {
      const out = new PySet(s.frozen);
      out.map.mergeInto(s.map);
      for (const o of a) for (const x of vm.iterate(o)) {
        const k = vm.hash(x);
        if (!out.map.has(k)) out.map.set(k, x);
      }
      return out;
    });
    m('intersection', (s, a) => {
      const out = new PySet(s.frozen);
      const o = other(a[0]);
      for (const [k, v] of s.map) if (o.map.has(k)) out.map.set(k, v);
      return out;
    });
    m('difference', (s, a) => {
      const out = new PySet(s.frozen);
      const os = a.map(other);
      for (const [k, v] of s.map) if (!os.some((o) => o.map.has(k))) out.map.set(k, v);
      return out;
    });
    m('symmetric_difference', (s, a) => binaryOp(vm, 11, s, other(a[0]), false));
    m('issubset', (s, a) => vm.order(1, s, other(a[0])));
    m('issuperset', (s, a) => vm.order(5, s, other(a[0])));
    m('isdisjoint', (s, a) => {
      const o = other(a[0]);
      for (const k of s.map.keys()) if (o.map.has(k)) return false;
      return true;
    });
    m('copy', (s) => {
      if (s.frozen) return s;
      const out = new PySet(false);
      out.map.mergeInto(s.map);
      return out;
    });
    m('__len__', (s) => s.map.size);
    m('__contains__', (s, a) => vm.contains(s, a[0]));
    m('__iter__', (s) => vm.getIter(s));
  }
}

function installGeneratorMethods(vm: VM): void {
  const self = (a: Py[], name: string): PyGenerator => {
    if (!(a[0] instanceof PyGenerator)) throw vm.typeError(`descriptor '${name}' for 'generator' objects doesn't apply to a '${typeOf(a[0]).name}' object`);
    return a[0];
  };
  def(generatorType, 'send', (a) => {
    const g = self(a, 'send');
    if (a.length !== 2) throw vm.typeError(`generator.send() takes exactly one argument (${a.length - 1} given)`);
    return vm.genSend(g, a[1], 'send');
  });
  vm.genSendNative = generatorType.dict.get('send') as PyNative;
  def(generatorType, '__next__', (a) => vm.genSend(self(a, '__next__'), null, 'next'));
  def(generatorType, '__iter__', (a) => self(a, '__iter__'));
  def(generatorType, 'throw', (a) => {
    const g = self(a, 'throw');
    if (a.length < 2 || a.length > 4) throw vm.typeError(`throw expected at least 1 argument, got ${a.length - 1}`);
    let typ = a[1];
    const val = a.length > 2 ? a[2] : null;
    if (a.length > 3 && a[3] !== null) throw vm.typeError('throw() third argument must be a traceback object');
    let exc: PyException;
    if (typ instanceof PyType) {
      if (!typ.isSubtypeOf(baseExceptionType)) throw vm.typeError(`exceptions must be classes or instances deriving from BaseException, not type`);
      if (val instanceof PyException && val.cls.isSubtypeOf(typ)) exc = val;
      else exc = vm.call(typ, val === null ? [] : val instanceof PyTuple ? val.items : [val]);
    } else if (typ instanceof PyException) {
      if (val !== null) throw vm.typeError('instance exception may not have a separate value');
      exc = typ;
      typ = typ.cls;
    } else throw vm.typeError(`exceptions must be classes or instances deriving from BaseException, not ${typeOf(typ).name}`);
    exc.contextSet = true;
    const r = vm.genThrow(g, exc);
    if (r === STOP) throw vm.stopIteration(vm.lastReturn);
    return r;
  });
  def(generatorType, 'close', (a) => vm.genClose(self(a, 'close')));
  // gi_* are read-only data descriptors of the type (so dir() lists them and assignment fails).
  for (const name of ['gi_code', 'gi_frame', 'gi_running', 'gi_suspended', 'gi_yieldfrom']) {
    generatorType.dict.set(name, new PyProperty(native(name, (a) => vm.specialAttr(a[0], name)), null, null));
  }
  void GEN_CLOSED;
}

// ---------------------------------------------------------------------------------------------------
// The in-memory file system behind open()

export const fileType = new PyType('TextIOWrapper', [objectType]);
fileType.builtin = true;
fileType.layout = 'file';
fileType.module = '_io';
export const stringIOType = new PyType('StringIO', [objectType]);
stringIOType.builtin = true;
stringIOType.layout = 'file';
stringIOType.module = '_io';

function openFile(vm: VM, args: Py[], kw: Kw): Py {
  const path = args[0] ?? kw?.get('file');
  const mode = (args[1] ?? kw?.get('mode') ?? 'r') as string;
  if (typeof path !== 'string') throw new UnsupportedSignal('open() of a non-path', vm.currentLine());
  if (mode.includes('b')) throw new UnsupportedSignal('binary files', vm.currentLine());
  let content = '';
  if (mode.includes('r')) {
    const c = vm.files.get(path);
    if (c === undefined) {
      const e = vm.newException(excTypes.get('FileNotFoundError')!, [2, 'No such file or directory']);
      e.dict.set('filename', path);
      e.args = [2, 'No such file or directory'];
      (e as PyException & { strOverride?: string }).strOverride = `[Errno 2] No such file or directory: ${strRepr(path)}`;
      throw e;
    }
    content = c;
  } else if (mode.includes('a')) content = vm.files.get(path) ?? '';
  else if (mode.includes('x') && vm.files.has(path)) throw vm.newException(excTypes.get('FileExistsError')!, [17, 'File exists']);
  const f = new StringIOObj(fileType, content, path, mode);
  if (mode.includes('a')) f.pos = content.length;
  if (mode.includes('w') || mode.includes('x')) vm.files.set(path, '');
  return f;
}

export function installFileMethods(vm: VM): void {
  for (const t of [fileType, stringIOType]) {
    const m = (name: string, f: (s: StringIOObj, a: Py[]) => Py): void => def(t, name, (a) => {
      const s = a[0] as StringIOObj;
      if (s.closed && name !== 'close' && name !== '__exit__')
        throw vm.error('ValueError', s.path === null ? 'I/O operation on closed file' : 'I/O operation on closed file.');
      return f(s, a.slice(1));
    });
    const sync = (s: StringIOObj): void => {
      if (s.path !== null) vm.files.set(s.path, s.buf);
    };
    m('read', (s, a) => {
      const n = a.length > 0 && a[0] !== null ? toInt(vm, a[0]) : -1;
      const r = n < 0 ? s.buf.slice(s.pos) : s.buf.slice(s.pos, s.pos + n);
      s.pos += r.length;
      return r;
    });
    m('readline', (s) => {
      const i = s.buf.indexOf('\n', s.pos);
      const end = i < 0 ? s.buf.length : i + 1;
      const r = s.buf.slice(s.pos, end);
      s.pos = end;
      return r;
    });
    m('readlines', (s) => {
      const out: string[] = [];
      while (s.pos < s.buf.length) {
        const i = s.buf.indexOf('\n', s.pos);
        const end = i < 0 ? s.buf.length : i + 1;
        out.push(s.buf.slice(s.pos, end));
        s.pos = end;
      }
      return new PyList(out);
    });
    m('write', (s, a) => {
      const text = a[0];
      if (typeof text !== 'string') throw vm.typeError(`write() argument must be str, not ${typeOf(text).name}`);
      if (s.path !== null && s.mode === 'r') throw vm.newException(excTypes.get('OSError')!, ['not writable']);
      s.buf = s.buf.slice(0, s.pos) + text + s.buf.slice(s.pos + text.length);
      s.pos += text.length;
      vm.checkSize(s.buf.length);
      sync(s);
      return text.length;
    });
    m('writelines', (s, a) => {
      for (const x of vm.iterate(a[0])) vm.callMethod(s, 'write', [x]);
      return null;
    });
    m('getvalue', (s) => s.buf);
    m('seek', (s, a) => {
      s.pos = toInt(vm, a[0]);
      return s.pos;
    });
    m('tell', (s) => s.pos);
    m('truncate', (s, a) => {
      const n = a.length > 0 && a[0] !== null ? toInt(vm, a[0]) : s.pos;
      s.buf = s.buf.slice(0, n);
      sync(s);
      return n;
    });
    m('flush', () => null);
    m('close', (s) => {
      s.closed = true;
      return null;
    });
    m('readable', (s) => s.path === null || s.mode.includes('r') || s.mode.includes('+'));
    m('writable', (s) => s.path === null || !s.mode.includes('r') || s.mode.includes('+'));
    m('__enter__', (s) => s);
    m('__exit__', (s) => {
      s.closed = true;
      return false;
    });
    m('__iter__', (s) => s);
    m('__next__', (s) => {
      if (s.pos >= s.buf.length) throw vm.error('StopIteration');
      const i = s.buf.indexOf('\n', s.pos);
      const end = i < 0 ? s.buf.length : i + 1;
      const r = s.buf.slice(s.pos, end);
      s.pos = end;
      return r;
    });
    t.dict.set('closed', new PyProperty(native('closed', (a) => (a[0] as StringIOObj).closed), null, null));
    t.dict.set('name', new PyProperty(native('name', (a) => (a[0] as StringIOObj).path), null, null));
  }
  stringIOType.dict.set('__new__', native('__new__', (a, kw) => new StringIOObj(stringIOType, (a[1] ?? kw?.get('initial_value') ?? '') as string)));
}

export { typeOf, strRepr };
