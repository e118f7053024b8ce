// tuple: concatenation, repetition and subscripts, the tuple() constructor, the methods of tuple, and
// CPython's xxHash-based tuple hash.

import { def, native } from '../args.js';
import { isIntLike, NOT_IMPLEMENTED, tupleType, UnsupportedSignal, type VM } from '../interp.js';
import { EMPTY_TUPLE, PySlice, PyTuple, PyType, normInt, type Py } from '../values.js';
import { indexOf, repeatCount, sequenceIndex } from './sequence.js';
import { sliceArray } from './slice.js';
import { arityCheck } from './method-arity.js';

/** `a op b` with a tuple on the left, or NotImplemented. */
export function tupleBinary(vm: VM, op: string, a: PyTuple, b: Py): Py {
  if (op === '+' && b instanceof PyTuple) return new PyTuple(a.items.concat(b.items));
  if (op === '*' && isIntLike(b)) {
    const k = repeatCount(vm, b, a.items.length);
    const out: Py[] = [];
    for (let i = 0; i < k; i++) for (const x of a.items) out.push(x);
    return new PyTuple(out);
  }
  return NOT_IMPLEMENTED;
}

export function tupleSubscript(vm: VM, o: PyTuple, k: Py): Py {
  if (k instanceof PySlice) return new PyTuple(sliceArray(vm, o.items, k));
  const i = indexOf(vm, k, o.items.length, 'tuple');
  if (i < 0 || i >= o.items.length) throw vm.error('IndexError', 'tuple index out of range');
  return o.items[i];
}

/** hash() of a tuple: CPython's tuplehash (xxHash lanes in 64-bit unsigned arithmetic). */
export function tupleHash(vm: VM, v: PyTuple): Py {
  const M = (1n << 64n) - 1n;
  const P1 = 11400714785074694791n;
  const P2 = 14029467366897019727n;
  const P5 = 2870177450012600261n;
  let acc = P5;
  for (const item of v.items) {
    const lane = BigInt.asUintN(64, BigInt(item instanceof PyTuple ? tupleHash(vm, item) : vm.call(vm.builtins.get('hash'), [item])));
    acc = (acc + lane * P2) & M;
    acc = ((acc << 31n) | (acc >> 33n)) & M;
    acc = (acc * P1) & M;
  }
  acc = (acc + (BigInt(v.items.length) ^ (P5 ^ 3527539n))) & M;
  if (acc === M) return 1546275796;
  return normInt(BigInt.asIntN(64, acc));
}

export function installTupleType(vm: VM): void {
  tupleType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('tuple() takes no keyword arguments');
    if ((a[0] as PyType) !== tupleType) throw new UnsupportedSignal('subclassing tuple', vm.currentLine());
    // tuple(t) is t itself only for an exact tuple (a namedtuple instance gives a plain tuple).
    if (a.length > 1 && a[1] instanceof PyTuple && a[1].constructor === PyTuple) return a[1];
    return a.length > 1 ? new PyTuple(vm.toArray(a[1])) : EMPTY_TUPLE;
  }));
  const tm = (name: string, f: (t: PyTuple, a: Py[]) => Py): void => {
    const checkArity = arityCheck('tuple', name);
    def(tupleType, name, (a) => {
      if (checkArity !== null) checkArity(vm, a.length - 1);
      return f(a[0] as PyTuple, a.slice(1));
    });
  };
  tm('index', (t, a) => {
    const i = sequenceIndex(vm, t.items, a);
    if (i < 0) throw vm.error('ValueError', 'tuple.index(x): x not in tuple');
    return i;
  });
  tm('count', (t, a) => t.items.filter((x) => vm.eq(x, a[0])).length);
  tm('__len__', (t) => t.items.length);
  tm('__getitem__', (t, a) => vm.getItem(t, a[0]));
  tm('__contains__', (t, a) => vm.contains(t, a[0]));
  tm('__iter__', (t) => vm.getIter(t));
  tm('__repr__', (t) => vm.repr(t));
  tm('__eq__', (t, a) => (a[0] instanceof PyTuple ? vm.eq(t, a[0]) : NOT_IMPLEMENTED));
  tm('__hash__', (t) => vm.call(vm.builtins.get('hash'), [t]));
}
