// list: concatenation and repetition (in place for `+=`/`*=`), subscripts, slice assignment and deletion,
// the list() constructor, every method of list, and the stable sort behind list.sort and sorted().

import { def, native, arity, toInt, type Kw } from '../args.js';
import { compareStr } from '../unicode.js';
import { isIntLike, LimitSignal, ListIterator, listType, NOT_IMPLEMENTED, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyFloat, PyList, PyListSub, PySlice, PyTuple, PyType, type Py } from '../values.js';
import { indexOf, repeatCount, sequenceIndex } from './sequence.js';
import { sliceArray, sliceIndices } from './slice.js';
import { arityCheck } from './method-arity.js';

/** `a op b` with a list on the left, or NotImplemented. */
export function listBinary(vm: VM, op: string, a: PyList, b: Py, inplace: boolean): Py {
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

export function listSubscript(vm: VM, o: PyList, k: Py): Py {
  if (k instanceof PySlice) return new PyList(sliceArray(vm, o.items, k));
  const i = indexOf(vm, k, o.items.length, 'list');
  if (i < 0 || i >= o.items.length) throw vm.error('IndexError', 'list index out of range');
  return o.items[i];
}

/** PySequence_Fast: the items of an iterable, with `message` as the TypeError of a value that is not one. */
function sequenceFast(vm: VM, v: Py, message: string): Py[] {
  let iterator: Py;
  try {
    iterator = vm.getIter(v);
  } catch (error) {
    const exception = vm.toPyException(error);
    if (vm.excMatches(exception, 'TypeError')) throw vm.typeError(message);
    throw exception;
  }
  return vm.toArray(iterator);
}

export function listAssignSubscript(vm: VM, o: PyList, k: Py, v: Py): void {
  if (k instanceof PySlice) {
    const [start, stop, step] = sliceIndices(vm, k, o.items.length);
    const vals = sequenceFast(vm, v, 'must assign iterable to extended slice');
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

export function listDeleteSubscript(vm: VM, o: PyList, k: Py): void {
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

function holdsNaN(v: Py): boolean {
  if (v instanceof PyFloat) return Number.isNaN(v.v);
  if (v instanceof PyTuple || v instanceof PyList) return v.items.some(holdsNaN);
  return false;
}

export function sortList(vm: VM, items: Py[], key: Py, reverse: boolean): void {
  const keys = key === null || key === undefined ? items.slice() : items.map((x) => vm.call(key, [x]));
  const idx = items.map((_, i) => i);
  const lt = (a: Py, b: Py): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    if (typeof a === 'string' && typeof b === 'string') return compareStr(a, b) < 0;
    return vm.truthy(vm.order(0, a, b));
  };
  // Stable merge sort: reverse keeps stability like CPython's (reverse, sort, reverse).
  if (reverse) idx.reverse();
  // CPython's first comparison is always the second item against the first (count_run); after it, a merge sort
  // compares other pairs than timsort. So an exception from any later comparison is refused, not reported
  // with a pair CPython may never have compared.
  // A NaN makes the order inconsistent: the result then depends on exactly which pairs are compared.
  if (keys.some(holdsNaN)) throw new UnsupportedSignal("sorting NaN (the result follows CPython's timsort comparisons)", vm.currentLine());
  if (idx.length >= 2) lt(keys[idx[1]!], keys[idx[0]!]);
  const sorted = mergeSort(idx, (later, earlier) => {
    try {
      return lt(keys[later], keys[earlier]);
    } catch (error) {
      if (error instanceof UnsupportedSignal || error instanceof LimitSignal) throw error;
      throw new UnsupportedSignal("an exception from a comparison inside sort() after its first (CPython's timsort compares other pairs)", vm.currentLine());
    }
  });
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


export function installListType(vm: VM): void {
  listType.dict.set('__new__', native('__new__', (a, kw) => {
    const cls = a[0] as PyType;
    // list's tp_new for a subclass: an empty list (list.__init__ fills it); arguments are left to __init__.
    if (cls instanceof PyType && cls !== listType && !cls.builtin && cls.isSubtypeOf(listType)) return new PyListSub(cls);
    if (cls !== listType) throw new UnsupportedSignal('subclassing list', vm.currentLine());
    if (kw !== null && kw.size > 0) throw vm.typeError('list() takes no keyword arguments');
    arity(vm, 'list', a.slice(1), 0, 1);
    return new PyList(a.length > 1 ? vm.toArray(a[1]) : []);
  }));
  installListMethods(vm);
}

function installListMethods(vm: VM): void {
  const self = (a: Py[], name: string): PyList => {
    if (!(a[0] instanceof PyList)) throw vm.typeError(`descriptor '${name}' for 'list' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    return a[0];
  };
  // METH_NOARGS and METH_O methods check their argument count themselves (list.count() takes exactly one argument).
  const fixedArity: Record<string, number> = { count: 1, remove: 1, clear: 0, copy: 0, reverse: 0, __contains__: 1 };
  const m = (name: string, f: (l: PyList, a: Py[], kw: Kw) => Py): void => {
    const checkArity = arityCheck('list', name);
    defList(name, checkArity, f);
  };
  const defList = (name: string, checkArity: ReturnType<typeof arityCheck>, f: (l: PyList, a: Py[], kw: Kw) => Py): void => def(listType, name, (a, kw) => {
    if (checkArity !== null) checkArity(vm, a.length - 1);
    const count = fixedArity[name];
    if (count !== undefined && a.length - 1 !== count) {
      throw vm.typeError(count === 0 ? `list.${name}() takes no arguments (${a.length - 1} given)` : `list.${name}() takes exactly one argument (${a.length - 1} given)`);
    }
    return f(self(a, name), a.slice(1), kw);
  });
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
    const i = sequenceIndex(vm, l.items, a);
    if (i < 0) throw vm.error('ValueError', `${vm.repr(a[0])} is not in list`);
    return i;
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
  // The slots themselves work on the storage (a subclass's override calling super().__getitem__ lands here).
  m('__getitem__', (l, a) => listSubscript(vm, l, a[0]));
  m('__setitem__', (l, a) => {
    listAssignSubscript(vm, l, a[0], a[1]);
    return null;
  });
  m('__delitem__', (l, a) => {
    arity(vm, '__delitem__', a, 1, 1);
    listDeleteSubscript(vm, l, a[0]);
    return null;
  });
  m('__init__', (l, a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('list() takes no keyword arguments');
    if (a.length > 1) throw vm.typeError(`list expected at most 1 argument, got ${a.length}`);
    const items = a.length > 0 ? vm.toArray(a[0]) : [];
    l.items.length = 0;
    for (const x of items) l.items.push(x);
    return null;
  });
  m('__contains__', (l, a) => l.items.some((x) => x === a[0] || vm.eq(x, a[0])));
  m('__iter__', (l) => new ListIterator(l.items, 'list_iterator'));
  m('__eq__', (l, a) => (a[0] instanceof PyList ? vm.seqEq(l.items, a[0].items) : NOT_IMPLEMENTED));
  m('__ne__', (l, a) => (a[0] instanceof PyList ? !vm.seqEq(l.items, a[0].items) : NOT_IMPLEMENTED));
  m('__add__', (l, a) => listBinary(vm, '+', l, a[0], false));
  m('__iadd__', (l, a) => listBinary(vm, '+', l, a[0], true));
  m('__repr__', (l) => vm.repr(l, true));
}
