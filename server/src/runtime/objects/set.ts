// set and frozenset: the set algebra operators (in CPython's slot order, so iteration order matches),
// the constructors, and every method of both types.

import { def, native } from '../args.js';
import { excTypes, frozensetType, NOT_IMPLEMENTED, setType, UnsupportedSignal, type VM } from '../interp.js';
import { PyDict, PySet, PyType, type Py } from '../values.js';
import { arityCheck } from './method-arity.js';

/** CPython's set_or/set_and/set_sub/set_xor, visiting members in slot order as setobject.c does. */
export function setAlgebra(op: string, a: PySet, b: PySet, inplace: boolean): Py {
  const result = setAlgebraInOrder(op, a, b, inplace);
  // A member hashed by its address makes the order of whatever is built from it unknown.
  if (result instanceof PySet && (!a.map.ordered || !b.map.ordered)) result.map.forgetOrder();
  return result;
}

function setAlgebraInOrder(op: string, a: PySet, b: PySet, inplace: boolean): Py {
  const copyOf = (src: PySet, frozen: boolean): PySet => {
    const out = new PySet(frozen);
    out.map.mergeInto(src.map);
    return out;
  };
  const target = inplace && !a.frozen ? a : null;
  switch (op) {
    case '|': {
      const out = target ?? copyOf(a, a.frozen);
      out.map.presize(b.map.size);
      for (const [k, v] of b.map.memberEntries()) if (!out.map.has(k)) out.map.set(k, v);
      return out;
    }
    case '&': {
      // set_intersection walks `b` unless it is the larger one, and keeps the members of the set it walks.
      const [small, big] = b.map.size > a.map.size ? [a, b] : [b, a];
      const keep = small.map.memberEntries().filter(([k]) => big.map.has(k));
      if (target !== null) {
        for (const [k] of a.map.memberEntries()) if (!b.map.has(k)) target.map.delete(k);
        return target;
      }
      const out = new PySet(a.frozen);
      for (const [k, v] of keep) out.map.set(k, v);
      return out;
    }
    case '-': {
      if (target !== null) {
        for (const [k] of b.map.memberEntries()) target.map.delete(k);
        return target;
      }
      if ((a.map.size >> 2) > b.map.size) {
        const out = copyOf(a, a.frozen);
        for (const [k] of b.map.memberEntries()) out.map.delete(k);
        return out;
      }
      const out = new PySet(a.frozen);
      for (const [k, v] of a.map.memberEntries()) if (!b.map.has(k)) out.map.set(k, v);
      return out;
    }
    case '^': {
      // set_symmetric_difference copies the *other* set, then toggles this one's members into it.
      const out = target ?? copyOf(b, a.frozen);
      const from = target !== null ? b : a;
      for (const [k, v] of from.map.memberEntries()) {
        if (out.map.has(k)) out.map.delete(k);
        else out.map.set(k, v);
      }
      return out;
    }
  }
  return NOT_IMPLEMENTED;
}

/**
 * set_update_internal: a set is merged (set_merge), an exact dict's keys are added after one resize up front,
 * anything else is iterated.
 */
export function setUpdate(vm: VM, s: PySet, other: Py): void {
  if (other instanceof PySet) return s.map.mergeInto(other.map);
  if (other instanceof PyDict && other.constructor === PyDict) s.map.presize(other.vals.size);
  for (const x of vm.iterate(other)) s.map.set(vm.hash(x), x);
}

export function installSetTypes(vm: VM): void {
  setType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('set() takes no keyword arguments');
    if ((a[0] as PyType) !== setType) throw new UnsupportedSignal('subclassing set', vm.currentLine());
    const s = new PySet(false);
    if (a.length > 1) setUpdate(vm, s, a[1]!);
    return s;
  }));
  frozensetType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('frozenset() takes no keyword arguments');
    if (a.length > 1 && a[1] instanceof PySet && a[1].frozen) return a[1];
    const s = new PySet(true);
    if (a.length > 1) setUpdate(vm, s, a[1]!);
    return s;
  }));
  installSetMethods(vm);
}

function installSetMethods(vm: VM): void {
  for (const t of [setType, frozensetType]) {
    const m = (name: string, f: (s: PySet, a: Py[]) => Py): void => {
      const checkArity = arityCheck(t.name, name);
      def(t, name, (a) => {
        if (checkArity !== null) checkArity(vm, a.length - 1);
        return f(a[0] as PySet, a.slice(1));
      });
    };
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
        for (const o of a) setUpdate(vm, s, o);
        return null;
      });
      m('difference_update', (s, a) => {
        for (const o of a) for (const x of vm.iterate(o)) s.map.delete(vm.hash(x));
        return null;
      });
      m('symmetric_difference_update', (s, a) => {
        // set_symmetric_difference_update: a set of the other's members first, then each toggled in its slot order.
        const o = other(a[0]);
        for (const [k, v] of o.map.memberEntries()) {
          if (s.map.has(k)) s.map.delete(k);
          else s.map.set(k, v);
        }
        if (!o.map.ordered) s.map.forgetOrder();
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
      let result: PySet = s;
      if (a.length === 0) {
        const copy = new PySet(s.frozen);
        copy.map.mergeInto(s.map);
        return copy;
      }
      for (const o of a) {
        if (o instanceof PySet) {
          result = setAlgebra('&', result, o, false) as PySet;
          continue;
        }
        // An iterable: its items found in the set, in its order (set_intersection keeps the other's objects).
        const out = new PySet(s.frozen);
        for (const x of vm.iterate(o)) {
          const k = vm.hash(x);
          if (result.map.has(k) && !out.map.has(k)) out.map.set(k, x);
        }
        if (!result.map.ordered) out.map.forgetOrder();
        result = out;
      }
      if (result.frozen !== s.frozen) {
        const copy = new PySet(s.frozen);
        copy.map.mergeInto(result.map);
        return copy;
      }
      return result;
    });
    m('difference', (s, a) => {
      const out = new PySet(s.frozen);
      const os = a.map(other);
      for (const [k, v] of s.map) if (!os.some((o) => o.map.has(k))) out.map.set(k, v);
      return out;
    });
    m('symmetric_difference', (s, a) => vm.binaryOp(11, s, other(a[0]), false));
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
