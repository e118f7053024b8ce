// What the `match` statement's instructions do at run time (CPython 3.13's MATCH_SEQUENCE, MATCH_MAPPING,
// MATCH_KEYS, MATCH_CLASS and the `**rest` copy; see compile-match.ts for how patterns use them).

import { objectType, typeOf, UnsupportedSignal, type VM } from './interp.js';
import { PyInstance, PyNative, PyTuple, PyType, type Py } from './values.js';

/** Built-in types whose instances CPython matches as sequences (Py_TPFLAGS_SEQUENCE), by module and name. */
const SEQUENCE_TYPES = new Set(['builtins.list', 'builtins.tuple', 'builtins.range', 'builtins.memoryview', 'collections.deque', 'array.array']);
const MAPPING_TYPES = new Set(['builtins.dict', 'builtins.mappingproxy', 'types.MappingProxyType']);
/** The ABCs whose subclasses inherit the flags. */
const SEQUENCE_ABCS = new Set(['collections.abc.Sequence', 'collections.abc.MutableSequence']);
const MAPPING_ABCS = new Set(['collections.abc.Mapping', 'collections.abc.MutableMapping']);
/** Built-in types a single positional sub-pattern matches as a whole (`case int(x)`): _Py_TPFLAGS_MATCH_SELF. */
const MATCH_SELF = new Set(['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple']);

/** Whether the subject's type carries the flag: a built-in with it, or a class deriving from one or from its ABCs. */
function hasFlag(vm: VM, v: Py, types: Set<string>, abcs: Set<string>): boolean {
  for (const base of typeOf(v).mro) {
    if (base.builtin && (types.has(`builtins.${base.name}`) || types.has(`${base.module}.${base.name}`))) return true;
    if (abcs.has(`${base.module}.${base.name}`)) return true;
  }
  // `Sequence.register(cls)` sets the flag without a base class; the runtime cannot see registrations.
  if (v instanceof PyInstance && (vm.modules.has('collections.abc') || vm.modules.has('abc')))
    throw new UnsupportedSignal('match of an instance of a class that an ABC may have registered', vm.currentLine());
  return false;
}

export function matchSequence(vm: VM, v: Py): boolean {
  return hasFlag(vm, v, SEQUENCE_TYPES, SEQUENCE_ABCS);
}

export function matchMapping(vm: VM, v: Py): boolean {
  return hasFlag(vm, v, MAPPING_TYPES, MAPPING_ABCS);
}

const REFUSED_TYPES = new Set(['bytes', 'bytearray', 'memoryview', 'complex']);

/** A private sentinel for `subject.get(key, missing)`: nothing the snippet can hold. */
let missing: PyInstance | null = null;

/** The values of `keys` in the mapping (looked up with its `get`, as CPython does), or null when one is missing. */
export function matchKeys(vm: VM, subject: Py, keys: PyTuple): PyTuple | null {
  if (keys.items.length === 0) return new PyTuple([]);
  const get = vm.getAttr(subject, 'get');
  const seen: Py[] = [];
  const values: Py[] = [];
  for (const key of keys.items) {
    if (seen.some((other) => vm.eq(other, key))) throw vm.error('ValueError', `mapping pattern checks duplicate key (${vm.repr(key)})`);
    seen.push(key);
    missing ??= new PyInstance(objectType);
    const value = vm.call(get, [key, missing]);
    if (value === missing) return null;
    values.push(value);
  }
  return new PyTuple(values);
}

/** `**rest`: a dict of the subject's items without the matched keys. */
export function matchRest(vm: VM, subject: Py, keys: PyTuple): Py {
  const rest = vm.call(vm.builtins.get('dict')!, [subject]);
  // `del rest[key]`: rest is a plain dict, and every key is in it (the pattern matched).
  for (const key of keys.items) vm.callMethod(rest, 'pop', [key]);
  return rest;
}

/** MATCH_CLASS: the attributes the sub-patterns match against, or null when the subject is not an instance. */
export function matchClass(vm: VM, subject: Py, cls: Py, positional: number, keywords: PyTuple): PyTuple | null {
  // Built-ins the runtime has only as refusing functions are classes in CPython.
  if (cls instanceof PyNative && REFUSED_TYPES.has(cls.name)) throw new UnsupportedSignal(`${cls.name}() in a class pattern`, vm.currentLine());
  if (!(cls instanceof PyType)) throw vm.typeError('called match pattern must be a class');
  if (!typeOf(subject).isSubtypeOf(cls)) return null;
  const values: Py[] = [];
  const seen = new Set<string>();
  const attribute = (name: string): boolean => {
    if (seen.has(name)) throw vm.typeError(`${cls.name}() got multiple sub-patterns for attribute '${name}'`);
    seen.add(name);
    const value = vm.getAttrOrUndefined(subject, name);
    if (value === undefined) return false;
    values.push(value);
    return true;
  };
  if (positional > 0) {
    const matchArgs = vm.getAttrOrUndefined(cls, '__match_args__');
    if (matchArgs === undefined) {
      const selfMatching = cls.mro.some((base) => base.builtin && MATCH_SELF.has(base.name));
      if (!selfMatching) throw vm.typeError(`${cls.name}() accepts 0 positional sub-patterns (${positional} given)`);
      if (positional > 1) throw vm.typeError(`${cls.name}() accepts 1 positional sub-pattern (${positional} given)`);
      values.push(subject);
    } else {
      if (!(matchArgs instanceof PyTuple)) throw vm.typeError(`${cls.name}.__match_args__ must be a tuple (got ${typeOf(matchArgs).tpName})`);
      if (positional > matchArgs.items.length) {
        const allowed = matchArgs.items.length;
        throw vm.typeError(`${cls.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? '' : 's'} (${positional} given)`);
      }
      for (const name of matchArgs.items.slice(0, positional)) {
        if (typeof name !== 'string') throw vm.typeError(`__match_args__ elements must be strings (got ${typeOf(name).tpName})`);
        if (!attribute(name)) return null;
      }
    }
  }
  for (const name of keywords.items as string[]) if (!attribute(name)) return null;
  return new PyTuple(values);
}

/** GET_LEN: len(TOS), as the built-in computes it. */
export function lengthOf(vm: VM, v: Py): Py {
  return vm.call(vm.builtins.get('len')!, [v]);
}
