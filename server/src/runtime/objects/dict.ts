// dict: merge (`|`, `|=`), subscripts (with `__missing__` for subclasses such as defaultdict), deletion,
// the dict() constructor and update(), every method of dict, and the keys/values/items views.

import { def, methodArity, native, type Kw } from '../args.js';
import { DictIterator, dictType, excTypes, NOT_IMPLEMENTED, objectType, setType, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyClassMethod, PyDict, PyInstance, PyIterator, PyObject, PyProperty, PySet, PyTuple, PyType, type Py } from '../values.js';

/** `a | b` (and `a |= b`) of two dicts, or NotImplemented. */
export function dictBinary(op: string, a: PyDict, b: PyDict, inplace: boolean): Py {
  if (op !== '|') return NOT_IMPLEMENTED;
  const out = inplace ? a : copyDict(a);
  for (const [hk, v] of b.vals) {
    if (!out.vals.has(hk)) out.keys.set(hk, b.keys.get(hk));
    out.vals.set(hk, v);
  }
  return out;
}

export function copyDict(d: PyDict): PyDict {
  const out = new PyDict();
  for (const [hk, v] of d.vals) {
    out.keys.set(hk, d.keys.get(hk));
    out.vals.set(hk, v);
  }
  return out;
}

export function dictSubscript(vm: VM, o: PyDict, k: Py): Py {
  const v = o.vals.get(vm.hash(k));
  if (v === undefined) {
    // A dict subclass that defines __missing__ (collections.defaultdict) supplies the value, as dict_subscript does.
    const missing = (o as { pyMissing?: (vm: VM, k: Py) => Py | undefined }).pyMissing;
    if (missing !== undefined) {
      const r = missing.call(o, vm, k);
      if (r !== undefined) return r;
    }
    throw vm.newException(excTypes.get('KeyError')!, [k]);
  }
  return v;
}

export function dictDeleteSubscript(vm: VM, o: PyDict, k: Py): void {
  const hk = vm.hash(k);
  if (!o.vals.has(hk)) throw vm.newException(excTypes.get('KeyError')!, [k]);
  o.vals.delete(hk);
  o.keys.delete(hk);
  return;
}

export function dictUpdate(vm: VM, d: PyDict, src: Py): void {
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

export function installDictType(vm: VM): void {
  dictType.dict.set('__new__', native('__new__', (a, kw) => {
    if ((a[0] as PyType) !== dictType) throw new UnsupportedSignal('subclassing dict', vm.currentLine());
    const d = new PyDict();
    if (a.length > 1) dictUpdate(vm, d, a[1]);
    if (kw !== null) for (const [k, v] of kw) vm.dictSet(d, k, v);
    return d;
  }));
  installDictMethods(vm);
}

/** dict methods with a fixed number of arguments (METH_NOARGS: 0, METH_O: 1). */
const FIXED_ARITY: Record<string, number> = { keys: 0, values: 0, items: 0, clear: 0, copy: 0, popitem: 0, __contains__: 1, __len__: 0, __iter__: 0 };

function installDictMethods(vm: VM): void {
  const m = (name: string, f: (d: PyDict, a: Py[], kw: Kw) => Py): void => def(dictType, name, (a, kw) => {
    if (!(a[0] instanceof PyDict)) throw vm.typeError(`descriptor '${name}' for 'dict' objects doesn't apply to a '${typeOf(a[0]).name}' object`);
    // METH_NOARGS and METH_O methods check their argument count themselves (dict.clear() takes no arguments).
    const count = FIXED_ARITY[name];
    if (count !== undefined && a.length - 1 !== count) {
      throw vm.typeError(count === 0 ? `dict.${name}() takes no arguments (${a.length - 1} given)` : `dict.${name}() takes exactly one argument (${a.length - 1} given)`);
    }
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
  m('__getitem__', (d, a) => vm.getItem(d, a[0]));
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

/** `item in view`: a key lookup (keys), a key lookup and an == of the value (items), a scan (values). */
export function dictViewContains(vm: VM, view: DictView, item: Py): boolean {
  const d = view.d;
  if (view.mode === 0) return d.vals.has(vm.hash(item));
  if (view.mode === 2) {
    if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
    const hk = vm.hash(item.items[0]);
    if (!d.vals.has(hk)) return false;
    const value = d.vals.get(hk);
    return value === item.items[1] || vm.eq(value, item.items[1]);
  }
  for (const value of d.vals.values()) if (value === item || vm.eq(value, item)) return true;
  return false;
}

/**
 * The set operators of keys and items views (dictviews_sub/and/or/xor): a set of the left operand's members,
 * then the set method with the other operand, any iterable. Values views have none. NotImplemented otherwise.
 */
export function dictViewBinary(vm: VM, op: string, a: Py, b: Py): Py {
  const setLike = (v: Py): boolean => v instanceof DictView && v.mode !== 1;
  if (!['-', '&', '|', '^'].includes(op) || (!setLike(a) && !setLike(b))) return NOT_IMPLEMENTED;
  // The view's side must be a keys or items view; the other side any iterable (b - view iterates b).
  const left = vm.call(setType, [a]) as PySet;
  const method = { '-': 'difference_update', '&': 'intersection_update', '|': 'update', '^': 'symmetric_difference_update' }[op]!;
  const bound = vm.getAttr(left, method);
  vm.call(bound, [b]);
  return left;
}

/** dictview_richcompare's ==: a keys or items view equals a set or view of the same members; undefined if neither is one. */
export function dictViewEq(vm: VM, a: Py, b: Py): boolean | undefined {
  const setLike = (v: Py): boolean => (v instanceof DictView && v.mode !== 1) || v instanceof PySet;
  if (!((a instanceof DictView && a.mode !== 1) || (b instanceof DictView && b.mode !== 1))) return undefined;
  if (!setLike(a) || !setLike(b)) return false;
  const size = (v: Py): number => (v instanceof DictView ? v.pyLen() : (v as PySet).map.size);
  if (size(a) !== size(b)) return false;
  for (const x of vm.iterate(a)) if (!vm.contains(b, x)) return false;
  return true;
}

export function installDictViewMethods(vm: VM): void {
  for (const t of [viewTypes[0], viewTypes[2]]) {
    def(t, 'isdisjoint', (a) => {
      const view = a[0] as DictView;
      for (const x of vm.iterate(a[1])) if (dictViewContains(vm, view, x)) return false;
      return true;
    });
  }
  for (const t of viewTypes) {
    t.dict.set('mapping', new PyProperty(native('mapping', () => {
      throw new UnsupportedSignal('dict view .mapping (a mappingproxy)', vm.currentLine());
    }), null, null));
  }
}
