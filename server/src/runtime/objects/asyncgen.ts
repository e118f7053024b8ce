// The async generator type (PEP 525): __aiter__, __anext__, asend, athrow, aclose and the ag_* descriptors,
// and the awaitables they return (async_generator_asend and async_generator_athrow, as CPython's
// Objects/genobject.c has them), which drive the generator's frame through VM.genResume/genThrow.
// Awaiting one runs the frame until it yields (the await's result, as StopIteration's value), or until an
// `await` inside it yields something for the event loop, which passes through. The first call of any of
// the four methods runs the firstiter hook of sys.set_asyncgen_hooks (asyncio's loop registers the
// generator for shutdown_asyncgens) and remembers the finalizer hook.

import { def, native, noKw } from '../args.js';
import { asyncGeneratorType, excTypes, GEN_CLOSED, objectType, PyAsyncGenerator, PyAwaitIterator, typeOf, type VM } from '../interp.js';
import { PyException, PyProperty, PyType, STOP, type Py } from '../values.js';
import { installAwaitIteratorMethods } from './coroutine.js';
import { thrownException } from './generator.js';

const AWAITABLE_INIT = 0;
const AWAITABLE_ITER = 1;
const AWAITABLE_CLOSED = 2;
type AwaitableState = typeof AWAITABLE_INIT | typeof AWAITABLE_ITER | typeof AWAITABLE_CLOSED;

function awaitableType(name: string): PyType {
  const t = new PyType(name, [objectType]);
  t.builtin = true;
  t.layout = 'iterator';
  return t;
}
const asendType = awaitableType('async_generator_asend');
const athrowType = awaitableType('async_generator_athrow');

/** async_gen_init_hooks: the first __anext__/asend/athrow/aclose of a generator. */
function initHooks(vm: VM, ag: PyAsyncGenerator): void {
  if (ag.hooksInited) return;
  ag.hooksInited = true;
  ag.finalizer = vm.asyncgenFinalizer;
  if (vm.asyncgenFirstiter !== null) vm.call(vm.asyncgenFirstiter, [ag]);
}

/**
 * What a plain `yield` means to the awaitable (async_gen_unwrap_value): the await is over, with the value.
 * A suspended generator that a loop finalises rather than exhausts is watched for its last reference.
 */
function yielded(vm: VM, ag: PyAsyncGenerator, value: Py): Py {
  ag.runningAsync = false;
  if (!ag.temporary && (ag.finalizer !== null || ag.frame!.blocks.length !== 0)) vm.cleanupGens.add(ag);
  vm.lastReturn = value;
  return STOP;
}
/** async_gen_unwrap_value for an exception out of the frame: StopAsyncIteration and GeneratorExit close it. */
function failed(vm: VM, ag: PyAsyncGenerator, e: unknown): PyException {
  const exc = vm.toPyException(e);
  if (vm.excMatches(exc, 'StopAsyncIteration') || vm.excMatches(exc, 'GeneratorExit')) ag.closed = true;
  ag.runningAsync = false;
  return exc;
}

/** Until it is first used, an awaitable is one CPython warns about if it is finalised ("never awaited"). */
function unawaited(vm: VM, awaitable: object, method: string, ag: PyAsyncGenerator): void {
  vm.unawaitedMethods.set(awaitable, {
    feature: `coroutine method '${method}' of '${ag.qualname}' was never awaited (CPython's RuntimeWarning on stderr when it is finalised)`,
    line: vm.currentLine(),
  });
}

/** The awaitable of `__anext__()` and `asend(value)`. */
export class AsyncGenASend extends PyAwaitIterator {
  private state: AwaitableState = AWAITABLE_INIT;
  constructor(private vm: VM, readonly gen: PyAsyncGenerator, private sendValue: Py, private method: 'anext' | 'asend', awaitedAtOnce = false) {
    super();
    if (!awaitedAtOnce) unawaited(vm, this, 'asend', gen);
  }
  get typeName(): string {
    return 'async_generator_asend';
  }
  get pyType(): PyType {
    return asendType;
  }
  traverse(): Py[] {
    return [this.gen, this.sendValue];
  }
  send(value: Py): Py {
    const first = this.begin();
    return this.step(first && value === null ? this.sendValue : value, null, first ? this.method : 'await');
  }
  throwIn(exc: PyException): Py {
    const first = this.begin();
    return this.step(null, exc, first ? 'athrow' : 'await');
  }
  /** The checks of every send or throw; true for the first, which resumes the generator at its yield. */
  private begin(): boolean {
    const vm = this.vm;
    if (this.state === AWAITABLE_CLOSED) throw vm.error('RuntimeError', 'cannot reuse already awaited __anext__()/asend()');
    if (this.state !== AWAITABLE_INIT) return false;
    vm.unawaitedMethods.delete(this);
    if (this.gen.runningAsync) {
      this.state = AWAITABLE_CLOSED;
      throw vm.error('RuntimeError', 'anext(): asynchronous generator is already running');
    }
    this.state = AWAITABLE_ITER;
    return true;
  }
  /** One resumption of the frame (a value sent, or an exception thrown in) and what it means for the await. */
  private step(value: Py, exc: PyException | null, method: 'anext' | 'asend' | 'athrow' | 'await'): Py {
    const vm = this.vm;
    const ag = this.gen;
    ag.runningAsync = true;
    let r: Py;
    try {
      r = exc === null ? vm.genResume(ag, value, null, method) : vm.genThrow(ag, exc, true, method as 'athrow' | 'await');
    } catch (e) {
      this.state = AWAITABLE_CLOSED;
      throw failed(vm, ag, e);
    }
    if (r === STOP) {
      // The frame returned: the end of the iteration.
      this.state = AWAITABLE_CLOSED;
      throw failed(vm, ag, vm.error('StopAsyncIteration'));
    }
    if (ag.atPlainYield) {
      this.state = AWAITABLE_CLOSED;
      return yielded(vm, ag, r);
    }
    return r;
  }
  close(): Py {
    this.vm.unawaitedMethods.delete(this);
    this.state = AWAITABLE_CLOSED;
    return null;
  }
}

/** The awaitable of `athrow(...)`, and of `aclose()` (athrow of GeneratorExit that expects the generator to stop). */
export class AsyncGenAThrow extends PyAwaitIterator {
  private state: AwaitableState = AWAITABLE_INIT;
  /** The athrow arguments, or null for aclose(). */
  constructor(private vm: VM, readonly gen: PyAsyncGenerator, private args: Py[] | null) {
    super();
    unawaited(vm, this, args === null ? 'aclose' : 'athrow', gen);
  }
  get typeName(): string {
    return 'async_generator_athrow';
  }
  get pyType(): PyType {
    return athrowType;
  }
  traverse(): Py[] {
    return [this.gen, ...(this.args ?? [])];
  }
  private get closing(): boolean {
    return this.args === null;
  }
  send(value: Py): Py {
    const vm = this.vm;
    const ag = this.gen;
    if (this.state === AWAITABLE_CLOSED) throw vm.error('RuntimeError', 'cannot reuse already awaited aclose()/athrow()');
    vm.unawaitedMethods.delete(this);
    if (ag.state === GEN_CLOSED) {
      this.state = AWAITABLE_CLOSED;
      vm.lastReturn = null;
      return STOP;
    }
    if (this.state === AWAITABLE_INIT) {
      this.enter();
      if (ag.closed) {
        this.state = AWAITABLE_CLOSED;
        throw vm.error('StopAsyncIteration');
      }
      if (value !== null) throw vm.error('RuntimeError', "can't send non-None value to a just-started coroutine");
      this.state = AWAITABLE_ITER;
      ag.runningAsync = true;
      if (this.closing) {
        ag.closed = true;
        if (ag.tracer !== null) ag.tracer.close(ag, vm.currentLine());
        return this.step(() => vm.genThrow(ag, vm.error('GeneratorExit'), false));
      }
      const args = this.args!;
      if (args.length < 1) throw this.argError(`athrow expected at least 1 argument, got ${args.length}`);
      if (args.length > 3) throw this.argError(`athrow expected at most 3 arguments, got ${args.length}`);
      let exc: PyException;
      try {
        exc = thrownException(vm, args, 'athrow');
      } catch (e) {
        throw failed(vm, ag, e);
      }
      return this.step(() => vm.genThrow(ag, exc, true, 'athrow'));
    }
    return this.step(() => vm.genResume(ag, value, null, this.closing ? 'close' : 'await'));
  }
  throwIn(exc: PyException): Py {
    const vm = this.vm;
    const ag = this.gen;
    if (this.state === AWAITABLE_CLOSED) throw vm.error('RuntimeError', 'cannot reuse already awaited aclose()/athrow()');
    vm.unawaitedMethods.delete(this);
    let first = false;
    if (this.state === AWAITABLE_INIT) {
      this.enter();
      this.state = AWAITABLE_ITER;
      ag.runningAsync = true;
      first = true;
    }
    // Thrown into before it ran (a task cancelled before its first step): the exception meets the yield.
    return this.step(() => vm.genThrow(ag, exc, true, first ? 'athrow' : 'await'));
  }
  private enter(): void {
    if (!this.gen.runningAsync) return;
    this.state = AWAITABLE_CLOSED;
    throw this.vm.error('RuntimeError', `${this.closing ? 'aclose' : 'athrow'}(): asynchronous generator is already running`);
  }
  private argError(message: string): PyException {
    this.gen.runningAsync = false;
    this.state = AWAITABLE_CLOSED;
    return this.vm.typeError(message);
  }
  private step(resume: () => Py): Py {
    const vm = this.vm;
    const ag = this.gen;
    let r: Py;
    try {
      r = resume();
    } catch (e) {
      this.state = AWAITABLE_CLOSED;
      const exc = failed(vm, ag, e);
      // aclose() is done when the generator stops with StopAsyncIteration or GeneratorExit.
      if (this.closing && (vm.excMatches(exc, 'StopAsyncIteration') || vm.excMatches(exc, 'GeneratorExit'))) {
        vm.lastReturn = null;
        return STOP;
      }
      throw exc;
    }
    if (r === STOP) {
      this.state = AWAITABLE_CLOSED;
      if (this.closing) {
        ag.runningAsync = false;
        vm.lastReturn = null;
        return STOP;
      }
      throw failed(vm, ag, vm.error('StopAsyncIteration'));
    }
    if (ag.atPlainYield) {
      this.state = AWAITABLE_CLOSED;
      if (this.closing) {
        ag.runningAsync = false;
        throw vm.error('RuntimeError', 'async generator ignored GeneratorExit');
      }
      return yielded(vm, ag, r);
    }
    return r;
  }
  close(): Py {
    this.vm.unawaitedMethods.delete(this);
    this.state = AWAITABLE_CLOSED;
    return null;
  }
}

export function installAsyncGeneratorType(vm: VM): void {
  const self = (a: Py[], name: string): PyAsyncGenerator => {
    if (!(a[0] instanceof PyAsyncGenerator))
      throw vm.typeError(`descriptor '${name}' for 'async_generator' objects doesn't apply to a '${typeOf(a[0]).tpName}' object`);
    return a[0];
  };
  def(asyncGeneratorType, '__aiter__', (a) => self(a, '__aiter__'));
  def(asyncGeneratorType, '__anext__', (a) => {
    const ag = self(a, '__anext__');
    initHooks(vm, ag);
    return new AsyncGenASend(vm, ag, null, 'anext');
  });
  // `async for` (GET_ANEXT) awaits what __anext__ returns in its next instructions: no lookup, no watch.
  vm.asyncGenANext = (ag) => {
    initHooks(vm, ag);
    return new AsyncGenASend(vm, ag, null, 'anext', true);
  };
  def(asyncGeneratorType, 'asend', (a) => {
    const ag = self(a, 'asend');
    if (a.length !== 2) throw vm.typeError(`async_generator.asend() takes exactly one argument (${a.length - 1} given)`);
    initHooks(vm, ag);
    return new AsyncGenASend(vm, ag, a[1], 'asend');
  });
  def(asyncGeneratorType, 'athrow', (a, kw) => {
    const ag = self(a, 'athrow');
    noKw(vm, 'athrow', kw);
    initHooks(vm, ag);
    // The arguments are checked when the awaitable first runs, as CPython 3.13 does.
    return new AsyncGenAThrow(vm, ag, a.slice(1));
  });
  def(asyncGeneratorType, 'aclose', (a) => {
    const ag = self(a, 'aclose');
    if (a.length !== 1) throw vm.typeError(`async_generator.aclose() takes no arguments (${a.length - 1} given)`);
    initHooks(vm, ag);
    return new AsyncGenAThrow(vm, ag, null);
  });
  for (const name of ['ag_await', 'ag_code', 'ag_frame', 'ag_running', 'ag_suspended']) {
    asyncGeneratorType.dict.set(name, new PyProperty(native(name, (a) => vm.specialAttr(a[0], name)), null, null));
  }
  installAwaitIteratorMethods(vm, asendType, 'async_generator_asend', true);
  installAwaitIteratorMethods(vm, athrowType, 'async_generator_athrow', true);
  void excTypes;
}
