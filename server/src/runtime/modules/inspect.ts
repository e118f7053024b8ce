// inspect: the generator, coroutine and async generator introspection functions (getgeneratorstate,
// getcoroutinestate, getasyncgenstate, their locals, the is* predicates) read the VM's objects directly,
// where inspect.py reads the same attributes (so a wrong object fails on the attribute, as in CPython).

import { native } from '../args.js';
import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE } from '../compiler.js';
import {
  GEN_CLOSED, GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, PyAsyncGenerator, PyCoroutine, PyFunction, PyGenerator, typeOf, type VM,
} from '../interp.js';
import { PyBoundMethod, PyDict, PyInstance, PyType, type Py, type PyModule } from '../values.js';
import { module } from './support.js';

/** CPython's co_flags bits, as inspect exposes them (the runtime numbers its own flags differently). */
const CPYTHON_FLAGS: [string, number][] = [
  ['CO_OPTIMIZED', 1], ['CO_NEWLOCALS', 2], ['CO_VARARGS', 4], ['CO_VARKEYWORDS', 8], ['CO_NESTED', 16],
  ['CO_GENERATOR', 32], ['CO_NOFREE', 64], ['CO_COROUTINE', 128], ['CO_ITERABLE_COROUTINE', 256], ['CO_ASYNC_GENERATOR', 512],
];

export function inspectModule(vm: VM): PyModule {
  /** The function under bound methods and functools.partial objects, as inspect._has_code_flag unwraps them. */
  const functionOf = (f: Py): PyFunction | null => {
    let o = f;
    for (;;) {
      if (o instanceof PyBoundMethod) o = o.func;
      else if (o instanceof PyInstance && o.cls.name === 'partial' && o.cls.module === 'functools' && o.dict.has('func')) o = o.dict.get('func');
      else break;
    }
    return o instanceof PyFunction ? o : null;
  };
  const hasFlag = (f: Py, flag: number): boolean => {
    const fn = functionOf(f);
    return fn !== null && (fn.code.flags & flag) !== 0;
  };
  /** inspect.py's get*locals: the frame's f_locals, or {} once there is no frame. */
  const frameLocals = (o: Py, attr: string): PyDict => {
    const frame = vm.getAttrOrUndefined(o, attr);
    return frame === undefined || frame === null ? new PyDict() : vm.frameLocals(frame);
  };
  const isAwaitable = (o: Py): boolean => {
    if (o instanceof PyCoroutine) return true;
    if (o instanceof PyGenerator && o.constructor === PyGenerator) return (o.code.flags & CO_ITERABLE_COROUTINE) !== 0;
    const m = typeOf(o).lookup('__await__');
    return m !== undefined && m !== null;
  };
  return module('inspect', [
  ['GEN_CREATED', GEN_CREATED], ['GEN_RUNNING', GEN_RUNNING], ['GEN_SUSPENDED', GEN_SUSPENDED], ['GEN_CLOSED', GEN_CLOSED],
  ['CORO_CREATED', 'CORO_CREATED'], ['CORO_RUNNING', 'CORO_RUNNING'], ['CORO_SUSPENDED', 'CORO_SUSPENDED'], ['CORO_CLOSED', 'CORO_CLOSED'],
  ['AGEN_CREATED', 'AGEN_CREATED'], ['AGEN_RUNNING', 'AGEN_RUNNING'], ['AGEN_SUSPENDED', 'AGEN_SUSPENDED'], ['AGEN_CLOSED', 'AGEN_CLOSED'],
  ...CPYTHON_FLAGS,
  ['getgeneratorstate', native('getgeneratorstate', (a) => {
    const g = a[0];
    // inspect.py reads gi_running/gi_suspended/gi_frame, so a non-generator fails on the attribute.
    if (!(g instanceof PyGenerator) || g.constructor !== PyGenerator) {
      vm.getAttr(g, 'gi_running');
      throw vm.typeError(`${vm.repr(g)} is not a Python generator`);
    }
    return g.state;
  })],
  ['getgeneratorlocals', native('getgeneratorlocals', (a) => {
    const g = a[0];
    if (!(g instanceof PyGenerator) || g.constructor !== PyGenerator) throw vm.typeError(`${vm.repr(g)} is not a Python generator`);
    return g.frame !== null ? vm.frameLocals(g.frame) : new PyDict();
  })],
  ['getcoroutinestate', native('getcoroutinestate', (a) => {
    const c = a[0];
    if (vm.truthy(vm.getAttr(c, 'cr_running'))) return 'CORO_RUNNING';
    if (vm.truthy(vm.getAttr(c, 'cr_suspended'))) return 'CORO_SUSPENDED';
    if (vm.getAttr(c, 'cr_frame') === null) return 'CORO_CLOSED';
    return 'CORO_CREATED';
  })],
  ['getasyncgenstate', native('getasyncgenstate', (a) => {
    const g = a[0];
    if (vm.truthy(vm.getAttr(g, 'ag_running'))) return 'AGEN_RUNNING';
    if (vm.truthy(vm.getAttr(g, 'ag_suspended'))) return 'AGEN_SUSPENDED';
    if (vm.getAttr(g, 'ag_frame') === null) return 'AGEN_CLOSED';
    return 'AGEN_CREATED';
  })],
  ['getcoroutinelocals', native('getcoroutinelocals', (a) => frameLocals(a[0], 'cr_frame'))],
  ['getasyncgenlocals', native('getasyncgenlocals', (a) => {
    if (!(a[0] instanceof PyAsyncGenerator)) throw vm.typeError(`${vm.repr(a[0])} is not a Python async generator`);
    return frameLocals(a[0], 'ag_frame');
  })],
  ['isgenerator', native('isgenerator', (a) => a[0] instanceof PyGenerator && a[0].constructor === PyGenerator)],
  ['isgeneratorfunction', native('isgeneratorfunction', (a) => hasFlag(a[0], CO_GENERATOR))],
  ['iscoroutine', native('iscoroutine', (a) => a[0] instanceof PyCoroutine)],
  ['iscoroutinefunction', native('iscoroutinefunction', (a) => hasFlag(a[0], CO_COROUTINE))],
  ['isasyncgen', native('isasyncgen', (a) => a[0] instanceof PyAsyncGenerator)],
  ['isasyncgenfunction', native('isasyncgenfunction', (a) => hasFlag(a[0], CO_ASYNC_GENERATOR))],
  ['isawaitable', native('isawaitable', (a) => isAwaitable(a[0]))],
  ['isfunction', native('isfunction', (a) => a[0] instanceof PyFunction)],
  ['isclass', native('isclass', (a) => a[0] instanceof PyType)],
  ]);
}
