// anext_awaitable: what `anext(it, default)` returns (Objects/iterobject.c). It drives the awaitable of
// `it.__anext__()` and turns its StopAsyncIteration into the default value as the await's result.

import { objectType, PyAwaitIterator, PyCoroutine, type VM } from '../interp.js';
import { PyException, PyType, STOP, type Py } from '../values.js';
import { installAwaitIteratorMethods } from './coroutine.js';

const anextAwaitableType = new PyType('anext_awaitable', [objectType]);
anextAwaitableType.builtin = true;
anextAwaitableType.layout = 'iterator';

export class AnextAwaitable extends PyAwaitIterator {
  constructor(private vm: VM, private wrapped: Py, private defaultValue: Py) {
    super();
  }
  get typeName(): string {
    return 'anext_awaitable';
  }
  get pyType(): PyType {
    return anextAwaitableType;
  }
  traverse(): Py[] {
    return [this.wrapped, this.defaultValue];
  }
  /** anextawaitable_getiter, asked again at every step as CPython does: the wrapped awaitable's iterator. */
  private iterator(): Py {
    const vm = this.vm;
    // _PyCoro_GetAwaitableIter: no "being awaited already" check, the coroutine is ours to drive.
    let it = vm.getAwaitable(this.wrapped, 0, false);
    if (it instanceof PyCoroutine) {
      it = vm.call(vm.getAttr(it, '__await__'), []);
      if (!vm.isIterator(it)) throw vm.typeError('__await__ returned a non-iterable');
    }
    return it;
  }
  /** anextawaitable_proxy: StopAsyncIteration from the step means "no more items": the default is the result. */
  private proxy(step: (it: Py) => Py): Py {
    const vm = this.vm;
    try {
      return step(this.iterator());
    } catch (e) {
      const exc = vm.toPyException(e);
      if (!vm.excMatches(exc, 'StopAsyncIteration')) throw exc;
      vm.lastReturn = this.defaultValue;
      return STOP;
    }
  }
  send(value: Py): Py {
    const vm = this.vm;
    return this.proxy((it) => {
      if (it instanceof PyAwaitIterator) return it.send(value);
      if (value === null) return vm.iterNext(it);
      return this.viaMethod(it, 'send', [value]);
    });
  }
  throwIn(exc: PyException): Py {
    return this.proxy((it) => (it instanceof PyAwaitIterator ? it.throwIn(exc) : this.viaMethod(it, 'throw', [exc])));
  }
  close(): Py {
    return this.proxy((it) => (it instanceof PyAwaitIterator ? it.close() : this.viaMethod(it, 'close', [])));
  }
  /** A Python-level iterator's method: its StopIteration becomes STOP with the value in lastReturn. */
  private viaMethod(it: Py, name: string, args: Py[]): Py {
    const vm = this.vm;
    try {
      return vm.callMethod(it, name, args);
    } catch (e) {
      const exc = vm.toPyException(e);
      if (!vm.excMatches(exc, 'StopIteration')) throw exc;
      vm.lastReturn = exc.dict.get('value') ?? null;
      return STOP;
    }
  }
}

export function installAnextAwaitableType(vm: VM): void {
  installAwaitIteratorMethods(vm, anextAwaitableType, 'anext_awaitable', true);
}
