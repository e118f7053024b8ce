// asyncio: a deterministic event loop on a virtual clock, with the scheduling order of CPython's (the same
// call_soon queue, timer heap and iteration steps), Future and Task as CPython's C accelerator has them, and
// the library built on them (sleep, gather, wait, wait_for, shield, as_completed, timeouts, TaskGroup, the
// locks and queues, asyncio.run). It is written in Python (modules/asyncio/*.ts, after CPython's asyncio
// package) and run by the VM, so the user's coroutines and async generators are driven exactly as CPython
// drives them; the natives below are what Python code cannot do: the awaitable of a future (FutureIter),
// the async generator hooks, the virtual clock's "wait forever", and refusing what CPython would only write
// to stderr or order by memory addresses.

import { def, native } from '../args.js';
import { STDLIB_FILENAME } from '../compiler.js';
import {
  GEN_SUSPENDED, LimitSignal, ListIterator, objectType, PyAsyncGenerator, PyAwaitIterator, UnsupportedSignal, type VM,
} from '../interp.js';
import { PyException, PyObject, PySet, PyTuple, PyType, STOP, type Py, type PyModule } from '../values.js';
import { installAwaitIteratorMethods } from '../objects/coroutine.js';
import { BASE_SOURCE } from './asyncio/base.js';
import { EVENTS_SOURCE } from './asyncio/events.js';
import { FUTURES_SOURCE } from './asyncio/futures.js';
import { STRUCTURE_SOURCE } from './asyncio/structure.js';
import { SYNC_SOURCE } from './asyncio/sync.js';
import { TASKS_SOURCE } from './asyncio/tasks.js';
import { pythonModule } from './support.js';

const IMPORTS = `
from functools import partial as _partial
import inspect as _inspect
from types import coroutine as _coroutine, CoroutineType as _CoroutineType, GeneratorType as _GeneratorType
from math import isnan as _isnan
`;

const SOURCE = [IMPORTS, BASE_SOURCE, EVENTS_SOURCE, FUTURES_SOURCE, TASKS_SOURCE, SYNC_SOURCE, STRUCTURE_SOURCE].join('\n');

const futureIterType = new PyType('FutureIter', [objectType]);
futureIterType.builtin = true;
futureIterType.layout = 'iterator';
futureIterType.module = '_asyncio';

/**
 * What awaiting a future iterates (_asyncio.FutureIter): a pending future yields itself once, marked
 * `_asyncio_future_blocking` for the task that will wait for it; a done one returns its result.
 */
class FutureIter extends PyAwaitIterator {
  constructor(private vm: VM, private future: Py) {
    super();
  }
  get typeName(): string {
    return 'FutureIter';
  }
  get pyType(): PyType {
    return futureIterType;
  }
  traverse(): Py[] {
    return [this.future];
  }
  send(_value: Py): Py {
    const vm = this.vm;
    const fut = this.future;
    if (fut === null) {
      vm.lastReturn = null;
      return STOP;
    }
    if (vm.getAttr(fut, '_state') === 'PENDING') {
      if (!vm.truthy(vm.getAttr(fut, '_asyncio_future_blocking'))) {
        vm.setAttr(fut, '_asyncio_future_blocking', true);
        return fut;
      }
      throw vm.error('RuntimeError', "await wasn't used with future");
    }
    this.future = null;
    vm.lastReturn = vm.callMethod(fut, 'result', []);
    return STOP;
  }
  throwIn(exc: PyException): Py {
    throw exc;
  }
  close(): Py {
    this.future = null;
    return null;
  }
}

const weakSetType = new PyType('WeakSet', [objectType]);
weakSetType.builtin = true;
weakSetType.layout = 'weakset';
weakSetType.module = '_weakrefset';

/**
 * The WeakSets of asyncio (the loop's async generators, the registered tasks, the futures whose exception
 * may be logged): members in insertion order that do not keep anything reachable, so a generator only they
 * hold is finalised when its last real reference goes, as in CPython.
 */
class WeakMembers extends PyObject {
  readonly items: Py[] = [];
  get pyType(): PyType {
    return weakSetType;
  }
  pyLen(): number {
    return this.items.length;
  }
  traverse(): Py[] {
    return [];
  }
}

function installWeakSetMethods(vm: VM): void {
  const self = (a: Py[]): WeakMembers => a[0] as WeakMembers;
  def(weakSetType, 'add', (a) => {
    const s = self(a);
    if (!s.items.includes(a[1])) s.items.push(a[1]);
    return null;
  });
  def(weakSetType, 'discard', (a) => {
    const s = self(a);
    const i = s.items.indexOf(a[1]);
    if (i >= 0) s.items.splice(i, 1);
    return null;
  });
  def(weakSetType, 'clear', (a) => {
    self(a).items.length = 0;
    return null;
  });
  def(weakSetType, 'keep', (a) => {
    const s = self(a);
    const kept = s.items.filter((x) => vm.truthy(vm.call(a[1], [x])));
    s.items.length = 0;
    s.items.push(...kept);
    return null;
  });
  def(weakSetType, '__iter__', (a) => new ListIterator(self(a).items.slice(), 'list_iterator'));
  def(weakSetType, '__len__', (a) => self(a).items.length);
}

export function asyncioModule(vm: VM): PyModule {
  const refuse = (feature: string): never => {
    throw new UnsupportedSignal(feature, vm.currentLine());
  };
  installAwaitIteratorMethods(vm, futureIterType, 'FutureIter', false);
  installWeakSetMethods(vm);
  return pythonModule(vm, 'asyncio', SOURCE, [
    ['_LIBRARY', STDLIB_FILENAME],
    ['_FutureIter', native('_FutureIter', (a) => new FutureIter(vm, a[0]))],
    ['_WeakSet', native('_WeakSet', () => new WeakMembers())],
    ['_set_asyncgen_hooks', native('_set_asyncgen_hooks', (a) => {
      vm.asyncgenFirstiter = a[0] ?? null;
      vm.asyncgenFinalizer = a[1] ?? null;
      return null;
    })],
    ['_get_asyncgen_hooks', native('_get_asyncgen_hooks', () => new PyTuple([vm.asyncgenFirstiter, vm.asyncgenFinalizer]))],
    ['_unsupported', native('_unsupported', (a) => refuse(String(a[0])))],
    ['_wait_forever', native('_wait_forever', () => {
      throw new LimitSignal('time', 'the event loop has no callback ready and no timer scheduled: CPython would wait forever', vm.currentLine());
    })],
    ['_here', native('_here', () => vm.currentLine())],
    ['_at_exit', native('_at_exit', (a) => {
      vm.exitChecks.push(a[0]);
      return null;
    })],
    ['_unordered', native('_unordered', (a) => {
      if (a[0] instanceof PySet) vm.markUnordered(a[0], String(a[1]));
      return a[0];
    })],
    ['_agen_runs_code_when_closed', native('_agen_runs_code_when_closed', (a) => {
      const ag = a[0];
      return ag instanceof PyAsyncGenerator && ag.state === GEN_SUSPENDED && ag.frame !== null && ag.frame.blocks.length !== 0;
    })],
  ]);
}
