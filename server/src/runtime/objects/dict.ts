// dict: merge (`|`, `|=`), subscripts (with `__missing__` for subclasses such as defaultdict), deletion,
// the dict() constructor and update(), every method of dict, and the keys/values/items views.

import { def, methodArity, native, type Kw } from '../args.js';
import { DictIterator, dictType, excTypes, NOT_IMPLEMENTED, objectType, setType, subOverride, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyClassMethod, PyDict, PyDictSub, PyInstance, PyIterator, PyObject, PyProperty, PySet, PyTuple, PyType, type Py } from '../values.js';
import { arityCheck } from './method-arity.js';

/** `a | b` (and `a |= b`) of two dicts, or NotImplemented. */
export function dictBinary(vm: VM, op: string, a: PyDict, b: PyDict, inplace: boolean): Py {
  if (op !== '|') return NOT_IMPLEMENTED;
  const out = inplace ? a : copyDict(vm, a);
  mergeDict(vm, out, b);
  return out;
}

/** dict_merge of a dict: its entries with their stored hashes (no __hash__ call), an equal key keeping its place. */
function mergeDict(vm: VM, d: PyDict, src: PyDict): void {
  // dict_merge of a dict into itself changes nothing.
  if (src === d) return;
  const plain = (src.vals.complex === undefined || src.vals.complex.hashOf.size === 0) && (d.vals.complex === undefined || d.vals.complex.hashOf.size === 0);
  // Into an empty dict, dict_merge clones the table or inserts entry by entry, as its size and deleted entries
  // decide (see VM.refuseCollidingDictCopy); either gives these entries when no __eq__ can be called.
  if (d.vals.size === 0) vm.refuseCollidingDictCopy(src.vals);
  const clone = d.vals.size === 0;
  if (clone && src.vals.complex !== undefined) d.vals.complex = src.vals.complex.clone();
  if (plain || clone) {
    for (const [hk, v] of src.vals) {
      if (!d.vals.has(hk)) d.keys.set(hk, src.keys.get(hk));
      d.vals.set(hk, v);
    }
    return;
  }
  const size = src.vals.size;
  for (const [hk, v] of [...src.vals]) {
    if (!src.vals.has(hk)) continue;
    const key = vm.insertFrom(d.vals, src.vals, hk);
    if (!d.vals.has(key)) d.keys.set(key, src.keys.get(hk));
    d.vals.set(key, v);
    // An __eq__ that resized the dict being merged: dict_merge checks its size after each entry.
    if (src.vals.size !== size) throw vm.error('RuntimeError', 'dict mutated during update');
  }
}

/** PyDict_Copy: a table is cloned (no comparisons) or, with enough deleted entries, re-inserted by dict_merge. */
export function copyDict(vm: VM, d: PyDict): PyDict {
  vm.refuseCollidingDictCopy(d.vals);
  const out = new PyDict();
  for (const [hk, v] of d.vals) {
    out.keys.set(hk, d.keys.get(hk));
    out.vals.set(hk, v);
  }
  if (d.vals.complex !== undefined) out.vals.complex = d.vals.complex.clone();
  return out;
}

export function dictSubscript(vm: VM, o: PyDict, k: Py): Py {
  const v = o.vals.get(vm.lookupKey(o.vals, k));
  if (v === undefined) {
    // A dict subclass that defines __missing__ (collections.defaultdict) supplies the value, as dict_subscript does.
    // A class statement's subclass of dict with a __missing__ (looked up on the type, as dict_subscript does).
    if (o instanceof PyDictSub && o.cls.lookup('__missing__') !== undefined) return vm.callSpecial(o, '__missing__', [k]);
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
  const hk = vm.lookupKey(o.vals, k);
  if (!o.vals.has(hk)) {
    // collections.Counter's __delitem__ ignores a missing element.
    if ((o as { pyIgnoreMissingDelete?: boolean }).pyIgnoreMissingDelete === true) return;
    throw vm.newException(excTypes.get('KeyError')!, [k]);
  }
  o.vals.delete(hk);
  o.keys.delete(hk);
  return;
}

export function dictUpdate(vm: VM, d: PyDict, src: Py): void {
  // dict_merge takes a dict subclass's storage unless the subclass overrides __iter__; then keys() and src[k].
  const iterOverridden = src instanceof PyDictSub && subOverride(src, '__iter__') !== undefined;
  if (src instanceof PyDict && !iterOverridden) return mergeDict(vm, d, src);
  if ((src instanceof PyInstance && src.cls.lookup('keys') !== undefined) || iterOverridden) {
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
    const cls = a[0] as PyType;
    // dict_new of a subclass: empty storage; dict.__init__ fills it.
    if (cls instanceof PyType && cls !== dictType && !cls.builtin && cls.isSubtypeOf(dictType)) return new PyDictSub(cls);
    if (cls !== dictType) throw new UnsupportedSignal('subclassing dict', vm.currentLine());
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
  const m = (name: string, f: (d: PyDict, a: Py[], kw: Kw) => Py): void => {
    const checkArity = arityCheck('dict', name);
    defDict(name, checkArity, f);
  };
  const defDict = (name: string, checkArity: ReturnType<typeof arityCheck>, f: (d: PyDict, a: Py[], kw: Kw) => Py): void => def(dictType, name, (a, kw) => {
    if (!(a[0] instanceof PyDict)) throw vm.typeError(`descriptor '${name}' for 'dict' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    // METH_NOARGS and METH_O methods check their argument count themselves (dict.clear() takes no arguments).
    if (checkArity !== null) checkArity(vm, a.length - 1);
    const count = FIXED_ARITY[name];
    if (count !== undefined && a.length - 1 !== count) {
      throw vm.typeError(count === 0 ? `dict.${name}() takes no arguments (${a.length - 1} given)` : `dict.${name}() takes exactly one argument (${a.length - 1} given)`);
    }
    return f(a[0], a.slice(1), kw);
  });
  m('get', (d, a) => {
    methodArity(vm, 'get', [d, ...a], 1, 2);
    const v = d.vals.get(vm.lookupKey(d.vals, a[0]));
    return v === undefined ? (a.length > 1 ? a[1] : null) : v;
  });
  m('keys', (d) => new DictView(vm, d, 0));
  m('values', (d) => new DictView(vm, d, 1));
  m('items', (d) => new DictView(vm, d, 2));
  m('pop', (d, a) => {
    if (a.length === 0) throw vm.typeError('pop expected at least 1 argument, got 0');
    if (a.length > 2) throw vm.typeError(`pop expected at most 2 arguments, got ${a.length}`);
    // PyDict_Pop of an empty dict answers without hashing the key.
    if (d.vals.size === 0) {
      if (a.length > 1) return a[1];
      throw vm.newException(excTypes.get('KeyError')!, [a[0]]);
    }
    const hk = vm.lookupKey(d.vals, a[0]);
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
    // One hash for the lookup and the insertion, as dict_setdefault does.
    const hk = vm.insertKey(d.vals, a[0]);
    const v = d.vals.get(hk);
    if (v !== undefined) return v;
    const dv = a.length > 1 ? a[1] : null;
    d.keys.set(hk, a[0]);
    d.vals.set(hk, dv);
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
  m('copy', (d) => copyDict(vm, d));
  m('__len__', (d) => d.vals.size);
  // The slots themselves work on the storage (a subclass's override calling super().__getitem__ lands here).
  m('__getitem__', (d, a) => dictSubscript(vm, d, a[0]));
  m('__delitem__', (d, a) => {
    methodArity(vm, '__delitem__', [d, ...a], 1, 1);
    dictDeleteSubscript(vm, d, a[0]);
    return null;
  });
  m('__init__', (d, a, kw) => {
    if (a.length > 1) throw vm.typeError(`dict expected at most 1 argument, got ${a.length}`);
    if (a.length > 0) dictUpdate(vm, d, a[0]);
    if (kw !== null) for (const [k, v] of kw) vm.dictSet(d, k, v);
    return null;
  });
  m('__setitem__', (d, a) => {
    vm.dictSet(d, a[0], a[1]);
    return null;
  });
  // dict_richcompare: the storages, whatever the subclasses override (OrderedDict.__eq__ calls dict.__eq__).
  m('__eq__', (d, a) => (a.length === 1 && a[0] instanceof PyDict ? vm.dictEq(d, a[0]) : NOT_IMPLEMENTED));
  m('__ne__', (d, a) => (a.length === 1 && a[0] instanceof PyDict ? !vm.dictEq(d, a[0]) : NOT_IMPLEMENTED));
  m('__contains__', (d, a) => d.vals.has(vm.lookupKey(d.vals, a[0])));
  m('__iter__', (d) => new DictIterator(vm, d, 0));
  m('__repr__', (d) => vm.repr(d, true));
  dictType.dict.set('fromkeys', new PyClassMethod(native('fromkeys', (a) => {
    // _PyDict_FromKeys of a subclass: cls(), then d[key] = value for each key (an overriding __setitem__ runs).
    if (a[0] instanceof PyType && a[0] !== dictType && !a[0].builtin) {
      const made = vm.call(a[0], []);
      for (const k of vm.iterate(a[1])) vm.setItem(made, k, a.length > 2 ? a[2] : null);
      return made;
    }
    const d = new PyDict();
    const value = a.length > 2 ? a[2] : null;
    const source = a[1];
    // dict_fromkeys of an exact dict or set takes its keys with their stored hashes (no __hash__ call).
    const table = source instanceof PyDict && source.constructor === PyDict ? source.vals : source instanceof PySet ? source.map : null;
    if (table !== null && table.complex !== undefined && table.complex.hashOf.size > 0) {
      const order = source instanceof PySet ? source.map.memberEntries().map(([hk]) => hk) : [...table.keys()];
      for (const hk of order) {
        const key = vm.insertFrom(d.vals, table, hk);
        if (!d.vals.has(key)) d.keys.set(key, table.original(hk));
        d.vals.set(key, value);
      }
      return d;
    }
    for (const k of vm.iterate(source)) vm.dictSet(d, k, value);
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
  vmOf(): VM {
    return this.vm;
  }
  pyRepr(vm: VM): string {
    const name = ['dict_keys', 'dict_values', 'dict_items'][this.mode];
    const items = vm.toArray(this);
    return `${name}([${items.map((x) => vm.repr(x)).join(', ')}])`;
  }
  iter(): PyIterator {
    return new DictIterator(this.vm, this.d, this.mode);
  }
  /** `x in view` (dictkeys_contains, dictitems_contains; values by iteration). */
  pyContains(vm: VM, x: Py): boolean {
    if (this.mode === 0) return this.d.vals.has(vm.lookupKey(this.d.vals, x));
    if (this.mode === 1) {
      for (const v of this.d.vals.values()) if (vm.eq(v, x)) return true;
      return false;
    }
    if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
    const hk = vm.lookupKey(this.d.vals, x.items[0]);
    return this.d.vals.has(hk) && vm.eq(this.d.vals.get(hk), x.items[1]);
  }
  /** dictview_richcompare: a keys or items view against a set or another such view, by containment. */
  pyRichCompare(vm: VM, op: number, other: Py): Py {
    if (this.mode === 1 || !(other instanceof PySet || isSetView(other))) return NOT_IMPLEMENTED;
    const lenSelf = this.pyLen();
    const lenOther = other instanceof PySet ? other.map.size : other.pyLen();
    const within = (small: Py, big: Py): boolean => {
      for (const x of vm.iterate(small)) if (!vm.contains(big, x)) return false;
      return true;
    };
    switch (op) {
      case 2:
      case 3: {
        const equal = lenSelf === lenOther && within(this, other);
        return op === 2 ? equal : !equal;
      }
      case 0:
        return lenSelf < lenOther && within(this, other);
      case 1:
        return lenSelf <= lenOther && within(this, other);
      case 4:
        return lenSelf > lenOther && within(other, this);
      case 5:
        return lenSelf >= lenOther && within(other, this);
    }
    return NOT_IMPLEMENTED;
  }
  /** A view holds its dict. */
  traverse(): Py[] {
    return [this.d];
  }
}
const viewTypes = [
  new PyType('dict_keys', [objectType]), new PyType('dict_values', [objectType]), new PyType('dict_items', [objectType]),
] as const;
for (const t of viewTypes) {
  t.builtin = true;
  t.layout = 'view';
  // dict_keys and dict_items define __eq__, so CPython sets __hash__ = None; dict_values has neither.
  if (t !== viewTypes[1]) t.dict.set('__hash__', null);
}
// isdisjoint of the keys and items views (dictviews_isdisjoint): no element of the other is in the view.
for (const t of [viewTypes[0], viewTypes[2]]) {
  t.dict.set('isdisjoint', native('isdisjoint', (a) => {
    const [view, other] = a as [DictView, Py];
    const vm = view.vmOf();
    for (const x of vm.iterate(other)) if (view.pyContains(vm, x)) return false;
    return true;
  }, `${t.name}.isdisjoint`));
}

/** A keys or items view: the views that are sets (dict_values is not). */
function isSetView(v: Py): v is DictView {
  return v instanceof DictView && v.mode !== 1;
}

/**
 * `-`, `&`, `|`, `^` with a keys or items view on either side, as dictviews_sub/_and/_or/_xor: the
 * left operand made a set (a view by its own iteration), then combined with the other in CPython's order.
 */
/**
 * `-`, `&`, `|`, `^` with a keys or items view on either side, as dictviews_sub/_and/_or/_xor. `&` is
 * _PyDictView_Intersect (the view is `self`; a larger exact set, or a larger view, is iterated instead);
 * the others make a set of the left operand (a view by its own iteration) and call the set method with the
 * other operand, any iterable, so the result has the emulated set's slot order.
 */
export function dictViewBinary(vm: VM, op: string, a: Py, b: Py): Py {
  if (!(op === '-' || op === '&' || op === '|' || op === '^') || !(isSetView(a) || isSetView(b))) return NOT_IMPLEMENTED;
  if (op === '&') return dictViewIntersect(vm, a, b);
  // dictviews_to_set: a keys view of an exact dict gives the dict itself to PySet_New (its presizing path).
  const left = vm.call(setType, [isSetView(a) && a.mode === 0 && a.d.constructor === PyDict ? a.d : a]) as PySet;
  const method = { '-': 'difference_update', '|': 'update', '^': 'symmetric_difference_update' }[op];
  vm.call(vm.getAttr(left, method), [b]);
  return left;
}

function dictViewIntersect(vm: VM, a: Py, b: Py): PySet {
  let self = isSetView(a) ? a : (b as DictView);
  let other = self === a ? b : a;
  const lenSelf = self.pyLen();
  if (other instanceof PySet && !other.frozen && lenSelf <= other.map.size) {
    const out = new PySet(false);
    for (const x of vm.iterate(self)) {
      const key = vm.lookupKey(other.map, x);
      if (other.map.has(key)) out.map.set(vm.insertKey(out.map, x), x);
    }
    return out;
  }
  if (isSetView(other) && other.pyLen() > lenSelf) [self, other] = [other, self];
  const out = new PySet(false);
  for (const x of vm.iterate(other)) if (vm.contains(self, x)) out.map.set(vm.insertKey(out.map, x), x);
  return out;
}

/** dict_keys/values/items.mapping is a mappingproxy, which the runtime does not have. */
export function installDictViewMethods(vm: VM): void {
  for (const t of viewTypes) {
    t.dict.set('mapping', new PyProperty(native('mapping', () => {
      throw new UnsupportedSignal('dict view .mapping (a mappingproxy)', vm.currentLine());
    }), null, null));
  }
}
