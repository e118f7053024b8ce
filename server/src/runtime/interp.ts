// The virtual machine: heap-allocated frames (code, fast locals, cells, value stack, instruction
// pointer, block stack, the exception being handled) run by `runFrame`, one JS call per Python call.
// A generator owns a suspended Frame; `send`/`throw`/`close` re-enter `runFrame` on that same frame,
// which continues at its saved instruction pointer, exactly as CPython's gen_send_ex does. Nothing is
// re-run and no JavaScript generator is involved, so gi_frame, f_locals, f_lineno and gi_yieldfrom are
// plain reads of the frame. Python exceptions travel as thrown PyException objects between frames.
//
// How the parts fit: compiler.ts turns the tree into CodeObjects once; runFrame dispatches their
// Int32Array instructions in one switch (rare opcodes live in coldOp, exception unwinding in
// unwindTo, to keep the JIT's view of the hot loop small). Exceptions unwind the frame's block stack
// (SETUP_FINALLY / HANDLER triples); `finally` bodies are compiled inline on every exit path.
// genResume/genThrow/genClose implement the generator protocol (PEP 479, yield-from delegation,
// 3.13's close() return value) and call the Tracer hooks that run.ts records. CPython frees a
// generator the moment its last reference goes, running its `finally`; without reference counts the
// VM closes temporaries (a for loop's iterator, a consumed argument) when their slot lets go, and for
// generators suspended inside try/with it checks reachability from the live roots whenever a
// reference to an object is dropped. Limits (steps, time, recursion, memory) are LimitSignals that
// unwind everything without running Python handlers; unimplemented features are UnsupportedSignals.

import { DOTTED_TP_NAMES } from './objects/tp-names.js';
import {
  CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE, CO_SUSPENDABLE, CO_VARARGS, CO_VARKEYWORDS, CodeObject, KwNames,
  STDLIB_FILENAME,
} from './compiler.js';
import type { ImportSystem } from './imports.js';
import { BlockType, Op } from './opcodes.js';
import { compareStr, isPrintableChar } from './unicode.js';
import { unicodeErrorStr } from './objects/codec.js';
import {
  ELLIPSIS, EMPTY_TUPLE, PyWeakRef, PyBoundMethod, PyEllipsis, PyCell, PyClassMethod, PyDict, PyException, PyFloat, PyInstance, PyIterator,
  PyList, PyModule, PyNative, PyObject, PyProperty, PyRange, PySet, PySlice, PyStaticMethod, PySuper, PyTuple,
  PyType, PyTraceback, PyUserModule, InstanceDict, ComplexKeys, SetMap, cpythonHash, type KeyTable, STOP, UnhashableError, UnknownOrderError, descriptorOf, floatRepr, hasInstanceDict, liveInstanceDict, hashKey, normInt, GlobalsMap,
  type GlobalCell, type NativeFn, type Py,
  PyDictSub, PyListSub,
} from './values.js';

// ---------------------------------------------------------------------------------------------------
// Signals that are not Python exceptions: they unwind everything without running Python handlers.

/**
 * V8 ran out of JavaScript stack: a RangeError, or a SyntaxError when it happened while compiling a
 * regular expression. Tested without calling into anything that could overflow again.
 */
export function isHostStackOverflow(e: unknown): boolean {
  return e instanceof Error && (e instanceof RangeError || e instanceof SyntaxError) && e.message.endsWith('Maximum call stack size exceeded');
}

/**
 * The file of the running VM's current line (run.ts sets it for the run): signals remember it, so that a
 * refusal or limit met inside an imported module of the project says which file its line is in.
 */
let fileOfCurrentLine: (() => string) | null = null;
export function setFileOfCurrentLine(source: (() => string) | null): void {
  fileOfCurrentLine = source;
}

export class LimitSignal {
  readonly file = fileOfCurrentLine?.() ?? '';
  constructor(public kind: 'steps' | 'time' | 'recursion' | 'memory', public message: string, public line: number) {}
}
export class UnsupportedSignal {
  readonly file = fileOfCurrentLine?.() ?? '';
  constructor(public feature: string, public line: number) {}
}

// ---------------------------------------------------------------------------------------------------
// Builtin types

function mkType(name: string, bases: PyType[], layout?: string): PyType {
  const t = new PyType(name, bases);
  t.builtin = true;
  if (layout !== undefined) t.layout = layout;
  return t;
}
export const objectType = mkType('object', []);
export const ellipsisType = mkType('ellipsis', [objectType], 'ellipsis');
export const typeType = mkType('type', [objectType], 'type');
export const intType = mkType('int', [objectType], 'int');
export const boolType = mkType('bool', [intType], 'bool');
export const floatType = mkType('float', [objectType], 'float');
export const strType = mkType('str', [objectType], 'str');
export const listType = mkType('list', [objectType], 'list');
export const tupleType = mkType('tuple', [objectType], 'tuple');
export const dictType = mkType('dict', [objectType], 'dict');
export const setType = mkType('set', [objectType], 'set');
export const frozensetType = mkType('frozenset', [objectType], 'frozenset');
export const rangeType = mkType('range', [objectType], 'range');
export const noneType = mkType('NoneType', [objectType], 'none');
export const functionType = mkType('function', [objectType], 'function');
export const builtinFunctionType = mkType('builtin_function_or_method', [objectType], 'native');
export const methodType = mkType('method', [objectType], 'method');
export const generatorType = mkType('generator', [objectType], 'generator');
export const coroutineType = mkType('coroutine', [objectType], 'coroutine');
export const asyncGeneratorType = mkType('async_generator', [objectType], 'async_generator');
export const moduleType = mkType('module', [objectType], 'module');
export const propertyType = mkType('property', [objectType], 'property');
export const staticmethodType = mkType('staticmethod', [objectType], 'staticmethod');
export const classmethodType = mkType('classmethod', [objectType], 'classmethod');
export const superType = mkType('super', [objectType], 'super');
export const sliceType = mkType('slice', [objectType], 'slice');
export const codeType = mkType('code', [objectType], 'code');
export const frameType = mkType('frame', [objectType], 'frame');
export const cellType = mkType('cell', [objectType], 'cell');

export const baseExceptionType = mkType('BaseException', [objectType], 'exception');
export const excTypes = new Map<string, PyType>([['BaseException', baseExceptionType]]);
function exc(name: string, base: string): PyType {
  const t = mkType(name, [excTypes.get(base)!], 'exception');
  excTypes.set(name, t);
  return t;
}
exc('Exception', 'BaseException');
exc('GeneratorExit', 'BaseException');
exc('KeyboardInterrupt', 'BaseException');
exc('SystemExit', 'BaseException');
for (const [n, b] of [
  ['StopIteration', 'Exception'], ['StopAsyncIteration', 'Exception'], ['ArithmeticError', 'Exception'],
  ['ZeroDivisionError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'], ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'], ['LookupError', 'Exception'], ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'], ['NameError', 'Exception'], ['UnboundLocalError', 'NameError'],
  ['RuntimeError', 'Exception'], ['RecursionError', 'RuntimeError'], ['NotImplementedError', 'RuntimeError'],
  ['TypeError', 'Exception'], ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'],
  ['OSError', 'Exception'], ['FileNotFoundError', 'OSError'], ['FileExistsError', 'OSError'],
  ['IsADirectoryError', 'OSError'], ['PermissionError', 'OSError'], ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'], ['EOFError', 'Exception'], ['MemoryError', 'Exception'],
  ['BufferError', 'Exception'], ['Warning', 'Exception'], ['DeprecationWarning', 'Warning'],
  ['UserWarning', 'Warning'], ['RuntimeWarning', 'Warning'], ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'], ['TabError', 'IndentationError'], ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'], ['FloatingPointError', 'ArithmeticError'], ['ReferenceError', 'Exception'],
  ['SystemError', 'Exception'], ['ConnectionError', 'OSError'], ['TimeoutError', 'OSError'],
  ['NotADirectoryError', 'OSError'], ['InterruptedError', 'OSError'], ['BlockingIOError', 'OSError'],
  ['ChildProcessError', 'OSError'], ['ProcessLookupError', 'OSError'], ['BrokenPipeError', 'ConnectionError'],
  ['ConnectionResetError', 'ConnectionError'], ['ConnectionRefusedError', 'ConnectionError'],
  ['ConnectionAbortedError', 'ConnectionError'], ['PendingDeprecationWarning', 'Warning'],
  ['FutureWarning', 'Warning'], ['SyntaxWarning', 'Warning'], ['ImportWarning', 'Warning'],
  ['UnicodeWarning', 'Warning'], ['BytesWarning', 'Warning'], ['ResourceWarning', 'Warning'],
  ['EncodingWarning', 'Warning'], ['PythonFinalizationError', 'RuntimeError'],
] as const) exc(n, b);
excTypes.set('IOError', excTypes.get('OSError')!);
excTypes.set('EnvironmentError', excTypes.get('OSError')!);

const ctorTypes = new Map<unknown, PyType>([
  [PyFloat, floatType], [PyList, listType], [PyTuple, tupleType], [PyDict, dictType], [PyRange, rangeType],
  [PyBoundMethod, methodType], [PyNative, builtinFunctionType], [PyModule, moduleType], [PyUserModule, moduleType], [InstanceDict, dictType], [PyProperty, propertyType],
  [PyStaticMethod, staticmethodType], [PyClassMethod, classmethodType], [PySuper, superType], [PySlice, sliceType],
  [CodeObject, codeType], [PyCell, cellType], [PyTraceback, mkType('traceback', [objectType], 'traceback')],
]);
const iterTypes = new Map<string, PyType>();
/** Classes declared below join ctorTypes once defined (typeOf's first, cheapest check). */
function registerCtorTypes(): void {
  ctorTypes.set(PyGenerator, generatorType);
  ctorTypes.set(PyCoroutine, coroutineType);
  ctorTypes.set(PyAsyncGenerator, asyncGeneratorType);
  ctorTypes.set(PyFunction, functionType);
  ctorTypes.set(Frame, frameType);
  ctorTypes.set(PyEllipsis, ellipsisType);
}

/** A native dict or tuple whose type has Python-level dunders (see PyType.pyDunders). */
export function hasPyDunders(v: Py): boolean {
  if (v instanceof PyDictSub || v instanceof PyListSub) return true;
  return (v instanceof PyDict || v instanceof PyTuple) && v.constructor !== PyDict && v.constructor !== PyTuple && typeOf(v).pyDunders;
}
/**
 * The Python override of special method `name` on an instance of a subclass of dict or list, or undefined when
 * the builtin's own slot applies (then the VM works on the native storage, as CPython's slot does).
 */
export function subOverride(v: PyDict | PyList, name: string): Py | undefined {
  if (!(v instanceof PyDictSub || v instanceof PyListSub)) return undefined;
  for (const c of v.cls.mro) {
    const m = c.dict.get(name);
    if (m !== undefined) return c.builtin ? undefined : m;
  }
  return undefined;
}
/** Objects whose operators the VM looks up as Python dunders: instances of classes, and hasPyDunders ones. */
export function dispatchesDunders(v: Py): boolean {
  return v instanceof PyInstance || hasPyDunders(v) || (v instanceof PyWeakRef && v.isProxy);
}

export function typeOf(v: Py): PyType {
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return intType;
    case 'string':
      return strType;
    case 'boolean':
      return boolType;
    case 'object': {
      if (v === null) return noneType;
      if (v instanceof PyInstance) return v.cls;
      if (v instanceof PySet) return v.frozen ? frozensetType : setType;
      if (v instanceof PyType) return v.metaclass ?? typeType;
      const t = ctorTypes.get(v.constructor);
      if (t !== undefined) return t;
      const own = (v as { pyType?: PyType }).pyType;
      if (own !== undefined) return own;
      if (v instanceof PyFunction) return functionType;
      if (v instanceof PyGenerator) return generatorType;
      if (v instanceof Frame) return frameType;
      if (v instanceof PyIterator) {
        const name = v.typeName;
        let it = iterTypes.get(name);
        if (it === undefined) {
          it = mkType(name, [objectType], 'iterator');
          // The itertools' iterators and deque's are those modules' C types (`<class 'itertools.count'>`).
          const module = ['itertools', 'collections'].find((m) => DOTTED_TP_NAMES.has(`${m}.${name}`));
          if (module !== undefined) it.module = module;
          iterTypes.set(name, it);
        }
        return it;
      }
      if (v instanceof PyObject && (v as PyObject & { pyType?: PyType }).pyType !== undefined)
        return (v as PyObject & { pyType: PyType }).pyType;
      // A dict subclass in JS only (an instance's live __dict__) is a plain dict to Python.
      if (v instanceof PyDict) return dictType;
      return objectType;
    }
    default:
      return objectType;
  }
}
declare module './values.js' {
  interface PyType {
    metaclass?: PyType;
    /** CPython gives this class (and its subclasses) a metaclass the runtime lacks (abc.ABCMeta, enum.EnumType):
     * asking for its type is `unsupported`, and so is its repr where that metaclass changes it. */
    unmodelledMetaclass?: { name: string; reprDiffers: boolean };
    /** A stand-in for a CPython subclass of int (re.RegexFlag, an enum.IntFlag): isinstance/issubclass against
     * a built-in type is `unsupported` (the runtime cannot subclass int, and False would be a wrong answer). */
    standsInForIntSubclass?: boolean;
  }
}

/** SystemExit_init's `code`: None without arguments, the one argument, or the tuple of them. */
export function systemExitCode(args: Py[]): Py {
  return args.length === 0 ? null : args.length === 1 ? args[0]! : new PyTuple(args);
}

/** The metaclass CPython gives `t` when the runtime does not model it, or undefined. */
/** A class's __bases__ as CPython shows them: a hidden root (see PyType.hiddenBase) is `object`'s place. */
function visibleBases(t: PyType): PyType[] {
  if (!t.bases.some((b) => b.hiddenBase)) return t.bases;
  const shown = t.bases.filter((b) => !b.hiddenBase);
  return shown.length > 0 ? shown : [objectType];
}

export function unmodelledMetaclassOf(t: PyType): { name: string; reprDiffers: boolean } | undefined {
  for (const c of t.mro) if (c.unmodelledMetaclass !== undefined) return c.unmodelledMetaclass;
  return undefined;
}

/** type(v) as Python code sees it: refused where CPython's answer is a metaclass the runtime lacks. */
export function visibleTypeOf(v: Py, line: number): PyType {
  if (v instanceof PyType) {
    const meta = unmodelledMetaclassOf(v);
    if (meta !== undefined) throw new UnsupportedSignal(`the metaclass of ${v.name} (${meta.name})`, line);
  }
  return typeOf(v);
}

// ---------------------------------------------------------------------------------------------------
// Functions, frames, generators

export class PyFunction extends PyObject {
  dict: Map<string, Py> | null = null;
  /** `__annotations__`, made at definition (or empty on first access). */
  annotations: PyDict | null = null;
  name: string;
  qualname: string;
  constructor(
    public code: CodeObject, public globals: Map<string, Py>, public defaults: Py[] | null,
    public kwdefaults: Map<string, Py> | null, public closure: PyCell[] | null,
  ) {
    super();
    this.name = code.name;
    this.qualname = code.qualname;
  }
}

export class Frame {
  ip = 0;
  stack: Py[] = newStack();
  /** Block stack as (type, handler, stack level) triples. */
  blocks: number[] = [];
  back: Frame | null = null;
  gen: PyGenerator | null = null;
  /** The exception this frame is handling (sys.exc_info() looks up the frame chain). */
  handled: PyException | null = null;
  yielded = false;
  returnLine = 0;
  constructor(
    public code: CodeObject, public globals: Map<string, Py>, public locals: Py[],
    public cells: PyCell[] | null, public ns: Map<string, Py> | null, public func: PyFunction | null,
  ) {}
  get lineno(): number {
    const code = this.code;
    // A just-created generator sits before its first instruction, on the `def` line.
    if (this.gen !== null && this.gen.state === GEN_CREATED) return code.firstlineno;
    let idx = this.ip >> 1;
    if (this.gen !== null && this.gen.state === GEN_SUSPENDED) idx -= 1;
    if (idx < 0) idx = 0;
    return code.lines[idx] ?? code.firstlineno;
  }
}

export const GEN_CREATED = 'GEN_CREATED';
export const GEN_RUNNING = 'GEN_RUNNING';
export const GEN_SUSPENDED = 'GEN_SUSPENDED';
export const GEN_CLOSED = 'GEN_CLOSED';
type GenState = typeof GEN_CREATED | typeof GEN_RUNNING | typeof GEN_SUSPENDED | typeof GEN_CLOSED;

export class PyGenerator extends PyIterator {
  state: GenState = GEN_CREATED;
  /** Creation order within the run (the trace's generator number). */
  number = 0;
  /**
   * True while the only reference is a for loop's iterator slot or a consuming builtin's argument:
   * CPython finalizes (closes) such a generator the moment that slot lets go of it.
   */
  temporary = false;
  /** The run's recorder when this generator is traced (the snippet's own generators), else null. */
  tracer: Tracer | null = null;
  name: string;
  qualname: string;
  constructor(public vm: VM, public frame: Frame | null, public code: CodeObject, func: PyFunction) {
    super();
    this.name = func.name;
    this.qualname = func.qualname;
  }
  get typeName(): string {
    return 'generator';
  }
  /** What CPython's messages call it: "generator", "coroutine", "async generator". */
  get kindName(): string {
    return 'generator';
  }
  /** Suspended at a `yield` of its own (YIELD_VALUE 0), not inside a `yield from` or `await`. */
  get atPlainYield(): boolean {
    const f = this.frame;
    return f !== null && this.state === GEN_SUSPENDED && f.code.code[f.ip - 2] === Op.YIELD_VALUE && f.code.code[f.ip - 1] === 0;
  }
  next(): Py {
    return this.vm.genResume(this, null, null, 'next');
  }
  /** The subiterator a `yield from` is delegating to while suspended, else null. */
  get yieldFrom(): Py {
    const f = this.frame;
    if (f === null || this.state !== GEN_SUSPENDED) return null;
    const prev = f.code.code[f.ip - 2];
    const arg = f.code.code[f.ip - 1];
    if (prev === Op.YIELD_VALUE && arg !== undefined && arg > 0) return f.stack[f.stack.length - 1];
    return null;
  }
}

/**
 * A coroutine (`async def` without `yield`): a generator-like owner of a suspended frame that is awaited,
 * not iterated. It shares the generator protocol (genResume/genThrow/genClose); only its messages,
 * attributes (cr_*) and the errors of iterating it differ. Coroutines are not traced.
 */
export class PyCoroutine extends PyGenerator {
  /** Where it was created: the line of CPython's "coroutine ... was never awaited" warning. */
  createdLine = 0;
  override get typeName(): string {
    return 'coroutine';
  }
  override get kindName(): string {
    return 'coroutine';
  }
}

/**
 * An async generator (`async def` with `yield`): its frame is driven by the awaitables of __anext__,
 * asend, athrow and aclose (objects/asyncgen.ts). A plain `yield` (YIELD_VALUE 0) produces the next item;
 * anything else its frame yields comes from an `await` and passes through to the event loop.
 */
export class PyAsyncGenerator extends PyGenerator {
  /** ag_hooks_inited: its first __anext__/asend/athrow/aclose called sys.set_asyncgen_hooks' firstiter. */
  hooksInited = false;
  /** The finalizer hook in effect then (asyncio's loop schedules aclose() with it), or null. */
  finalizer: Py = null;
  /** ag_closed: aclose() has begun, or the frame ended with StopAsyncIteration or GeneratorExit. */
  closed = false;
  /** ag_running_async (`ag_running`): an asend/athrow awaitable is being iterated. */
  runningAsync = false;
  override get typeName(): string {
    return 'async_generator';
  }
  override get kindName(): string {
    return 'async generator';
  }
}

/**
 * The iterator of a native awaitable (coroutine_wrapper, async_generator_asend/athrow, anext_awaitable,
 * asyncio's FutureIter): the `await` loop (SEND) and throw() delegation call it directly, and the value
 * its StopIteration would carry (the result of the `await`) arrives in vm.lastReturn, as a generator's does.
 */
export abstract class PyAwaitIterator extends PyIterator {
  /** The value to yield to the awaiter's caller, or STOP with vm.lastReturn set. */
  abstract send(value: Py): Py;
  /** throw(): as send(), with the exception delivered instead of a value. */
  abstract throwIn(exc: PyException): Py;
  abstract close(): Py;
  next(): Py {
    return this.send(null);
  }
}

/**
 * The run's tracer as async generators see it: what an async generator's `await` yields (a YIELD_VALUE with
 * a jump target, not a `yield` of its own) goes to the event loop and is no event. A wrapper, so that
 * generators pay nothing for the check.
 */
class AsyncGeneratorTracer implements Tracer {
  constructor(private inner: Tracer) {}
  create(gen: PyGenerator, line: number): void {
    this.inner.create(gen, line);
  }
  resume(gen: PyGenerator, method: 'next' | 'send' | 'throw' | 'anext' | 'asend' | 'athrow', sent: Py, line: number): void {
    this.inner.resume(gen, method, sent, line);
  }
  yield(gen: PyGenerator, value: Py, line: number): void {
    if (gen.atPlainYield) this.inner.yield(gen, value, line);
  }
  return(gen: PyGenerator, value: Py, line: number): void {
    this.inner.return(gen, value, line);
  }
  raise(gen: PyGenerator, exc: PyException, line: number, notStarted?: boolean): void {
    this.inner.raise(gen, exc, line, notStarted);
  }
  close(gen: PyGenerator, line: number): void {
    this.inner.close(gen, line);
  }
}

/** How genResume was asked to resume a frame: the trace's ResumeMethod, or a resumption that is no event. */
export type GenMethod = 'next' | 'send' | 'throw' | 'close' | 'anext' | 'asend' | 'athrow' | 'await';

export interface Tracer {
  create(gen: PyGenerator, line: number): void;
  resume(gen: PyGenerator, method: 'next' | 'send' | 'throw' | 'anext' | 'asend' | 'athrow', sent: Py, line: number): void;
  yield(gen: PyGenerator, value: Py, line: number): void;
  return(gen: PyGenerator, value: Py, line: number): void;
  raise(gen: PyGenerator, exc: PyException, line: number, notStarted?: boolean): void;
  close(gen: PyGenerator, line: number): void;
}

// ---------------------------------------------------------------------------------------------------

export interface VMOptions {
  maxSteps: number;
  timeoutMs: number;
  recursionLimit: number;
  maxCollection: number;
  files: Map<string, string>;
  now: () => number;
}

const STEP_CHUNK = 1024;

export class VM {
  frame: Frame | null = null;
  depth = 0;
  builtins = new Map<string, Py>();
  modules = new Map<string, PyModule>();
  moduleFactories = new Map<string, (vm: VM) => PyModule>();
  stdout: string[] = [];
  stdoutSize = 0;
  tracer: Tracer | null = null;
  genCount = 0;
  /** Return value of the generator that last returned STOP from next(). */
  lastReturn: Py = null;
  stepsLeftInChunk = STEP_CHUNK;
  stepsUsed = 0;
  deadline: number;
  files: Map<string, string>;
  /** Python callables run when the snippet has ended: each returns None or (feature, line) to refuse the run. */
  exitChecks: Py[] = [];
  /**
   * Sets whose order CPython takes from object addresses (asyncio.wait's results), with what they are: iterating
   * or printing one of two or more members is refused rather than shown in insertion order.
   */
  private unorderedSets: WeakMap<PySet, string> | null = null;
  markUnordered(s: PySet, what: string): void {
    (this.unorderedSets ??= new WeakMap()).set(s, what);
  }
  private checkOrdered(s: PySet): void {
    const what = s.map.size > 1 ? this.unorderedSets!.get(s) : undefined;
    if (what !== undefined) throw new UnsupportedSignal(`the order of ${what} (CPython orders tasks in a set by their addresses)`, this.currentLine());
  }
  /** async_gen_anext, for GET_ANEXT on an async generator (set by objects/asyncgen.ts). */
  asyncGenANext: ((ag: PyAsyncGenerator) => Py) | null = null;
  /** sys.set_asyncgen_hooks: called with an async generator on its first iteration, and when it is finalised. */
  asyncgenFirstiter: Py = null;
  asyncgenFinalizer: Py = null;
  /** Fast paths for the generator protocol when called as methods or builtins (set by builtins.ts). */
  genSendNative: PyNative | null = null;
  nextBuiltin: PyNative | null = null;
  /**
   * opts.recursionLimit, read on every frame entry. Not through `opts`: that object's map changes when
   * a run passes a non-Smi limit (maxSteps: MAX_SAFE_INTEGER), which would deoptimise runFrame.
   */
  recursionLimit: number;
  constructor(public opts: VMOptions) {
    this.deadline = opts.now() + opts.timeoutMs;
    this.files = opts.files;
    this.recursionLimit = opts.recursionLimit;
  }

  // --- limits
  budget(): void {
    this.stepsUsed += STEP_CHUNK;
    this.stepsLeftInChunk = STEP_CHUNK;
    if (this.stepsUsed > this.opts.maxSteps)
      throw new LimitSignal('steps', `step budget of ${this.opts.maxSteps} exceeded`, this.currentLine());
    if (this.opts.now() > this.deadline)
      throw new LimitSignal('time', `time budget of ${this.opts.timeoutMs} ms exceeded`, this.currentLine());
  }
  checkSize(n: number): void {
    if (n > this.opts.maxCollection)
      throw new LimitSignal('memory', `object of ${n} items exceeds the memory cap of ${this.opts.maxCollection}`, this.currentLine());
  }
  /** The line being executed in the innermost frame of the user's file (library frames are skipped). */
  /**
   * Slow path of the global-name cache: the cell of names[arg] in f.globals (when that is a
   * GlobalsMap and the name is bound), cached on the code object; a code run with other globals resets it.
   */
  private globalCell(f: Frame, arg: number): GlobalCell | undefined {
    const g = f.globals;
    if (!(g instanceof GlobalsMap)) return undefined;
    const co = f.code;
    if (co.globalsOwner !== g) {
      co.globalsOwner = g;
      co.globalCells = new Array<GlobalCell | undefined>(co.names.length).fill(undefined);
    }
    const c = g.cell(co.names[arg]!);
    co.globalCells[arg] = c;
    return c;
  }

  /** The line of the innermost frame of the user's code (the snippet or one of the project's modules it imported). */
  currentLine(): number {
    let f = this.frame;
    if (f !== null && !f.code.stdlib) {
      this.lineFile = f.code.filename;
      return f.code.lines[f.ip >> 1] ?? 0;
    }
    this.lineFile = null;
    if (f !== null && f.code.filename === this.userFile) return f.code.lines[f.ip >> 1] ?? 0;
    while (f !== null && f.code.stdlib) f = f.back;
    if (f === null) return 0;
    return f.code.lines[f.ip >> 1] ?? 0;
  }
  /**
   * What currentFile() would answer, found by the last currentLine() call when the innermost frame is the
   * user's (null otherwise): the tracer's create, resume and close events, which take their line from a
   * currentLine() made just before, read their file here instead of walking the frames again.
   */
  lineFile: string | null = null;
  /** The file currentLine() is a line of. */
  currentFile(): string {
    let f = this.frame;
    while (f !== null && f.code.stdlib) f = f.back;
    return f === null ? this.userFile : f.code.filename;
  }
  userFile = '<string>';
  /** sys.stdout as the sys module made it (print writes to a replacement instead). */
  capturedStdout: Py = undefined;
  /** What the program wrote to sys.stderr (logging goes there too). */
  stderr: string[] = [];
  writeStderr(s: string): void {
    this.stdoutSize += s.length;
    if (this.stdoutSize > this.opts.maxCollection * 4)
      throw new LimitSignal('memory', 'output exceeds the memory cap', this.currentLine());
    this.stderr.push(s);
  }
  write(s: string): void {
    this.stdoutSize += s.length;
    if (this.stdoutSize > this.opts.maxCollection * 4)
      throw new LimitSignal('memory', 'output exceeds the memory cap', this.currentLine());
    this.stdout.push(s);
  }

  // --- exceptions
  newException(type: PyType, args: Py[]): PyException {
    const e = new PyException(type);
    e.args = args;
    if (type.isSubtypeOf(excTypes.get('StopIteration')!)) e.dict.set('value', args.length > 0 ? args[0] : null);
    if (type.isSubtypeOf(excTypes.get('SystemExit')!)) e.dict.set('code', systemExitCode(args));
    return e;
  }
  error(typeName: string, message?: string): PyException {
    return this.newException(excTypes.get(typeName)!, message === undefined ? [] : [message]);
  }
  typeError(message: string): PyException {
    return this.error('TypeError', message);
  }
  isInstance(v: Py, t: PyType): boolean {
    return typeOf(v).isSubtypeOf(t);
  }
  excMatches(e: PyException, name: string): boolean {
    return e.cls.isSubtypeOf(excTypes.get(name)!);
  }
  /** The exception being handled by the innermost frame that handles one (sys.exception()). */
  /**
   * `f`, or the frame an inlined comprehension runs in: CPython 3.12+ runs list, set and dict
   * comprehensions in the enclosing frame, so f_back and sys._getframe() never show theirs. The enclosing
   * frame's f_lineno would be the comprehension's current line; where the two differ it is refused.
   */
  visibleFrame(f: Frame | null): Frame | null {
    while (f !== null && f.code.inlinedComprehension) {
      const outer = f.back;
      if (outer !== null && outer.lineno !== f.lineno)
        throw new UnsupportedSignal('the frame of a comprehension spread over several lines', this.currentLine());
      f = outer;
    }
    return f;
  }

  currentHandled(): PyException | null {
    for (let f = this.frame; f !== null; f = f.back) if (f.handled !== null) return f.handled;
    return null;
  }
  /**
   * The frozenset constant CPython's compiler makes of a set display of 3+ constants: built in display order
   * (starunpack_helper), then rebuilt from that one's slot order by merge_consts_recursive.
   */
  foldedFrozenset(items: Py[]): PySet {
    const folded = new PySet(true);
    for (const x of items) folded.map.set(this.hash(x), x);
    const rebuilt = new PySet(true);
    for (const x of folded.map.orderedValues(true)) rebuilt.map.set(this.hash(x), x);
    // Which of the two orders CPython ends with is not modelled exactly (it rebuilt the constant in the cases
    // measured, but not in all): where they differ, the order is left unknown rather than guessed.
    const same = folded.map.orderedValues(true).every((x, i) => x === rebuilt.map.orderedValues(true)[i]);
    if (!same) rebuilt.map.forgetOrder();
    return rebuilt;
  }
  /** Turns anything thrown inside the VM into a Python exception, or rethrows non-Python signals. */
  toPyException(e: unknown): PyException {
    if (e instanceof PyException) return e;
    if (e instanceof LimitSignal || e instanceof UnsupportedSignal) throw e;
    if (isHostStackOverflow(e)) {
      // Python code may catch this RecursionError, but CPython might not have raised one here: the
      // report says the run hit a limit rather than present what follows as CPython's behaviour.
      if (this.hostStackLine < 0) this.hostStackLine = this.currentLine();
      return this.error('RecursionError', 'maximum recursion depth exceeded');
    }
    if (e instanceof UnhashableError) return this.typeError(`unhashable type: '${e.typeName}'`);
    if (e instanceof UnknownOrderError) throw new UnsupportedSignal(e.message, this.currentLine());
    throw e;
  }
  setContext(exc: PyException): void {
    exc.contextSet = true;
    const ctx = this.currentHandled();
    if (ctx === null || ctx === exc) return;
    // Break cycles the way CPython's _PyErr_SetObject does.
    let o: PyException | null = ctx;
    while (o !== null) {
      if (o.context === exc) {
        o.context = null;
        break;
      }
      o = o.context;
    }
    exc.context = ctx;
  }

  // --- calls
  call(f: Py, args: Py[], kwargs: Map<string, Py> | null = null): Py {
    if (f instanceof PyFunction) return this.callFunction(f, args, kwargs);
    if (f instanceof PyNative) {
      if (f.self !== undefined) return f.fn([f.self, ...args], kwargs);
      return f.fn(args, kwargs);
    }
    if (f instanceof PyBoundMethod) return this.call(f.func, [f.self, ...args], kwargs);
    // A CallableProxyType (the proxy of a callable) calls its object; a ProxyType is not callable.
    if (f instanceof PyWeakRef && f.isProxy) {
      if (typeOf(f).name !== 'CallableProxyType') throw this.typeError("'weakref.ProxyType' object is not callable");
      return this.call(this.weakReferent(f), args, kwargs);
    }
    if (f instanceof PyType) {
      // A metaclass's own __call__ decides what calling its classes does.
      const metaCall = f.metaclass?.lookup('__call__');
      if (metaCall instanceof PyFunction) return this.call(metaCall, [f, ...args], kwargs);
      return this.construct(f, args, kwargs);
    }
    // Objects of the type files that are callable without a type of their own (`list[int](...)`).
    const pyCall = (f as { pyCall?: (vm: VM, args: Py[], kwargs: Map<string, Py> | null) => Py } | null)?.pyCall;
    if (typeof pyCall === 'function') return pyCall.call(f, this, args, kwargs);
    const m = typeOf(f).lookup('__call__');
    if (m !== undefined && !(f instanceof PyType)) return this.call(m, [f, ...args], kwargs);
    throw this.typeError(`'${typeOf(f).tpName}' object is not callable`);
  }

  construct(t: PyType, args: Py[], kwargs: Map<string, Py> | null): Py {
    if (t === typeType && args.length === 1 && kwargs === null) return visibleTypeOf(args[0], this.currentLine());
    const newFn = t.lookup('__new__');
    let obj: Py;
    // A class statement's subclass of dict or list: dict's/list's __new__ makes the empty instance, __init__ fills it.
    const firstBuiltin = t.builtin ? t : t.mro.find((b) => b.builtin);
    const builtinSub = t !== firstBuiltin && (firstBuiltin === dictType || firstBuiltin === listType);
    if (builtinSub) this.refuseBuiltinSub(t);
    if (newFn instanceof PyNative && newFn.name === '__new__' && t.layout !== 'object' && t.layout !== 'exception' && !builtinSub) {
      obj = newFn.fn([t, ...args], kwargs);
      // A metaclass without a __new__ of its own may still have an __init__.
      const metaInit = obj instanceof PyType && t.isSubtypeOf(typeType) && args.length === 3 ? typeOf(obj).lookup('__init__') : undefined;
      if (metaInit instanceof PyFunction) this.call(metaInit, [obj, ...args], kwargs);
      return obj;
    }
    if (newFn instanceof PyStaticMethod || newFn instanceof PyFunction) {
      const fn = newFn instanceof PyStaticMethod ? newFn.func : newFn;
      obj = this.call(fn, [t, ...args], kwargs);
      if (!this.isInstance(obj, t)) return obj;
    } else if (builtinSub && newFn instanceof PyNative) {
      obj = newFn.fn([t, ...args], kwargs);
    } else if (t.layout === 'exception') {
      // A builtin exception with a __new__ of its own (BaseExceptionGroup's) makes the instance itself.
      obj = newFn instanceof PyNative && newFn !== objectType.dict.get('__new__') ? newFn.fn([t, ...args], kwargs) : this.newException(t, args);
    } else if (t.layout === 'object') {
      obj = new PyInstance(t);
    } else throw new UnsupportedSignal(`subclassing builtin type '${t.mro.find((b) => b.builtin && b.layout !== 'object')?.name}'`, this.currentLine());
    const init = t.lookup('__init__');
    if (init !== undefined && !(init instanceof PyNative)) {
      const r = this.call(init, [obj, ...args], kwargs);
      if (r !== null) throw this.typeError(`__init__() should return None, not '${typeOf(r).tpName}'`);
    } else if (builtinSub && init instanceof PyNative) {
      this.call(init, [obj, ...args], kwargs);
    } else if (t.layout === 'object' && (args.length > 0 || (kwargs !== null && kwargs.size > 0)) &&
      !(newFn instanceof PyFunction || newFn instanceof PyStaticMethod)) {
      throw this.typeError(`${t.name}() takes no arguments`);
    } else if (t.layout === 'exception' && kwargs !== null && kwargs.size > 0) {
      throw this.typeError(`${t.name}() takes no keyword arguments`);
    }
    return obj;
  }

  /** What the runtime does not model for a subclass of dict or list: __slots__, a __hash__, __getattribute__ or __format__ of its own. */
  refuseBuiltinSub(t: PyType): void {
    for (const c of t.mro) {
      if (c.builtin) break;
      if (c.slotsListDict !== undefined) throw new UnsupportedSignal(`__slots__ in a subclass of a builtin type (${t.name})`, this.currentLine());
      for (const name of ['__hash__', '__getattribute__', '__format__']) {
        const v = c.dict.get(name);
        // A class with __eq__ gets `__hash__ = None` (unhashable, as dict and list are).
        if (v !== undefined && !(name === '__hash__' && v === null))
          throw new UnsupportedSignal(`${name} defined in a subclass of a builtin type (${t.name})`, this.currentLine());
      }
    }
  }

  /** Binds arguments into a new frame for `f` (CPython's argument errors and messages). */
  makeFrame(f: PyFunction, args: Py[], kwargs: Map<string, Py> | null): Frame {
    const co = f.code;
    const nvars = co.varnames.length;
    const locals = newLocals(nvars);
    const argc = co.argcount;
    const n = args.length;
    if (n > argc && (co.flags & CO_VARARGS) === 0) {
      const ndef = f.defaults?.length ?? 0;
      const takes = ndef > 0 ? `from ${argc - ndef} to ${argc}` : String(argc);
      const kwGiven = kwargs !== null ? [...kwargs.keys()].filter((k) => co.varnames.slice(argc, argc + co.kwonlyargcount).includes(k)).length : 0;
      throw this.typeError(
        `${f.qualname}() takes ${takes} positional argument${argc === 1 && ndef === 0 ? '' : 's'} but ${n}${kwGiven > 0 ? ` positional argument${n === 1 ? '' : 's'} (and ${kwGiven} keyword-only argument${kwGiven === 1 ? '' : 's'})` : ''} ${n === 1 && kwGiven === 0 ? 'was' : 'were'} given`,
      );
    }
    const npos = Math.min(n, argc);
    for (let i = 0; i < npos; i++) locals[i] = args[i];
    let idx = argc + co.kwonlyargcount;
    if ((co.flags & CO_VARARGS) !== 0) {
      locals[idx] = n > argc ? new PyTuple(args.slice(argc)) : EMPTY_TUPLE;
      idx++;
    }
    let kwdict: PyDict | null = null;
    if ((co.flags & CO_VARKEYWORDS) !== 0) {
      kwdict = new PyDict();
      locals[idx] = kwdict;
    }
    if (kwargs !== null) {
      for (const [k, v] of kwargs) {
        const i = co.varnames.indexOf(k);
        if (i >= 0 && i < argc + co.kwonlyargcount) {
          if (locals[i] !== undefined) throw this.typeError(`${f.qualname}() got multiple values for argument '${k}'`);
          locals[i] = v;
        } else if (kwdict !== null) dictSet(kwdict, k, v);
        else throw this.typeError(`${f.qualname}() got an unexpected keyword argument '${k}'`);
      }
    }
    if (npos < argc || co.kwonlyargcount > 0) {
      const defs = f.defaults;
      const ndef = defs?.length ?? 0;
      const missing: string[] = [];
      for (let i = npos; i < argc; i++) {
        if (locals[i] !== undefined) continue;
        const di = i - (argc - ndef);
        if (di >= 0 && defs !== null) locals[i] = defs[di];
        else missing.push(co.varnames[i]!);
      }
      if (missing.length > 0) throw this.typeError(`${f.qualname}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${listNames(missing)}`);
      const kwMissing: string[] = [];
      for (let i = argc; i < argc + co.kwonlyargcount; i++) {
        if (locals[i] !== undefined) continue;
        const name = co.varnames[i]!;
        const d = f.kwdefaults?.get(name);
        if (d !== undefined) locals[i] = d;
        else kwMissing.push(name);
      }
      if (kwMissing.length > 0) throw this.typeError(`${f.qualname}() missing ${kwMissing.length} required keyword-only argument${kwMissing.length > 1 ? 's' : ''}: ${listNames(kwMissing)}`);
    }
    return this.frameFor(f, locals);
  }
  frameFor(f: PyFunction, locals: Py[]): Frame {
    const co = f.code;
    let cells: PyCell[] | null = null;
    if (co.cellvars.length > 0 || co.freevars.length > 0) {
      cells = [];
      for (let i = 0; i < co.cellvars.length; i++) {
        const a = co.cell2arg[i]!;
        cells.push(new PyCell(a >= 0 ? locals[a] : undefined));
      }
      if (f.closure !== null) for (const c of f.closure) cells.push(c);
    }
    return new Frame(co, f.globals, locals, cells, null, f);
  }

  callFunction(f: PyFunction, args: Py[], kwargs: Map<string, Py> | null): Py {
    const frame = this.makeFrame(f, args, kwargs);
    if ((f.code.flags & CO_SUSPENDABLE) !== 0) return this.makeGenerator(frame, f);
    return this.runFrame(frame, null);
  }

  /** The generator made last and where (caller frame and instruction): used to spot temporaries. */
  lastMadeGen: PyGenerator | null = null;
  lastMadeFrame: Frame | null = null;
  lastMadeIp = -1;
  /** Builtins that consume an iterable without keeping it (its generator dies when they return). */
  consumers = new Set<unknown>();
  makeGenerator(frame: Frame, f: PyFunction): PyGenerator {
    const co = f.code;
    let g: PyGenerator;
    if ((co.flags & CO_GENERATOR) !== 0) g = new PyGenerator(this, frame, co, f);
    else if ((co.flags & CO_COROUTINE) !== 0) {
      const c = new PyCoroutine(this, frame, co, f);
      c.createdLine = this.currentLine();
      this.liveCoroutines.add(c);
      g = c;
    } else g = new PyAsyncGenerator(this, frame, co, f);
    this.lastMadeGen = g;
    this.lastMadeFrame = this.frame;
    this.lastMadeIp = this.frame !== null ? this.frame.ip : -1;
    frame.gen = g;
    // The trace shows the snippet's generators and async generators: not coroutines, not library code.
    if (this.tracer !== null && !(g instanceof PyCoroutine) && co.filename !== STDLIB_FILENAME) {
      this.genCount += 1;
      g.number = this.genCount;
      g.tracer = g instanceof PyAsyncGenerator ? (this.asyncTracer ??= new AsyncGeneratorTracer(this.tracer)) : this.tracer;
      this.tracer.create(g, this.currentLine());
    }
    return g;
  }
  /** The tracer of async generators (see AsyncGeneratorTracer), made on the first one. */
  private asyncTracer: Tracer | null = null;
  /**
   * Coroutines not yet closed. At the end of a run, one never started is CPython's "coroutine ... was never
   * awaited" warning, and one suspended inside a block would run code when CPython finalises it.
   */
  liveCoroutines = new Set<PyCoroutine>();
  /** The awaitables of async generator methods not yet awaited or closed: finalised, CPython warns about them too. */
  unawaitedMethods = new Map<object, { feature: string; line: number }>();

  // --- generators (CPython's gen_send_ex, _gen_throw, gen_close)
  /**
   * Resumes `g` with `value` (or raises `exc` at its yield) and returns the next yielded value, or
   * STOP with `lastReturn` set to the return value. Exceptions escaping the frame propagate.
   */
  genResume(g: PyGenerator, value: Py, exc: PyException | null, method: GenMethod, traceSent?: Py): Py {
    const state = g.state;
    if (state === GEN_RUNNING) throw this.error('ValueError', `${g.kindName} already executing`);
    if (state === GEN_CLOSED) {
      // gen_send_ex2: an exhausted coroutine refuses (except for close(), which is always silent).
      if (g instanceof PyCoroutine && method !== 'close') throw this.error('RuntimeError', 'cannot reuse already awaited coroutine');
      if (exc !== null) throw exc;
      this.lastReturn = null;
      return STOP;
    }
    const tracer = g.tracer;
    if (state === GEN_CREATED && value !== null && exc === null) {
      const refused = this.typeError(`can't send non-None value to a just-started ${g.kindName}`);
      // The trace shows the attempt and its error; the frame never ran, so the generator stays created.
      if (tracer !== null && method !== 'await' && method !== 'close') {
        const line = this.currentLine();
        tracer.resume(g, method, traceSent !== undefined ? traceSent : value, line);
        tracer.raise(g, refused, line, true);
      }
      throw refused;
    }
    const frame = g.frame!;
    if (tracer !== null && method !== 'close' && method !== 'await')
      tracer.resume(g, method, traceSent !== undefined ? traceSent : exc !== null ? exc : value, this.currentLine());
    let delegating = false;
    if (state === GEN_SUSPENDED && exc === null) {
      // A statement-level yield discards the sent value: skip its POP_TOP instead of pushing for it.
      // Not before an implicit return, whose line is that of the instruction that ran last.
      const code = frame.code.code;
      const ip = frame.ip;
      const op = code[ip];
      if (op === Op.POP_TOP && code[ip + 2] !== Op.RETURN_VALUE) frame.ip = ip + 2;
      // Suspended in `yield from` (SEND_YIELD, YIELD_VALUE, then this JUMP back): the value goes
      // straight to the subiterator, see resumeDelegating.
      else if (op === Op.JUMP && code[ip + 1] === ip - 4 && code[ip - 4] === Op.SEND_YIELD) delegating = true;
      else frame.stack.push(value);
    }
    if (exc !== null && frame.handled !== null && frame.handled !== exc) {
      // _PyErr_ChainStackItem: an exception thrown in chains to the one the generator is handling.
      let o: PyException | null = frame.handled;
      while (o !== null) {
        if (o.context === exc) {
          o.context = null;
          break;
        }
        o = o.context;
      }
      exc.context = frame.handled;
    }
    g.state = GEN_RUNNING;
    frame.yielded = false;
    if (this.cleanupGens.size !== 0) this.cleanupGens.delete(g);
    let result: Py;
    try {
      result = delegating ? this.resumeDelegating(g, frame, value) : this.runFrame(frame, exc);
    } catch (e) {
      g.state = GEN_CLOSED;
      g.frame = null;
      if (g instanceof PyCoroutine) this.liveCoroutines.delete(g);
      if (e instanceof PyException) {
        // The frame is gone, and what only it held with it (its traceback entry keeps it while `e` lives).
        if (this.cleanupGens.size !== 0) this.releaseFrame(frame, e);
        let out = e;
        const stopName = e.cls === excTypes.get('StopIteration') || e.cls.isSubtypeOf(excTypes.get('StopIteration')!) ? 'StopIteration'
          : g instanceof PyAsyncGenerator && e.cls.isSubtypeOf(excTypes.get('StopAsyncIteration')!) ? 'StopAsyncIteration' : null;
        if (stopName !== null) {
          // PEP 479 (and PEP 525 for StopAsyncIteration in an async generator): it becomes a RuntimeError.
          out = this.error('RuntimeError', `${g.kindName} raised ${stopName}`);
          out.cause = e;
          out.context = e;
          out.suppressContext = true;
          out.contextSet = true;
          out.line = e.line;
        }
        // GeneratorExit leaving a generator that close() resumed is the expected outcome, not an event.
        if (g.tracer !== null && !(method === 'close' && this.excMatches(out, 'GeneratorExit')))
          g.tracer.raise(g, out, frame.lineno);
        throw out;
      }
      throw e;
    }
    if (frame.yielded) {
      g.state = GEN_SUSPENDED;
      // Recorded here rather than at each yield instruction: the frame stands right after it.
      if (tracer !== null) tracer.yield(g, result, frame.code.lines[(frame.ip >> 1) - 1]!);
      return result;
    }
    g.state = GEN_CLOSED;
    g.frame = null;
    if (g instanceof PyCoroutine) this.liveCoroutines.delete(g);
    if (tracer !== null) tracer.return(g, result, frame.returnLine);
    if (this.cleanupGens.size !== 0) this.releaseFrame(frame, result);
    this.lastReturn = result;
    return STOP;
  }

  /**
   * Resumes a generator suspended in `yield from` by doing its JUMP back and its SEND_YIELD here,
   * without entering runFrame: in a chain of delegating generators, only the innermost one runs
   * bytecode for each item. The frame is linked, counted and positioned exactly as runFrame would
   * have it while SEND_YIELD waits on the subiterator (tracebacks, resume lines and
   * getgeneratorstate see no difference). Anything but a value coming back (the subiterator
   * returned or raised) continues in runFrame at that same instruction.
   */
  private resumeDelegating(g: PyGenerator, f: Frame, value: Py): Py {
    if (this.depth >= this.recursionLimit || this.stepsLeftInChunk <= 1) {
      // The interpreter raises RecursionError or checks the budget at the JUMP itself.
      f.stack.push(value);
      return this.runFrame(f, null);
    }
    // The backward JUMP's step.
    this.stepsLeftInChunk--;
    const sendIp = f.ip - 4;
    const stack = f.stack;
    const it = stack[stack.length - 1];
    this.depth++;
    f.back = this.frame;
    this.frame = f;
    f.ip = sendIp;
    let r: Py;
    try {
      r = this.sendTo(it, value);
    } catch (e) {
      let exc: PyException;
      try {
        exc = this.toPyException(e);
      } finally {
        this.frame = f.back;
        this.depth--;
      }
      // Raised by SEND_YIELD, as far as the frame's handlers and traceback can tell.
      return this.runFrame(f, exc);
    }
    this.frame = f.back;
    this.depth--;
    if (r === STOP) {
      // SEND_YIELD's exit: the return value replaces the subiterator and the frame goes on after the
      // loop (a `yield from` is an expression, so an instruction of its own runs before any return).
      stack[stack.length - 1] = this.lastReturn;
      f.ip = f.code.code[sendIp + 1]!;
      return this.runFrame(f, null);
    }
    // SEND_YIELD then its YIELD_VALUE (genResume records the yield, at that instruction's line).
    f.ip = sendIp + 4;
    f.yielded = true;
    if (f.blocks.length !== 0 && g.constructor === PyGenerator) this.cleanupGens.add(g);
    return r;
  }

  /** gen.send(v) at the Python level: StopIteration instead of STOP. */
  genSend(g: PyGenerator, v: Py, method: 'next' | 'send'): Py {
    const r = this.genResume(g, v, null, method);
    if (r === STOP) throw this.stopIteration(this.lastReturn);
    return r;
  }
  stopIteration(value: Py): PyException {
    return this.newException(excTypes.get('StopIteration')!, value === null ? [] : [value]);
  }

  /** gen.throw(exc): delegates to a `yield from` subiterator first, like CPython's _gen_throw. */
  genThrow(g: PyGenerator, exc: PyException, traced = true, method: 'throw' | 'athrow' | 'await' = 'throw'): Py {
    if (g.state === GEN_SUSPENDED) {
      const yf = g.yieldFrom;
      if (yf !== null) {
        // While delegating, the suspended frame is the subiterator's caller (its `yield from` line).
        const frame = g.frame!;
        const caller = this.frame;
        frame.back = caller;
        this.frame = frame;
        let outcome: DelegateOutcome;
        try {
          outcome = this.genThrowDelegate(g, yf, exc);
        } finally {
          this.frame = caller;
        }
        if (outcome.kind === 'yielded') return outcome.value;
        if (outcome.kind === 'raise') {
          // CLEANUP_THROW: a StopIteration arriving at the `yield from` ends it with its value.
          // An error from closing the subiterator is thrown into this frame like throw() would.
          if (!this.excMatches(outcome.exc!, 'StopIteration')) return this.genResumeThrow(g, outcome.exc!, traced || outcome.exc !== exc, method);
          this.lastReturn = outcome.exc!.dict.get('value') ?? null;
        }
        // The subiterator finished: resume the delegating frame after its `yield from` with the value.
        const exitIp = frame.code.code[frame.ip - 1]!;
        frame.stack.pop();
        frame.ip = exitIp;
        return this.genResume(g, this.lastReturn, null, traced ? method : 'close', exc);
      }
    }
    return this.genResumeThrow(g, exc, traced, method);
  }
  /** The part of _gen_throw that talks to the subiterator; what the delegating frame must do next. */
  private genThrowDelegate(g: PyGenerator, yf: Py, exc: PyException): DelegateOutcome {
    if (this.excMatches(exc, 'GeneratorExit')) {
      g.state = GEN_RUNNING;
      let err: PyException | null = null;
      try {
        this.closeIter(yf);
      } catch (e) {
        err = this.toPyException(e);
      } finally {
        g.state = GEN_SUSPENDED;
      }
      return { kind: 'raise', exc: err ?? exc, value: undefined };
    }
    const direct = yf instanceof PyGenerator || yf instanceof PyAwaitIterator;
    const m = direct ? undefined : this.getAttrOrUndefined(yf, 'throw');
    // A subiterator without throw(): the exception is raised at the `yield from` itself.
    if (!direct && m === undefined) return { kind: 'raise', exc, value: undefined };
    let r: Py;
    g.state = GEN_RUNNING;
    try {
      if (yf instanceof PyGenerator) r = this.genThrowRaw(yf, exc);
      else if (yf instanceof PyAwaitIterator) r = yf.throwIn(exc);
      else {
        try {
          r = this.call(m, [exc]);
        } catch (e) {
          const pe = this.toPyException(e);
          if (!this.excMatches(pe, 'StopIteration')) throw pe;
          this.lastReturn = pe.dict.get('value') ?? null;
          r = STOP;
        }
      }
    } catch (e) {
      return { kind: 'raise', exc: this.toPyException(e), value: undefined };
    } finally {
      g.state = GEN_SUSPENDED;
    }
    if (r !== STOP) return { kind: 'yielded', exc: null, value: r };
    return { kind: 'done', exc: null, value: undefined };
  }
  private genResumeThrow(g: PyGenerator, exc: PyException, traced: boolean, method: 'throw' | 'athrow' | 'await'): Py {
    if (g.state === GEN_CREATED) {
      // Throwing into a just-created generator raises at its start and closes it.
      if (g.tracer !== null && traced && method !== 'await') g.tracer.resume(g, method, exc, this.currentLine());
      if (g instanceof PyCoroutine) this.liveCoroutines.delete(g);
      g.state = GEN_CLOSED;
      const frame = g.frame!;
      g.frame = null;
      // The frame starts only to raise: its traceback entry is the `def` line.
      exc.tb.push([frame, frame.code.firstlineno]);
      exc.reraise = false;
      if (g.tracer !== null) g.tracer.raise(g, exc, frame.code.firstlineno);
      throw exc;
    }
    return this.genResume(g, null, exc, traced ? method : 'close');
  }
  /** throw() on a generator returning STOP on return instead of raising StopIteration. */
  genThrowRaw(g: PyGenerator, exc: PyException): Py {
    return this.genThrow(g, exc);
  }

  /** gen.close(): CPython 3.13 semantics, returning the generator's return value if it returned. */
  genClose(g: PyGenerator): Py {
    if (g.tracer !== null) g.tracer.close(g, this.currentLine());
    if (g.state === GEN_CREATED) {
      if (g instanceof PyCoroutine) this.liveCoroutines.delete(g);
      g.state = GEN_CLOSED;
      g.frame = null;
      return null;
    }
    if (g.state === GEN_CLOSED) return null;
    if (g.state === GEN_RUNNING) throw this.error('ValueError', `${g.kindName} already executing`);
    let r: Py;
    try {
      r = this.genThrow(g, this.error('GeneratorExit'), false);
    } catch (e) {
      const pe = this.toPyException(e);
      if (this.excMatches(pe, 'GeneratorExit') || this.excMatches(pe, 'StopIteration')) return null;
      throw pe;
    }
    if (r === STOP) return this.lastReturn;
    throw this.error('RuntimeError', `${g.kindName} ignored GeneratorExit`);
  }
  closeIter(it: Py): void {
    if (it instanceof PyGenerator) {
      this.genClose(it);
      return;
    }
    if (it instanceof PyAwaitIterator) {
      it.close();
      return;
    }
    const m = this.getAttrOrUndefined(it, 'close');
    if (m !== undefined) this.call(m, []);
  }

  // --- the interpreter loop
  runFrame(f: Frame, pendingExc: PyException | null): Py {
    if (this.depth >= this.recursionLimit) {
      const e = this.error('RecursionError', 'maximum recursion depth exceeded');
      e.line = this.currentLine();
      throw e;
    }
    this.depth++;
    f.back = this.frame;
    this.frame = f;
    const co = f.code;
    const code = co.code;
    const consts = co.consts;
    const names = co.names;
    const stack = f.stack;
    const locals = f.locals;
    const cells = f.cells;
    const blocks = f.blocks;
    let ip = f.ip;
    // The instruction being executed and the one before (for an implicit return's line). f.ip is
    // only written where something else may read it: calls, iteration, exceptions.
    let cur = ip;
    let lastIp = ip;
    try {
      for (;;) {
        try {
          if (pendingExc !== null) {
            const e = pendingExc;
            pendingExc = null;
            throw e;
          }
          for (;;) {
            const op = code[ip]!;
            const arg = code[ip + 1]!;
            lastIp = cur;
            cur = ip;
            ip += 2;
            switch (op) {
              // tsc inlines `const enum Op` here (server/tsconfig.json), so every case is a numeric
              // literal and V8 dispatches through a jump table rather than a chain of compares.
              case Op.LOAD_FAST: {
                const v = locals[arg];
                if (v === undefined) throw this.unboundLocal(co, arg);
                stack.push(v);
                break;
              }
              case Op.FOR_ITER_STORE_FAST: {
                // FOR_ITER as above; the item goes straight to the next instruction's (STORE_FAST) local.
                f.ip = cur;
                const it = stack[stack.length - 1];
                let v: Py;
                if (it instanceof PyGenerator) v = this.genResume(it, null, null, 'next');
                else if (it instanceof RangeIterator) v = it.i < it.len ? it.start + it.step * it.i++ : STOP;
                else v = it instanceof PyIterator ? it.next() : this.iterNextSlow(it);
                if (v === STOP) {
                  stack.pop();
                  ip = arg;
                  if (this.cleanupGens.size !== 0 && !(it instanceof PyGenerator)) this.released(it, undefined);
                } else if (this.cleanupGens.size === 0) {
                  locals[code[ip + 1]!] = v;
                  ip += 2;
                } else stack.push(v);
                break;
              }
              case Op.LOAD_CONST:
                stack.push(consts[arg]);
                break;
              case Op.LOAD_CONST_BINARY_OP: {
                // Int fast path of the next slot's BINARY_OP, which then counts as the last instruction (cur).
                const b = consts[arg];
                const a = stack[stack.length - 1];
                if (typeof a === 'number' && typeof b === 'number') {
                  const bop = code[ip + 1]!;
                  let r = NaN;
                  if (bop === 0) r = a + b;
                  else if (bop === 1) r = a - b;
                  else if (bop === 2) r = a * b;
                  else if (bop === 5 && b !== 0) {
                    r = a % b;
                    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
                  }
                  if (Number.isSafeInteger(r)) {
                    // `|| 0`: an int has no negative zero.
                    stack[stack.length - 1] = r || 0;
                    cur = ip;
                    ip += 2;
                    break;
                  }
                }
                stack.push(b);
                break;
              }
              case Op.BINARY_OP:
              case Op.INPLACE_OP: {
                const b = stack.pop();
                const a = stack[stack.length - 1];
                if (typeof a === 'number' && typeof b === 'number') {
                  let r: number;
                  switch (arg) {
                    case 0:
                      r = a + b;
                      break;
                    case 1:
                      r = a - b;
                      break;
                    case 2:
                      r = a * b;
                      break;
                    case 3:
                      if (b !== 0) {
                        stack[stack.length - 1] = new PyFloat(a / b);
                        continue;
                      }
                      r = NaN;
                      break;
                    case 4:
                      r = b === 0 ? NaN : Math.floor(a / b);
                      break;
                    case 5:
                      if (b === 0) r = NaN;
                      else {
                        r = a % b;
                        if (r !== 0 && (r < 0) !== (b < 0)) r += b;
                      }
                      break;
                    case 9:
                    case 10:
                    case 11:
                      // Python's bitwise ops agree with JS's on 32-bit two's complement values.
                      if ((a | 0) === a && (b | 0) === b) r = arg === 9 ? a & b : arg === 10 ? a | b : a ^ b;
                      else r = NaN;
                      break;
                    case 8:
                      r = (a | 0) === a && b >= 0 && b < 32 ? a >> b : NaN;
                      break;
                    case 7:
                      r = b >= 0 && b < 53 ? a * 2 ** b : NaN;
                      break;
                    default:
                      r = NaN;
                  }
                  if (Number.isSafeInteger(r)) {
                    // `|| 0`: an int has no negative zero (JavaScript's -4 % 2 and -1 * 0 are -0).
                    stack[stack.length - 1] = r || 0;
                    break;
                  }
                }
                if (a instanceof PyFloat && (b instanceof PyFloat || typeof b === 'number') && arg < 3) {
                  const x = a.v;
                  const y = typeof b === 'number' ? b : b.v;
                  stack[stack.length - 1] = new PyFloat(arg === 0 ? x + y : arg === 1 ? x - y : x * y);
                  break;
                }
                f.ip = cur;
                stack[stack.length - 1] = this.binaryOp(arg, a, b, op === Op.INPLACE_OP);
                break;
              }
              case Op.STORE_FAST:
                if (this.cleanupGens.size !== 0) {
                  f.ip = cur;
                  const old = locals[arg];
                  locals[arg] = stack.pop();
                  if (typeof old === 'object' && old !== null) this.released(old, undefined);
                  break;
                }
                locals[arg] = stack.pop();
                break;
              case Op.LOAD_FAST_YIELD: {
                // LOAD_FAST then the YIELD_VALUE in the next slot, whose line and position the yield keeps.
                const v = locals[arg];
                if (v === undefined) throw this.unboundLocal(co, arg);
                ip += 2;
                f.ip = ip;
                f.yielded = true;
                if (blocks.length !== 0 && f.gen !== null && f.gen.constructor === PyGenerator) this.cleanupGens.add(f.gen);
                return v;
              }
              case Op.JUMP:
                if (arg < ip && --this.stepsLeftInChunk <= 0) {
                  f.ip = cur;
                  this.budget();
                }
                ip = arg;
                break;
              case Op.SEND_YIELD: {
                // SEND as above; a value from the subiterator is yielded at once by the next slot's YIELD_VALUE.
                f.ip = cur;
                const v = stack.pop();
                const it = stack[stack.length - 1];
                const r = this.sendTo(it, v);
                if (r === STOP) {
                  stack.pop();
                  stack.push(this.lastReturn);
                  ip = arg;
                  break;
                }
                ip += 2;
                f.ip = ip;
                f.yielded = true;
                if (blocks.length !== 0 && f.gen !== null && f.gen.constructor === PyGenerator) this.cleanupGens.add(f.gen);
                return r;
              }
              case Op.COMPARE_OP_JUMP_IF_FALSE: {
                // COMPARE_OP; for two numbers also the next slot's POP_JUMP_IF_FALSE (then the last instruction, cur).
                const b = stack.pop();
                const a = stack[stack.length - 1];
                if (typeof a === 'number' && typeof b === 'number') {
                  const r = arg === 0 ? a < b : arg === 1 ? a <= b : arg === 2 ? a === b : arg === 3 ? a !== b : arg === 4 ? a > b : a >= b;
                  stack.pop();
                  cur = ip;
                  ip = r ? ip + 2 : code[ip + 1]!;
                  break;
                }
                f.ip = cur;
                stack[stack.length - 1] = this.compare(arg, a, b);
                break;
              }
              case Op.COMPARE_OP: {
                const b = stack.pop();
                const a = stack[stack.length - 1];
                if (typeof a === 'number' && typeof b === 'number') {
                  let r: boolean;
                  switch (arg) {
                    case 0: r = a < b; break;
                    case 1: r = a <= b; break;
                    case 2: r = a === b; break;
                    case 3: r = a !== b; break;
                    case 4: r = a > b; break;
                    case 5: r = a >= b; break;
                    default:
                      f.ip = cur;
                      r = this.compare(arg, a, b) as boolean;
                  }
                  stack[stack.length - 1] = r;
                  break;
                }
                f.ip = cur;
                stack[stack.length - 1] = this.compare(arg, a, b);
                break;
              }
              case Op.POP_JUMP_IF_FALSE: {
                const v = stack.pop();
                if (v === false || (v !== true && !this.truthy(v))) ip = arg;
                break;
              }
              case Op.LOAD_NAME: {
                if (f.ns === null) {
                  let c = co.globalsOwner === f.globals ? co.globalCells[arg] : undefined;
                  if (c === undefined || c.v === undefined) c = this.globalCell(f, arg);
                  if (c !== undefined && c.v !== undefined) {
                    stack.push(c.v);
                    break;
                  }
                }
                const name = names[arg]!;
                let v = f.ns !== null ? f.ns.get(name) : undefined;
                if (v === undefined) v = f.globals.get(name);
                if (v === undefined) v = this.builtins.get(name);
                if (v === undefined) throw this.nameError(name, f.globals, co.lines[(ip >> 1) - 1]!);
                stack.push(v);
                break;
              }
              case Op.STORE_NAME:
                if (f.ns === null && this.cleanupGens.size === 0) {
                  let c = co.globalsOwner === f.globals ? co.globalCells[arg] : undefined;
                  if (c === undefined || c.v === undefined) c = this.globalCell(f, arg);
                  if (c !== undefined && c.v !== undefined) c.v = stack.pop();
                  else f.globals.set(names[arg]!, stack.pop());
                  break;
                }
                f.ip = cur;
                ip = this.coldOp(f, op, arg, ip);
                break;
              case Op.YIELD_VALUE: {
                const v = stack.pop();
                f.ip = ip;
                f.yielded = true;
                // Suspended inside try/with: its finalisation would run code, so watch its references.
                if (blocks.length !== 0 && f.gen !== null && f.gen.constructor === PyGenerator) this.cleanupGens.add(f.gen);
                return v;
              }
              case Op.LOAD_FAST_LOAD_FAST: {
                // LOAD_FAST, then the next slot's LOAD_FAST, which then counts as the instruction (cur).
                const a = locals[arg];
                if (a === undefined) throw this.unboundLocal(co, arg);
                cur = ip;
                const second = code[ip + 1]!;
                const b = locals[second];
                if (b === undefined) throw this.unboundLocal(co, second);
                stack.push(a);
                stack.push(b);
                ip += 2;
                break;
              }
              case Op.STORE_FAST_LOAD_FAST:
                // The value stays on the stack for the LOAD_FAST, which is skipped.
                ip += 2;
                if (this.cleanupGens.size !== 0) {
                  f.ip = cur;
                  const old = locals[arg];
                  locals[arg] = stack[stack.length - 1];
                  if (typeof old === 'object' && old !== null) this.released(old, undefined);
                  break;
                }
                locals[arg] = stack[stack.length - 1];
                break;
              case Op.POP_TOP:
                stack.pop();
                break;
              case Op.LOAD_GLOBAL: {
                let c = co.globalsOwner === f.globals ? co.globalCells[arg] : undefined;
                if (c === undefined || c.v === undefined) c = this.globalCell(f, arg);
                if (c !== undefined && c.v !== undefined) {
                  stack.push(c.v);
                  break;
                }
                const name = names[arg]!;
                let v = f.globals.get(name);
                if (v === undefined) v = this.builtins.get(name);
                if (v === undefined) throw this.nameError(name, f.globals, co.lines[(ip >> 1) - 1]!);
                stack.push(v);
                break;
              }
              case Op.CALL: {
                f.ip = cur;
                const base = stack.length - arg - 1;
                const fn = stack[base];
                if (--this.stepsLeftInChunk <= 0) this.budget();
                if (fn instanceof PyFunction && fn.code.simpleArgs && fn.code.argcount === arg) {
                  const fco = fn.code;
                  const nl = newLocals(fco.varnames.length);
                  for (let i = arg - 1; i >= 0; i--) nl[i] = stack.pop();
                  stack.pop();
                  const nf = fco.freevars.length > 0 || fco.cellvars.length > 0 ? this.frameFor(fn, nl) :
                    new Frame(fco, fn.globals, nl, null, null, fn);
                  if ((fco.flags & CO_SUSPENDABLE) !== 0) stack.push(this.makeGenerator(nf, fn));
                  else stack.push(this.runFrame(nf, null));
                  break;
                }
                stack.push(this.callSlow(f, stack, base, arg, fn));
                break;
              }
              case Op.LOAD_METHOD:
                f.ip = cur;
                this.loadMethod(stack, names[arg]!);
                break;
              case Op.CALL_METHOD: {
                f.ip = cur;
                const base = stack.length - arg - 2;
                const fn = stack[base];
                if (fn === this.genSendNative && arg === 1) {
                  const g = stack[base + 1];
                  if (g instanceof PyGenerator) {
                    const v = stack.pop();
                    // Popping beats `length =` (a runtime call in V8) on this hot path.
                    stack.pop();
                    stack.pop();
                    stack.push(this.genSend(g, v, 'send'));
                    break;
                  }
                }
                stack.push(this.callMethodSlow(stack, base, arg, fn));
                break;
              }
              case Op.FOR_ITER_STORE_NAME: {
                // FOR_ITER as below; a module-level item goes straight into the global's cached cell.
                f.ip = cur;
                const it = stack[stack.length - 1];
                let v: Py;
                if (it instanceof PyGenerator) v = this.genResume(it, null, null, 'next');
                else if (it instanceof RangeIterator) v = it.i < it.len ? it.start + it.step * it.i++ : STOP;
                else v = it instanceof PyIterator ? it.next() : this.iterNextSlow(it);
                if (v === STOP) {
                  stack.pop();
                  ip = arg;
                  if (this.cleanupGens.size !== 0 && !(it instanceof PyGenerator)) this.released(it, undefined);
                  break;
                }
                if (f.ns === null && this.cleanupGens.size === 0 && co.globalsOwner === f.globals) {
                  const c = co.globalCells[code[ip + 1]!];
                  if (c !== undefined && c.v !== undefined) {
                    c.v = v;
                    cur = ip;
                    ip += 2;
                    break;
                  }
                }
                stack.push(v);
                break;
              }
              case Op.FOR_ITER: {
                f.ip = cur;
                const it = stack[stack.length - 1];
                // Generators and ranges directly (monomorphic calls); other iterators through next().
                let v: Py;
                if (it instanceof PyGenerator) v = this.genResume(it, null, null, 'next');
                else if (it instanceof RangeIterator) v = it.i < it.len ? it.start + it.step * it.i++ : STOP;
                else v = it instanceof PyIterator ? it.next() : this.iterNextSlow(it);
                if (v === STOP) {
                  stack.pop();
                  ip = arg;
                  // An exhausted wrapper (islice, map...) dies here, and with it what it held.
                  if (this.cleanupGens.size !== 0 && !(it instanceof PyGenerator)) this.released(it, undefined);
                } else stack.push(v);
                break;
              }
              case Op.RETURN_VALUE: {
                // An implicit `return None` reports the line that ran last (CPython's duplicated exits).
                f.ip = ip;
                let rv: Py = null;
                if (arg === 1) {
                  // Implicit `return None`: it pushes nothing of its own.
                  f.returnLine = co.lines[lastIp >> 1]!;
                } else {
                  f.returnLine = co.lines[(ip >> 1) - 1]!;
                  rv = stack.pop();
                }
                if (this.cleanupGens.size !== 0 && f.gen === null && f.func !== null) this.releaseFrame(f, rv);
                return rv;
              }
              case Op.LOAD_ATTR: {
                f.ip = cur;
                const o = stack.pop();
                stack.push(this.getAttr(o, names[arg]!));
                break;
              }
              case Op.LOAD_DEREF: {
                const v = cells![arg]!.value;
                if (v === undefined) throw this.derefError(co, arg);
                stack.push(v);
                break;
              }
              case Op.POP_JUMP_IF_TRUE: {
                const v = stack.pop();
                if (v === true || (v !== false && this.truthy(v))) ip = arg;
                break;
              }
              case Op.BINARY_SUBSCR: {
                f.ip = cur;
                const k = stack.pop();
                const o = stack.pop();
                stack.push(this.getItem(o, k));
                break;
              }
              case Op.STORE_DEREF:
                cells![arg]!.value = stack.pop();
                break;
              case Op.DUP_TOP:
                stack.push(stack[stack.length - 1]);
                break;
              case Op.ROT_TWO: {
                const n = stack.length;
                const t = stack[n - 1];
                stack[n - 1] = stack[n - 2];
                stack[n - 2] = t;
                break;
              }
              case Op.STORE_SUBSCR: {
                f.ip = cur;
                const k = stack.pop();
                const o = stack.pop();
                const v = stack.pop();
                this.setItem(o, k, v);
                if (this.cleanupGens.size !== 0) this.released(o, undefined);
                break;
              }
              case Op.UNARY_NOT:
                stack.push(!this.truthy(stack.pop()));
                break;
              case Op.GET_ITER: {
                f.ip = cur;
                const v = stack.pop();
                // `for x in gen(...)`: nothing but this loop will ever hold the generator.
                if (v === this.lastMadeGen && this.lastMadeFrame === f && this.lastMadeIp === f.ip - 2) v.temporary = true;
                stack.push(this.getIter(v));
                break;
              }
              case Op.BUILD_LIST: {
                const items = arg === 0 ? [] : stack.splice(stack.length - arg, arg);
                stack.push(new PyList(items));
                break;
              }
              case Op.BUILD_TUPLE: {
                const items = arg === 0 ? [] : stack.splice(stack.length - arg, arg);
                stack.push(arg === 0 ? EMPTY_TUPLE : new PyTuple(items));
                break;
              }
              case Op.LIST_APPEND: {
                const v = stack.pop();
                const l = stack[stack.length - arg] as PyList;
                l.items.push(v);
                if ((l.items.length & 0xffff) === 0) this.checkSize(l.items.length);
                break;
              }
              case Op.UNPACK_SEQUENCE: {
                f.ip = cur;
                const seq = stack.pop();
                let items: Py[];
                if (seq instanceof PyTuple || (seq instanceof PyList && !(seq instanceof PyListSub && subOverride(seq, '__iter__') !== undefined))) items = seq.items;
                else items = this.rooted(seq, () => this.unpackIterable(seq, arg));
                if (items.length !== arg) throw this.unpackError(arg, items.length);
                for (let i = arg - 1; i >= 0; i--) stack.push(items[i]);
                break;
              }
              case Op.SEND: {
                f.ip = cur;
                const v = stack.pop();
                const it = stack[stack.length - 1];
                const r = this.sendTo(it, v);
                if (r === STOP) {
                  stack.pop();
                  stack.push(this.lastReturn);
                  ip = arg;
                } else stack.push(r);
                break;
              }
              case Op.SETUP_FINALLY:
                blocks.push(BlockType.FINALLY, arg, stack.length);
                break;
              case Op.POP_BLOCK:
                blocks.length -= 3;
                break;
              default:
                f.ip = cur;
                ip = this.coldOp(f, op, arg, ip);
                break;
            }
          }
        } catch (e) {
          f.ip = cur;
          ip = this.unwindTo(f, e);
        }
      }
    } finally {
      this.frame = f.back;
      if (f.gen === null) f.back = null;
      this.depth--;
    }
  }

  /**
   * An exception reached frame `f`: give it its context and traceback entry, then unwind the block
   * stack to the innermost handler and return its address (or rethrow when the frame has none).
   * Kept out of runFrame so the JIT compiles the hot loop without it.
   */
  private unwindTo(f: Frame, e: unknown): number {
    const co = f.code;
    const stack = f.stack;
    const blocks = f.blocks;
    const exc = this.toPyException(e);
    if (!exc.contextSet) this.setContext(exc);
    // PyTraceBack_Here: every frame an exception reaches adds an entry, except a re-raise.
    const line = co.lines[f.ip >> 1] ?? 0;
    if (exc.reraise) exc.reraise = false;
    else if (co.inlinedComprehension) {
      if (exc.compLine === 0) exc.compLine = line;
    } else {
      exc.tb.push([f, exc.compLine !== 0 ? exc.compLine : line]);
      exc.compLine = 0;
    }
    if (exc.line === 0 && co.filename !== STDLIB_FILENAME) {
      exc.line = line;
      exc.file = co.filename;
    }
    while (blocks.length > 0) {
      const level = blocks.pop()!;
      const handler = blocks.pop()!;
      const type = blocks.pop()!;
      if (stack.length > level) this.dropStack(stack, level);
      if (type === BlockType.HANDLER) {
        stack.length = level;
        f.handled = stack.pop();
        continue;
      }
      stack.length = level;
      stack.push(f.handled);
      blocks.push(BlockType.HANDLER, 0, stack.length);
      f.handled = exc;
      stack.push(exc);
      return handler;
    }
    if (stack.length > 0) this.dropStack(stack, 0);
    stack.length = 0;
    throw exc;
  }

  private unpackError(expected: number, got: number): PyException {
    if (got < expected) return this.error('ValueError', `not enough values to unpack (expected ${expected}, got ${got})`);
    return this.error('ValueError', `too many values to unpack (expected ${expected})`);
  }
  /** SEND of `yield from`: resumes a generator, else next() for None and send() for a value. */
  private sendTo(it: Py, v: Py): Py {
    if (it instanceof PyGenerator) return this.genResume(it, v, null, v === null ? 'next' : 'send');
    if (it instanceof PyAwaitIterator) return it.send(v);
    if (v === null) {
      if (!(it instanceof PyIterator)) return this.iterNextSlow(it);
      const r = it.next();
      // A builtin iterator's StopIteration carries no value (the `yield from` is None), unless a
      // function it called raised one (map(next, ...)), whose value CPython's `yield from` takes.
      if (r === STOP) this.lastReturn = (it as { stopException?: PyException | null }).stopException?.dict.get('value') ?? null;
      return r;
    }
    try {
      return this.callMethod(it, 'send', [v]);
    } catch (e) {
      const pe = this.toPyException(e);
      if (!this.excMatches(pe, 'StopIteration')) throw pe;
      this.lastReturn = pe.dict.get('value') ?? null;
      return STOP;
    }
  }
  private loadMethod(stack: Py[], name: string): void {
    const o = stack.pop();
    // gen.send(v) in a coroutine loop: generator's type dict cannot change, so skip the MRO walk.
    if (o instanceof PyGenerator && name === 'send' && this.genSendNative !== null && o.constructor === PyGenerator) {
      stack.push(this.genSendNative, o);
      return;
    }
    if (!(o instanceof PyInstance) || o.cls.layout === 'exception') {
      const t = typeOf(o);
      // Not for dunders: a slot wrapper of the type (int.__hash__) comes before object's native on the MRO.
      if (t.builtin && name.charCodeAt(0) !== 95 && !(o instanceof PyType) && !(o instanceof PyModule) && !(o instanceof PySuper)) {
        const m = t.lookup(name);
        if (m instanceof PyNative) {
          stack.push(m, o);
          return;
        }
      }
    } else if (!o.dict.has(name)) {
      const m = o.cls.lookup(name);
      if (m instanceof PyFunction) {
        stack.push(m, o);
        return;
      }
    }
    stack.push(undefined, this.getAttr(o, name));
  }
  private callMethodSlow(stack: Py[], base: number, arg: number, fn: Py): Py {
    if (fn === undefined) {
      const args = stack.splice(base + 2, arg);
      const callee = stack.pop();
      stack.pop();
      return this.callFast(callee, args);
    }
    if (fn instanceof PyNative) {
      // As in callSlow: self and the arguments stay on the value stack while the native runs.
      const args = stack.slice(base + 1);
      const r = fn.fn(args, null);
      for (let i = 0; i <= arg + 1; i++) stack.pop();
      // Container methods that drop references (clear, pop, remove...) may free a generator.
      if (this.cleanupGens.size !== 0 && MUTATORS.has(fn.name)) this.released(args[0], r);
      return r;
    }
    const args = stack.splice(base + 1, arg + 1);
    stack.pop();
    return this.callFast(fn, args);
  }
  private callSlow(f: Frame, stack: Py[], base: number, arg: number, fn: Py): Py {
    if (fn === this.nextBuiltin && arg === 1) {
      const g = stack[base + 1];
      if (g instanceof PyGenerator && g.constructor === PyGenerator && !(g === this.lastMadeGen && this.lastMadeIp === f.ip - 2)) {
        stack.pop();
        stack.pop();
        return this.genSend(g, null, 'next');
      }
    }
    // The callee and its arguments stay on the value stack until the call returns, as in CPython: a native's
    // arguments are still referenced while it runs (generator finalisation scans the stack).
    const args = stack.slice(base + 1);
    const lastArg = args[arg - 1];
    if (lastArg !== undefined && lastArg === this.lastMadeGen && this.lastMadeFrame === f &&
      this.lastMadeIp === f.ip - 2 && this.consumers.has(fn)) {
      const r = this.call(fn, args, null);
      for (let i = 0; i <= arg; i++) stack.pop();
      this.dropTemporary(lastArg, true);
      return r;
    }
    const r = this.call(fn, args, null);
    // Popping beats `length =` (a runtime call in V8).
    for (let i = 0; i <= arg; i++) stack.pop();
    // A consumer let go of its argument (e.g. list(islice(gen(), 3))): what it wrapped may be garbage now.
    if (this.cleanupGens.size !== 0 && lastArg !== undefined && this.consumers.has(fn)) this.released(lastArg, r);
    return r;
  }

  /** The rarely executed opcodes, kept out of runFrame so that the hot loop stays small for the JIT. */
  private coldOp(f: Frame, op: number, arg: number, ip: number): number {
    const co = f.code;
    const consts = co.consts;
    const names = co.names;
    const stack = f.stack;
    const locals = f.locals;
    const cells = f.cells;
    const blocks = f.blocks;
    void locals;
    switch (op) {
      case Op.NOP:
        break;
      case Op.DUP_TOP_TWO: {
        const n = stack.length;
        stack.push(stack[n - 2], stack[n - 1]);
        break;
      }
      case Op.ROT_THREE: {
        const n = stack.length;
        const t = stack[n - 1];
        stack[n - 1] = stack[n - 2];
        stack[n - 2] = stack[n - 3];
        stack[n - 3] = t;
        break;
      }
      case Op.DELETE_FAST: {
        const old = locals[arg];
        if (old === undefined) throw this.error('UnboundLocalError', `cannot access local variable '${co.varnames[arg]}' where it is not associated with a value`);
        locals[arg] = undefined;
        if (this.cleanupGens.size !== 0) this.released(old, undefined);
        break;
      }
      case Op.DELETE_DEREF:
        if (cells![arg]!.value === undefined) throw this.derefError(co, arg);
        cells![arg]!.value = undefined;
        break;
      case Op.LOAD_CLOSURE:
        stack.push(cells![arg]);
        break;
      case Op.LOAD_CLASSDEREF: {
        const [cell, nameIdx] = co.classDerefs[arg]!;
        let v = f.ns!.get(names[nameIdx]!);
        if (v === undefined) v = cells![cell]!.value;
        if (v === undefined) throw this.derefError(co, cell);
        stack.push(v);
        break;
      }
      case Op.STORE_GLOBAL:
      case Op.STORE_NAME: {
        const m = op === Op.STORE_GLOBAL ? f.globals : f.ns ?? f.globals;
        const name = names[arg]!;
        const old = this.cleanupGens.size !== 0 ? m.get(name) : undefined;
        m.set(name, stack.pop());
        if (typeof old === 'object' && old !== null) this.released(old, undefined);
        break;
      }
      case Op.DELETE_GLOBAL:
      case Op.DELETE_NAME: {
        const m = op === Op.DELETE_GLOBAL ? f.globals : f.ns ?? f.globals;
        const name = names[arg]!;
        const old = m.get(name);
        if (!m.delete(name)) throw this.error('NameError', `name '${name}' is not defined`);
        if (this.cleanupGens.size !== 0) this.released(old, undefined);
        break;
      }
      case Op.STORE_ATTR: {
        const o = stack.pop();
        const v = stack.pop();
        const old = this.cleanupGens.size !== 0 && o instanceof PyInstance ? o.dict.get(names[arg]!) : undefined;
        this.setAttr(o, names[arg]!, v);
        if (old !== undefined) this.released(old, undefined);
        break;
      }
      case Op.DELETE_ATTR: {
        const o = stack.pop();
        this.delAttr(o, names[arg]!);
        if (this.cleanupGens.size !== 0) this.released(o, undefined);
        break;
      }
      case Op.CALL_KW: {
        const kwnames = (stack.pop() as KwNames).names;
        const base = stack.length - arg - 1;
        const fn = stack[base];
        const all = stack.splice(base + 1, arg);
        stack.length = base;
        const npos = arg - kwnames.length;
        const kw = new Map<string, Py>();
        for (let i = 0; i < kwnames.length; i++) kw.set(kwnames[i]!, all[npos + i]);
        const r = this.callRooted(fn, all.slice(0, npos), kw, all);
        // As in callSlow: a consumer let go of its iterable (sorted(gen, key=...)).
        if (this.cleanupGens.size !== 0 && npos > 0 && this.consumers.has(fn)) this.released(all[npos - 1], r);
        stack.push(r);
        break;
      }
      case Op.CALL_EX: {
        const kwd = stack.pop() as PyDict;
        const posl = stack.pop() as PyList;
        const fn = stack.pop();
        let kw: Map<string, Py> | null = null;
        if (kwd.size > 0) {
          kw = new Map();
          for (const [hk, v] of kwd.vals) {
            const k = kwd.keys.get(hk);
            if (typeof k !== 'string') throw this.typeError('keywords must be strings');
            kw.set(k, v);
          }
        }
        stack.push(this.callRooted(fn, posl.items, kw, [posl, kwd]));
        break;
      }
      case Op.DELETE_SUBSCR: {
        const k = stack.pop();
        const o = stack.pop();
        this.delItem(o, k);
        if (this.cleanupGens.size !== 0) this.released(o, undefined);
        break;
      }
      case Op.BUILD_SLICE: {
        const step = stack.pop();
        const stop = stack.pop();
        const start = stack.pop();
        stack.push(new PySlice(start, stop, step));
        break;
      }
      case Op.UNARY_NEG:
        stack.push(this.unary('-', stack.pop()));
        break;
      case Op.UNARY_POS:
        stack.push(this.unary('+', stack.pop()));
        break;
      case Op.UNARY_INVERT:
        stack.push(this.unary('~', stack.pop()));
        break;
      case Op.JUMP_IF_FALSE_OR_POP:
        if (!this.truthy(stack[stack.length - 1])) ip = arg;
        else stack.pop();
        break;
      case Op.JUMP_IF_TRUE_OR_POP:
        if (this.truthy(stack[stack.length - 1])) ip = arg;
        else stack.pop();
        break;
      case Op.BUILD_SET: {
        const n = arg < 0 ? -arg - 1 : arg;
        const items = n === 0 ? [] : stack.splice(stack.length - n, n);
        const s = new PySet(false);
        if (arg < 0) {
          // CPython folds a display of 3+ constants into a frozenset constant and merges it in.
          s.map.mergeInto(this.foldedFrozenset(items).map);
        } else for (const x of items) s.map.set(this.insertKey(s.map, x), x);
        stack.push(s);
        break;
      }
      case Op.BUILD_MAP: {
        const items = arg === 0 ? [] : stack.splice(stack.length - 2 * arg, 2 * arg);
        const d = new PyDict();
        for (let i = 0; i < items.length; i += 2) this.dictSet(d, items[i], items[i + 1]);
        stack.push(d);
        break;
      }
      case Op.SET_ADD: {
        const v = stack.pop();
        const s = stack[stack.length - arg] as PySet;
        s.map.set(this.insertKey(s.map, v), v);
        break;
      }
      case Op.MAP_ADD: {
        const v = stack.pop();
        const k = stack.pop();
        this.dictSet(stack[stack.length - arg] as PyDict, k, v);
        break;
      }
      case Op.LIST_EXTEND: {
        const v = stack.pop();
        const l = stack[stack.length - arg] as PyList;
        this.rooted(v, () => {
          for (const x of this.iterate(v)) l.items.push(x);
        });
        break;
      }
      case Op.SET_UPDATE: {
        const v = stack.pop();
        const s = stack[stack.length - arg] as PySet;
        this.rooted(v, () => {
          for (const x of this.iterate(v)) s.map.set(this.insertKey(s.map, x), x);
        });
        break;
      }
      case Op.DICT_UPDATE: {
        const v = stack.pop();
        const d = stack[stack.length - arg] as PyDict;
        // dict_merge: a dict subclass that overrides __iter__ is merged through keys() and v[k].
        if (!(v instanceof PyDict) || (v instanceof PyDictSub && subOverride(v, '__iter__') !== undefined)) {
          if (this.getAttrOrUndefined(v, 'keys') === undefined)
            throw this.typeError(`'${typeOf(v).tpName}' object is not a mapping`);
          for (const k of this.iterate(this.callMethod(v, 'keys', []))) this.dictSet(d, k, this.getItem(v, k));
        } else if (v.vals.complex !== undefined && v.vals.complex.hashOf.size > 0) {
          // dict_merge: a user-hashed key goes in with the hash stored with it (no __hash__ call).
          // Into an empty dict: cloned or inserted key by key, the same entries when no __eq__ can be called.
          if (d.vals.size === 0) {
            this.refuseCollidingDictCopy(v.vals);
            for (const [hk, val] of v.vals) {
              d.keys.set(hk, v.keys.get(hk));
              d.vals.set(hk, val);
            }
            d.vals.complex = v.vals.complex.clone();
            break;
          }
          for (const [hk, val] of [...v.vals]) {
            const key = this.insertFrom(d.vals, v.vals, hk);
            if (!d.vals.has(key)) d.keys.set(key, v.keys.get(hk));
            d.vals.set(key, val);
          }
        } else for (const [hk, val] of v.vals) this.dictSet(d, v.keys.get(hk), val);
        break;
      }
      case Op.LIST_TO_TUPLE:
        stack.push(new PyTuple((stack.pop() as PyList).items));
        break;
      case Op.UNPACK_EX: {
        const before = arg & 0xff;
        const after = arg >> 8;
        const seq = stack.pop();
        const items = this.rooted(seq, () => [...this.iterate(seq)]);
        if (items.length < before + after)
          throw this.error('ValueError', `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
        for (let i = items.length - 1; i >= items.length - after; i--) stack.push(items[i]);
        stack.push(new PyList(items.slice(before, items.length - after)));
        for (let i = before - 1; i >= 0; i--) stack.push(items[i]);
        break;
      }
      case Op.MAKE_FUNCTION: {
        const fco = stack.pop() as CodeObject;
        const closure = (arg & 8) !== 0 ? ((stack.pop() as PyTuple).items as PyCell[]) : null;
        const annotations = (arg & 4) !== 0 ? (stack.pop() as PyDict) : null;
        const kwdefs = (arg & 2) !== 0 ? (stack.pop() as PyDict) : null;
        const defs = (arg & 1) !== 0 ? (stack.pop() as PyTuple).items : null;
        let kwmap: Map<string, Py> | null = null;
        if (kwdefs !== null) {
          kwmap = new Map();
          for (const [hk, v] of kwdefs.vals) kwmap.set(kwdefs.keys.get(hk) as string, v);
        }
        const made = new PyFunction(fco, f.globals, defs, kwmap, closure);
        if (annotations !== null) made.annotations = annotations;
        stack.push(made);
        break;
      }
      case Op.SETUP_ANNOTATIONS: {
        const ns = f.ns ?? f.globals;
        if (ns.get('__annotations__') === undefined) ns.set('__annotations__', new PyDict());
        break;
      }
      case Op.GET_YIELD_FROM_ITER: {
        const v = stack.pop();
        if (v instanceof PyCoroutine) {
          // Only a types.coroutine generator may delegate to a coroutine (`yield from` is refused in async def).
          if ((co.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) === 0)
            throw this.typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
          stack.push(v);
        } else stack.push(v instanceof PyGenerator && v.constructor === PyGenerator ? v : this.getIter(v));
        break;
      }
      case Op.GET_AWAITABLE:
        stack.push(this.getAwaitable(stack.pop(), arg));
        break;
      case Op.GET_AITER: {
        const v = stack.pop();
        const it = this.getAIter(v);
        // `async for x in agen():` as `for x in gen():` — nothing but this loop will ever hold it.
        if (it === v && v === this.lastMadeGen && this.lastMadeFrame === f && this.lastMadeIp === f.ip - 2) v.temporary = true;
        stack.push(it);
        break;
      }
      case Op.GET_ANEXT:
        stack.push(this.getANext(stack[stack.length - 1]));
        break;
      case Op.END_ASYNC_FOR: {
        const e = stack[stack.length - 1] as PyException;
        if (!this.excMatches(e, 'StopAsyncIteration')) {
          // Not the end of the iteration: re-raised as RERAISE does.
          stack.pop();
          e.contextSet = true;
          e.reraise = true;
          throw e;
        }
        // POP_EXCEPT, then the exhausted iterator.
        const level = blocks[blocks.length - 1]!;
        blocks.length -= 3;
        stack.length = level;
        f.handled = stack.pop();
        stack.pop();
        break;
      }
      case Op.BEFORE_ASYNC_WITH: {
        const mgr = stack.pop();
        const t = typeOf(mgr);
        const enter = t.lookup('__aenter__');
        if (enter === undefined) throw this.typeError(`'${t.tpName}' object does not support the asynchronous context manager protocol`);
        const exit = t.lookup('__aexit__');
        if (exit === undefined)
          throw this.typeError(`'${t.tpName}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
        stack.push(this.bindMethod(exit, mgr));
        stack.push(this.call(this.bindMethod(enter, mgr), []));
        break;
      }
      case Op.WITH_EXIT_CALL: {
        const exit = stack.pop();
        stack.push(this.call(exit, [null, null, null]));
        break;
      }
      case Op.POP_EXCEPT: {
        // Leaves an except/finally handler: restores the previously handled exception.
        const level = blocks[blocks.length - 1]!;
        blocks.length -= 3;
        const tos = arg === 1 ? stack.pop() : undefined;
        stack.length = level;
        f.handled = stack.pop();
        if (arg === 1) stack.push(tos);
        break;
      }
      case Op.RERAISE: {
        const e = stack.pop() as PyException;
        e.contextSet = true;
        e.reraise = true;
        throw e;
      }
      case Op.RAISE_VARARGS:
        throw this.doRaise(arg, stack);
      case Op.CHECK_EXC_MATCH: {
        const t = stack.pop();
        const e = stack.pop() as PyException;
        stack.push(this.exceptionMatches(e, t));
        break;
      }
      case Op.LOAD_ASSERTION_ERROR:
        stack.push(excTypes.get('AssertionError'));
        break;
      case Op.BEFORE_WITH: {
        const mgr = stack.pop();
        const t = typeOf(mgr);
        const enter = t.lookup('__enter__');
        const exit = t.lookup('__exit__');
        if (enter === undefined || exit === undefined)
          throw this.typeError(`'${t.tpName}' object does not support the context manager protocol${enter === undefined ? '' : " (missed __exit__ method)"}`);
        stack.push(this.bindMethod(exit, mgr));
        stack.push(this.call(this.bindMethod(enter, mgr), []));
        break;
      }
      case Op.WITH_EXIT: {
        const tos = arg === 1 ? stack.pop() : undefined;
        const exit = stack.pop();
        this.call(exit, [null, null, null]);
        if (arg === 1) stack.push(tos);
        break;
      }
      case Op.WITH_EXCEPT_START: {
        const e = stack[stack.length - 1] as PyException;
        const exit = stack[stack.length - 3];
        // `async with` (arg 1) passes the traceback, as CPython does.
        stack.push(this.call(exit, [e.cls, e, arg === 1 ? this.exceptionAttr(e, '__traceback__') : null]));
        break;
      }
      case Op.FORMAT_VALUE: {
        const spec = (arg & 4) !== 0 ? (stack.pop() as string) : '';
        let v = stack.pop();
        const conv = arg & 3;
        if (conv === 1) v = this.str(v);
        else if (conv === 2) v = this.repr(v);
        else if (conv === 3) v = this.repr(v);
        stack.push(typeof v === 'string' && spec === '' ? v : this.format(v, spec));
        break;
      }
      case Op.BUILD_STRING: {
        const parts = stack.splice(stack.length - arg, arg);
        const s = parts.join('');
        if (s.length > this.opts.maxCollection) this.checkSize(s.length);
        stack.push(s);
        break;
      }
      case Op.LOAD_BUILD_CLASS:
        stack.push(this.builtins.get('__build_class__'));
        break;
      case Op.LOAD_LOCALS:
        stack.push(f.ns);
        break;
      case Op.IMPORT_NAME: {
        const fromlist = stack.pop() as PyTuple | null;
        const level = stack.pop() as number;
        stack.push(this.importSystem().importName(names[arg]!, fromlist === null ? [] : (fromlist.items as string[]), level, f.globals));
        break;
      }
      case Op.IMPORT_FROM:
        stack.push(this.importSystem().importFrom(stack[stack.length - 1] as PyModule, names[arg]!));
        break;
      case Op.COPY:
        stack.push(stack[stack.length - arg]);
        break;
      case Op.MATCH_SEQUENCE:
        stack.push(this.matchOps.sequence(this, stack[stack.length - 1]));
        break;
      case Op.MATCH_MAPPING:
        stack.push(this.matchOps.mapping(this, stack[stack.length - 1]));
        break;
      case Op.GET_LEN:
        stack.push(this.matchOps.length(this, stack[stack.length - 1]));
        break;
      case Op.MATCH_KEYS:
        stack.push(this.matchOps.keys(this, stack[stack.length - 2], stack[stack.length - 1] as PyTuple));
        break;
      case Op.MATCH_CLASS: {
        const keywords = stack.pop() as PyTuple;
        const cls = stack.pop();
        const subject = stack.pop();
        stack.push(this.matchOps.cls(this, subject, cls, arg, keywords));
        break;
      }
      case Op.MATCH_REST: {
        const keys = stack.pop() as PyTuple;
        stack.push(this.matchOps.rest(this, stack.pop(), keys));
        break;
      }
      case Op.IMPORT_STAR:
        this.importSystem().importStar(stack.pop() as PyModule, f.globals);
        break;
      case Op.UNSUPPORTED:
        throw new UnsupportedSignal(consts[arg] as string, co.lines[(ip >> 1) - 1]!);
      case Op.POP_ITER: {
        const it = stack.pop();
        this.dropTemporary(it);
        if (this.cleanupGens.size !== 0 && !(it instanceof PyGenerator)) this.released(it, undefined);
        break;
      }
      default:
        throw new UnsupportedSignal(`opcode ${op}`, co.lines[(ip >> 1) - 1]!);
    }
    return ip;
  }

  /** Suspended generators whose frame is inside try/with blocks: dropping them would run code. */
  cleanupGens = new Set<PyGenerator>();
  /**
   * The arguments of the calls under way that are off the value stack (CALL_KW, CALL_EX, the iterable of
   * LIST_EXTEND and friends; callSlow and callMethodSlow leave theirs on the stack): still referenced, as
   * CPython's value stack keeps them until the call returns, so `list(zip(g1, g2))` does not finalise g1
   * while g2 runs Python code.
   */
  private callRoots: Py[][] = [];
  /**
   * `body` run with `v` (an iterable popped off the value stack and consumed natively) kept referenced;
   * then let go of, as CPython drops it (`[*zip(g1, g2)]` finalises the generator zip left suspended).
   */
  private rooted<T>(v: Py, body: () => T): T {
    this.callRoots.push([v]);
    let r: T;
    try {
      r = body();
    } finally {
      this.callRoots.pop();
    }
    if (this.cleanupGens.size !== 0 && !(v instanceof PyList || v instanceof PyTuple)) this.released(v, undefined);
    return r;
  }
  private callRooted(fn: Py, args: Py[], kw: Map<string, Py> | null, roots: Py[]): Py {
    this.callRoots.push(roots);
    try {
      return this.call(fn, args, kw);
    } finally {
      this.callRoots.pop();
    }
  }

  /**
   * A reference to `g` was just dropped (a name rebound or deleted, a frame returned). CPython would
   * finalise it now if that was the last reference; without reference counts, look for any other
   * path to it from the live roots. `extraRoot` is a value in flight (a return value).
   */
  released(old: Py, extraRoot: Py): void {
    // Primitives hold nothing; anything else may have been the last path to a watched generator.
    if (typeof old !== 'object' || old === null || this.cleanupGens.size === 0) return;
    if (this.finalizationScans >= 5000) {
      this.finalizationUncertain = true;
      return;
    }
    this.finalizationScans++;
    const targets = new Set([...this.cleanupGens].filter((g) => g.state === GEN_SUSPENDED));
    if (targets.size === 0) return;
    const alive = this.reachable(targets, extraRoot);
    for (const g of targets) if (!alive.has(g)) this.dropTemporary(g, true);
  }
  finalizationScans = 0;
  /** Set when reference tracking gave up: generator finalisation timing may then differ from CPython. */
  finalizationUncertain = false;
  /** Line where the JavaScript stack first ran out (converted to RecursionError), or -1. */
  hostStackLine = -1;
  private releaseFrame(f: Frame, rv: Py): void {
    let holdsObjects = false;
    for (const v of f.locals) if (typeof v === 'object' && v !== null) holdsObjects = true;
    if (f.cells !== null && f.cells.length > 0) holdsObjects = true;
    if (!holdsObjects) return;
    // The frame is dead once it returns: look from the caller's side.
    const saved = this.frame;
    this.frame = f.back;
    try {
      this.released(f, rv);
    } finally {
      this.frame = saved;
    }
  }
  /**
   * Which of `targets` can still be reached from the live frames, module namespaces, handled
   * exceptions and `extraRoot`. Objects whose references the VM cannot see (native iterators keep
   * theirs in closures) make the answer "all reachable", so a generator is never closed early.
   */
  private reachable<T extends object = PyGenerator>(targets: Set<T>, extraRoot: Py): Set<T> {
    const found = new Set<T>();
    const seen = new Set<unknown>();
    // A stack: what is pushed last is walked first, so the running frames (innermost last), whose locals
    // usually hold what is looked for, come before the modules' namespaces.
    const work: Py[] = [extraRoot];
    for (const m of this.modules.values()) work.push(m);
    for (const a of this.callRoots) for (const x of a) work.push(x);
    const frames: Frame[] = [];
    for (let fr = this.frame; fr !== null; fr = fr.back) frames.push(fr);
    for (let i = frames.length - 1; i >= 0; i--) work.push(frames[i]!);
    let budget = 200_000;
    while (work.length > 0) {
      const v = work.pop();
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      if (--budget < 0) return targets;
      if (targets.has(v as T)) {
        found.add(v as T);
        if (found.size === targets.size) return found;
      }
      if (v instanceof PyGenerator) {
        if (v.frame !== null) work.push(v.frame);
      } else if (v instanceof Frame) {
        for (const x of v.locals) work.push(x);
        for (const x of v.stack) work.push(x);
        if (v.cells !== null) for (const c of v.cells) work.push(c);
        if (v.ns !== null) for (const x of v.ns.values()) work.push(x);
        for (const x of v.globals.values()) work.push(x);
        if (v.handled !== null) work.push(v.handled);
        if (v.func !== null) work.push(v.func);
      } else if (v instanceof PyList || v instanceof PyTuple) {
        for (const x of v.items) work.push(x);
        if (v instanceof PyListSub) {
          for (const x of v.dict.values()) work.push(x);
          work.push(v.cls);
        }
      } else if (v instanceof PyDict) {
        for (const x of v.keys.values()) work.push(x);
        for (const x of v.vals.values()) work.push(x);
        if (v instanceof PyDictSub) {
          for (const x of v.dict.values()) work.push(x);
          work.push(v.cls);
        }
      } else if (v instanceof PySet) {
        for (const x of v.map.values()) work.push(x);
      } else if (v instanceof PyException) {
        for (const x of v.dict.values()) work.push(x);
        for (const x of v.args) work.push(x);
        work.push(v.context, v.cause);
        for (const [frame] of v.tb) work.push(frame);
      } else if (v instanceof PyInstance) {
        for (const x of v.dict.values()) work.push(x);
        work.push(v.cls);
      } else if (v instanceof PyType) {
        for (const x of v.dict.values()) work.push(x);
      } else if (v instanceof PyFunction) {
        if (v.closure !== null) for (const c of v.closure) work.push(c);
        if (v.defaults !== null) for (const x of v.defaults) work.push(x);
        if (v.kwdefaults !== null) for (const x of v.kwdefaults.values()) work.push(x);
        if (v.dict !== null) for (const x of v.dict.values()) work.push(x);
      } else if (v instanceof PyCell) {
        work.push(v.value);
      } else if (v instanceof PyBoundMethod) {
        work.push(v.self, v.func);
      } else if (v instanceof PyModule) {
        for (const x of v.dict.values()) work.push(x);
      } else if (v instanceof PyStaticMethod || v instanceof PyClassMethod) {
        work.push(v.func);
      } else if (v instanceof PyProperty) {
        work.push(v.fget, v.fset, v.fdel);
      } else if (v instanceof PySuper) {
        work.push(v.obj);
      } else if (v instanceof ListIterator) {
        for (const x of v.items) work.push(x);
      } else if (v instanceof PyNative) {
        if (v.self !== undefined) work.push(v.self);
      } else if (v instanceof PyFloat || v instanceof PyRange || v instanceof PySlice || v instanceof CodeObject ||
        v instanceof RangeIterator || v instanceof PyTraceback || v === NOT_IMPLEMENTED) {
        // No references to follow.
      } else if (typeof (v as Partial<Traversable>).traverse === 'function') {
        for (const x of (v as Traversable).traverse()) work.push(x);
      } else {
        // Opaque (native iterators, file objects, views): assume it could hold anything. CPython may
        // still have finalised a generator here: a generator left suspended to the end is then refused.
        this.finalizationUncertain = true;
        return targets;
      }
    }
    return found;
  }

  /**
   * Whether `target` is certainly alive in CPython: reachable from the live frames, module namespaces and the
   * arguments of running calls (a weak reference does not count; the walk does not enter weakref objects).
   * False when it is not found, or when the walk met an object whose references it cannot see: CPython would
   * then have freed it, or not yet (a cycle waits for the collector), which the runtime does not model.
   */
  certainlyAlive(target: object): boolean {
    const uncertain = this.finalizationUncertain;
    this.finalizationUncertain = false;
    try {
      const targets = new Set([target]);
      // reachable() answers with `targets` itself when it gives up (its budget, an opaque object).
      const found = this.reachable(targets, null);
      return found !== targets && found.has(target);
    } finally {
      this.finalizationUncertain = uncertain;
    }
  }

  /** CPython's refcount finalisation of a temporary generator: close it when its last holder drops it. */
  dropTemporary(v: Py, evenIfNotFlagged = false): void {
    if (!(v instanceof PyGenerator) || (!v.temporary && !evenIfNotFlagged)) return;
    v.temporary = false;
    if (v instanceof PyAsyncGenerator) return this.finalizeAsyncGen(v);
    if (v.state !== GEN_SUSPENDED) return;
    try {
      this.genClose(v);
    } catch (e) {
      // CPython prints "Exception ignored in: <generator ...>" to stderr and carries on.
      this.toPyException(e);
    }
  }
  /**
   * _PyGen_Finalize of an async generator: the finalizer hook in effect when it was first iterated (an
   * asyncio loop's schedules `aclose()` as a task), else close() as for a generator.
   */
  finalizeAsyncGen(ag: PyAsyncGenerator): void {
    if (ag.state === GEN_CLOSED || (ag.state === GEN_CREATED && !ag.hooksInited)) return;
    if (this.cleanupGens.size !== 0) this.cleanupGens.delete(ag);
    try {
      if (ag.finalizer !== null && !ag.closed) this.call(ag.finalizer, [ag]);
      else if (ag.state === GEN_SUSPENDED) this.genClose(ag);
    } catch (e) {
      // As for a generator: CPython reports it as "Exception ignored in" on stderr and carries on.
      this.toPyException(e);
    }
  }
  /** Values leaving the stack during unwinding: temporaries among them are finalised. */
  private dropStack(stack: Py[], level: number): void {
    for (let i = stack.length - 1; i >= level; i--) {
      const v = stack[i];
      if (v instanceof PyGenerator && v.temporary) this.dropTemporary(v);
    }
  }
  private unboundLocal(co: CodeObject, i: number): PyException {
    return this.error('UnboundLocalError', `cannot access local variable '${co.varnames[i]}' where it is not associated with a value`);
  }
  private nameError(name: string, globals?: Map<string, Py>, line = this.currentLine()): PyException {
    // Every CPython module has __builtins__ (the builtins module or its dict), which the runtime does not model.
    if (name === '__builtins__') throw new UnsupportedSignal('__builtins__', line);
    const starred = globals === undefined ? undefined : this.starImports.get(globals);
    // `from M import *` of a runtime module binds only what the runtime implements of M.
    if (starred !== undefined) throw new UnsupportedSignal(`name '${name}' after from ${starred.join('/')} import *`, line);
    return this.error('NameError', `name '${name}' is not defined`);
  }
  private derefError(co: CodeObject, i: number): PyException {
    if (i < co.cellvars.length)
      return this.error('UnboundLocalError', `cannot access local variable '${co.cellvars[i]}' where it is not associated with a value`);
    return this.error('NameError', `cannot access free variable '${co.freevars[i - co.cellvars.length]}' where it is not associated with a value in enclosing scope`);
  }

  callFast(fn: Py, args: Py[]): Py {
    if (--this.stepsLeftInChunk <= 0) this.budget();
    return this.call(fn, args, null);
  }

  private doRaise(n: number, stack: Py[]): PyException {
    if (n === 0) {
      const cur = this.currentHandled();
      if (cur === null) return this.error('RuntimeError', 'No active exception to reraise');
      cur.contextSet = true;
      cur.reraise = true;
      return cur;
    }
    let cause: Py = undefined;
    if (n === 2) cause = stack.pop();
    const e = this.makeExceptionFrom(stack.pop(), 'exceptions must derive from BaseException');
    if (n === 2) {
      if (cause === null) e.cause = null;
      else {
        const c = this.makeExceptionFrom(cause, 'exception causes must derive from BaseException');
        e.cause = c;
      }
      e.suppressContext = true;
    }
    return e;
  }
  makeExceptionFrom(v: Py, msg: string): PyException {
    if (v instanceof PyException) return v;
    if (v instanceof PyType && v.isSubtypeOf(baseExceptionType)) {
      const e = this.call(v, []);
      if (!(e instanceof PyException)) throw this.typeError(`calling ${this.repr(v)} should have returned an instance of BaseException, not ${typeOf(e).tpName}`);
      return e;
    }
    return this.typeError(msg);
  }
  exceptionMatches(e: PyException, t: Py): boolean {
    if (t instanceof PyTuple) return t.items.some((x) => this.exceptionMatches(e, x));
    if (!(t instanceof PyType) || !t.isSubtypeOf(baseExceptionType))
      throw this.typeError('catching classes that do not inherit from BaseException is not allowed');
    return e.cls.isSubtypeOf(t);
  }

  importModule(name: string): PyModule {
    let m = this.modules.get(name);
    if (m !== undefined) return m;
    const factory = this.moduleFactories.get(name);
    if (factory === undefined) throw new UnsupportedSignal(`import ${name}`, this.currentLine());
    return this.instantiateModule(name, factory);
  }
  /** One module object per factory: `collections.abc` is `_collections_abc`, `os.path` is `posixpath`, as in CPython. */
  private readonly modulesByFactory = new Map<(vm: VM) => PyModule, PyModule>();
  /** The module `factory` makes, made once however many names it is registered under, cached as `name`. */
  instantiateModule(name: string, factory: (vm: VM) => PyModule): PyModule {
    let m = this.modulesByFactory.get(factory);
    if (m === undefined) {
      m = factory(this);
      this.modulesByFactory.set(factory, m);
    }
    this.modules.set(name, m);
    return m;
  }
  /** The import system of this VM (run.ts makes it: imports.ts). */
  imports: ImportSystem | null = null;
  importSystem(): ImportSystem {
    if (this.imports === null) throw new UnsupportedSignal('import without an import system', this.currentLine());
    return this.imports;
  }
  /** What the `match` instructions do (match.ts, installed by builtins.ts). */
  matchOps!: {
    sequence: (vm: VM, v: Py) => boolean;
    mapping: (vm: VM, v: Py) => boolean;
    length: (vm: VM, v: Py) => Py;
    keys: (vm: VM, subject: Py, keys: PyTuple) => PyTuple | null;
    cls: (vm: VM, subject: Py, cls: Py, positional: number, keywords: PyTuple) => PyTuple | null;
    rest: (vm: VM, subject: Py, keys: PyTuple) => Py;
  };
  /** Module globals that ran `from M import *` of one of the runtime's modules, with M's names. */
  starImports = new Map<Map<string, Py>, string[]>();

  // --- attributes
  bindMethod(m: Py, self: Py): Py {
    if (m instanceof PyFunction) return new PyBoundMethod(self, m);
    if (m instanceof PyNative) return m.bind(self);
    if (m instanceof PyStaticMethod) return m.func;
    if (m instanceof PyClassMethod) return new PyBoundMethod(typeOf(self), m.func);
    // A native non-data descriptor (functools.cached_property): its __get__ for the instance.
    const get = (m as { pyDescrGet?: (vm: VM, self: Py) => Py } | null)?.pyDescrGet;
    if (typeof get === 'function') return get.call(m, this, self);
    return m;
  }
  getAttrOrUndefined(o: Py, name: string): Py | undefined {
    try {
      return this.getAttr(o, name);
    } catch (e) {
      const pe = this.toPyException(e);
      if (this.excMatches(pe, 'AttributeError')) return undefined;
      throw pe;
    }
  }
  /** CPython's _PyObject_IsAbstract: a true `__isabstractmethod__` (None and a missing attribute are not abstract). */
  isAbstract(f: Py): boolean {
    if (f === null) return false;
    const v = this.getAttrOrUndefined(f, '__isabstractmethod__');
    return v !== undefined && this.truthy(v);
  }
  callMethod(o: Py, name: string, args: Py[]): Py {
    return this.call(this.getAttr(o, name), args);
  }
  hasSpecial(o: Py, name: string): boolean {
    return typeOf(o).lookup(name) !== undefined;
  }
  /** Calls a special method looked up on the type (never the instance), or returns undefined. */
  callSpecial(o: Py, name: string, args: Py[]): Py | undefined {
    const m = typeOf(o).lookup(name);
    if (m === undefined) return undefined;
    if (m instanceof PyFunction) return this.call(m, [o, ...args]);
    return this.call(this.bindMethod(m, o), args);
  }

  /**
   * == with a weak reference: a proxy compares as its object (proxy_richcompare unwraps both sides); two refs
   * compare their live objects, a ref and anything else by identity.
   */
  private weakEq(a: Py, b: Py): boolean {
    const unwrap = (v: Py): Py => (v instanceof PyWeakRef && v.isProxy ? this.weakReferent(v) : v);
    if ((a instanceof PyWeakRef && a.isProxy) || (b instanceof PyWeakRef && b.isProxy)) return this.eq(unwrap(a), unwrap(b));
    if (a instanceof PyWeakRef && b instanceof PyWeakRef) return this.eq(this.weakReferent(a), this.weakReferent(b));
    return a === b;
  }

  /** A weakref.proxy's object (see weakReferent); anything else as it is. */
  unproxy(v: Py): Py {
    return v instanceof PyWeakRef && v.isProxy ? this.weakReferent(v) : v;
  }

  /** A weak reference's object while it is certainly alive (see certainlyAlive); else a refusal. */
  weakReferent(w: PyWeakRef): PyObject {
    if (!this.certainlyAlive(w.referent))
      throw new UnsupportedSignal('a weak reference whose object may have been freed (CPython frees it at a time the runtime does not model)', this.currentLine());
    return w.referent;
  }

  getAttr(o: Py, name: string): Py {
    if (o instanceof PyInstance) {
      const t = o.cls;
      const ta = t.lookup(name);
      if (ta instanceof PyProperty) {
        if (ta.fget === null) throw this.error('AttributeError', `property '${name}' of '${t.name}' object has no getter`);
        return this.call(ta.fget, [o]);
      }
      const descriptor = ta instanceof PyInstance ? descriptorOf(ta as PyInstance) : null;
      // A data descriptor (with __set__ or __delete__) on the type wins over the instance's __dict__.
      if (descriptor !== null && descriptor.get !== undefined && (descriptor.set !== undefined || descriptor.del !== undefined))
        return this.call(descriptor.get, [ta, o, t]);
      if (o instanceof PyException) {
        const ev = this.exceptionAttr(o, name);
        if (ev !== undefined) return ev;
      }
      const v = o.dict.get(name);
      if (v !== undefined) return v;
      if (name === '__dict__') return this.instanceDict(o);
      if (name === '__class__') return t;
      if (descriptor !== null && descriptor.get !== undefined) return this.call(descriptor.get, [ta, o, t]);
      if (ta !== undefined) return this.bindMethod(ta, o);
      const slot = this.attrLookup(t, name);
      if (slot !== undefined) return this.bindMethod(slot, o);
      const ga = t.lookup('__getattr__');
      if (ga !== undefined) return this.call(ga, [o, name]);
      throw this.error('AttributeError', `'${t.tpName}' object has no attribute '${name}'`);
    }
    if (o instanceof PyDictSub || o instanceof PyListSub) return this.builtinSubGetAttr(o, name);
    // A weakref.proxy forwards every attribute to its object.
    if (o instanceof PyWeakRef && o.isProxy) return this.getAttr(this.weakReferent(o), name);
    if (o instanceof PyType) return this.typeGetAttr(o, name);
    if (o instanceof PyModule) {
      const v = o.dict.get(name);
      if (v !== undefined) return v;
      if (name === '__name__') return o.name;
      // PEP 562: a module's own __getattr__ answers for the names it lacks.
      const moduleGetattr = o instanceof PyUserModule ? o.dict.get('__getattr__') : undefined;
      if (moduleGetattr !== undefined) return this.call(moduleGetattr, [name]);
      if (o instanceof PyUserModule && name === '__annotations__') {
        const made = new PyDict();
        o.dict.set(name, made);
        return made;
      }
      if (o instanceof PyUserModule) this.importSystem().missingAttribute(o, name);
      throw new UnsupportedSignal(`${o.name}.${name}`, this.currentLine());
    }
    if (o instanceof PySuper) return this.superGetAttr(o, name);
    // A built-in object with a __dict__ (sys.stdout: `sys.stdout.write = f` shadows the method, not a property).
    const own = (o as { instanceAttrs?: Map<string, Py> } | null)?.instanceAttrs?.get(name);
    if (own !== undefined && !(typeOf(o).lookup(name) instanceof PyProperty)) return own;
    const pyGetAttr = (o as { pyGetAttr?: (vm: VM, name: string) => Py } | null)?.pyGetAttr;
    if (typeof pyGetAttr === 'function') return pyGetAttr.call(o, this, name);
    const special = this.specialAttr(o, name);
    if (special !== undefined) return special;
    const t = typeOf(o);
    const m = this.attrLookup(t, name);
    if (m !== undefined) {
      if (m instanceof PyProperty) return this.call(m.fget, [o]);
      return this.bindMethod(m, o);
    }
    if (name === '__class__') return t;
    this.refuseUnmodelled(t, name);
    throw this.error('AttributeError', `'${t.tpName}' object has no attribute '${name}'`);
  }

  /** An attribute of an instance of a subclass of dict or list: as an instance's (its __dict__, then its class). */
  private builtinSubGetAttr(o: PyDictSub | PyListSub, name: string): Py {
    const t = o.cls;
    const ta = t.lookup(name);
    if (ta instanceof PyProperty) {
      if (ta.fget === null) throw this.error('AttributeError', `property '${name}' of '${t.name}' object has no getter`);
      return this.call(ta.fget, [o]);
    }
    const descriptor = ta instanceof PyInstance ? descriptorOf(ta as PyInstance) : null;
    if (descriptor !== null && descriptor.get !== undefined && (descriptor.set !== undefined || descriptor.del !== undefined))
      return this.call(descriptor.get, [ta, o, t]);
    const v = o.dict.get(name);
    if (v !== undefined) return v;
    if (name === '__dict__') return liveInstanceDict(o as unknown as PyInstance);
    if (name === '__class__') return t;
    if (descriptor !== null && descriptor.get !== undefined) return this.call(descriptor.get, [ta, o, t]);
    const slot = this.attrLookup(t, name);
    if (slot !== undefined) return this.bindMethod(slot, o);
    const ga = t.lookup('__getattr__');
    if (ga !== undefined) return this.call(ga, [o, name]);
    this.refuseUnmodelled(t, name);
    throw this.error('AttributeError', `'${t.name}' object has no attribute '${name}'`);
  }

  /** Attribute lookup on a type's MRO that also finds built-in slot wrappers (objects/slots.ts installs it). */
  attrLookup: (t: PyType, name: string) => Py | undefined = (t, name) => t.lookup(name);
  /** The built-in type CPython gives `name` although the runtime does not model it (objects/slots.ts). */
  unmodelledOwner: (t: PyType, name: string) => PyType | undefined = () => undefined;
  /** CPython's __doc__ of a built-in callable (objects/slots.ts installs it). */
  nativeDoc: (vm: VM, f: PyNative) => string | undefined = () => undefined;
  /** An attribute CPython has but the runtime does not model is refused, never an AttributeError. */
  /** CPython's __doc__ of a built-in type (objects/slots.ts installs it). */
  builtinTypeDoc: (t: PyType) => string | undefined = () => undefined;
  private refuseUnmodelledDoc(t: PyType): never {
    throw new UnsupportedSignal(`${t.name}.__doc__`, this.currentLine());
  }
  private refuseUnmodelled(t: PyType, name: string): void {
    const owner = this.unmodelledOwner(t, name);
    if (owner !== undefined) throw new UnsupportedSignal(`${owner.name}.${name}`, this.currentLine());
  }

  private typeGetAttr(t: PyType, name: string): Py {
    // type.__annotations__ is a data descriptor of the metaclass: the class's own, or a new empty dict kept on it.
    if (name === '__annotations__' && !t.builtin) {
      const own = t.dict.get('__annotations__');
      if (own !== undefined) return own;
      const made = new PyDict();
      t.dict.set('__annotations__', made);
      return made;
    }
    const v = this.attrLookup(t, name);
    if (v instanceof PyInstance) {
      // A descriptor reached through its class: __get__(None, cls).
      const descriptor = descriptorOf(v);
      if (descriptor !== null && descriptor.get !== undefined) return this.call(descriptor.get, [v, null, t]);
    }
    if (v !== undefined) {
      if (v instanceof PyStaticMethod) return v.func;
      if (v instanceof PyClassMethod) return new PyBoundMethod(t, v.func);
      if (v instanceof PyNative && v.name === '__new__') return v;
      if (v instanceof PyProperty) return v;
      return v;
    }
    switch (name) {
      case '__name__':
        return t.name;
      case '__qualname__':
        return t.qualname;
      case '__module__':
        return t.module;
      case '__mro__':
        return new PyTuple(t.mro.filter((c) => !c.hiddenBase));
      case '__bases__':
        return new PyTuple(visibleBases(t));
      case '__base__':
        return visibleBases(t)[0] ?? null;
      case '__class__':
        return visibleTypeOf(t, this.currentLine());
      case '__dict__':
        return this.mapToDict(t.dict);
      case '__doc__':
        if (!t.builtin) return null;
        return this.builtinTypeDoc(t) ?? this.refuseUnmodelledDoc(t);
    }
    // Attributes of a user metaclass, bound to the class.
    const fromMeta = t.metaclass?.lookup(name);
    if (fromMeta !== undefined) {
      if (fromMeta instanceof PyProperty) return this.call(fromMeta.fget, [t]);
      if (fromMeta instanceof PyClassMethod) return new PyBoundMethod(t.metaclass!, fromMeta.func);
      if (fromMeta instanceof PyStaticMethod) return fromMeta.func;
      return this.bindMethod(fromMeta, t);
    }
    // type.mro, found through the metatype: `C.mro()` (an AttributeError before).
    if (name === 'mro') {
      const mro = typeType.dict.get('mro');
      if (mro instanceof PyNative) return mro.bind(t);
    }
    const partial = t.mro.find((c) => c.partial);
    if (partial !== undefined) throw new UnsupportedSignal(`${partial.name}.${name}`, this.currentLine());
    this.refuseUnmodelled(t, name);
    // An attribute of the metaclass CPython has (`type.__subclasses__`, `mro`, `__flags__`, ...) and the runtime
    // does not model is refused too; `__abstractmethods__` is an AttributeError in CPython unless an ABC set it
    // (type_abstractmethods: the message is the bare name).
    if (name === '__abstractmethods__') throw this.error('AttributeError', '__abstractmethods__');
    this.refuseUnmodelled(typeOf(t), name);
    throw this.error('AttributeError', `type object '${t.name}' has no attribute '${name}'`);
  }

  private superGetAttr(s: PySuper, name: string): Py {
    const objType = s.obj instanceof PyType && s.obj.isSubtypeOf(s.thisType) ? s.obj : typeOf(s.obj);
    const mro = objType.mro;
    let i = mro.indexOf(s.thisType);
    for (i = i + 1; i < mro.length; i++) {
      const v = mro[i]!.dict.get(name);
      if (v !== undefined) {
        // __new__ is a static method: super().__new__ is the function itself, not bound.
        if (name === '__new__' && v instanceof PyNative) return v;
        if (v instanceof PyClassMethod) return new PyBoundMethod(objType, v.func);
        if (s.obj instanceof PyType && s.obj === objType && !(v instanceof PyNative)) {
          if (v instanceof PyStaticMethod) return v.func;
          return v;
        }
        if (v instanceof PyProperty) return this.call(v.fget, [s.obj]);
        return this.bindMethod(v, s.obj);
      }
    }
    throw this.error('AttributeError', `'super' object has no attribute '${name}'`);
  }

  exceptionAttr(e: PyException, name: string): Py | undefined {
    switch (name) {
      case 'args':
        return new PyTuple(e.args);
      case '__context__':
        return e.context;
      case '__cause__':
        return e.cause;
      case '__suppress_context__':
        return e.suppressContext;
      case '__traceback__': {
        let tb: PyTraceback | null = null;
        for (const [frame, line] of e.tb) tb = new PyTraceback(frame, line, tb);
        return tb;
      }
      case 'encoding':
      case 'object':
      case 'start':
      case 'end':
      case 'reason': {
        // UnicodeDecodeError/UnicodeEncodeError's members, from their five arguments.
        if (e.args.length === 5 && (this.excMatches(e, 'UnicodeDecodeError') || this.excMatches(e, 'UnicodeEncodeError')))
          return e.args[['encoding', 'object', 'start', 'end', 'reason'].indexOf(name)]!;
        return undefined;
      }
      case 'value':
        if (this.excMatches(e, 'StopIteration')) return e.dict.get('value') ?? null;
        return undefined;
      case 'code':
        if (this.excMatches(e, 'SystemExit')) return e.dict.has('code') ? e.dict.get('code')! : systemExitCode(e.args);
        return undefined;
      default:
        return undefined;
    }
  }

  /** Attributes of builtin objects that are not methods: generator and frame internals, etc. */
  specialAttr(o: Py, name: string): Py | undefined {
    if (o instanceof PyGenerator) {
      if (o.constructor !== PyGenerator) return this.awaitableFrameAttr(o, name);
      switch (name) {
        case 'gi_frame':
          return o.state === GEN_CLOSED ? null : o.frame;
        case 'gi_running':
          return o.state === GEN_RUNNING;
        case 'gi_suspended':
          return o.state === GEN_SUSPENDED;
        case 'gi_yieldfrom':
          return o.yieldFrom;
        case 'gi_code':
          return o.code;
        case '__name__':
          return o.name;
        case '__qualname__':
          return o.qualname;
      }
      return undefined;
    }
    if (o instanceof Frame) {
      switch (name) {
        case 'f_locals':
          return this.frameLocals(o);
        case 'f_lineno':
          return o.lineno;
        case 'f_code':
          return o.code;
        case 'f_globals':
          return this.mapToDict(o.globals);
        case 'f_back':
          // A suspended generator frame is linked to no caller; the module frame has none.
          if (o.gen !== null && o.gen.state !== GEN_RUNNING) return null;
          return this.visibleFrame(o.back);
      }
      return undefined;
    }
    if (o instanceof CodeObject) {
      switch (name) {
        case 'co_name':
          return o.name;
        case 'co_qualname':
          return o.qualname;
        case 'co_firstlineno':
          return o.firstlineno;
        case 'co_filename':
          return o.filename;
        case 'co_varnames':
          return new PyTuple(o.varnames);
        case 'co_argcount':
          return o.argcount;
        case 'co_flags':
          return o.flags;
      }
      return undefined;
    }
    if (o instanceof PyFunction) {
      switch (name) {
        case '__name__':
          return o.name;
        case '__qualname__':
          return o.qualname;
        case '__code__':
          return o.code;
        case '__doc__':
          if (o.dict?.has('__doc__')) return o.dict.get('__doc__');
          return o.code.doc;
        case '__defaults__':
          return o.defaults === null ? null : new PyTuple(o.defaults);
        case '__annotations__':
          if (o.dict?.has('__annotations__')) return o.dict.get('__annotations__');
          return (o.annotations ??= new PyDict());
        case '__module__':
          // Set from the globals' __name__ when the function is made (a rebinding of __name__ later is not seen).
          if (o.dict?.has('__module__')) return o.dict.get('__module__');
          return o.globals.get('__name__') ?? null;
        case '__dict__':
          return this.mapToDict(o.dict ?? new Map());
        case '__type_params__':
          // The compiler refuses PEP 695 type parameters, so a function has none unless a tuple was set.
          return (o as PyFunction & { typeParams?: Py }).typeParams ?? EMPTY_TUPLE;
      }
      const v = o.dict?.get(name);
      if (v !== undefined) return v;
      if (name === '__doc__') return null;
      if (name === '__wrapped__') return undefined;
      return undefined;
    }
    if (o instanceof PyBoundMethod) {
      if (name === '__self__') return o.self;
      if (name === '__func__') return o.func;
      if (name === '__name__' || name === '__qualname__' || name === '__doc__') return this.getAttr(o.func, name);
      return undefined;
    }
    if (o instanceof PyNative) {
      const extra = (o as PyNative & { attrs?: Map<string, Py> }).attrs?.get(name);
      if (extra !== undefined) return extra;
      if (name === '__name__') return o.name;
      if (name === '__qualname__') return o.qualname;
      if (name === '__self__') return o.self ?? null;
      const doc = (o as PyNative & { doc?: string | null }).doc;
      if (name === '__doc__') {
        const d = doc !== undefined ? doc : this.nativeDoc(this, o);
        if (d !== undefined) return d;
      }
      const owner = (o as PyNative & { owner?: PyType }).owner;
      if (name === '__objclass__' && owner !== undefined) return owner;
      return undefined;
    }
    if (o instanceof PyProperty) {
      // property_get___isabstractmethod__: any of its functions abstract.
      if (name === '__isabstractmethod__') return [o.fget, o.fset, o.fdel].some((f) => f !== null && this.isAbstract(f));
      if (name === 'fget') return o.fget;
      if (name === 'fset') return o.fset;
      if (name === 'setter') return new PyNative('setter', (a) => new PyProperty(o.fget, a[0], o.fdel));
      if (name === 'getter') return new PyNative('getter', (a) => new PyProperty(a[0], o.fset, o.fdel));
      if (name === 'deleter') return new PyNative('deleter', (a) => new PyProperty(o.fget, o.fset, a[0]));
      if (name === 'fdel') return o.fdel;
      // property_get___isabstractmethod__: any of its functions is abstract.
      if (name === '__isabstractmethod__') return [o.fget, o.fset, o.fdel].some((f) => f !== null && this.isAbstract(f));
      return undefined;
    }
    if (o instanceof PyStaticMethod || o instanceof PyClassMethod) {
      if (name === '__func__') return o.func;
      // cm_get___isabstractmethod__: the wrapped function's, else False.
      if (name === '__isabstractmethod__') return this.isAbstract(o.func);
      return undefined;
    }
    if (o instanceof PyTraceback) {
      if (name === 'tb_next') return o.next;
      if (name === 'tb_lineno') return o.lineno;
      if (name === 'tb_frame') return o.frame;
      if (name === 'tb_lasti') return 0;
      return undefined;
    }
    if (o instanceof PySlice) {
      if (name === 'start') return o.start;
      if (name === 'stop') return o.stop;
      if (name === 'step') return o.step;
      return undefined;
    }
    if (o instanceof PyRange) {
      if (name === 'start') return o.start;
      if (name === 'stop') return o.stop;
      if (name === 'step') return o.step;
      return undefined;
    }
    if (o instanceof PyCell) {
      if (name === 'cell_contents') {
        if (o.value === undefined) throw this.error('ValueError', 'Cell is empty');
        return o.value;
      }
    }
    if (o instanceof PyFloat) {
      if (name === 'real') return o;
      if (name === 'imag') return new PyFloat(0);
    }
    if (typeof o === 'number' || typeof o === 'bigint' || typeof o === 'boolean') {
      if (name === 'real' || name === 'numerator') return typeof o === 'boolean' ? (o ? 1 : 0) : o;
      if (name === 'imag') return 0;
      if (name === 'denominator') return 1;
    }
    return undefined;
  }

  /** cr_* of a coroutine, ag_* of an async generator (their gi_* counterparts), __name__, __qualname__. */
  private awaitableFrameAttr(o: PyGenerator, name: string): Py | undefined {
    const prefix = o instanceof PyCoroutine ? 'cr_' : 'ag_';
    if (name === '__name__') return o.name;
    if (name === '__qualname__') return o.qualname;
    if (name === 'cr_origin' && prefix === 'cr_') return null;
    if (!name.startsWith(prefix)) return undefined;
    switch (name.slice(3)) {
      case 'frame':
        return o.state === GEN_CLOSED ? null : o.frame;
      case 'running':
        // ag_running is ag_running_async: true while one of its awaitables is being awaited.
        return o instanceof PyAsyncGenerator ? o.runningAsync : o.state === GEN_RUNNING;
      case 'suspended':
        return o.state === GEN_SUSPENDED;
      case 'code':
        return o.code;
      case 'await': {
        // CPython runs async list/set/dict comprehensions inline: what they await is what their owner awaits.
        let yf = o.yieldFrom;
        while (yf instanceof PyCoroutine && yf.code.inlinedComprehension) yf = yf.yieldFrom;
        return yf;
      }
    }
    return undefined;
  }

  frameLocals(f: Frame): PyDict {
    const d = new PyDict();
    for (const [k, v] of this.frameLocalsEntries(f)) dictSet(d, k, v);
    return d;
  }
  /**
   * Where each f_locals entry of a function frame lives, in CPython's order: varnames (arg cells in
   * place), then other cells, then free variables. A source >= 0 is a fast-local index, < 0 a cell.
   */
  localsLayout(f: Frame): { names: string[]; sources: number[]; plain: boolean } {
    const co = f.code;
    if (co.localsLayout !== null) return co.localsLayout;
    const names: string[] = [];
    const sources: number[] = [];
    const cellIdx = new Map<string, number>();
    co.cellvars.forEach((c, i) => cellIdx.set(c, i));
    co.varnames.forEach((name, i) => {
      const ci = cellIdx.get(name);
      names.push(name);
      sources.push(ci !== undefined ? -1 - ci : i);
    });
    co.cellvars.forEach((name, i) => {
      if (co.varnames.includes(name)) return;
      names.push(name);
      sources.push(-1 - i);
    });
    co.freevars.forEach((name, i) => {
      names.push(name);
      sources.push(-1 - (co.cellvars.length + i));
    });
    // plain: every entry is the local of the same index (no cells), so a recorder can copy straight.
    co.localsLayout = { names, sources, plain: sources.every((src, k) => src === k) };
    return co.localsLayout;
  }
  /** f_locals in CPython's order: varnames (arg cells in place), then other cells, then free variables. */
  frameLocalsEntries(f: Frame): [string, Py][] {
    const out: [string, Py][] = [];
    const co = f.code;
    if (f.ns !== null) {
      for (const [k, v] of f.ns) out.push([k, v]);
      return out;
    }
    if (co.kind === 'module') {
      for (const [k, v] of f.globals) out.push([k, v]);
      return out;
    }
    const layout = this.localsLayout(f);
    for (let i = 0; i < layout.names.length; i++) {
      const src = layout.sources[i]!;
      const v = src >= 0 ? f.locals[src] : f.cells?.[-1 - src]?.value;
      if (v !== undefined) out.push([layout.names[i]!, v]);
    }
    return out;
  }
  /** An instance's `__dict__`, live; AttributeError for a slotted class without one. */
  instanceDict(o: PyInstance): PyDict {
    if (!hasInstanceDict(o.cls)) throw this.error('AttributeError', `'${o.cls.tpName}' object has no attribute '__dict__'`);
    return liveInstanceDict(o);
  }
  mapToDict(m: Map<string, Py>): PyDict {
    const d = new PyDict();
    for (const [k, v] of m) dictSet(d, k, v);
    return d;
  }

  /**
   * The part of setting an attribute that the instance's class decides (object.__setattr__ before the
   * instance dict): a property, a `__setattr__` of the class's, a data descriptor. True when it took it.
   */
  private setThroughClass(o: Py, cls: PyType, name: string, v: Py): boolean {
    const ta = cls.lookup(name);
    if (ta instanceof PyProperty) {
      if (ta.fset === null) throw this.error('AttributeError', `property '${name}' of '${cls.name}' object has no setter`);
      this.call(ta.fset, [o, v]);
      return true;
    }
    const sa = cls.lookup('__setattr__');
    if (sa instanceof PyFunction) {
      this.call(sa, [o, name, v]);
      return true;
    }
    const descriptor = ta instanceof PyInstance ? descriptorOf(ta as PyInstance) : null;
    if (descriptor !== null && descriptor.set !== undefined) {
      this.call(descriptor.set, [ta, o, v]);
      return true;
    }
    if (descriptor !== null && descriptor.del !== undefined) throw this.error('AttributeError', '__set__');
    return false;
  }

  setAttr(o: Py, name: string, v: Py): void {
    if (o instanceof PyWeakRef && o.isProxy) return this.setAttr(this.weakReferent(o), name, v);
    if (o instanceof PyDictSub || o instanceof PyListSub) {
      if (this.setThroughClass(o, o.cls, name, v)) return;
      if (name === '__class__' || name === '__dict__') throw new UnsupportedSignal(`assigning ${name} of a ${o.cls.name}`, this.currentLine());
      o.dict.set(name, v);
      return;
    }
    if (o instanceof PyInstance) {
      if (this.setThroughClass(o, o.cls, name, v)) return;
      if (!hasInstanceDict(o.cls))
        throw this.error('AttributeError', `'${o.cls.tpName}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
      if (o instanceof PyException) {
        if (name === '__context__') { o.context = v; return; }
        if (name === '__cause__') { o.cause = v; o.suppressContext = true; return; }
        if (name === '__suppress_context__') { o.suppressContext = this.truthy(v); return; }
        if (name === 'args') { o.args = [...this.iterate(v)]; return; }
        if (name === '__traceback__') {
          if (v !== null && !(v instanceof PyTraceback)) throw this.typeError('__traceback__ must be a traceback or None');
          const entries: [object, number][] = [];
          for (let t: PyTraceback | null = v; t !== null; t = t.next) entries.unshift([t.frame, t.lineno]);
          o.tb = entries;
          return;
        }
      }
      o.dict.set(name, v);
      return;
    }
    if (o instanceof PyType) {
      // A metaclass's own __setattr__ decides (enum.EnumType refuses to rebind a member); type.__setattr__ is below.
      const sa = o.metaclass?.lookup('__setattr__');
      if (sa instanceof PyFunction) {
        this.call(sa, [o, name, v]);
        return;
      }
      this.setTypeAttrDefault(o, name, v);
      return;
    }
    if (o instanceof PyFunction) {
      if (name === '__name__') { o.name = v; return; }
      if (name === '__qualname__') { o.qualname = v; return; }
      if (name === '__type_params__') {
        if (!(v instanceof PyTuple)) throw this.typeError('__type_params__ must be set to a tuple');
        (o as PyFunction & { typeParams?: Py }).typeParams = v;
        return;
      }
      if (o.dict === null) o.dict = new Map();
      o.dict.set(name, v);
      return;
    }
    if (o instanceof PyModule) {
      o.dict.set(name, v);
      return;
    }
    const t = typeOf(o);
    if (o instanceof PyGenerator && (name === '__name__' || name === '__qualname__')) {
      if (typeof v !== 'string') throw this.typeError(`${name} must be set to a string object`);
      if (name === '__name__') o.name = v;
      else o.qualname = v;
      return;
    }
    const desc = t.lookup(name);
    const ownAttrs = (o as { instanceAttrs?: Map<string, Py> } | null)?.instanceAttrs;
    if (ownAttrs !== undefined && !(desc instanceof PyProperty)) {
      ownAttrs.set(name, v);
      return;
    }
    // A writable member of a built-in object (defaultdict.default_factory).
    if (desc instanceof PyProperty && desc.fset !== null) {
      this.call(desc.fset, [o, v]);
      return;
    }
    if (desc instanceof PyProperty)
      throw this.error('AttributeError', `attribute '${name}' of '${t.tpName}' objects is not writable`);
    if (desc !== undefined || this.specialAttr(o, name) !== undefined)
      throw this.error('AttributeError', `'${t.tpName}' object attribute '${name}' is read-only`);
    throw this.error('AttributeError', `'${t.tpName}' object has no attribute '${name}' and no __dict__ for setting new attributes`);
  }
  /** type.__setattr__: a class's attribute, its name, qualname and module kept in its own fields. */
  setTypeAttrDefault(t: PyType, name: string, v: Py): void {
    if (t.builtin) throw this.typeError(`cannot set '${name}' attribute of immutable type '${t.name}'`);
    // type_set_name / type_set_qualname / type_set_module: the class's own fields, which its repr reads.
    if (name === '__name__' || name === '__qualname__') {
      if (typeof v !== 'string') throw this.typeError(`can only assign string to ${t.name}.${name}, not '${typeOf(v).tpName}'`);
      if (name === '__name__') {
        if (v.includes('\0')) throw this.error('ValueError', 'type name must not contain null characters');
        const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(v);
        if (lone !== null)
          throw this.error('UnicodeEncodeError', `'utf-8' codec can't encode character '\\u${lone[0].charCodeAt(0).toString(16)}' in position ${Array.from(v.slice(0, lone.index)).length}: surrogates not allowed`);
        t.name = v;
      } else t.qualname = v;
      t.dict.delete(name);
      return;
    }
    if (name === '__module__') {
      if (typeof v === 'string') t.module = v;
      // type_set_module: the class's __firstlineno__ belonged to the old module.
      t.dict.delete('__firstlineno__');
    }
    t.dict.set(name, v);
  }
  delAttr(o: Py, name: string): void {
    if (o instanceof PyWeakRef && o.isProxy) return this.delAttr(this.weakReferent(o), name);
    if (o instanceof PyInstance) {
      // A class's own __delattr__ decides, as type slots do in CPython (object.__delattr__ is the default below).
      const da = o.cls.lookup('__delattr__');
      if (da instanceof PyFunction) {
        this.call(da, [o, name]);
        return;
      }
    } else if (o instanceof PyType) {
      const da = o.metaclass?.lookup('__delattr__');
      if (da instanceof PyFunction) {
        this.call(da, [o, name]);
        return;
      }
    }
    this.delAttrDefault(o, name);
  }
  /** object.__delattr__: properties' deleters, descriptors' __delete__, then the instance dict. */
  delAttrDefault(o: Py, name: string): void {
    if (o instanceof PyDictSub || o instanceof PyListSub) {
      const ta = o.cls.lookup(name);
      if (ta instanceof PyProperty || ta instanceof PyInstance || o.cls.lookup('__delattr__') !== undefined && !(o.cls.lookup('__delattr__') instanceof PyNative))
        throw new UnsupportedSignal(`deleting attribute '${name}' of a ${o.cls.name} through a descriptor`, this.currentLine());
      if (!o.dict.delete(name)) throw this.error('AttributeError', `'${o.cls.name}' object has no attribute '${name}'`);
      return;
    }
    if (o instanceof PyInstance) {
      const ta = o.cls.lookup(name);
      if (ta instanceof PyProperty && ta.fdel !== null) {
        this.call(ta.fdel, [o]);
        return;
      }
      const descriptor = ta instanceof PyInstance ? descriptorOf(ta as PyInstance) : null;
      if (descriptor !== null && descriptor.del !== undefined) {
        this.call(descriptor.del, [ta, o]);
        return;
      }
      if (descriptor !== null && descriptor.set !== undefined) throw this.error('AttributeError', '__delete__');
      if (!o.dict.delete(name)) throw this.error('AttributeError', `'${o.cls.tpName}' object has no attribute '${name}'`);
      return;
    }
    if (o instanceof PyType && !o.builtin) {
      if (!o.dict.delete(name)) throw this.error('AttributeError', `type object '${o.name}' has no attribute '${name}'`);
      return;
    }
    if ((o as { instanceAttrs?: Map<string, Py> } | null)?.instanceAttrs?.delete(name) === true) return;
    // A name the program set on a module (`sys.spam = 1; del sys.spam`); the module's own names the runtime may not model.
    if (o instanceof PyModule && o.dict.has(name)) {
      o.dict.delete(name);
      return;
    }
    // A name a runtime module lacks may be one of the real module's the runtime does not model (as getattr refuses it).
    if (o instanceof PyModule && !(o instanceof PyUserModule)) throw new UnsupportedSignal(`del ${o.name}.${name}`, this.currentLine());
    throw this.error('AttributeError', `'${typeOf(o).tpName}' object has no attribute '${name}'`);
  }

  // --- truth, repr, str
  truthy(v: Py): boolean {
    switch (typeof v) {
      case 'boolean':
        return v;
      case 'number':
        return v !== 0;
      case 'string':
        return v.length > 0;
      case 'bigint':
        return v !== 0n;
      case 'object':
        if (v === null) return false;
        if ((v instanceof PyListSub || v instanceof PyDictSub) && (subOverride(v, '__bool__') !== undefined || subOverride(v, '__len__') !== undefined)) {
          const b = this.callSpecial(v, '__bool__', []);
          if (b !== undefined) {
            if (typeof b !== 'boolean') throw this.typeError(`__bool__ should return bool, returned ${typeOf(b).name}`);
            return b;
          }
          return this.truthy(this.call(this.builtins.get('len'), [v]));
        }
        if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
        if (v instanceof PyDict) return v.vals.size > 0;
        if (v instanceof PySet) return v.map.size > 0;
        if (v instanceof PyFloat) return v.v !== 0;
        if (v instanceof PyRange) return v.length > 0;
        if (v instanceof PyWeakRef && v.isProxy) return this.truthy(this.weakReferent(v));
        if (v instanceof PyInstance) {
          const b = this.callSpecial(v, '__bool__', []);
          if (b !== undefined) {
            if (typeof b !== 'boolean') throw this.typeError(`__bool__ should return bool, returned ${typeOf(b).tpName}`);
            return b;
          }
          const l = this.callSpecial(v, '__len__', []);
          if (l !== undefined) return this.truthy(l);
          return true;
        }
        if (v instanceof PyObject && typeof (v as { pyLen?: () => number }).pyLen === 'function')
          return (v as unknown as { pyLen: () => number }).pyLen() > 0;
        if (v === NOT_IMPLEMENTED) refuseNotImplementedTruth(this.currentLine());
        return true;
      default:
        return true;
    }
  }

  /** repr(v); `own`: a list's or dict's own repr even in a subclass that overrides __repr__ (list.__repr__(x)). */
  repr(v: Py, own = false): string {
    if (v instanceof PyWeakRef) {
      const target = this.weakReferent(v);
      return `<${v.isProxy ? 'weakproxy' : 'weakref'} at ${v.address}; to '${typeOf(target).tpName}' at ${target.address}>`;
    }
    switch (typeof v) {
      case 'string':
        return strRepr(v);
      case 'number':
        return String(v);
      case 'bigint':
        if (v > 10n ** 4300n || v < -(10n ** 4300n)) throw this.error('ValueError', 'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit');
        return v.toString();
      case 'boolean':
        return v ? 'True' : 'False';
      case 'object':
        break;
      default:
        return String(v);
    }
    if (v === null) return 'None';
    if (v instanceof PyFloat) return floatRepr(v.v);
    // CPython allows ~10,000 nested reprs (its C recursion limit); the JS stack allows fewer, so
    // deeper nesting is refused rather than reported with a RecursionError CPython might not raise.
    if (this.reprDepth > 1000) {
      // Past CPython's limit the answer is a RecursionError; between the two limits it is unknowable here.
      if (this.reprDepth + nestingDepth(v, 10_000) > 9_990)
        throw this.error('RecursionError', 'maximum recursion depth exceeded while getting the repr of an object');
      throw new UnsupportedSignal('repr of objects nested deeper than 1000 levels', this.currentLine());
    }
    if (!own && (v instanceof PyListSub || v instanceof PyDictSub) && subOverride(v, '__repr__') !== undefined) {
      // slot_tp_repr has no recursion guard of its own (dict_repr's and list_repr's is on the storage).
      const s = this.callSpecial(v, '__repr__', []);
      if (typeof s !== 'string') throw this.typeError(`__repr__ returned non-string (type ${typeOf(s).name})`);
      return s;
    }
    if (v instanceof PyList) {
      if (this.reprActive.has(v)) return '[...]';
      return this.withRepr(v, () => '[' + v.items.map((x) => this.repr(x)).join(', ') + ']');
    }
    if (v instanceof PyTuple) {
      // Tuples with named fields (sys.version_info, namedtuple instances) have their own repr.
      const named = (v as { pyRepr?: (vm: VM) => string }).pyRepr;
      if (typeof named === 'function') return this.withRepr(v, () => named.call(v, this));
      if (v.items.length === 1) return '(' + this.repr(v.items[0]) + ',)';
      return this.withRepr(v, () => '(' + v.items.map((x) => this.repr(x)).join(', ') + ')');
    }
    if (v instanceof PyDict) {
      if (this.reprActive.has(v)) return '{...}';
      const custom = (v as { pyRepr?: (vm: VM) => string }).pyRepr;
      if (typeof custom === 'function') return this.withRepr(v, () => custom.call(v, this));
      return this.withRepr(v, () => {
        const parts: string[] = [];
        for (const [hk, val] of v.vals) parts.push(this.repr(v.keys.get(hk)) + ': ' + this.repr(val));
        return '{' + parts.join(', ') + '}';
      });
    }
    if (v instanceof PySet) {
      if (this.unorderedSets !== null) this.checkOrdered(v);
      const items = v.map.orderedValues().map((x) => this.repr(x));
      if (v.frozen) return items.length === 0 ? 'frozenset()' : 'frozenset({' + items.join(', ') + '})';
      return items.length === 0 ? 'set()' : '{' + items.join(', ') + '}';
    }
    if (v instanceof PyInstance) {
      const r = v.cls.lookup('__repr__');
      if (r !== undefined && !(r instanceof PyNative)) {
        const s = this.withRepr(v, () => this.call(this.bindMethod(r, v), []));
        if (typeof s !== 'string') throw this.typeError(`__repr__ returned non-string (type ${typeOf(s).tpName})`);
        return s;
      }
      if (v instanceof PyException) {
        const args = v.args;
        if (args.length === 1) return `${v.cls.name}(${this.repr(args[0])})`;
        return `${v.cls.name}(${args.map((a) => this.repr(a)).join(', ')})`;
      }
      if (r instanceof PyNative && r.name === '__repr__' && v.cls.lookup('__repr__') !== objectType.dict.get('__repr__'))
        return r.fn([v], null);
      return `<${v.cls.module === 'builtins' ? '' : v.cls.module + '.'}${v.cls.qualname} object at ${v.address}>`;
    }
    if (v instanceof PyType) {
      // A metaclass's own __repr__ (enum.EnumType's `<enum 'Color'>`).
      const metaRepr = v.metaclass?.lookup('__repr__');
      if (metaRepr instanceof PyFunction) {
        const s = this.call(metaRepr, [v]);
        if (typeof s !== 'string') throw this.typeError(`__repr__ returned non-string (type ${typeOf(s).tpName})`);
        return s;
      }
      const meta = unmodelledMetaclassOf(v);
      if (meta?.reprDiffers === true) throw new UnsupportedSignal(`repr of a class whose metaclass is ${meta.name}`, this.currentLine());
      return `<class '${v.module === 'builtins' ? '' : v.module + '.'}${v.qualname}'>`;
    }
    if (v instanceof PyFunction) return `<function ${v.qualname} at ${v.address}>`;
    if (v instanceof PyGenerator) return `<${v.typeName} object ${v.qualname} at ${v.address}>`;
    if (v instanceof PyBoundMethod) {
      const fname = v.func instanceof PyFunction ? v.func.qualname : v.func instanceof PyNative ? v.func.name : '?';
      return `<bound method ${fname} of ${this.repr(v.self)}>`;
    }
    if (v instanceof PyNative) {
      const custom = (v as { pyRepr?: (vm: VM) => string }).pyRepr;
      if (typeof custom === 'function') return custom.call(v, this);
      if (v.self !== undefined && v.self !== null && !(v.self instanceof PyModule))
        return `<built-in method ${v.name} of ${typeOf(v.self).tpName} object at ${v.self instanceof PyObject ? v.self.address : '0x7f0000000010'}>`;
      return `<built-in function ${v.name}>`;
    }
    if (v instanceof PyRange) return v.step === 1 ? `range(${v.start}, ${v.stop})` : `range(${v.start}, ${v.stop}, ${v.step})`;
    if (v instanceof PySlice) return `slice(${this.repr(v.start)}, ${this.repr(v.stop)}, ${this.repr(v.step)})`;
    if (v instanceof PyUserModule) return `<module '${v.name}' from '${v.file}'>`;
    if (v instanceof PyModule) return `<module '${v.name}' (built-in)>`;
    if (v instanceof Frame) {
      return `<frame at ${frameAddress(v)}, file '${v.code.filename}', line ${v.lineno}, code ${v.code.name}>`;
    }
    if (v instanceof CodeObject) return `<code object ${v.name} at ${codeAddress(v)}, file "${v.filename}", line ${v.firstlineno}>`;
    if (v instanceof PyCell) return `<cell at ${cellAddress(v)}: ${v.value === undefined ? 'empty' : typeOf(v.value).tpName + ' object at 0x7f0000000020'}>`;
    if (v instanceof PyProperty) return `<property object at ${v.address}>`;
    if (v instanceof PyStaticMethod) return `<staticmethod(${this.repr(v.func)})>`;
    if (v instanceof PyClassMethod) return `<classmethod(${this.repr(v.func)})>`;
    if (v instanceof PyObject) {
      const custom = (v as { pyRepr?: (vm: VM) => string }).pyRepr;
      if (typeof custom === 'function') return custom.call(v, this);
      const t = typeOf(v);
      return `<${t.module === 'builtins' ? '' : t.module + '.'}${t.name} object at ${v.address}>`;
    }
    return '<?>';
  }
  reprDepth = 0;
  reprActive = new Set<object>();
  private withRepr<T>(o: object, fn: () => T): T {
    this.reprActive.add(o);
    this.reprDepth++;
    try {
      return fn();
    } finally {
      this.reprDepth--;
      this.reprActive.delete(o);
    }
  }

  str(v: Py): string {
    if (v instanceof PyWeakRef && v.isProxy) return this.str(this.weakReferent(v));
    if (typeof v === 'string') return v;
    if (hasPyDunders(v)) {
      const s = typeOf(v).lookup('__str__');
      if (s !== undefined && !(s instanceof PyNative)) {
        const r = this.call(this.bindMethod(s, v), []);
        if (typeof r !== 'string') throw this.typeError(`__str__ returned non-string (type ${typeOf(r).tpName})`);
        return r;
      }
    }
    if (v instanceof PyInstance) {
      const s = v.cls.lookup('__str__');
      if (s !== undefined && !(s instanceof PyNative)) {
        const r = this.call(this.bindMethod(s, v), []);
        if (typeof r !== 'string') throw this.typeError(`__str__ returned non-string (type ${typeOf(r).tpName})`);
        return r;
      }
      // A builtin exception type's own __str__ (BaseExceptionGroup's counts its sub-exceptions).
      if (v instanceof PyException && s instanceof PyNative && s !== baseExceptionType.dict.get('__str__')) return s.fn([v], null);
      if (v instanceof PyException && v.cls.lookup('__repr__') === v.cls.mro.find((t) => t.builtin)?.dict.get('__repr__')) {
        return this.excStr(v);
      }
      if (v instanceof PyException && (s === undefined || s instanceof PyNative)) return this.excStr(v);
    }
    return this.repr(v);
  }
  excStr(e: PyException): string {
    const a = e.args;
    if (a.length >= 2 && e.cls.isSubtypeOf(excTypes.get('OSError')!)) {
      const fn = e.dict.get('filename');
      return `[Errno ${this.str(a[0])}] ${this.str(a[1])}` + (fn !== undefined && fn !== null ? `: ${this.repr(fn)}` : '');
    }
    if (a.length === 5 && e.cls.isSubtypeOf(excTypes.get('UnicodeError')!)) {
      const decode = e.cls.isSubtypeOf(excTypes.get('UnicodeDecodeError')!);
      if (decode || e.cls.isSubtypeOf(excTypes.get('UnicodeEncodeError')!)) {
        const s = unicodeErrorStr(this, decode, a);
        if (s !== null) return s;
      }
    }
    if (a.length === 0) return '';
    if (a.length === 1) return e.cls.isSubtypeOf(excTypes.get('KeyError')!) ? this.repr(a[0]) : this.str(a[0]);
    return this.repr(new PyTuple(a));
  }

  format(v: Py, spec: string): string {
    if (v instanceof PyWeakRef && v.isProxy) return this.format(this.weakReferent(v), spec);
    const f = typeOf(v).lookup('__format__');
    if (f !== undefined && !(f instanceof PyNative)) {
      const r = this.call(this.bindMethod(f, v), [spec]);
      return r;
    }
    return this.formatHook(this, v, spec);
  }
  formatHook: (vm: VM, v: Py, spec: string) => string = (_vm, v) => this.str(v);

  // --- hashing and equality
  /**
   * The JS key of a value whose hash and equality are the runtime's own (numbers, str, tuples of them, instances
   * hashed by identity). A key whose hashing runs Python code (an instance with its own `__hash__`, a tuple holding
   * one) has no table-independent key: it is looked up in a table by `lookupKey`/`insertKey`; reaching here with
   * one is refused rather than keyed wrongly.
   */
  hash(v: Py): Py {
    if (typeof v !== 'object' || v === null) return hashKey(v);
    const info = this.hashInfo(v);
    if (info.hash !== undefined) throw new UnsupportedSignal(`hashing a ${typeOf(v).tpName} with a __hash__ of its own outside a dict or set lookup`, this.currentLine());
    return info.key;
  }
  /**
   * hash(v) as a dict or set lookup needs it: `key` is the JS key of a built-in key; `hash` is set (and `key` is v
   * itself) when hashing ran Python code, which happens once here (CPython calls `__hash__` once per lookup).
   */
  private hashInfo(v: Py): { key: Py; hash: Py | undefined } {
    if (v instanceof PyInstance) {
      const t = v.cls;
      const h = t.lookup('__hash__');
      if (h === null) throw this.typeError(`unhashable type: '${t.name}'`);
      if (h !== undefined && !(h instanceof PyNative)) {
        // The runtime's own numbers (decimal.Decimal, fractions.Fraction) name the built-in int or float they
        // equal, whose key they then share, as their equal hashes make them one key in CPython.
        const asBuiltin = t.lookup('__runtime_hash_key__');
        if (asBuiltin !== undefined) {
          const same = this.call(this.bindMethod(asBuiltin, v), []);
          if (same !== null) return { key: hashKey(same), hash: undefined };
        }
        return { key: v, hash: this.call(this.builtins.get('hash')!, [v]) };
      }
      return { key: v, hash: undefined };
    }
    if (v instanceof PyTuple && this.holdsComplexKey(v)) return { key: v, hash: this.call(this.builtins.get('hash')!, [v]) };
    if (v instanceof PySet && v.frozen && v.map.complex !== undefined && v.map.complex.hashOf.size > 0) {
      throw new UnsupportedSignal('hashing a frozenset of objects with a __hash__ of their own', this.currentLine());
    }
    // A native object whose type sets __hash__ = None (the dict views) is unhashable too; the message names
    // it by tp_name (`weakref.ProxyType` for a type of another module).
    if (v instanceof PyObject && !(v instanceof PyType) && typeOf(v).dict.get('__hash__') === null) {
      const t = typeOf(v);
      throw this.typeError(`unhashable type: '${t.tpName}'`);
    }
    // A weakref.ref hashes and compares as its object (while it lives), which a key of its own cannot be.
    if (v instanceof PyWeakRef) throw new UnsupportedSignal('a weak reference as a dict key or set member', this.currentLine());
    const key = hashKey(v);
    // Objects equal by value with no key of their own (generic aliases, typing's): identity would be their key, and wrong.
    if (key === v && v instanceof PyObject && typeof (v as { pyEq?: unknown }).pyEq === 'function') throw new UnsupportedSignal(`hash of a ${typeOf(v).tpName}`, this.currentLine());
    return { key, hash: undefined };
  }
  /** Whether a tuple's hash runs Python code: it holds (at any depth) an instance with its own __hash__. */
  private holdsComplexKey(t: PyTuple): boolean {
    for (const x of t.items) {
      if (x instanceof PyInstance) {
        const h = x.cls.lookup('__hash__');
        if (h !== undefined && h !== null && !(h instanceof PyNative)) return true;
      } else if (x instanceof PyTuple && this.holdsComplexKey(x)) return true;
      else if (x instanceof PySet && x.frozen && x.map.complex !== undefined && x.map.complex.hashOf.size > 0) return true;
    }
    return false;
  }

  /** The JS key under which `k` is (or would be) in `table`: the key of an equal entry when there is one. */
  lookupKey(table: KeyTable, k: Py): Py {
    if (typeof k !== 'object' || k === null) {
      const hk = hashKey(k);
      return table.complex === undefined || table.complex.hashOf.size === 0 ? hk : this.probeBuiltin(table, k, hk);
    }
    const info = this.hashInfo(k);
    if (info.hash === undefined) return table.complex === undefined || table.complex.hashOf.size === 0 ? info.key : this.probeBuiltin(table, k, info.key);
    return this.probe(table, k, info.hash, k, false);
  }
  /** lookupKey, with the hash it computed when hashing ran Python code (for a later insertHashed of the same key). */
  keyAndHash(table: KeyTable, k: Py): [Py, Py | undefined] {
    if (typeof k !== 'object' || k === null) return [this.lookupKey(table, k), undefined];
    const info = this.hashInfo(k);
    if (info.hash === undefined) return [table.complex === undefined || table.complex.hashOf.size === 0 ? info.key : this.probeBuiltin(table, k, info.key), undefined];
    return [this.probe(table, k, info.hash, k, false), info.hash];
  }
  /** insertKey of a user-hashed key whose hash is known (no __hash__ call). */
  insertHashed(table: KeyTable, k: Py, h: Py): Py {
    return this.probe(table, k, h, k, true);
  }
  /** As lookupKey, for a key about to be stored: a new user-hashed key is filed in the table's index. */
  insertKey(table: KeyTable, k: Py): Py {
    if (typeof k !== 'object' || k === null) {
      const hk = hashKey(k);
      return table.complex === undefined || table.complex.hashOf.size === 0 ? hk : this.probeBuiltin(table, k, hk);
    }
    const info = this.hashInfo(k);
    if (info.hash === undefined) return table.complex === undefined || table.complex.hashOf.size === 0 ? info.key : this.probeBuiltin(table, k, info.key);
    return this.probe(table, k, info.hash, k, true);
  }
  /**
   * The entry of `table` equal to the entry `hk` of `source` (its stored hash reused, as CPython's dict and set
   * merges, comparisons and algebra do: no __hash__ call), or undefined.
   */
  findFrom(table: KeyTable, source: KeyTable, hk: Py): Py | undefined {
    const stored = source.complex?.hashOf.get(hk);
    if (stored !== undefined) {
      const found = this.probe(table, source.original(hk), stored, hk, false);
      return table.has(found) ? found : undefined;
    }
    if (table.complex === undefined || table.complex.hashOf.size === 0) return table.has(hk) ? hk : undefined;
    const found = this.probeBuiltin(table, source.original(hk), hk);
    return table.has(found) ? found : undefined;
  }
  /** The JS key for storing `source`'s entry `hk` into `table` (no __hash__ call); files a user-hashed key. */
  insertFrom(table: KeyTable, source: KeyTable, hk: Py): Py {
    const stored = source.complex?.hashOf.get(hk);
    if (stored !== undefined) return this.probe(table, source.original(hk), stored, hk, true);
    if (table.complex === undefined || table.complex.hashOf.size === 0) return hk;
    return this.probeBuiltin(table, source.original(hk), hk);
  }
  /** A built-in key looked up in a table holding user-hashed keys: those of its hash are compared with it. */
  private probeBuiltin(table: KeyTable, k: Py, hk: Py): Py {
    const h = this.builtinHash(k);
    if (h === undefined) return hk;
    const filed = table.complex!.byHash.get(String(h));
    if (filed === undefined || !filed.some((c) => table.complex!.hashOf.has(c))) return hk;
    return this.probe(table, k, h, hk, false);
  }
  /** The Python hash of a key whose hashing runs no user code, or undefined where the runtime does not know it. */
  private builtinHash(k: Py): Py | undefined {
    if (k instanceof PyInstance) {
      if (k.cls.lookup('__runtime_hash_key__') !== undefined) return this.call(this.builtins.get('hash')!, [k]);
      return Math.floor(parseInt(k.address, 16) / 16);
    }
    const h = cpythonHash(k);
    return h === null ? undefined : normInt(h);
  }
  /**
   * CPython's lookdict/set_lookkey over the entries of `table` whose stored hash is `h`, in insertion order (the
   * order of a probe sequence they share while no slot was freed): an entry that is `key` itself matches, the others
   * are compared by `stored == key` (PyObject_RichCompareBool, the stored key on the left), and a lookup whose
   * entry the comparison removed starts over. `ownKey` is the JS key `key` has when it is new to the table.
   */
  private probe(table: KeyTable, key: Py, h: Py, ownKey: Py, insert: boolean): Py {
    const hashText = String(h);
    const keyRunsCode = ownKey === key;
    for (;;) {
      const candidates = this.candidates(table, hashText, ownKey);
      // A deletion leaves a dummy slot that a later key of the same hash may take, ahead of older ones: with two or
      // more entries to compare, the order of the __eq__ calls (and so which equal entry is found) is not known.
      if (table.deletions && candidates.length > 1 && !(table instanceof SetMap && table.ordered)) throw new UnsupportedSignal('a dict or set lookup comparing several keys of one hash after a deletion', this.currentLine());
      let restart = false;
      for (const c of candidates) {
        if (c === ownKey) return c;
        const stored = table.original(c);
        // Two built-in keys of one hash and different JS keys are unequal, and comparing them runs no Python code.
        if (!keyRunsCode && table.complex?.hashOf.get(c) === undefined) continue;
        const version = table.version;
        const size = table.size;
        const equal = this.eq(stored, key);
        if (table.version !== version || table.size !== size) {
          if (!table.has(c) && table.size <= size) {
            restart = true;
            break;
          }
          throw new UnsupportedSignal('a dict or set changed by the __eq__ of a lookup in it', this.currentLine());
        }
        if (equal) return c;
      }
      if (restart) continue;
      if (insert && keyRunsCode) this.fileKey(table, ownKey, h, hashText);
      return ownKey;
    }
  }
  /** The JS keys of `table`'s entries of the hash `hashText`, in insertion order. */
  private candidates(table: KeyTable, hashText: string, ownKey: Py): Py[] {
    // A set's emulated hash table knows CPython's probe sequence (resizes reorder same-hash members by slot).
    if (table instanceof SetMap) {
      const order = table.probeOrder(BigInt(hashText));
      if (order !== null) return order;
    }
    const complex = table.complex;
    const filed = complex?.byHash.get(hashText)?.filter((c) => complex.hashOf.has(c)) ?? [];
    if (table.size === (complex?.hashOf.size ?? 0)) return filed;
    const builtin = this.builtinKeysByHash(table).get(hashText);
    if (builtin === undefined) return filed;
    if (filed.length === 0) return builtin;
    // Both kinds: their relative order is the table's insertion order.
    const wanted = new Set([...filed, ...builtin]);
    const out: Py[] = [];
    for (const hk of table.keys()) if (wanted.has(hk)) out.push(hk);
    void ownKey;
    return out;
  }
  /** The built-in keys of a table holding user-hashed ones, by Python hash (cached while the key set is unchanged). */
  private builtinKeysByHash(table: KeyTable): Map<string, Py[]> {
    const cached = table.builtinHashes;
    if (cached !== undefined && cached.version === table.version && cached.size === table.size) return cached.byHash;
    const byHash = new Map<string, Py[]>();
    for (const hk of table.keys()) {
      if (table.complex?.hashOf.has(hk)) continue;
      const h = this.builtinHash(table.original(hk));
      if (h === undefined) continue;
      const text = String(h);
      const list = byHash.get(text);
      if (list === undefined) byHash.set(text, [hk]);
      else list.push(hk);
    }
    table.builtinHashes = { version: table.version, size: table.size, byHash };
    return byHash;
  }
  private fileKey(table: KeyTable, hk: Py, h: Py, hashText: string): void {
    const complex = (table.complex ??= new ComplexKeys());
    let list = complex.byHash.get(hashText);
    if (list === undefined) complex.byHash.set(hashText, (list = []));
    // A key deleted and stored again is listed once, at the end.
    const at = list.indexOf(hk);
    if (at >= 0) list.splice(at, 1);
    list.push(hk);
    complex.hashOf.set(hk, h);
  }
  /**
   * Copying a dict (PyDict_Copy, or dict_merge into an empty dict) clones its table or re-inserts it entry by entry,
   * comparing keys of one hash; which one depends on the table's size and deleted entries, which the runtime does
   * not model: when a user-hashed key shares its hash with another key, the copy is refused.
   */
  refuseCollidingDictCopy(src: KeyTable): void {
    const complex = src.complex;
    if (complex === undefined || complex.hashOf.size === 0) return;
    const hashes = new Set<string>();
    for (const [hk, h] of complex.hashOf) {
      const text = String(h);
      if (hashes.has(text)) throw new UnsupportedSignal('copying a dict holding user-hashed keys of one hash (CPython may compare them or not)', this.currentLine());
      hashes.add(text);
      void hk;
    }
    if (src.size === complex.hashOf.size) return;
    const builtin = this.builtinKeysByHash(src);
    for (const text of hashes) if (builtin.has(text)) throw new UnsupportedSignal('copying a dict holding a user-hashed key and a built-in key of one hash (CPython may compare them or not)', this.currentLine());
  }
  /** set_merge/dict_merge of `src` into `dst`, reusing stored hashes; user-hashed keys are compared as CPython does. */
  mergeSet(dst: PySet, src: PySet): void {
    if ((src.map.complex === undefined || src.map.complex.hashOf.size === 0) && (dst.map.complex === undefined || dst.map.complex.hashOf.size === 0)) return dst.map.mergeInto(src.map);
    if (dst.map.size === 0) return dst.map.mergeInto(src.map);
    if (src.map.ordered) dst.map.presize(src.map.size);
    for (const [hk, v] of src.map.memberEntries()) {
      const key = this.insertFrom(dst.map, src.map, hk);
      if (!dst.map.has(key)) dst.map.set(key, v);
    }
    if (!src.map.ordered) dst.map.forgetOrder();
  }
  dictSet(d: PyDict, k: Py, v: Py): void {
    const hk = this.insertKey(d.vals, k);
    if (!d.vals.has(hk)) {
      d.keys.set(hk, k);
      if ((d.vals.size & 0xffff) === 0xffff) this.checkSize(d.vals.size);
    }
    d.vals.set(hk, v);
  }

  /** dict_equal, or set_richcompare's EQ (set_issubset of equal sizes): keys found by their stored hashes. */
  private tableEq(a: PyDict | PySet, b: PyDict | PySet): boolean {
    if (a instanceof PyDict && b instanceof PyDict) {
      if (a.vals.size !== b.vals.size) return false;
      for (const [hk, v] of [...a.vals]) {
        const other = this.findFrom(b.vals, a.vals, hk);
        if (other === undefined) return false;
        if (!this.eq(v, b.vals.get(other))) return false;
      }
      return true;
    }
    const p = a as PySet;
    const q = b as PySet;
    if (p.map.size !== q.map.size) return false;
    // set_issubset: a's members in slot order, each found in b by its stored hash.
    for (const [hk] of p.map.memberEntries()) if (this.findFrom(q.map, p.map, hk) === undefined) return false;
    return true;
  }
  /** `d == d` of a dict or set with user-hashed keys: CPython's == has no identity shortcut, so its lookups compare. */
  private selfCompared(a: Py): boolean {
    return (a instanceof PyDict && a.vals.complex !== undefined && a.vals.complex.hashOf.size > 0) ||
      (a instanceof PySet && a.map.complex !== undefined && a.map.complex.hashOf.size > 0);
  }

  /**
   * PyObject_RichCompareBool(a, b, Py_EQ): identity first, then `==`. Every comparison CPython makes
   * inside a container (in, index, count, remove, ==/< of lists, tuples and dicts, dict and set lookup,
   * groupby, iter(f, sentinel)) goes through it, so a NaN or an object whose __eq__ says False is found
   * as itself. A bare `a == b` is compare(2, a, b), which asks __eq__ (and says NaN != NaN).
   */
  eq(a: Py, b: Py): boolean {
    if (a === b) return true;
    if (a instanceof PyWeakRef || b instanceof PyWeakRef) return this.weakEq(a, b);
    const ta = typeof a;
    const tb = typeof b;
    if (ta !== 'object' && tb !== 'object') {
      if (ta === 'string' || tb === 'string') return false;
      return numEq(a, b);
    }
    if (a instanceof PyFloat || b instanceof PyFloat) {
      if ((a instanceof PyFloat || isIntLike(a)) && (b instanceof PyFloat || isIntLike(b))) return numEq(a, b);
    }
    if (dispatchesDunders(a) || dispatchesDunders(b)) {
      const r = this.richCompare(a, b, '__eq__', '__eq__');
      if (r !== NOT_IMPLEMENTED) return this.truthy(r);
      if (a instanceof PyInstance || b instanceof PyInstance) return a === b;
    }
    const pyEq = (a as { pyEq?: (vm: VM, other: Py) => boolean } | null)?.pyEq;
    if (typeof pyEq === 'function') return pyEq.call(a, this, b);
    const reflectedEq = (b as { pyEq?: (vm: VM, other: Py) => boolean } | null)?.pyEq;
    if (typeof reflectedEq === 'function') return reflectedEq.call(b, this, a);
    if (a instanceof PyList && b instanceof PyList) return this.seqEq(a.items, b.items);
    if (a instanceof PyTuple && b instanceof PyTuple) return this.seqEq(a.items, b.items);
    if ((a instanceof PyDict && b instanceof PyDict) || (a instanceof PySet && b instanceof PySet)) return this.tableEq(a, b);
    if (a instanceof PyRange && b instanceof PyRange) {
      return this.seqEq([...this.iterate(a)], [...this.iterate(b)]);
    }
    if (a instanceof PyBoundMethod && b instanceof PyBoundMethod) return a.self === b.self && a.func === b.func;
    if (a instanceof PyNative && b instanceof PyNative) return a.fn === b.fn && a.self === b.self;
    const r = this.objectRichCompare(2, a, b);
    return r !== NOT_IMPLEMENTED && this.truthy(r);
  }
  /** A native object's own rich comparison (the dict views'), tried as a then b; NotImplemented if none. */
  private objectRichCompare(op: number, a: Py, b: Py): Py {
    type Cmp = { pyRichCompare?: (vm: VM, op: number, other: Py) => Py };
    const fa = (a as Cmp | null)?.pyRichCompare;
    if (typeof fa === 'function') {
      const r = fa.call(a, this, op, b);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    const fb = (b as Cmp | null)?.pyRichCompare;
    if (typeof fb === 'function') return fb.call(b, this, [4, 5, 2, 3, 0, 1][op]!, a);
    return NOT_IMPLEMENTED;
  }
  /** dict_equal: the storages of two dicts compared. */
  dictEq(a: PyDict, b: PyDict): boolean {
    return this.tableEq(a, b);
  }
  seqEq(a: Py[], b: Py[]): boolean {
    if (a.length !== b.length) return false;
    // list_richcompare: an __eq__ may change either list; where the items run out, the lengths decide.
    let i = 0;
    while (i < a.length && i < b.length && this.eq(a[i], b[i])) i++;
    if (i >= a.length || i >= b.length) return a.length === b.length;
    return false;
  }
  /** Tries a.__op__(b) then b.__rop__(a) for user classes; NOT_IMPLEMENTED when neither applies. */
  richCompare(a: Py, b: Py, op: string, rop: string): Py {
    // do_richcompare: the right operand's reflected method first when its type is a proper subclass of the left's.
    if (COMPARISON_DUNDERS.has(op) && dispatchesDunders(b)) {
      const ta = typeOf(a);
      const tb = typeOf(b);
      if (ta !== tb && tb.isSubtypeOf(ta)) {
        const m = tb.lookup(rop);
        if (m !== undefined && !(m instanceof PyNative)) {
          const r = this.call(this.bindMethod(m, b), [a]);
          if (r !== NOT_IMPLEMENTED) return r;
        }
        if (dispatchesDunders(a)) {
          const ma = ta.lookup(op);
          if (ma !== undefined && !(ma instanceof PyNative)) return this.call(this.bindMethod(ma, a), [b]);
        }
        return NOT_IMPLEMENTED;
      }
    }
    if (dispatchesDunders(a)) {
      const m = typeOf(a).lookup(op);
      if (m !== undefined && !(m instanceof PyNative)) {
        const r = this.call(this.bindMethod(m, a), [b]);
        if (r !== NOT_IMPLEMENTED) return r;
      }
    }
    if (dispatchesDunders(b)) {
      const m = typeOf(b).lookup(rop);
      if (m !== undefined && !(m instanceof PyNative)) {
        const r = this.call(this.bindMethod(m, b), [a]);
        if (r !== NOT_IMPLEMENTED) return r;
      }
    }
    return NOT_IMPLEMENTED;
  }

  compare(op: number, a: Py, b: Py): Py {
    if ((op === 2 || op === 3) && (a instanceof PyWeakRef || b instanceof PyWeakRef)) return this.eq(a, b) === (op === 2);
    switch (op) {
      case 2:
        if (a instanceof PyInstance || b instanceof PyInstance) {
          const r = this.richCompare(a, b, '__eq__', '__eq__');
          return r !== NOT_IMPLEMENTED ? r : a === b;
        }
        if (a === b && a instanceof PyFloat) return !Number.isNaN(a.v);
        if (a === b && this.selfCompared(a)) return this.tableEq(a as PyDict | PySet, a as PyDict | PySet);
        return this.eq(a, b);
      case 3:
        // A subclass of dict or list without a __ne__ of its own has dict's or list's: the storages compared.
        if (((a instanceof PyDictSub && b instanceof PyDict) || (a instanceof PyListSub && b instanceof PyList)) && subOverride(a, '__ne__') === undefined &&
          !((b instanceof PyDictSub || b instanceof PyListSub) && b.cls !== a.cls && b.cls.isSubtypeOf(a.cls) && subOverride(b, '__ne__') !== undefined))
          return a instanceof PyList ? !this.seqEq(a.items, (b as PyList).items) : !this.dictEq(a as PyDict, b as PyDict);
        if (dispatchesDunders(a) || dispatchesDunders(b)) {
          const r = this.richCompare(a, b, '__ne__', '__ne__');
          if (r !== NOT_IMPLEMENTED) return r;
          const r2 = this.richCompare(a, b, '__eq__', '__eq__');
          if (r2 !== NOT_IMPLEMENTED) return !this.truthy(r2);
          return a instanceof PyInstance || b instanceof PyInstance ? a !== b : !this.eq(a, b);
        }
        if (a === b && a instanceof PyFloat) return Number.isNaN(a.v);
        if (a === b && this.selfCompared(a)) return !this.tableEq(a as PyDict | PySet, a as PyDict | PySet);
        return !this.eq(a, b);
      case 6:
        return this.contains(b, a);
      case 7:
        return !this.contains(b, a);
      case 8:
        return this.identical(a, b);
      case 9:
        return !this.identical(a, b);
      default:
        return this.order(op, a, b);
    }
  }
  /**
   * `a is b`. Ints and strs are unboxed here, so two equal ones are one value; in CPython they are one
   * object only when it caches or interns them (the ints -5..256, '' and the one-character latin-1 strs
   * are certain) or when the program passed one object along, which the runtime cannot tell from two
   * equal objects (`1000 is int('1000')` is False, `x = 1000; x is x` True). Those are refused in the
   * user's code.
   */
  identical(a: Py, b: Py): boolean {
    if (a !== b) return false;
    // The runtime's own library code (asyncio's `self._state is _PENDING`) compares its module's constants,
    // which CPython interns: one object.
    if (this.frame?.code.stdlib === true) return true;
    if (typeof a === 'number' || typeof a === 'bigint') {
      if (a >= -5 && a <= 256) return true;
      throw new UnsupportedSignal(`\`is\` between two equal ints outside -5..256 (whether they are one object depends on CPython's allocation)`, this.currentLine());
    }
    if (typeof a === 'string') {
      if (a.length === 0 || (a.length === 1 && a.charCodeAt(0) < 256)) return true;
      throw new UnsupportedSignal(`\`is\` between two equal strs (whether they are one object depends on CPython's interning)`, this.currentLine());
    }
    return true;
  }
  /** <, <=, >, >= with CPython's type rules and messages. */
  order(op: number, a: Py, b: Py): Py {
    const sym = ['<', '<=', '', '', '>', '>='][op]!;
    if (a instanceof PyListSub || b instanceof PyListSub || a instanceof PyDictSub || b instanceof PyDictSub) {
      // A subclass's own comparison methods come before list's (a reflected one first for a subclass of a's type).
      const name = ['__lt__', '__le__', '', '', '__gt__', '__ge__'][op]!;
      const rname = ['__gt__', '__ge__', '', '', '__lt__', '__le__'][op]!;
      const ta = typeOf(a);
      const tb = typeOf(b);
      if (tb !== ta && tb.isSubtypeOf(ta) && (b instanceof PyListSub || b instanceof PyDictSub) && subOverride(b, rname) !== undefined) {
        const r = this.richCompare(b, a, rname, name);
        if (r !== NOT_IMPLEMENTED) return r;
      }
      const r = this.richCompare(a, b, name, rname);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    if (isNumeric(a) && isNumeric(b)) {
      const c = numCmp(a, b);
      if (Number.isNaN(c)) return false;
      return op === 0 ? c < 0 : op === 1 ? c <= 0 : op === 4 ? c > 0 : c >= 0;
    }
    if (typeof a === 'string' && typeof b === 'string') {
      const c = compareStr(a, b);
      return op === 0 ? c < 0 : op === 1 ? c <= 0 : op === 4 ? c > 0 : c >= 0;
    }
    if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
      const x = a.items;
      const y = b.items;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        if (!this.eq(x[i], y[i])) return this.order(op, x[i], y[i]);
      }
      const c = x.length - y.length;
      return op === 0 ? c < 0 : op === 1 ? c <= 0 : op === 4 ? c > 0 : c >= 0;
    }
    if (a instanceof PySet && b instanceof PySet) {
      const sub = (p: PySet, q: PySet): boolean => p.map.memberEntries().every(([k]) => this.findFrom(q.map, p.map, k) !== undefined);
      if (op === 0) return a.map.size < b.map.size && sub(a, b);
      // set_issubset answers False on the sizes alone, before any member is looked up.
      if (op === 1) return a.map.size <= b.map.size && sub(a, b);
      if (op === 4) return a.map.size > b.map.size && sub(b, a);
      return b.map.size <= a.map.size && sub(b, a);
    }
    const own = this.objectRichCompare(op, a, b);
    if (own !== NOT_IMPLEMENTED) return own;
    const names = ['__lt__', '__le__', '', '', '__gt__', '__ge__'];
    const reflected = ['__gt__', '__ge__', '', '', '__lt__', '__le__'];
    if (dispatchesDunders(a) || dispatchesDunders(b)) {
      const r = this.richCompare(a, b, names[op]!, reflected[op]!);
      if (r !== NOT_IMPLEMENTED) return r;
    }
    // Types of their own file (bytes) compare themselves.
    const pyCompare = (a as { pyCompare?: (vm: VM, op: number, other: Py) => Py | undefined } | null)?.pyCompare;
    if (typeof pyCompare === 'function') {
      const r = pyCompare.call(a, this, op, b);
      if (r !== undefined) return r;
    }
    throw this.typeError(`'${sym}' not supported between instances of '${typeOf(a).tpName}' and '${typeOf(b).tpName}'`);
  }

  contains(container: Py, item: Py): boolean {
    if (container instanceof PyWeakRef && container.isProxy) return this.contains(this.weakReferent(container), item);
    if (typeof container === 'string') {
      if (typeof item !== 'string') throw this.typeError(`'in <string>' requires string as left operand, not ${typeOf(item).tpName}`);
      return container.includes(item);
    }
    if ((container instanceof PyListSub || container instanceof PyDictSub) && subOverride(container, '__contains__') !== undefined)
      return this.truthy(this.callSpecial(container, '__contains__', [item]));
    if (container instanceof PyList || container instanceof PyTuple) {
      const items = container.items;
      for (let i = 0; i < items.length; i++) if (items[i] === item || this.eq(items[i], item)) return true;
      return false;
    }
    if (container instanceof PyDict) return container.vals.has(this.lookupKey(container.vals, item));
    if (container instanceof PySet) return container.map.has(this.lookupKey(container.map, item));
    if (container instanceof PyRange) {
      if (typeof item !== 'number') return false;
      const { start, stop, step } = container;
      if (step > 0 ? item < start || item >= stop : item > start || item <= stop) return false;
      return (item - start) % step === 0;
    }
    if (container instanceof PyInstance || (container instanceof PyType && container.metaclass !== undefined)) {
      const r = this.callSpecial(container, '__contains__', [item]);
      if (r !== undefined) return this.truthy(r);
    }
    const own = (container as { pyContains?: (vm: VM, x: Py) => boolean } | null)?.pyContains;
    if (typeof own === 'function') return own.call(container, this, item);
    const t = typeOf(container);
    if (t.lookup('__iter__') === undefined && !(container instanceof PyIterator) && t.lookup('__getitem__') === undefined)
      throw this.typeError(`argument of type '${t.tpName}' is not iterable`);
    for (const x of this.iterate(container)) if (x === item || this.eq(x, item)) return true;
    return false;
  }

  // --- iteration
  getIter(v: Py): Py {
    if (v instanceof PyWeakRef && v.isProxy) return this.getIter(this.weakReferent(v));
    if (v instanceof PyIterator) {
      // Coroutines and async generators own frames as generators do, but are awaited, not iterated.
      if (v instanceof PyGenerator && v.constructor !== PyGenerator) throw this.typeError(`'${v.typeName}' object is not iterable`);
      return v;
    }
    if ((v instanceof PyListSub || v instanceof PyDictSub) && subOverride(v, '__iter__') !== undefined) {
      const it = this.callSpecial(v, '__iter__', []);
      if (it instanceof PyIterator || typeOf(it).lookup('__next__') !== undefined) return it;
      throw this.typeError(`iter() returned non-iterator of type '${typeOf(it).name}'`);
    }
    if (v instanceof PyList) return new ListIterator(v.items, 'list_iterator');
    if (v instanceof PyTuple) return new ListIterator(v.items, 'tuple_iterator');
    if (v instanceof PyRange) return new RangeIterator(v.start, v.step, v.length);
    if (typeof v === 'string') return new ListIterator(Array.from(v), /^[\x00-\x7f]*$/.test(v) ? 'str_ascii_iterator' : 'str_iterator');
    if (v instanceof PyDict) return new DictIterator(this, v, 0);
    if (v instanceof PySet) {
      if (this.unorderedSets !== null) this.checkOrdered(v);
      // The runtime's own Python modules (asyncio.wait's sets of tasks) iterate sets only where order cannot show.
      return new SetIterator(this, v, v.map.orderedValues(this.frame?.code.filename === STDLIB_FILENAME));
    }
    if (v instanceof PyInstance) {
      const m = v.cls.lookup('__iter__');
      if (m !== undefined && m !== null) {
        const it = this.call(this.bindMethod(m, v), []);
        if (!(it instanceof PyIterator) && typeOf(it).lookup('__next__') === undefined)
          throw this.typeError(`iter() returned non-iterator of type '${typeOf(it).tpName}'`);
        return it;
      }
      if (v.cls.lookup('__getitem__') !== undefined) return new SeqIterator(this, v);
    }
    if (v instanceof PyObject) {
      const m = typeOf(v).lookup('__iter__');
      if (m instanceof PyNative) return this.call(m, [v]);
      // A class whose metaclass defines __iter__ (enum.EnumType): iterating the class calls it.
      if (m instanceof PyFunction && v instanceof PyType) return this.call(m, [v]);
    }
    const iterable = this.iterHook(v);
    if (iterable !== undefined) return iterable;
    throw this.typeError(`'${typeOf(v).tpName}' object is not iterable`);
  }
  iterHook: (v: Py) => Py | undefined = () => undefined;

  /** What `await o` iterates (_PyEval_GetAwaitable): a coroutine, an awaitable generator, or __await__()'s iterator. */
  getAwaitable(o: Py, where: number, refuseAwaited = true): Py {
    if (o instanceof PyCoroutine) {
      if (refuseAwaited && o.yieldFrom !== null) throw this.error('RuntimeError', 'coroutine is being awaited already');
      return o;
    }
    if (o instanceof PyGenerator && o.constructor === PyGenerator && (o.code.flags & CO_ITERABLE_COROUTINE) !== 0) return o;
    const t = typeOf(o);
    const m = t.lookup('__await__');
    if (m === undefined || m === null) {
      if (where === 1) throw this.typeError(`'async with' received an object from __aenter__ that does not implement __await__: ${t.name}`);
      if (where === 2) throw this.typeError(`'async with' received an object from __aexit__ that does not implement __await__: ${t.name}`);
      throw this.typeError(`object ${t.name} can't be used in 'await' expression`);
    }
    const it = this.call(this.bindMethod(m, o), []);
    if (it instanceof PyCoroutine || (it instanceof PyGenerator && (it.code.flags & CO_ITERABLE_COROUTINE) !== 0))
      throw this.typeError('__await__() returned a coroutine');
    if (!this.isIterator(it)) throw this.typeError(`__await__() returned non-iterator of type '${typeOf(it).tpName}'`);
    return it;
  }
  /** PyIter_Check: the object has __next__ (coroutines and async generators have not). */
  isIterator(v: Py): boolean {
    if (v instanceof PyIterator) return !(v instanceof PyGenerator) || v.constructor === PyGenerator;
    return typeOf(v).lookup('__next__') !== undefined;
  }
  /** GET_AITER: `o.__aiter__()`, which must have __anext__. */
  getAIter(o: Py): Py {
    const t = typeOf(o);
    const m = t.lookup('__aiter__');
    if (m === undefined || m === null) throw this.typeError(`'async for' requires an object with __aiter__ method, got ${t.name}`);
    const it = this.call(this.bindMethod(m, o), []);
    const itType = typeOf(it);
    if (itType.lookup('__anext__') === undefined)
      throw this.typeError(`'async for' received an object from __aiter__ that does not implement __anext__: ${itType.name}`);
    return it;
  }
  /** GET_ANEXT: the awaitable of `it.__anext__()`. */
  getANext(it: Py): Py {
    if (it instanceof PyAsyncGenerator && this.asyncGenANext !== null) return this.asyncGenANext(it);
    const t = typeOf(it);
    const m = t.lookup('__anext__');
    if (m === undefined || m === null) throw this.typeError(`'async for' requires an iterator with __anext__ method, got ${t.name}`);
    const next = this.call(this.bindMethod(m, it), []);
    if (it instanceof PyAsyncGenerator) return next;
    try {
      return this.getAwaitable(next, 0);
    } catch (e) {
      const cause = this.toPyException(e);
      // _PyErr_FormatFromCause: the TypeError says what __anext__ returned; the original is its cause.
      const err = this.typeError(`'async for' received an invalid object from __anext__: ${typeOf(next).tpName}`);
      err.cause = cause;
      err.context = cause;
      err.suppressContext = true;
      err.contextSet = true;
      throw err;
    }
  }

  /** next() on a user-defined iterator (an instance with __next__): StopIteration becomes STOP. */
  iterNextSlow(it: Py): Py {
    const m = typeOf(it).lookup('__next__');
    if (m === undefined) throw this.typeError(`'${typeOf(it).tpName}' object is not an iterator`);
    try {
      return this.call(this.bindMethod(m, it), []);
    } catch (e) {
      const pe = this.toPyException(e);
      if (pe.cls.isSubtypeOf(excTypes.get('StopIteration')!)) {
        this.lastReturn = pe.dict.get('value') ?? null;
        return STOP;
      }
      throw pe;
    }
  }
  iterNext(it: Py): Py {
    if (it instanceof PyGenerator) return this.genResume(it, null, null, 'next');
    return it instanceof PyIterator ? it.next() : this.iterNextSlow(it);
  }
  *iterate(v: Py): Generator<Py> {
    if (v instanceof PyWeakRef && v.isProxy) v = this.weakReferent(v);
    if ((v instanceof PyList || v instanceof PyTuple) && !(v instanceof PyListSub && subOverride(v, '__iter__') !== undefined)) {
      // A snapshot-free walk, as CPython's list iterator (appends during iteration are seen).
      const items = v.items;
      for (let i = 0; i < items.length; i++) yield items[i];
      return;
    }
    const it = this.getIter(v);
    let count = 0;
    for (;;) {
      const x = this.iterNext(it);
      if (x === STOP) return;
      if ((++count & 0x3ff) === 0) this.budget();
      yield x;
    }
  }
  toArray(v: Py): Py[] {
    if ((v instanceof PyList || v instanceof PyTuple) && !(v instanceof PyListSub && subOverride(v, '__iter__') !== undefined)) return v.items.slice();
    const out: Py[] = [];
    for (const x of this.iterate(v)) {
      out.push(x);
      if ((out.length & 0xffff) === 0) this.checkSize(out.length);
    }
    return out;
  }
  private unpackIterable(seq: Py, n: number): Py[] {
    let it: Py;
    try {
      it = this.getIter(seq);
    } catch (e) {
      const pe = this.toPyException(e);
      if (this.excMatches(pe, 'TypeError') && pe.args[0] === `'${typeOf(seq).tpName}' object is not iterable`)
        throw this.typeError(`cannot unpack non-iterable ${typeOf(seq).tpName} object`);
      throw pe;
    }
    const out: Py[] = [];
    for (;;) {
      const x = this.iterNext(it);
      if (x === STOP) return out;
      out.push(x);
      if (out.length > n) return out;
    }
  }

  // --- arithmetic
  unary(op: string, v: Py): Py {
    if (v instanceof PyWeakRef && v.isProxy) v = this.weakReferent(v);
    if (typeof v === 'boolean') v = v ? 1 : 0;
    if (typeof v === 'number') {
      if (op === '-') return v === 0 ? 0 : -v;
      if (op === '+') return v;
      return -v - 1;
    }
    if (typeof v === 'bigint') return normInt(op === '-' ? -v : op === '+' ? v : -v - 1n);
    if (v instanceof PyFloat) {
      if (op === '-') return new PyFloat(-v.v);
      if (op === '+') return v;
    }
    if (dispatchesDunders(v)) {
      const r = this.callSpecial(v, op === '-' ? '__neg__' : op === '+' ? '__pos__' : '__invert__', []);
      if (r !== undefined) return r;
    }
    throw this.typeError(`bad operand type for unary ${op}: '${typeOf(v).tpName}'`);
  }
  binaryOp(op: number, a: Py, b: Py, inplace: boolean): Py {
    return this.binaryHook(this, op, a, b, inplace);
  }
  binaryHook!: (vm: VM, op: number, a: Py, b: Py, inplace: boolean) => Py;

  // --- items
  getItem(o: Py, k: Py): Py {
    return this.getItemHook(this, o, k);
  }
  getItemHook!: (vm: VM, o: Py, k: Py) => Py;
  setItem(o: Py, k: Py, v: Py): void {
    if ((o instanceof PyDictSub || o instanceof PyListSub) && subOverride(o, '__setitem__') !== undefined) {
      this.callSpecial(o, '__setitem__', [k, v]);
      return;
    }
    if (o instanceof PyDict) {
      this.dictSet(o, k, v);
      return;
    }
    this.setItemHook(this, o, k, v);
  }
  setItemHook!: (vm: VM, o: Py, k: Py, v: Py) => void;
  delItem(o: Py, k: Py): void {
    this.delItemHook(this, o, k);
  }
  delItemHook!: (vm: VM, o: Py, k: Py) => void;
}

/** A native object that holds Python references (the garbage collector's tp_traverse): what reachable() follows. */
export interface Traversable {
  traverse(): Py[];
}

interface DelegateOutcome {
  kind: 'yielded' | 'raise' | 'done';
  exc: PyException | null;
  value: Py;
}
const COMPARISON_DUNDERS = new Set(['__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__']);
const MUTATORS = new Set(['clear', 'pop', 'remove', 'popitem', 'discard', '__delitem__', 'difference_update', 'intersection_update']);

/**
 * Value stacks and locals arrays are all created with generic (tagged) elements, so the interpreter
 * loop's element accesses see one array shape instead of V8's Smi/double/object variants.
 */
function newStack(): Py[] {
  const a: Py[] = [undefined];
  a.length = 0;
  return a;
}
export function newLocals(n: number): Py[] {
  const a: Py[] = [undefined];
  for (let i = 1; i < n; i++) a.push(undefined);
  a.length = n;
  return a;
}

/** CPython's truth of NotImplemented is True with a DeprecationWarning on stderr, which the runtime does not write. */
export function refuseNotImplementedTruth(line: number): never {
  throw new UnsupportedSignal('NotImplemented in a boolean context (CPython writes a DeprecationWarning to stderr)', line);
}
export const notImplementedType = mkType('NotImplementedType', [objectType], 'NotImplementedType');
export const NOT_IMPLEMENTED = new (class NotImplementedType extends PyObject {
  pyRepr(): string {
    return 'NotImplemented';
  }
  get pyType(): PyType {
    return notImplementedType;
  }
})();

/** How deeply containers nest inside `v` (iteratively, up to `cap`). */
function nestingDepth(v: Py, cap: number): number {
  let max = 0;
  const work: [Py, number][] = [[v, 0]];
  const seen = new Set<object>();
  while (work.length > 0) {
    const [x, d] = work.pop()!;
    if (d > max) max = d;
    if (max >= cap) return max;
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    if (x instanceof PyList || x instanceof PyTuple) for (const y of x.items) work.push([y, d + 1]);
    else if (x instanceof PyDict) for (const y of x.vals.values()) work.push([y, d + 1]);
  }
  return max;
}

function listNames(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

const frameAddrs = new WeakMap<object, string>();
let auxCounter = 0;
function auxAddress(o: object): string {
  let a = frameAddrs.get(o);
  if (a === undefined) {
    auxCounter += 1;
    a = '0x' + (0x7e0000000000 + auxCounter * 0x40).toString(16);
    frameAddrs.set(o, a);
  }
  return a;
}
const frameAddress = auxAddress;
const codeAddress = auxAddress;
const cellAddress = auxAddress;

export function dictSet(d: PyDict, k: Py, v: Py): void {
  const hk = hashKey(k);
  if (!d.vals.has(hk)) d.keys.set(hk, k);
  d.vals.set(hk, v);
}

export function isIntLike(v: Py): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}
export function isNumeric(v: Py): boolean {
  return isIntLike(v) || v instanceof PyFloat;
}
export function toNumber(v: Py): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  return (v as PyFloat).v;
}
function numEq(a: Py, b: Py): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    if (a instanceof PyFloat || b instanceof PyFloat) return toNumber(a) === toNumber(b);
    return BigInt(typeof a === 'boolean' ? +a : a) === BigInt(typeof b === 'boolean' ? +b : b);
  }
  return toNumber(a) === toNumber(b);
}
function numCmp(a: Py, b: Py): number {
  if ((typeof a === 'bigint' || typeof b === 'bigint') && !(a instanceof PyFloat) && !(b instanceof PyFloat)) {
    const x = BigInt(typeof a === 'boolean' ? +a : a);
    const y = BigInt(typeof b === 'boolean' ? +b : b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** repr() of a str: CPython picks single quotes unless the text has ' and no ". */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x7f || isPrintableChar(c)) out += ch;
    // Non-printable characters are escaped, as unicode_repr does.
    else if (c < 0x100) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + quote;
}

// ---------------------------------------------------------------------------------------------------
// Builtin iterators used by the VM itself

export class ListIterator extends PyIterator {
  i = 0;
  constructor(public items: Py[], private name: string) {
    super();
  }
  get typeName(): string {
    return this.name;
  }
  next(): Py {
    const items = this.items;
    if (this.i < items.length) return items[this.i++];
    this.i = Infinity;
    return STOP;
  }
}
export class RangeIterator extends PyIterator {
  i = 0;
  constructor(public start: number, public step: number, public len: number) {
    super();
  }
  get typeName(): string {
    return 'range_iterator';
  }
  next(): Py {
    if (this.i < this.len) return this.start + this.step * this.i++;
    return STOP;
  }
}
export class DictIterator extends PyIterator {
  private it: Iterator<[Py, Py]>;
  private size: number;
  private yielded = 0;
  constructor(private vm: VM, private d: PyDict, private mode: 0 | 1 | 2) {
    super();
    this.it = d.vals.entries();
    this.size = d.vals.size;
  }
  get typeName(): string {
    return this.mode === 0 ? 'dict_keyiterator' : this.mode === 1 ? 'dict_valueiterator' : 'dict_itemiterator';
  }
  next(): Py {
    if (this.d.vals.size !== this.size) {
      this.size = -1;
      throw this.vm.error('RuntimeError', 'dictionary changed size during iteration');
    }
    const r = this.it.next();
    if (r.done === true) return STOP;
    // More entries than the dict had: keys were deleted and added while it was iterated. CPython raises
    // "dictionary keys changed during iteration" here unless a resize of its table moved its position
    // (skipping or repeating keys) first, which depends on the table's history: refused.
    if (++this.yielded > this.size)
      throw new UnsupportedSignal('a dict whose keys changed during its iteration (CPython stops or skips keys depending on its table resizes)', this.vm.currentLine());
    const [hk, v] = r.value;
    if (this.mode === 0) return this.d.keys.get(hk);
    if (this.mode === 1) return v;
    return new PyTuple([this.d.keys.get(hk), v]);
  }
}
/**
 * setiter_iternext over a snapshot of the set's order: a change of size since the iterator began is
 * CPython's RuntimeError (at every later step, the end included); a change that kept the size is refused,
 * since CPython goes on over its live table, where the change may or may not be met.
 */
export class SetIterator extends PyIterator {
  private i = 0;
  private size: number;
  private mutations: number;
  private exhausted = false;
  constructor(private vm: VM, private s: PySet, private items: Py[]) {
    super();
    this.size = s.map.size;
    this.mutations = s.map.mutations;
  }
  get typeName(): string {
    return 'set_iterator';
  }
  next(): Py {
    if (this.exhausted) return STOP;
    if (this.s.map.size !== this.size) {
      this.size = -1;
      throw this.vm.error('RuntimeError', 'Set changed size during iteration');
    }
    if (this.s.map.mutations !== this.mutations)
      throw new UnsupportedSignal('a set changed during its iteration with its size kept (CPython meets the change in its hash table or not)', this.vm.currentLine());
    if (this.i >= this.items.length) {
      this.exhausted = true;
      return STOP;
    }
    return this.items[this.i++]!;
  }
}
export class SeqIterator extends PyIterator {
  i = 0;
  constructor(private vm: VM, private o: Py) {
    super();
  }
  get typeName(): string {
    return 'iterator';
  }
  next(): Py {
    try {
      return this.vm.getItem(this.o, this.i++);
    } catch (e) {
      const pe = this.vm.toPyException(e);
      if (this.vm.excMatches(pe, 'IndexError') || this.vm.excMatches(pe, 'StopIteration')) return STOP;
      throw pe;
    }
  }
}

registerCtorTypes();

export type { NativeFn };
