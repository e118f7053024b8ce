// The coroutine type (`async def` without `yield`): send, throw, close, __await__ and the cr_* descriptors,
// and coroutine_wrapper, the iterator __await__() returns. The protocol itself is the generator's
// (VM.genResume/genThrow/genClose), which words its messages for coroutines.

import { def, native } from '../args.js';
import { coroutineType, objectType, PyAwaitIterator, PyCoroutine, typeOf, type VM } from '../interp.js';
import { PyException, PyProperty, PyType, STOP, type Py } from '../values.js';
import { thrownException } from './generator.js';

const coroutineWrapperType = new PyType('coroutine_wrapper', [objectType]);
coroutineWrapperType.builtin = true;
coroutineWrapperType.layout = 'iterator';

/** What `coro.__await__()` returns: an iterator that drives the coroutine (CPython's coroutine_wrapper). */
export class CoroutineWrapper extends PyAwaitIterator {
  constructor(private vm: VM, readonly coro: PyCoroutine) {
    super();
  }
  get typeName(): string {
    return 'coroutine_wrapper';
  }
  get pyType(): PyType {
    return coroutineWrapperType;
  }
  send(value: Py): Py {
    return this.vm.genResume(this.coro, value, null, value === null ? 'next' : 'send');
  }
  throwIn(exc: PyException): Py {
    return this.vm.genThrow(this.coro, exc);
  }
  close(): Py {
    return this.vm.genClose(this.coro);
  }
  traverse(): Py[] {
    return [this.coro];
  }
}

/**
 * send/throw/close/__next__/__iter__ as Python methods of a native awaitable's iterator (the coroutine
 * wrapper, async_generator_asend/athrow, anext_awaitable): StopIteration carries what the await returns.
 */
export function installAwaitIteratorMethods(vm: VM, t: PyType, typeName: string, withAwait: boolean): void {
  const self = (a: Py[], name: string): PyAwaitIterator => {
    const o = a[0];
    if (!(o instanceof PyAwaitIterator) || typeOf(o) !== t)
      throw vm.typeError(`descriptor '${name}' for '${typeName}' objects doesn't apply to a '${typeOf(o).tpName}' object`);
    return o;
  };
  const finish = (r: Py): Py => {
    if (r === STOP) throw vm.stopIteration(vm.lastReturn);
    return r;
  };
  def(t, 'send', (a) => {
    const o = self(a, 'send');
    if (a.length !== 2) throw vm.typeError(`${typeName}.send() takes exactly one argument (${a.length - 1} given)`);
    return finish(o.send(a[1]));
  });
  def(t, 'throw', (a) => {
    const o = self(a, 'throw');
    if (a.length < 2) throw vm.typeError(`throw expected at least 1 argument, got ${a.length - 1}`);
    if (a.length > 4) throw vm.typeError(`throw expected at most 3 arguments, got ${a.length - 1}`);
    return finish(o.throwIn(thrownException(vm, a.slice(1), 'throw')));
  });
  def(t, 'close', (a) => self(a, 'close').close());
  def(t, '__next__', (a) => finish(self(a, '__next__').send(null)));
  def(t, '__iter__', (a) => self(a, '__iter__'));
  if (withAwait) def(t, '__await__', (a) => self(a, '__await__'));
}

export function installCoroutineType(vm: VM): void {
  const self = (a: Py[], name: string): PyCoroutine => {
    if (!(a[0] instanceof PyCoroutine)) throw vm.typeError(`descriptor '${name}' for 'coroutine' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    return a[0];
  };
  def(coroutineType, 'send', (a) => {
    const c = self(a, 'send');
    if (a.length !== 2) throw vm.typeError(`coroutine.send() takes exactly one argument (${a.length - 1} given)`);
    return vm.genSend(c, a[1], 'send');
  });
  def(coroutineType, 'throw', (a) => {
    const c = self(a, 'throw');
    if (a.length < 2) throw vm.typeError(`throw expected at least 1 argument, got ${a.length - 1}`);
    if (a.length > 4) throw vm.typeError(`throw expected at most 3 arguments, got ${a.length - 1}`);
    const r = vm.genThrow(c, thrownException(vm, a.slice(1), 'throw'));
    if (r === STOP) throw vm.stopIteration(vm.lastReturn);
    return r;
  });
  def(coroutineType, 'close', (a) => vm.genClose(self(a, 'close')));
  def(coroutineType, '__await__', (a) => new CoroutineWrapper(vm, self(a, '__await__')));
  // cr_* are read-only data descriptors of the type, as gi_* are of generator.
  for (const name of ['cr_await', 'cr_code', 'cr_frame', 'cr_origin', 'cr_running', 'cr_suspended']) {
    coroutineType.dict.set(name, new PyProperty(native(name, (a) => vm.specialAttr(a[0], name)), null, null));
  }
  installAwaitIteratorMethods(vm, coroutineWrapperType, 'coroutine_wrapper', false);
}
