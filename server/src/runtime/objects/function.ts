// Functions and the descriptors that wrap them: the staticmethod, classmethod and property constructors
// and the repr of built-in functions. Attributes of function objects (__name__, __code__, __defaults__)
// are read by the VM (VM.specialAttr), since calls are the hot path.

import { native } from '../args.js';
import { builtinFunctionType, classmethodType, methodType, propertyType, staticmethodType, type VM } from '../interp.js';
import { PyBoundMethod, PyClassMethod, PyProperty, PyStaticMethod } from '../values.js';

export function installFunctionTypes(vm: VM): void {
  propertyType.dict.set('__new__', native('__new__', (a, kw) => new PyProperty(a[1] ?? kw?.get('fget') ?? null, a[2] ?? kw?.get('fset') ?? null, a[3] ?? kw?.get('fdel') ?? null)));
  staticmethodType.dict.set('__new__', native('__new__', (a) => new PyStaticMethod(a[1])));
  classmethodType.dict.set('__new__', native('__new__', (a) => new PyClassMethod(a[1])));
  // types.MethodType(func, obj): method_new in Objects/classobject.c.
  methodType.dict.set('__new__', native('__new__', (a, kw) => {
    if (kw !== null && kw.size > 0) throw vm.typeError('method() takes no keyword arguments');
    if (a.length !== 3) throw vm.typeError(`method expected 2 arguments, got ${a.length - 1}`);
    if (!vm.truthy(vm.call(vm.builtins.get('callable'), [a[1]]))) throw vm.typeError('first argument must be callable');
    if (a[2] === null) throw vm.typeError('instance must not be None');
    return new PyBoundMethod(a[2], a[1]);
  }));
}

export function installBuiltinFunctionType(vm: VM): void {
  builtinFunctionType.dict.set('__repr__', native('__repr__', (a) => vm.repr(a[0])));
}
