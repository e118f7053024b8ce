// _weakref and weakref: ref() and proxy(). The runtime does not model when CPython frees an object, so a
// weak reference answers only while its referent is certainly alive (reachable from the live frames, the
// modules and running calls: CPython then holds a strong reference too); once it is not, CPython has freed
// it or will when its collector runs, and the runtime refuses rather than guess. A proxy forwards attribute
// access and ==/!=; its other operations are refused. WeakValueDictionary, WeakSet, finalize and the rest
// of weakref.py are left out (importing them is `unsupported`).

import { native } from '../args.js';
import { objectType, PyFunction, PyGenerator, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyInstance, PyList, PyObject, PySet, PyTuple, PyType, PyWeakRef, type Py, type PyModule } from '../values.js';
import { module, pythonModule } from './support.js';

export const referenceType = new PyType('ReferenceType', [objectType]);
referenceType.builtin = true;
referenceType.module = 'weakref';
referenceType.layout = 'weakref';
export const callableProxyType = new PyType('CallableProxyType', [objectType]);
callableProxyType.builtin = true;
callableProxyType.module = 'weakref';
callableProxyType.layout = 'weakproxy';
export const proxyType = new PyType('ProxyType', [objectType]);
proxyType.builtin = true;
proxyType.module = 'weakref';
proxyType.layout = 'weakproxy';

/** The referent, if certainly alive; else a refusal. */
export function weakTarget(vm: VM, w: PyWeakRef): PyObject {
  return vm.weakReferent(w);
}

function check(vm: VM, v: Py | undefined): PyObject {
  if (v instanceof PyInstance) {
    // A class whose __slots__ list '__weakref__' has a weak reference slot, as CPython gives it.
    const slotNames = (t: PyType): string[] | undefined => {
      const s = t.dict.get('__slots__');
      if (typeof s === 'string') return [s];
      if (s instanceof PyTuple || s instanceof PyList) return s.items.filter((x): x is string => typeof x === 'string');
      return undefined;
    };
    if (v.cls.mro.some((t) => slotNames(t)?.includes('__weakref__'))) return v;
    if (v.cls.mro.some((t) => t.dict.has('__slots__'))) throw new UnsupportedSignal('a weak reference to an object of a class with __slots__', vm.currentLine());
    return v;
  }
  if (v instanceof PyFunction || v instanceof PyType || v instanceof PyGenerator || v instanceof PySet) return v;
  const t = typeOf(v ?? null);
  if (typeof v !== 'object' || v === null || ['list', 'dict', 'tuple', 'float', 'bytes', 'bytearray', 'range', 'slice'].includes(t.name))
    throw vm.typeError(`cannot create weak reference to '${t.tpName}' object`);
  throw new UnsupportedSignal(`a weak reference to a ${t.name} object`, vm.currentLine());
}

export function weakrefRepr(vm: VM, w: PyWeakRef): string {
  const target = weakTarget(vm, w);
  return `<${w.isProxy ? 'weakproxy' : 'weakref'} at ${w.address}; to '${typeOf(target).tpName}' at ${target.address}>`;
}

function installTypes(vm: VM): void {
  // Every VM installs its own: the types are shared, and a native bound to an earlier run's VM would walk that run's frames.
  referenceType.dict.set('__call__', native('__call__', (a) => {
    const w = a[0] as PyWeakRef;
    if (a.length > 1) throw vm.typeError(`weakref() takes exactly 0 arguments (${a.length - 1} given)`);
    return weakTarget(vm, w);
  }));
  referenceType.dict.set('__repr__', native('__repr__', (a) => weakrefRepr(vm, a[0] as PyWeakRef)));
  referenceType.dict.set('__hash__', native('__hash__', (a) => vm.call(vm.builtins.get('hash')!, [weakTarget(vm, a[0] as PyWeakRef)])));
  referenceType.dict.set('__eq__', native('__eq__', (a) => {
    const [x, y] = a as [PyWeakRef, Py];
    if (!(y instanceof PyWeakRef) || y.isProxy) return vm.builtins.get('NotImplemented')!;
    return vm.eq(weakTarget(vm, x), weakTarget(vm, y));
  }));
  proxyType.dict.set('__repr__', native('__repr__', (a) => weakrefRepr(vm, a[0] as PyWeakRef)));
  proxyType.dict.set('__hash__', null);
  const unwrap = (v: Py): Py => (v instanceof PyWeakRef && v.isProxy ? weakTarget(vm, v) : v);
  proxyType.dict.set('__eq__', native('__eq__', (a) => vm.eq(unwrap(a[0]!), unwrap(a[1]!))));
  proxyType.dict.set('__ne__', native('__ne__', (a) => !vm.eq(unwrap(a[0]!), unwrap(a[1]!))));
  // Every other operation on a proxy would reach its object in CPython (len(), iteration, arithmetic, str(),
  // bool(), calls...): refused, through Python-level dunders the VM dispatches to as it does for instances.
  const refusals = pythonModule(vm, '_weakref_refusals', PROXY_REFUSALS, [['_refuse', native('_refuse', (a) => {
    throw new UnsupportedSignal(`${String(a[0])} of a weakref.proxy`, vm.currentLine());
  })]]);
  for (const [k, v] of refusals.dict) if (k.startsWith('__') && k !== '__name__' && typeof v === 'object' && v !== null) proxyType.dict.set(k, v);
  for (const [k, v] of proxyType.dict) if (k !== '__call__') callableProxyType.dict.set(k, v);
}

const PROXY_REFUSALS = String.raw`
def _make(name):
    def refused(self, *args):
        _refuse(name)
    return refused

for _name in ('__str__', '__bool__', '__len__', '__iter__', '__next__', '__reversed__', '__getitem__', '__setitem__', '__delitem__',
              '__contains__', '__call__', '__format__', '__bytes__', '__index__', '__int__', '__float__', '__abs__', '__neg__',
              '__pos__', '__invert__', '__lt__', '__le__', '__gt__', '__ge__', '__enter__', '__exit__', '__await__',
              '__aiter__', '__anext__', '__length_hint__', '__round__', '__trunc__', '__floor__', '__ceil__'):
    globals()[_name] = _make(_name)
for _op in ('add', 'sub', 'mul', 'matmul', 'truediv', 'floordiv', 'mod', 'divmod', 'pow', 'lshift', 'rshift', 'and', 'xor', 'or'):
    for _form in ('__%s__', '__r%s__', '__i%s__'):
        globals()[_form % _op] = _make(_form % _op)
`;

const made = new WeakMap<VM, PyModule>();

export function _weakrefModule(vm: VM): PyModule {
  const done = made.get(vm);
  if (done !== undefined) return done;
  installTypes(vm);
  // weakref.ref is the type itself (ReferenceType): calling it makes a reference.
  referenceType.dict.set('__new__', native('__new__', (a) => {
    if (a.length > 2) throw new UnsupportedSignal('weakref.ref() with a callback', vm.currentLine());
    if (a.length < 2) throw vm.typeError(`__new__ expected at least 1 argument, got ${a.length - 1}`);
    const w = new PyWeakRef(check(vm, a[1]), false);
    w.pyType = referenceType;
    return w;
  }));
  const ref = referenceType;
  const proxy = native('proxy', (a) => {
    if (a.length > 1) throw new UnsupportedSignal('weakref.proxy() with a callback', vm.currentLine());
    const target = check(vm, a[0]);
    const w = new PyWeakRef(target, true);
    // The proxy of a callable object is a weakref.CallableProxyType: calling it calls the object.
    w.pyType = vm.call(vm.builtins.get('callable')!, [target]) === true ? callableProxyType : proxyType;
    return w;
  });
  const m = module('_weakref', [['ref', ref], ['proxy', proxy], ['ReferenceType', referenceType], ['ProxyType', proxyType], ['CallableProxyType', callableProxyType]]);
  made.set(vm, m);
  return m;
}

export function weakrefModule(vm: VM): PyModule {
  const w = _weakrefModule(vm);
  return module('weakref', [['ref', w.dict.get('ref')!], ['proxy', w.dict.get('proxy')!], ['ReferenceType', referenceType], ['ProxyType', proxyType], ['CallableProxyType', callableProxyType]]);
}
