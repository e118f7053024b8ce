// object and NoneType: the default methods every class inherits (__init__, __repr__, __eq__, __hash__,
// __new__, __setattr__, __format__) and None's constructor and repr.

import { native } from '../args.js';
import { noneType, NOT_IMPLEMENTED, objectType, typeOf, type VM } from '../interp.js';
import { PyInstance, PyObject, PyType } from '../values.js';

export function installObjectType(vm: VM): void {
  objectType.dict.set('__init__', native('__init__', () => null, 'object.__init__'));
  objectType.dict.set('__repr__', native('__repr__', (a) => `<${typeOf(a[0]).module === 'builtins' ? '' : typeOf(a[0]).module + '.'}${typeOf(a[0]).qualname} object at ${a[0] instanceof PyObject ? a[0].address : '0x7f0000000010'}>`, 'object.__repr__'));
  objectType.dict.set('__str__', native('__str__', (a) => vm.repr(a[0]), 'object.__str__'));
  objectType.dict.set('__eq__', native('__eq__', (a) => (a[0] === a[1] ? true : NOT_IMPLEMENTED), 'object.__eq__'));
  objectType.dict.set('__ne__', native('__ne__', (a) => {
    // object_richcompare(Py_NE): the inverse of type(self).__eq__(other) unless that is NotImplemented.
    const own = vm.attrLookup(typeOf(a[0]), '__eq__');
    if (own === undefined || own === null) return NOT_IMPLEMENTED;
    const eq = vm.call(vm.bindMethod(own, a[0]), [a[1]]);
    return eq === NOT_IMPLEMENTED ? eq : !vm.truthy(eq);
  }, 'object.__ne__'));
  objectType.dict.set('__hash__', native('__hash__', (a) => (a[0] instanceof PyObject ? parseInt(a[0].address, 16) >> 4 : 0), 'object.__hash__'));
  objectType.dict.set('__new__', native('__new__', (a) => {
    const t = a[0];
    if (!(t instanceof PyType)) throw vm.typeError('object.__new__(X): X is not a type object');
    if (t.layout === 'exception') return vm.newException(t, a.slice(1));
    // The built-in iterator types have no tp_new: only iter() and their own types' methods make them.
    if (t.layout === 'iterator') throw vm.typeError(`cannot create '${t.name}' instances`);
    return new PyInstance(t);
  }, 'object.__new__'));
  objectType.dict.set('__init_subclass__', native('__init_subclass__', (a, kw) => {
    // Class keywords nobody consumed end here, as in CPython.
    if (kw !== null && kw.size > 0) throw vm.typeError(`${a[0] instanceof PyType ? a[0].name : 'object'}.__init_subclass__() takes no keyword arguments`);
    return null;
  }));
  objectType.dict.set('__setattr__', native('__setattr__', (a) => {
    const o = a[0];
    if (o instanceof PyInstance) {
      o.dict.set(a[1], a[2]);
      return null;
    }
    vm.setAttr(o, a[1], a[2]);
    return null;
  }, 'object.__setattr__'));
  objectType.dict.set('__delattr__', native('__delattr__', (a) => {
    vm.delAttrDefault(a[0], a[1] as string);
    return null;
  }, 'object.__delattr__'));
  objectType.dict.set('__getattribute__', native('__getattribute__', (a) => vm.getAttr(a[0], a[1])));
  objectType.dict.set('__format__', native('__format__', (a) => {
    if (a[1] !== '') throw vm.typeError(`unsupported format string passed to ${typeOf(a[0]).tpName}.__format__`);
    return vm.str(a[0]);
  }));
  // The VM checks for PyNative __setattr__/__repr__ to take its fast paths; keep them native.
}

export function installNoneType(vm: VM): void {
  // none_new: type(None)() is None; it takes no arguments.
  noneType.dict.set('__new__', native('__new__', (a, kw) => {
    if (a.length > 1 || (kw !== null && kw.size > 0)) throw vm.typeError('NoneType takes no arguments');
    return null;
  }));
  noneType.dict.set('__repr__', native('__repr__', () => 'None'));
}
