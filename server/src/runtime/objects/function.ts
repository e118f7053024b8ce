// Functions and the descriptors that wrap them: the staticmethod, classmethod and property constructors
// and the repr of built-in functions. Attributes of function objects (__name__, __code__, __defaults__)
// are read by the VM (VM.specialAttr), since calls are the hot path.

import { native } from '../args.js';
import { builtinFunctionType, classmethodType, propertyType, staticmethodType, type VM } from '../interp.js';
import { PyClassMethod, PyProperty, PyStaticMethod } from '../values.js';

export function installFunctionTypes(vm: VM): void {
  propertyType.dict.set('__new__', native('__new__', (a, kw) => new PyProperty(a[1] ?? kw?.get('fget') ?? null, a[2] ?? kw?.get('fset') ?? null, a[3] ?? kw?.get('fdel') ?? null)));
  staticmethodType.dict.set('__new__', native('__new__', (a) => new PyStaticMethod(a[1])));
  classmethodType.dict.set('__new__', native('__new__', (a) => new PyClassMethod(a[1])));
}

export function installBuiltinFunctionType(vm: VM): void {
  builtinFunctionType.dict.set('__repr__', native('__repr__', (a) => vm.repr(a[0])));
}
