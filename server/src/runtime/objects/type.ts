// type and super: type(name, bases, ns), mro(), zero-argument super() (the __class__ cell and the first
// argument of the calling frame), and class creation for `class` statements (__build_class__), which
// runs the body, computes the MRO and calls __init_subclass__ and __set_name__ as type_new does.

import { native } from '../args.js';
import {
  boolType, Frame, functionType, generatorType, objectType, PyFunction, rangeType, sliceType, superType, typeOf, typeType, visibleTypeOf,
  type VM,
} from '../interp.js';
import { applySlots } from './descriptors.js';
import { MroError, PyCell, PyClassMethod, PyDict, PyInstance, PyList, PyNative, PySuper, PyTuple, PyType, type Py } from '../values.js';

export function installTypeType(vm: VM): void {
  typeType.dict.set('__new__', native('__new__', (a) => {
    const [, name, bases, ns] = a;
    if (a.length === 2) return visibleTypeOf(a[1], vm.currentLine());
    const t = new PyType(name, bases instanceof PyTuple && bases.items.length > 0 ? (bases.items as PyType[]) : [objectType]);
    t.module = '__main__';
    if (ns instanceof PyDict) for (const [hk, v] of ns.vals) t.dict.set(ns.keys.get(hk), v);
    return t;
  }));
  typeType.dict.set('mro', native('mro', (a) => new PyList((a[0] as PyType).mro)));
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

export function buildClass(vm: VM, body: Py, name: Py, bases: Py[], keywords: Map<string, Py> = new Map()): Py {
  if (!(body instanceof PyFunction)) throw vm.typeError('__build_class__: func must be a function');
  const ns = new Map<string, Py>();
  const co = body.code;
  const cells: PyCell[] = co.cellvars.map(() => new PyCell(undefined));
  if (body.closure !== null) cells.push(...body.closure);
  const frame = new Frame(co, body.globals, [], cells, ns, body);
  vm.runFrame(frame, null);
  for (const b of bases) if (!(b instanceof PyType)) throw vm.typeError(`bases must be types`);
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
