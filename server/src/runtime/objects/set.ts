// set and frozenset: the set algebra operators (in CPython's slot order, so iteration order matches),
// the constructors, and every method of both types.

import { def, native } from '../args.js';
import { excTypes, frozensetType, NOT_IMPLEMENTED, setType, UnsupportedSignal, type VM } from '../interp.js';
import { PyDict, PySet, PyType, type Py } from '../values.js';
import { arityCheck } from './method-arity.js';

/** CPython's set_or/set_and/set_sub/set_xor, visiting members in slot order as setobject.c does. */
export function setAlgebra(vm: VM, op: string, a: PySet, b: PySet, inplace: boolean): Py {
  if (hasUserHashed(a) || hasUserHashed(b)) return setAlgebraUserHashed(vm, op, a, b, inplace);
  const result = setAlgebraInOrder(op, a, b, inplace);
  // A member hashed by its address makes the order of whatever is built from it unknown.
  if (result instanceof PySet && (!a.map.ordered || !b.map.ordered)) result.map.forgetOrder();
  return result;
}

function hasUserHashed(s: PySet): boolean {
  return s.map.complex !== undefined && s.map.complex.hashOf.size > 0;
}

/**
 * The set algebra when a member's hash and equality run Python code: as setobject.c, members found by the
 * hash stored with them (no __hash__ call) and compared by __eq__ only against members of an equal hash.
 * Members are visited in slot order, which the set's emulated table knows from the hashes the members returned.
 */
function setAlgebraUserHashed(vm: VM, op: string, a: PySet, b: PySet, inplace: boolean): Py {
  const copyOf = (src: PySet, frozen: boolean): PySet => {
    const out = new PySet(frozen);
    vm.mergeSet(out, src);
    return out;
  };
  const add = (dst: PySet, src: PySet, hk: Py, v: Py): void => {
    const key = vm.insertFrom(dst.map, src.map, hk);
    if (!dst.map.has(key)) dst.map.set(key, v);
  };
  const discard = (dst: PySet, src: PySet, hk: Py): boolean => {
    const found = vm.findFrom(dst.map, src.map, hk);
    return found !== undefined && dst.map.delete(found);
  };
  const target = inplace && !a.frozen ? a : null;
  if (a === b) {
    // setobject.c's shortcuts for a set with itself (no comparison): a copy for | and &, and -= and ^= clear it;
    // s - s and s ^ s have none, and look every member up.
    if (op === '|' || op === '&') return target ?? copyOf(a, a.frozen);
    if ((op === '-' || op === '^') && target !== null) {
      target.map.clear();
      return target;
    }
  }
  let out: PySet;
  switch (op) {
    case '|':
      out = target ?? copyOf(a, a.frozen);
      vm.mergeSet(out, b);
      break;
    case '&': {
      // set_intersection walks the smaller set and keeps its members; `&=` takes the result's table.
      const [walked, probed] = b.map.size > a.map.size ? [a, b] : [b, a];
      out = new PySet(a.frozen);
      for (const [hk, v] of walked.map.memberEntries()) if (vm.findFrom(probed.map, walked.map, hk) !== undefined) add(out, walked, hk, v);
      if (target !== null) {
        target.map.clear();
        vm.mergeSet(target, out);
        out = target;
      }
      break;
    }
    case '-':
      if (target !== null) {
        for (const [hk] of b.map.memberEntries()) discard(target, b, hk);
        out = target;
      } else if ((a.map.size >> 2) > b.map.size) {
        out = copyOf(a, a.frozen);
        for (const [hk] of b.map.memberEntries()) discard(out, b, hk);
      } else {
        out = new PySet(a.frozen);
        for (const [hk, v] of a.map.memberEntries()) if (vm.findFrom(b.map, a.map, hk) === undefined) add(out, a, hk, v);
      }
      break;
    case '^': {
      // set_symmetric_difference copies the *other* set, then toggles this one's members into it.
      out = target ?? copyOf(b, a.frozen);
      const from = target !== null ? b : a;
      for (const [hk, v] of from.map.memberEntries()) if (!discard(out, from, hk)) add(out, from, hk, v);
      break;
    }
    default:
      return NOT_IMPLEMENTED;
  }
  if (!a.map.ordered || !b.map.ordered) out.map.forgetOrder();
  return out;
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
  if (other === s) return;
  if (other instanceof PySet) return vm.mergeSet(s, other);
  if (other instanceof PyDict && other.constructor === PyDict) {
    s.map.presize(other.vals.size);
    // The dict's keys with the hashes stored with them (set_update_dict_lock): no __hash__ call.
    if (other.vals.complex !== undefined && other.vals.complex.hashOf.size > 0) {
      for (const hk of [...other.vals.keys()]) {
        const key = vm.insertFrom(s.map, other.vals, hk);
        if (!s.map.has(key)) s.map.set(key, other.keys.get(hk));
      }
      return;
    }
  }
  for (const x of vm.iterate(other)) s.map.set(vm.insertKey(s.map, x), x);
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
      for (const x of vm.iterate(v)) s.map.set(vm.insertKey(s.map, x), x);
      return s;
    };
    if (t === setType) {
      m('add', (s, a) => {
        s.map.set(vm.insertKey(s.map, a[0]), a[0]);
        return null;
      });
      m('discard', (s, a) => {
        s.map.delete(vm.lookupKey(s.map, a[0]));
        return null;
      });
      m('remove', (s, a) => {
        if (!s.map.delete(vm.lookupKey(s.map, a[0]))) throw vm.newException(excTypes.get('KeyError')!, [a[0]]);
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
        for (const o of a) {
          if (o instanceof PySet && (hasUserHashed(o) || hasUserHashed(s))) {
            for (const hk of [...o.map.keys()]) {
              const found = vm.findFrom(s.map, o.map, hk);
              if (found !== undefined) s.map.delete(found);
            }
            continue;
          }
          for (const x of vm.iterate(o)) s.map.delete(vm.lookupKey(s.map, x));
        }
        return null;
      });
      m('symmetric_difference_update', (s, a) => {
        // set_symmetric_difference_update: a set of the other's members first, then each toggled in its slot order.
        const o = other(a[0]);
        if (hasUserHashed(o) || hasUserHashed(s)) {
          setAlgebraUserHashed(vm, '^', s, o, true);
          return null;
        }
        for (const [k, v] of o.map.memberEntries()) {
          if (s.map.has(k)) s.map.delete(k);
          else s.map.set(k, v);
        }
        if (!o.map.ordered) s.map.forgetOrder();
        return null;
      });
      m('intersection_update', (s, a) => {
        const o = other(a[0]);
        if (hasUserHashed(o) || hasUserHashed(s)) {
          setAlgebraUserHashed(vm, '&', s, o, true);
          return null;
        }
        for (const k of [...s.map.keys()]) if (!o.map.has(k)) s.map.delete(k);
        return null;
      });
    }
    m('union', (s, a) => {
      const out = new PySet(s.frozen);
      vm.mergeSet(out, s);
      for (const o of a) setUpdate(vm, out, o);
      return out;
    });
    m('intersection', (s, a) => {
      let result: PySet = s;
      if (a.length === 0) {
        const copy = new PySet(s.frozen);
        vm.mergeSet(copy, s);
        return copy;
      }
      for (const o of a) {
        if (o instanceof PySet) {
          result = setAlgebra(vm, '&', result, o, false) as PySet;
          continue;
        }
        // An iterable: its items found in the set, in its order (set_intersection keeps the other's objects).
        const out = new PySet(s.frozen);
        for (const x of vm.iterate(o)) {
          // One hash for the lookup and the insertion (set_intersection keeps the iterable's object).
          const [k, h] = vm.keyAndHash(result.map, x);
          if (result.map.has(k)) {
            const key = h === undefined ? vm.insertKey(out.map, x) : vm.insertHashed(out.map, x, h);
            if (!out.map.has(key)) out.map.set(key, x);
          }
        }
        if (!result.map.ordered) out.map.forgetOrder();
        result = out;
      }
      if (result.frozen !== s.frozen) {
        const copy = new PySet(s.frozen);
        vm.mergeSet(copy, result);
        return copy;
      }
      return result;
    });
    m('difference', (s, a) => {
      const out = new PySet(s.frozen);
      const os = a.map(other);
      if (hasUserHashed(s) || os.some(hasUserHashed)) {
        for (const [k, v] of s.map.memberEntries()) {
          if (os.some((o) => vm.findFrom(o.map, s.map, k) !== undefined)) continue;
          const key = vm.insertFrom(out.map, s.map, k);
          if (!out.map.has(key)) out.map.set(key, v);
        }
        if (!s.map.ordered) out.map.forgetOrder();
        return out;
      }
      for (const [k, v] of s.map) if (!os.some((o) => o.map.has(k))) out.map.set(k, v);
      return out;
    });
    m('symmetric_difference', (s, a) => vm.binaryOp(11, s, other(a[0]), false));
    m('issubset', (s, a) => vm.order(1, s, other(a[0])));
    m('issuperset', (s, a) => vm.order(5, s, other(a[0])));
    m('isdisjoint', (s, a) => {
      // set_isdisjoint: with a set, the smaller one's members (the argument's when the sizes are equal) are looked
      // up in the other, in their slot order; an iterable's items are looked up as they come.
      if (a[0] === s) return s.map.size === 0;
      if (!(a[0] instanceof PySet)) {
        for (const x of vm.iterate(a[0])) if (vm.contains(s, x)) return false;
        return true;
      }
      const [probed, walked] = s.map.size < a[0].map.size ? [a[0], s] : [s, a[0]];
      for (const [k] of walked.map.memberEntries()) if (vm.findFrom(probed.map, walked.map, k) !== undefined) return false;
      return true;
    });
    m('copy', (s) => {
      if (s.frozen) return s;
      const out = new PySet(false);
      vm.mergeSet(out, s);
      return out;
    });
    m('__len__', (s) => s.map.size);
    m('__contains__', (s, a) => vm.contains(s, a[0]));
    m('__iter__', (s) => vm.getIter(s));
  }
}
