// type and super: type(name, bases, ns), mro(), zero-argument super() (the __class__ cell and the first
// argument of the calling frame), and class creation for `class` statements (__build_class__), which
// runs the body, computes the MRO and calls __init_subclass__ and __set_name__ as type_new does.

import { native } from '../args.js';
import {
  UnsupportedSignal, boolType, Frame, functionType, generatorType, objectType, PyFunction, rangeType, sliceType, superType, typeOf, typeType, visibleTypeOf,
  type VM,
} from '../interp.js';
import { applySlots } from './descriptors.js';
import { PyGenericAlias } from './genericalias.js';
import { MroError, PyBoundMethod, PyCell, PyClassMethod, PyDict, PyStaticMethod, PyInstance, PyList, PyNative, PySuper, PyTuple, PyType, type Py } from '../values.js';

export function installTypeType(vm: VM): void {
  typeType.dict.set('__new__', native('__new__', (a, kw) => {
    const [meta, name, bases, ns] = a;
    const hasKeywords = kw !== null && kw.size > 0;
    if (a.length === 2 && !hasKeywords && meta === typeType) return visibleTypeOf(a[1], vm.currentLine());
    if (!(meta instanceof PyType) || !meta.isSubtypeOf(typeType)) throw vm.typeError('type.__new__(X): X is not a type object');
    // type_call / type_new: type() itself takes 1 or 3 arguments; a metaclass's call goes to type.__new__'s own check.
    if (a.length !== 4) throw vm.typeError(meta === typeType ? 'type() takes 1 or 3 arguments' : `type.__new__() takes exactly 3 arguments (${a.length - 1} given)`);
    if (typeof name !== 'string') throw vm.typeError(`type.__new__() argument 1 must be str, not ${typeOf(name).tpName}`);
    if (!(bases instanceof PyTuple)) throw vm.typeError(`type.__new__() argument 2 must be tuple, not ${typeOf(bases).tpName}`);
    if (!(ns instanceof PyDict)) throw vm.typeError(`type.__new__() argument 3 must be dict, not ${typeOf(ns).tpName}`);
    // _PyType_CalculateMetaclass runs over the bases before anything checks that they are classes.
    winningMetaclass(vm, meta, bases.items);
    for (const b of bases.items) if (!(b instanceof PyType)) throw vm.typeError('bases must be types');
    const namespace = new Map<string, Py>();
    for (const [hk, v] of ns.vals) {
      const key = ns.keys.get(hk);
      if (typeof key !== 'string') throw new UnsupportedSignal('a class namespace with a non-str key', vm.currentLine());
      namespace.set(key, v);
    }
    if (!namespace.has('__module__')) namespace.set('__module__', vm.frame?.globals.get('__name__') ?? '__main__');
    // type_new: a more derived metaclass among the bases' makes the class instead (its own __new__, if any).
    const winner = winningMetaclass(vm, meta, bases.items as PyType[]);
    const winnerNew = winner !== meta ? winner.lookup('__new__') : undefined;
    if (winnerNew instanceof PyFunction || winnerNew instanceof PyStaticMethod)
      return vm.call(winnerNew instanceof PyStaticMethod ? winnerNew.func : winnerNew, [winner, name, bases, ns], kw);
    return createClass(vm, winner, name, bases.items as PyType[], namespace, kw ?? new Map());
  }));
  // type.__call__: what calling a class does (a metaclass's __call__ reaches it through super()).
  typeType.dict.set('__call__', native('__call__', (a, kw) => {
    const cls = a[0];
    if (!(cls instanceof PyType)) throw vm.typeError("descriptor '__call__' requires a 'type' object");
    return vm.construct(cls, a.slice(1), kw);
  }));
  // type.__setattr__ / __delattr__: what a metaclass's own __setattr__ reaches through super().
  typeType.dict.set('__setattr__', native('__setattr__', (a) => {
    const [t, attr, v] = a;
    if (!(t instanceof PyType) || typeof attr !== 'string') throw vm.typeError("descriptor '__setattr__' requires a 'type' object and a str name");
    vm.setTypeAttrDefault(t, attr, v);
    return null;
  }, 'type.__setattr__'));
  typeType.dict.set('__delattr__', native('__delattr__', (a) => {
    vm.delAttrDefault(a[0], a[1] as string);
    return null;
  }, 'type.__delattr__'));
  typeType.dict.set('mro', native('mro', (a) => new PyList((a[0] as PyType).mro.filter((c) => !c.hiddenBase))));
  typeType.dict.set('__subclasses__', native('__subclasses__', () => new PyList([])));
}

export function installSuperType(vm: VM): void {
  superType.dict.set('__new__', native('__new__', (a) => {
    if (a.length >= 3) return new PySuper(a[1], a[2]);
    // Zero-argument super(): the __class__ cell and the first argument of the calling frame.
    const f = vm.frame;
    if (f === null || f.func === null) throw vm.error('RuntimeError', 'super(): no arguments');
    const co = f.code;
    if (co.argcount === 0 && (co.flags & 2) === 0) throw vm.error('RuntimeError', 'super(): no arguments');
    const ci = co.freevars.indexOf('__class__');
    if (ci < 0) throw vm.error('RuntimeError', 'super(): __class__ cell not found');
    const cls = f.cells![co.cellvars.length + ci]!.value;
    const firstName = co.varnames[0]!;
    const cellI = co.cellvars.indexOf(firstName);
    const self = cellI >= 0 ? f.cells![cellI]!.value : f.locals[0];
    if (self === undefined) throw vm.error('RuntimeError', 'super(): arg[0] deleted');
    return new PySuper(cls, self);
  }));
}

/**
 * `class` statements: the metaclass (the explicit `metaclass=` or the most derived of the bases'),
 * the body run into a namespace, then the class made by `type.__new__`, or by calling the metaclass.
 */
export function buildClass(vm: VM, body: Py, name: Py, bases: Py[], keywords: Map<string, Py> = new Map()): Py {
  if (!(body instanceof PyFunction)) throw vm.typeError('__build_class__: func must be a function');
  const classKeywords = new Map(keywords);
  const explicit = classKeywords.get('metaclass');
  classKeywords.delete('metaclass');
  if (explicit !== undefined && !(explicit instanceof PyType && explicit.isSubtypeOf(typeType)))
    throw new UnsupportedSignal('a metaclass that is not a subclass of type', vm.currentLine());
  const origBases = bases;
  bases = resolveBases(bases);
  for (const b of bases) if (!(b instanceof PyType)) throw vm.typeError(`bases must be types`);
  const meta = winningMetaclass(vm, (explicit as PyType | undefined) ?? typeType, bases as PyType[]);
  let prepared: Py | undefined;
  let ns = new Map<string, Py>();
  if (meta !== typeType) {
    const prepare = meta.lookup('__prepare__');
    if (prepare !== undefined && !(prepare instanceof PyNative)) {
      const bound = prepare instanceof PyClassMethod ? new PyBoundMethod(meta, prepare.func) : prepare;
      prepared = vm.call(bound, [name, new PyTuple(bases)], classKeywords.size > 0 ? classKeywords : null);
      if (prepared instanceof PyDict) {
        // A plain dict runs the body as a fresh one would; its entries come first.
        for (const [hk, v] of prepared.vals) {
          const key = prepared.keys.get(hk);
          if (typeof key !== 'string') throw new UnsupportedSignal('a class namespace with a non-str key', vm.currentLine());
          ns.set(key, v);
        }
        prepared = undefined;
      } else if (prepared instanceof PyInstance) {
        ns = new MappingNamespace(vm, prepared);
      } else {
        throw vm.typeError(`${meta.name}.__prepare__() must return a mapping, not ${typeOf(prepared).tpName}`);
      }
    }
  }
  const co = body.code;
  const cells: PyCell[] = co.cellvars.map(() => new PyCell(undefined));
  if (body.closure !== null) cells.push(...body.closure);
  const frame = new Frame(co, body.globals, [], cells, ns, body);
  vm.runFrame(frame, null);
  if (bases !== origBases) ns.set('__orig_bases__', new PyTuple(origBases));
  if (meta === typeType) return createClass(vm, typeType, name, bases as PyType[], ns, classKeywords);
  if (prepared !== undefined) return vm.call(meta, [name, new PyTuple(bases), prepared], classKeywords.size > 0 ? classKeywords : null);
  const namespace = new PyDict();
  for (const [k, v] of ns) vm.dictSet(namespace, k, v);
  return vm.call(meta, [name, new PyTuple(bases), namespace], classKeywords.size > 0 ? classKeywords : null);
}

/**
 * PEP 560's resolve_bases for the generic aliases of types.GenericAlias (`list[int]`, `Sequence[int]`): such a
 * base stands for its origin (ga_mro_entries), and the class keeps the bases as written in `__orig_bases__`.
 * Other objects with a `__mro_entries__` of their own are left to fail as before.
 */
function resolveBases(bases: Py[]): Py[] {
  if (!bases.some((b) => b instanceof PyGenericAlias)) return bases;
  return bases.map((b) => (b instanceof PyGenericAlias ? b.origin : b));
}

/** _PyType_CalculateMetaclass: the most derived metaclass, or CPython's conflict error. */
function winningMetaclass(vm: VM, start: PyType, bases: readonly Py[]): PyType {
  let winner = start;
  for (const base of bases) {
    const candidate = typeOf(base) as PyType;
    if (winner.isSubtypeOf(candidate)) continue;
    if (candidate.isSubtypeOf(winner)) {
      winner = candidate;
      continue;
    }
    throw vm.typeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

/** type.__new__(meta, name, bases, ns): the class object, its slots, __set_name__ and __init_subclass__. */
export function createClass(vm: VM, meta: PyType, name: Py, bases: PyType[], ns: Map<string, Py>, keywords: Map<string, Py>): PyType {
  if (typeof name !== 'string') throw vm.typeError(`type.__new__() argument 1 must be str, not ${typeOf(name).tpName}`);
  if (name.includes('\0')) throw vm.error('ValueError', 'type name must not contain null characters');
  refuseLoneSurrogate(vm, name);
  const qualname = ns.get('__qualname__');
  if (qualname !== undefined && typeof qualname !== 'string') throw vm.typeError(`type __qualname__ must be a str, not ${typeOf(qualname).tpName}`);
  const doc = ns.get('__doc__');
  if (typeof doc === 'string') refuseLoneSurrogate(vm, doc);

  let t: PyType;
  try {
    t = new PyType(name, bases.length > 0 ? bases : [objectType]);
  } catch (e) {
    if (e instanceof MroError) throw vm.typeError(`Cannot create a consistent method resolution order (MRO) for bases ${bases.map((x: PyType) => x.name).join(', ')}`);
    throw e;
  }
  for (const b of bases as PyType[]) {
    if (b === boolType || b === rangeType || b === sliceType || b === generatorType || b === functionType)
      throw vm.typeError(`type '${b.name}' is not an acceptable base type`);
  }
  // best_base: two built-in bases with different instance layouts cannot be combined.
  const layouts = new Set(bases.flatMap((b) => b.mro).filter((b) => b.builtin && b.layout !== 'object' && b.layout !== 'exception').map((b) => b.layout));
  if (layouts.size > 1) throw vm.typeError('multiple bases have instance lay-out conflict');
  t.module = (ns.get('__module__') as string) ?? '__main__';
  t.qualname = (ns.get('__qualname__') as string) ?? name;
  // type.__new__ makes these two implicit classmethods.
  for (const implicit of ['__init_subclass__', '__class_getitem__']) {
    const f = ns.get(implicit);
    if (f instanceof PyFunction) ns.set(implicit, new PyClassMethod(f));
  }
  const classcell = ns.get('__classcell__');
  for (const [k, v] of ns) {
    if (k === '__classcell__' || k === '__qualname__') continue;
    t.dict.set(k, v);
  }
  if (t.dict.has('__eq__') && !t.dict.has('__hash__')) t.dict.set('__hash__', null);
  const slots = t.dict.get('__slots__');
  if (slots !== undefined) applySlots(vm, t, slots);
  if (meta !== typeType) t.metaclass = meta;
  if (classcell instanceof PyCell) classcell.value = t;
  // type.__new__: __set_name__ on the attributes first, then the parent's __init_subclass__ with the class keywords.
  for (const [k, v] of [...t.dict]) {
    if (v instanceof PyInstance) {
      const sn = v.cls.lookup('__set_name__');
      if (sn !== undefined) vm.call(vm.bindMethod(sn, v), [t, k]);
    }
  }
  const initSub = t.mro[1]?.lookup('__init_subclass__');
  if (initSub !== undefined && !(initSub instanceof PyNative)) {
    const f = initSub instanceof PyClassMethod ? initSub.func : initSub;
    vm.call(f, [t], keywords.size > 0 ? keywords : null);
  } else if (keywords.size > 0) {
    throw vm.typeError(`${name}.__init_subclass__() takes no keyword arguments`);
  }
  return t;
}

/**
 * The class body's namespace when a metaclass __prepare__ returned a mapping that is not a dict (enum's
 * EnumDict): the body's STORE_NAME, LOAD_NAME and DELETE_NAME go through the mapping's own __setitem__,
 * __getitem__ and __delitem__, as CPython's do for a non-dict locals mapping.
 */
class MappingNamespace extends Map<string, Py> {
  constructor(private readonly vm: VM, private readonly mapping: PyInstance) {
    super();
  }
  override get(key: string): Py | undefined {
    try {
      return this.vm.getItem(this.mapping, key);
    } catch (error) {
      const exception = this.vm.toPyException(error);
      if (this.vm.excMatches(exception, 'KeyError')) return undefined;
      throw exception;
    }
  }
  override set(key: string, value: Py): this {
    // Map's constructor calls nothing; before the fields exist there is nothing to forward to.
    if (this.mapping === undefined) return super.set(key, value);
    this.vm.setItem(this.mapping, key, value);
    return this;
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  override delete(key: string): boolean {
    if (!this.has(key)) return false;
    this.vm.delItem(this.mapping, key);
    return true;
  }
}

/** The class's name and __doc__ go through UTF-8 (tp_name, tp_doc): a lone surrogate is CPython's UnicodeEncodeError. */
function refuseLoneSurrogate(vm: VM, text: string): void {
  let position = 0;
  for (const ch of text) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff)
      throw vm.error('UnicodeEncodeError', `'utf-8' codec can't encode character '\\u${unit.toString(16)}' in position ${position}: surrogates not allowed`);
    position++;
  }
}
