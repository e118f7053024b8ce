// typing: the names plain code imports and annotates with. Subscripting one gives an alias that keeps its
// arguments as CPython's typing does (None as NoneType, a Union flattened and deduplicated, Optional spelled
// so), with CPython's repr, equality, hash, __origin__ and __args__; TypeVar's repr (`~T`). What the runtime
// does not model is refused where it would show: a string (forward reference) argument, an argument count
// typing would reject, the __origin__ of an alias of a collections.abc class, isinstance() with an alias.

import { native } from '../args.js';
import { noneType, objectType, PyFunction, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyGenericAlias } from '../objects/genericalias.js';
import { ELLIPSIS, PyList, PyObject, PyTuple, PyType, type Py, type PyModule } from '../values.js';
import { module } from './support.js';

/** typing's classes of its objects, as `type()` names them. */
function typingType(name: string): PyType {
  const t = new PyType(name, [objectType]);
  t.builtin = true;
  t.module = 'typing';
  return t;
}
const SPECIAL_GENERIC_ALIAS = typingType('_SpecialGenericAlias');
const SPECIAL_FORM = typingType('_SpecialForm');
const TYPES_OF_NAMES: Record<string, PyType> = {
  Tuple: typingType('_TupleType'), Callable: typingType('_CallableType'), Any: typingType('_AnyMeta'),
  Optional: SPECIAL_FORM, Union: SPECIAL_FORM, ClassVar: SPECIAL_FORM, Final: SPECIAL_FORM, Literal: SPECIAL_FORM,
  NoReturn: SPECIAL_FORM, Never: SPECIAL_FORM, Self: SPECIAL_FORM,
};
const GENERIC_ALIAS = typingType('_GenericAlias');
const TYPES_OF_SUBSCRIPTIONS: Record<string, PyType> = {
  Union: typingType('_UnionGenericAlias'), Callable: typingType('_CallableGenericAlias'), Literal: typingType('_LiteralGenericAlias'),
};
const TYPEVAR_TYPE = typingType('TypeVar');

class TypingAlias extends PyObject {
  constructor(public name: string) {
    super();
  }
  get pyType(): PyType {
    return TYPES_OF_NAMES[this.name] ?? SPECIAL_GENERIC_ALIAS;
  }
  /** Marks an object isinstance() may not take as a plain class (its __instancecheck__ is typing's). */
  pyInstanceCheck(): never {
    throw new Error('typing aliases are refused by isinstance() before this is called');
  }
  pyRepr(): string {
    return `typing.${this.name}`;
  }
  pyGetItem(vm: VM, item: Py): Py {
    return subscribe(vm, this, item);
  }
  traverse(): Py[] {
    return [];
  }
}

/** typing.TypeVar: its name and variance, shown as CPython shows them (`~T`, `+T_co`, `-T_contra`). */
class TypeVarObject extends PyObject {
  constructor(public name: string, private variance: '~' | '+' | '-') {
    super();
  }
  get pyType(): PyType {
    return TYPEVAR_TYPE;
  }
  pyInstanceCheck(): never {
    throw new Error('type variables are refused by isinstance() before this is called');
  }
  pyRepr(): string {
    return `${this.variance}${this.name}`;
  }
  pyGetAttr(vm: VM, name: string): Py {
    if (name === '__name__') return this.name;
    throw new UnsupportedSignal(`TypeVar.${name}`, vm.currentLine());
  }
  traverse(): Py[] {
    return [];
  }
}

/** The typing name behind `v` (`Optional` for `Optional[int]`), or null when `v` is not a typing alias. */
export function typingAliasName(v: Py): string | null {
  if (v instanceof TypingAlias) return v.name;
  if (v instanceof TypingSubscription) return v.alias.name;
  if (v instanceof TypeVarObject) return 'TypeVar';
  return null;
}

/** The origin class of the aliases of built-in classes (`typing.List[int].__origin__` is `list`). */
const BUILTIN_ORIGINS: Record<string, string> = { List: 'list', Dict: 'dict', Set: 'set', FrozenSet: 'frozenset', Tuple: 'tuple', Type: 'type' };

/** How many arguments each generic alias takes, and the defaults 3.13 fills in (Generator[int] is Generator[int, None, None]). */
const PARAMETERS: Record<string, { count: number; defaults: number }> = {
  List: { count: 1, defaults: 0 }, Set: { count: 1, defaults: 0 }, FrozenSet: { count: 1, defaults: 0 }, Deque: { count: 1, defaults: 0 },
  Type: { count: 1, defaults: 0 }, Iterable: { count: 1, defaults: 0 }, Iterator: { count: 1, defaults: 0 }, Sequence: { count: 1, defaults: 0 },
  MutableSequence: { count: 1, defaults: 0 }, Collection: { count: 1, defaults: 0 }, Reversible: { count: 1, defaults: 0 },
  AsyncIterator: { count: 1, defaults: 0 }, Counter: { count: 1, defaults: 0 },
  Dict: { count: 2, defaults: 0 }, Mapping: { count: 2, defaults: 0 }, MutableMapping: { count: 2, defaults: 0 }, DefaultDict: { count: 2, defaults: 0 },
  Generator: { count: 3, defaults: 2 }, AsyncGenerator: { count: 2, defaults: 1 },
};

/** `List[int]`, `Optional[str]`, `Callable[..., T]`: an alias with its (normalised) arguments. */
class TypingSubscription extends PyObject {
  constructor(public alias: TypingAlias, public args: Py[]) {
    super();
  }
  get pyType(): PyType {
    return TYPES_OF_SUBSCRIPTIONS[this.alias.name] ?? GENERIC_ALIAS;
  }
  pyInstanceCheck(): never {
    throw new Error('typing aliases are refused by isinstance() before this is called');
  }
  pyRepr(vm: VM): string {
    const name = this.alias.name;
    if (name === 'Union' && this.args.length === 2) {
      // _UnionGenericAlias.__repr__: a union of one type and None is spelled Optional.
      if (this.args[0] === noneType) return `typing.Optional[${typeRepr(vm, this.args[1]!)}]`;
      if (this.args[1] === noneType) return `typing.Optional[${typeRepr(vm, this.args[0]!)}]`;
    }
    if (name === 'Tuple' && this.args.length === 0) return 'typing.Tuple[()]';
    if (name === 'Callable') {
      // _CallableGenericAlias.__repr__: the parameter list in brackets, or `...`.
      const result = this.args[this.args.length - 1]!;
      const params = this.args.slice(0, -1);
      const shown = params.length === 1 && params[0] === ELLIPSIS ? '...' : `[${params.map((p) => typeRepr(vm, p)).join(', ')}]`;
      return `typing.Callable[${shown}, ${typeRepr(vm, result)}]`;
    }
    const show = name === 'Literal' ? (v: Py) => vm.repr(v) : (v: Py) => typeRepr(vm, v);
    return `typing.${name}[${this.args.map(show).join(', ')}]`;
  }
  pyEq(vm: VM, other: Py): boolean {
    if (!(other instanceof TypingSubscription)) return false;
    if (this.alias.name === 'Union' && other.alias.name === 'Union') {
      // _UnionGenericAlias.__eq__: the same members in any order.
      return this.args.length === other.args.length && this.args.every((a) => other.args.some((b) => vm.eq(a, b))) &&
        other.args.every((b) => this.args.some((a) => vm.eq(a, b)));
    }
    return this.alias.name === other.alias.name && this.args.length === other.args.length && this.args.every((a, i) => vm.eq(a, other.args[i]));
  }
  pyGetAttr(vm: VM, name: string): Py {
    if (name === '__args__') return new PyTuple(this.args);
    if (name === '__origin__') {
      const origin = BUILTIN_ORIGINS[this.alias.name];
      if (origin !== undefined) return vm.builtins.get(origin)!;
      if (this.alias.name === 'Union' || this.alias.name === 'ClassVar' || this.alias.name === 'Final' || this.alias.name === 'Literal') return this.alias;
    }
    throw new UnsupportedSignal(`${name} of a subscripted typing.${this.alias.name}`, vm.currentLine());
  }
  pyGetItem(vm: VM): Py {
    throw new UnsupportedSignal(`subscripting typing.${this.alias.name}[...] again (its type variables)`, vm.currentLine());
  }
  traverse(): Py[] {
    return [this.alias, ...this.args];
  }
}

/** typing._type_repr: classes by qualified name (builtins bare), `...`, functions by name, the rest by repr. */
function typeRepr(vm: VM, v: Py): string {
  if (v instanceof PyType) return v.module === 'builtins' ? v.qualname : `${v.module}.${v.qualname}`;
  if (v === ELLIPSIS) return '...';
  if (v instanceof PyFunction) return String(v.name);
  if (v instanceof TypingAlias || v instanceof TypingSubscription || v instanceof TypeVarObject || v instanceof PyGenericAlias) return vm.repr(v);
  throw new UnsupportedSignal(`a typing argument of type ${typeOf(v).tpName}`, vm.currentLine());
}

/** typing._type_convert: None stands for NoneType; a string would be a ForwardRef, which the runtime lacks. */
function convert(vm: VM, v: Py): Py {
  if (v === null) return noneType;
  if (typeof v === 'string') throw new UnsupportedSignal('a typing forward reference (a string argument)', vm.currentLine());
  if (v instanceof PyType || v === ELLIPSIS || v instanceof PyFunction || v instanceof TypingAlias || v instanceof TypingSubscription ||
    v instanceof TypeVarObject || v instanceof PyGenericAlias) return v;
  throw new UnsupportedSignal(`a typing argument of type ${typeOf(v).tpName}`, vm.currentLine());
}

/** `alias[item]` as typing's __getitem__ of that alias builds it. */
function subscribe(vm: VM, alias: TypingAlias, item: Py): Py {
  const name = alias.name;
  const items = item instanceof PyTuple ? [...item.items] : [item];
  if (name === 'Literal') {
    for (const v of items)
      if (!(v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'))
        throw new UnsupportedSignal(`typing.Literal of a ${typeOf(v).tpName}`, vm.currentLine());
    return new TypingSubscription(alias, items);
  }
  if (name === 'Union' || name === 'Optional') {
    const members = name === 'Optional' ? [convert(vm, item), noneType] : items.map((v) => convert(vm, v));
    if (name === 'Optional' && item instanceof PyTuple) throw new UnsupportedSignal('typing.Optional of several arguments', vm.currentLine());
    // _remove_dups_flatten: nested unions' members in place, each member once.
    const flat: Py[] = [];
    for (const m of members) {
      const parts = m instanceof TypingSubscription && m.alias.name === 'Union' ? m.args : [m];
      for (const p of parts) if (!flat.some((f) => f === p || vm.eq(f, p))) flat.push(p);
    }
    const union = UNION_ALIAS.get(vm) ?? new TypingAlias('Union');
    return flat.length === 1 ? flat[0]! : new TypingSubscription(union, flat);
  }
  if (name === 'Callable') {
    if (!(item instanceof PyTuple) || item.items.length !== 2) throw new UnsupportedSignal('typing.Callable not of [arguments, result]', vm.currentLine());
    const [params, result] = item.items;
    if (params === ELLIPSIS) return new TypingSubscription(alias, [ELLIPSIS, convert(vm, result!)]);
    if (!(params instanceof PyList)) throw new UnsupportedSignal('typing.Callable whose arguments are not a list or ...', vm.currentLine());
    return new TypingSubscription(alias, [...params.items.map((p) => convert(vm, p)), convert(vm, result!)]);
  }
  if (name === 'Tuple') {
    // Tuple[()] is the empty tuple type; Tuple[int, ...] keeps its ellipsis.
    if (item instanceof PyTuple && item.items.length === 0) return new TypingSubscription(alias, []);
    return new TypingSubscription(alias, items.map((v) => convert(vm, v)));
  }
  if (name === 'ClassVar' || name === 'Final') {
    if (item instanceof PyTuple) throw new UnsupportedSignal(`typing.${name} of several arguments`, vm.currentLine());
    return new TypingSubscription(alias, [convert(vm, item)]);
  }
  const params = PARAMETERS[name];
  if (params === undefined || items.length > params.count || items.length < params.count - params.defaults)
    throw new UnsupportedSignal(`typing.${name}[...] with ${items.length} argument${items.length === 1 ? '' : 's'}`, vm.currentLine());
  const args = items.map((v) => convert(vm, v));
  while (args.length < params.count) args.push(noneType);
  return new TypingSubscription(alias, args);
}

/** Each VM's typing.Union, so that Optional[X] is a Union as in CPython. */
const UNION_ALIAS = new WeakMap<VM, TypingAlias>();

export function typingModule(vm: VM): PyModule {
  // (IO, TextIO and the Supports* protocols are classes in CPython's typing, with metaclasses of their own: left out.)
  const names = ['Any', 'Callable', 'Dict', 'FrozenSet', 'Generator', 'Iterable', 'Iterator', 'List', 'Optional',
    'Set', 'Tuple', 'Type', 'Union', 'Sequence', 'Mapping', 'MutableMapping', 'MutableSequence', 'AsyncIterator',
    'AsyncGenerator', 'ContextManager', 'NoReturn', 'Literal', 'Final', 'ClassVar', 'Deque',
    'DefaultDict', 'Counter', 'Hashable', 'Sized', 'Collection', 'Reversible', 'Never', 'Self'];
  const aliases = names.map((n): [string, Py] => [n, new TypingAlias(n)]);
  const m = module('typing', aliases);
  UNION_ALIAS.set(vm, m.dict.get('Union') as TypingAlias);
  m.dict.set('TYPE_CHECKING', false);
  m.dict.set('TypeVar', native('TypeVar', (a, kw) => {
    const name = a[0];
    if (typeof name !== 'string') throw vm.typeError('TypeVar name must be a string');
    let variance: '~' | '+' | '-' = '~';
    for (const [k, v] of kw ?? []) {
      if (k === 'covariant' && vm.truthy(v)) variance = '+';
      else if (k === 'contravariant' && vm.truthy(v)) variance = '-';
      else if (k !== 'bound' && k !== 'covariant' && k !== 'contravariant') throw new UnsupportedSignal(`TypeVar(..., ${k}=...)`, vm.currentLine());
    }
    return new TypeVarObject(name, variance);
  }));
  m.dict.set('cast', native('cast', (a) => a[1]));
  m.dict.set('overload', native('overload', (a) => a[0]));
  return m;
}
