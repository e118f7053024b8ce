// The abstract object protocol, as CPython's Objects/abstract.c: binary operators (the dunder protocol
// for instances, then each built-in type's own operator), subscripts, item assignment and deletion,
// and len(). It dispatches to the type files and holds no type's behaviour itself.

import { isUnionOperand, makeUnion, subscriptClass } from './genericalias.js';
import { dispatchesDunders, subOverride, PyFunction, isIntLike, isNumeric, NOT_IMPLEMENTED, toNumber, typeOf, type VM } from '../interp.js';
import { BIN_OPS } from '../opcodes.js';
import { percentFormat } from '../format.js';
import { PyBoundMethod, PyClassMethod, PyDict, PyDictSub, PyInstance, PyList, PyListSub, PyObject, PyRange, PySet, PyTuple, PyType, PyWeakRef, type Py } from '../values.js';
import { DictView, dictBinary, dictDeleteSubscript, dictSubscript, dictUpdate, dictViewBinary } from './dict.js';
import { floatArith } from './float.js';
import { intArith } from './int.js';
import { listAssignSubscript, listBinary, listDeleteSubscript, listSubscript } from './list.js';
import { rangeSubscript } from './range.js';
import { setAlgebra } from './set.js';
import { strBinary, strLength, strSubscript } from './str.js';
import { tupleBinary, tupleSubscript } from './tuple.js';

const DUNDER: Record<string, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'], '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'], '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'], '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'], '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'], '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'], '^': ['__xor__', '__rxor__', '__ixor__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
};

export function binaryOp(vm: VM, opIndex: number, a: Py, b: Py, inplace: boolean): Py {
  // A weakref.proxy takes part as its object (proxy_add and the others unwrap both operands).
  if ((a instanceof PyWeakRef && a.isProxy) || (b instanceof PyWeakRef && b.isProxy)) return binaryOp(vm, opIndex, vm.unproxy(a), vm.unproxy(b), inplace);
  const op = BIN_OPS[opIndex]!;
  // `int | None`: type.__or__ makes a types.UnionType.
  if (op === '|' && isUnionOperand(a) && isUnionOperand(b) && (a !== null || b !== null)) return makeUnion(vm, a, b);
  // str % x formats unless x's type is a subclass of str with its own __rmod__ (binary_op1 tries that first);
  // any other class's __rmod__ (UserString's) is only asked when str's own fails, and str's does not.
  if (typeof a === 'string' && op === '%' && !(b instanceof PyInstance && b.cls.isSubtypeOf(typeOf(a)) && b.cls.lookup('__rmod__') !== undefined))
    return percentFormat(vm, a, b);
  if (dispatchesDunders(a) || dispatchesDunders(b)) {
    const [name, rname, iname] = DUNDER[op]!;
    if (inplace && dispatchesDunders(a)) {
      const m = typeOf(a).lookup(iname);
      if (m !== undefined) {
        const r = vm.call(vm.bindMethod(m, a), [b]);
        if (r !== NOT_IMPLEMENTED) return r;
      }
    }
    const r = vm.richCompare(a, b, name, rname);
    if (r !== NOT_IMPLEMENTED) return r;
    if (!(a instanceof PyInstance) && !(b instanceof PyInstance)) {
      // A native dict or tuple whose Python dunders do not handle the operator: the builtin type's own.
      const rb = builtinBinary(vm, op, a, b, inplace);
      if (rb !== NOT_IMPLEMENTED) return rb;
    }
  } else {
    const r = builtinBinary(vm, op, a, b, inplace);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (op === '+' && typeof a === 'string') throw vm.typeError(`can only concatenate str (not "${typeOf(b).tpName}") to str`);
  if (op === '+' && (a instanceof PyList || a instanceof PyTuple))
    throw vm.typeError(`can only concatenate ${a instanceof PyList ? 'list' : 'tuple'} (not "${typeOf(b).tpName}") to ${a instanceof PyList ? 'list' : 'tuple'}`);
  const isSeq = (v: Py): boolean => typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;
  if (op === '*' && (isSeq(a) || isSeq(b)))
    throw vm.typeError(`can't multiply sequence by non-int of type '${typeOf(isSeq(a) ? b : a).tpName}'`);
  if (op === '**') throw vm.typeError(`unsupported operand type(s) for ** or pow(): '${typeOf(a).tpName}' and '${typeOf(b).tpName}'`);
  throw vm.typeError(`unsupported operand type(s) for ${op}${inplace ? '=' : ''}: '${typeOf(a).tpName}' and '${typeOf(b).tpName}'`);
}

type BinaryCapable = { pyBinary?: (vm: VM, op: string, other: Py, inplace: boolean) => Py | undefined };

function builtinBinary(vm: VM, op: string, a: Py, b: Py, inplace: boolean): Py {
  // bool's own &, |, ^ (bool_and/bool_or/bool_xor): two bools give a bool.
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    if (op === '^') return a !== b;
  }
  // Types of their own file (bytes): `a + b`, `a * n`, and `n * a`.
  const own = (a as BinaryCapable | null)?.pyBinary;
  if (typeof own === 'function') {
    const r = own.call(a, vm, op, b, inplace);
    if (r !== undefined) return r;
  }
  const reflected = (b as BinaryCapable | null)?.pyBinary;
  if (op === '*' && isIntLike(a) && typeof reflected === 'function') {
    const r = reflected.call(b, vm, op, a, false);
    if (r !== undefined) return r;
  }
  if (isIntLike(a) && isIntLike(b)) return intArith(vm, op, a, b);
  if (a instanceof DictView || b instanceof DictView) {
    const r = dictViewBinary(vm, op, a, b);
    if (r !== NOT_IMPLEMENTED) return r;
  }
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNumber(a);
    const y = toNumber(b);
    // An int beyond the float range cannot take part in float arithmetic.
    if ((!Number.isFinite(x) && isIntLike(a)) || (!Number.isFinite(y) && isIntLike(b))) throw vm.error('OverflowError', 'int too large to convert to float');
    return floatArith(vm, op, x, y);
  }
  if (typeof a === 'string') return strBinary(vm, op, a, b);
  if (op === '*' && typeof b === 'string' && isIntLike(a)) return strBinary(vm, op, b, a);
  if (a instanceof PyList) return listBinary(vm, op, a, b, inplace);
  // `n * seq` repeats the sequence on the right, as sq_repeat does.
  if (isIntLike(a) && op === '*') {
    if (b instanceof PyList) return listBinary(vm, op, b, a, false);
    if (b instanceof PyTuple) return tupleBinary(vm, op, b, a);
  }
  if (a instanceof PyTuple) return tupleBinary(vm, op, a, b);
  if (a instanceof PySet && b instanceof PySet) return setAlgebra(vm, op, a, b, inplace);
  if (a instanceof PyDict && b instanceof PyDict) return dictBinary(vm, op, a, b, inplace);
  // dict_ior: `d |= x` is d.update(x), so any mapping or iterable of pairs (`d | x` wants a dict).
  if (a instanceof PyDict && op === '|' && inplace) {
    dictUpdate(vm, a, b);
    return a;
  }
  return NOT_IMPLEMENTED;
}

export function getItem(vm: VM, o: Py, k: Py): Py {
  if (o instanceof PyWeakRef && o.isProxy) return getItem(vm, vm.unproxy(o), k);
  if ((o instanceof PyListSub || o instanceof PyDictSub) && subOverride(o, '__getitem__') !== undefined) return vm.callSpecial(o, '__getitem__', [k]);
  if (o instanceof PyList) return listSubscript(vm, o, k);
  if (o instanceof PyTuple) return tupleSubscript(vm, o, k);
  if (o instanceof PyDict) return dictSubscript(vm, o, k);
  if (typeof o === 'string') return strSubscript(vm, o, k);
  if (o instanceof PyRange) return rangeSubscript(vm, o, k);
  if (o instanceof PyInstance) {
    const r = vm.callSpecial(o, '__getitem__', [k]);
    if (r !== undefined || typeOf(o).lookup('__getitem__') !== undefined) return r;
  }
  if (o instanceof PyType) {
    // The metaclass's __getitem__ (mp_subscript of the metatype) comes before __class_getitem__, as in PyObject_GetItem.
    if (o.metaclass !== undefined && o.metaclass.lookup('__getitem__') instanceof PyFunction) return vm.callSpecial(o, '__getitem__', [k])!;
    const cg = o.lookup('__class_getitem__');
    if (cg !== undefined) return vm.call(cg instanceof PyClassMethod ? new PyBoundMethod(o, cg.func) : cg, [k]);
    return subscriptClass(vm, o, k);
  }
  if (o instanceof PyObject) {
    const gi = (o as { pyGetItem?: (vm: VM, k: Py) => Py }).pyGetItem;
    if (typeof gi === 'function') return gi.call(o, vm, k);
  }
  throw vm.typeError(`'${typeOf(o).tpName}' object is not subscriptable`);
}

export function setItem(vm: VM, o: Py, k: Py, v: Py): void {
  if (o instanceof PyWeakRef && o.isProxy) return setItem(vm, vm.unproxy(o), k, v);
  if ((o instanceof PyListSub || o instanceof PyDictSub) && subOverride(o, '__setitem__') !== undefined) {
    vm.callSpecial(o, '__setitem__', [k, v]);
    return;
  }
  if (o instanceof PyList) {
    listAssignSubscript(vm, o, k, v);
    return;
  }
  if (o instanceof PyInstance) {
    if (vm.callSpecial(o, '__setitem__', [k, v]) !== undefined || typeOf(o).lookup('__setitem__') !== undefined) return;
  }
  const own = (o as { pySetItem?: (vm: VM, k: Py, v: Py) => void } | null)?.pySetItem;
  if (typeof own === 'function') {
    own.call(o, vm, k, v);
    return;
  }
  throw vm.typeError(`'${typeOf(o).tpName}' object does not support item assignment`);
}

export function delItem(vm: VM, o: Py, k: Py): void {
  if (o instanceof PyWeakRef && o.isProxy) return delItem(vm, vm.unproxy(o), k);
  if ((o instanceof PyListSub || o instanceof PyDictSub) && subOverride(o, '__delitem__') !== undefined) {
    vm.callSpecial(o, '__delitem__', [k]);
    return;
  }
  if (o instanceof PyList) {
    listDeleteSubscript(vm, o, k);
    return;
  }
  if (o instanceof PyDict) {
    dictDeleteSubscript(vm, o, k);
    return;
  }
  if (o instanceof PyInstance) {
    if (vm.callSpecial(o, '__delitem__', [k]) !== undefined || typeOf(o).lookup('__delitem__') !== undefined) return;
  }
  const own = (o as { pyDelItem?: (vm: VM, k: Py) => void } | null)?.pyDelItem;
  if (typeof own === 'function') {
    own.call(o, vm, k);
    return;
  }
  throw vm.typeError(`'${typeOf(o).tpName}' object doesn't support item deletion`);
}

/** slot_sq_length's checks of what a __len__ returned. */
function checkedLength(vm: VM, r: Py): number {
  if (!isIntLike(r)) throw vm.typeError(`'${typeOf(r).tpName}' object cannot be interpreted as an integer`);
  // slot_sq_length: a negative length first, then one beyond a C ssize_t (PyNumber_AsSsize_t).
  if (Number(r) < 0) throw vm.error('ValueError', '__len__() should return >= 0');
  if (typeof r === 'bigint' && r > 9223372036854775807n) throw vm.error('OverflowError', "cannot fit 'int' into an index-sized integer");
  return Number(r);
}

export function len(vm: VM, v: Py): number {
  if (v instanceof PyWeakRef && v.isProxy) return len(vm, vm.unproxy(v));
  if (typeof v === 'string') return strLength(v);
  if ((v instanceof PyListSub || v instanceof PyDictSub) && subOverride(v, '__len__') !== undefined) return checkedLength(vm, vm.callSpecial(v, '__len__', []));
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.vals.size;
  if (v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyInstance || (v instanceof PyType && v.metaclass !== undefined)) {
    const r = vm.callSpecial(v, '__len__', []);
    if (r !== undefined) return checkedLength(vm, r);
  }
  const pl = (v as { pyLen?: () => number } | null)?.pyLen;
  if (typeof pl === 'function') return pl.call(v);
  throw vm.typeError(`object of type '${typeOf(v).tpName}' has no len()`);
}
