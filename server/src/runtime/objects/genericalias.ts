// types.GenericAlias (`list[int]`, PEP 585) and types.UnionType (`int | None`, PEP 604): what annotations
// evaluate to. Their reprs, __origin__/__args__, equality, calling an alias and isinstance() are CPython's;
// other attributes of theirs are refused rather than guessed.

import { native } from '../args.js';
import { OTHER_ATTRS } from './slot-tables.js';
import { objectType, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { ELLIPSIS, PyObject, PyTuple, PyType, type Py } from '../values.js';

let aliasType: PyType | null = null;
let unionType: PyType | null = null;

function builtinType(name: string, module: string): PyType {
  const t = new PyType(name, [objectType]);
  t.builtin = true;
  t.module = module;
  return t;
}

/** `list[int]`: an origin class and its arguments. The VM reaches it through the py* methods (interp.ts imports nothing from here). */
export class PyGenericAlias extends PyObject {
  constructor(readonly origin: Py, readonly args: Py[]) {
    super();
  }
  get pyType(): PyType {
    return (aliasType ??= builtinType('GenericAlias', 'types'));
  }
  pyRepr(vm: VM): string {
    return aliasRepr(vm, this);
  }
  pyGetAttr(vm: VM, name: string): Py {
    return aliasAttribute(vm, this, name);
  }
  pyEq(vm: VM, other: Py): boolean {
    return aliasEquals(vm, this, other);
  }
  /** `list[int](...)` constructs the origin class. */
  pyCall(vm: VM, args: Py[], kwargs: Map<string, Py> | null): Py {
    return vm.call(this.origin, args, kwargs);
  }
}

/** types.GenericAlias itself: calling it (`GenericAlias(origin, args)`, as `classmethod(GenericAlias)` does for a class's `cls[int]`) makes an alias. */
export function genericAliasType(vm: VM): PyType {
  const t = (aliasType ??= builtinType('GenericAlias', 'types'));
  // Not an 'object' layout: the VM calls a native __new__ of such a type to make the instance. Installed
  // for every VM: the type is shared, and its errors belong to the run that raises them.
  t.layout = 'alias';
  t.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('GenericAlias() takes no keyword arguments');
    if (a.length !== 3) throw vm.typeError(`GenericAlias expected 2 arguments, got ${a.length - 1}`);
    const args = a[2];
    return new PyGenericAlias(a[1], args instanceof PyTuple ? [...args.items] : [args]);
  }));
  return t;
}

/** `int | None`: the distinct members, in order. */
export class PyUnion extends PyObject {
  constructor(readonly args: Py[]) {
    super();
  }
  get pyType(): PyType {
    return (unionType ??= builtinType('UnionType', 'types'));
  }
  pyRepr(vm: VM): string {
    return aliasRepr(vm, this);
  }
  pyGetAttr(vm: VM, name: string): Py {
    return aliasAttribute(vm, this, name);
  }
  pyEq(vm: VM, other: Py): boolean {
    return aliasEquals(vm, this, other);
  }
}

/** Built-in classes that are subscriptable in CPython (they define __class_getitem__), and `type`. */
function isGenericBuiltin(t: PyType): boolean {
  return t.name === 'type' || (OTHER_ATTRS[t.name] ?? []).includes('__class_getitem__') ||
    (t.module === 'collections' && ['deque', 'defaultdict', 'OrderedDict', 'Counter'].includes(t.name));
}

/** `cls[item]` for a class without a __class_getitem__ of its own. */
export function subscriptClass(vm: VM, t: PyType, item: Py): Py {
  // A class statement's subclass of dict or list inherits their __class_getitem__.
  const inherited = !t.builtin && ['dict', 'list'].includes(t.mro.find((b) => b.builtin)?.name ?? '') && t.mro.find((b) => b.builtin)?.module === 'builtins';
  if (!inherited && (!t.builtin || !isGenericBuiltin(t))) throw vm.typeError(`type '${t.name}' is not subscriptable`);
  return new PyGenericAlias(t, item instanceof PyTuple ? [...item.items] : [item]);
}

/** typing._type_repr / ga_repr_item: classes by qualified name (builtins bare), aliases and unions by their repr. */
function reprItem(vm: VM, v: Py): string {
  if (v === null) return 'None';
  if (v === ELLIPSIS) return '...';
  if (v instanceof PyType) {
    const module = v.builtin ? (v.module === '__main__' || v.module === undefined || v.module === '' ? 'builtins' : v.module) : v.module;
    return module === 'builtins' ? v.qualname : `${module}.${v.qualname}`;
  }
  return vm.repr(v);
}

export function aliasRepr(vm: VM, v: PyGenericAlias | PyUnion): string {
  // A union keeps None as NoneType and shows it as None.
  if (v instanceof PyUnion) return v.args.map((arg) => (arg === typeOf(null) ? 'None' : reprItem(vm, arg))).join(' | ');
  const args = v.args.length === 0 ? '()' : v.args.map((arg) => reprItem(vm, arg)).join(', ');
  return `${reprItem(vm, v.origin)}[${args}]`;
}

export function aliasAttribute(vm: VM, v: PyGenericAlias | PyUnion, name: string): Py {
  if (name === '__args__') return new PyTuple(v.args);
  if (v instanceof PyGenericAlias && name === '__origin__') return v.origin;
  if (name === '__parameters__' && v.args.every((arg) => arg === null || arg instanceof PyType || arg instanceof PyGenericAlias || arg instanceof PyUnion))
    return new PyTuple([]);
  throw new UnsupportedSignal(`${typeOf(v).tpName}.${name}`, vm.currentLine());
}

/** Whether `|` makes a union of these operands (classes, None, aliases, unions). */
export function isUnionOperand(v: Py): boolean {
  return v === null || v instanceof PyType || v instanceof PyGenericAlias || v instanceof PyUnion;
}

/** `a | b` for union operands: members flattened, duplicates dropped, None kept as None; one member is itself. */
export function makeUnion(vm: VM, a: Py, b: Py): Py {
  const members: Py[] = [];
  const add = (v: Py): void => {
    if (v instanceof PyUnion) {
      v.args.forEach(add);
      return;
    }
    const member = v === null ? typeOf(null) : v;
    if (!members.some((m) => m === member || (m instanceof PyGenericAlias && member instanceof PyGenericAlias && aliasEquals(vm, m, member)))) members.push(member);
  };
  add(a);
  add(b);
  if (members.length === 1) return members[0]!;
  return new PyUnion(members);
}

export function aliasEquals(vm: VM, a: Py, b: Py): boolean {
  if (a instanceof PyGenericAlias && b instanceof PyGenericAlias)
    return vm.eq(a.origin, b.origin) && a.args.length === b.args.length && a.args.every((arg, i) => vm.eq(arg, b.args[i]));
  if (a instanceof PyUnion && b instanceof PyUnion)
    return a.args.length === b.args.length && a.args.every((arg) => b.args.some((other) => vm.eq(arg, other)));
  return false;
}

/** isinstance(x, union): any member; a parameterized generic is refused as CPython refuses it. */
export function unionMembersForIsinstance(vm: VM, t: Py, which: 'isinstance' | 'issubclass'): Py[] | null {
  if (t instanceof PyGenericAlias) throw vm.typeError(`${which}() argument 2 cannot be a parameterized generic`);
  if (!(t instanceof PyUnion)) return null;
  return t.args.map((arg) => {
    if (arg instanceof PyGenericAlias) throw vm.typeError(`${which}() argument 2 cannot be a parameterized generic`);
    return arg;
  });
}
