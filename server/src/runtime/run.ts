// runSnippet: parse, compile once, run the module frame in a fresh VM with limits, and turn what the
// generators did into a TraceReport. The tracer records reprs eagerly only for values whose repr could
// change later (mutable containers, user objects); immutable values are kept raw and repr'd at the end,
// so a long run whose middle events are dropped pays little for them.

import type { TraceEvent, TraceReport } from '@yieldlens/shared';
import { firstSyntaxError, parsePython } from '../parser.js';
import { installBuiltins } from './builtins.js';
import { CodeObject, compileModule } from './compiler.js';
import type { RunOptions } from './index.js';
import {
  Frame, LimitSignal, PyFunction, PyGenerator, UnsupportedSignal, VM, type Tracer, excTypes,
} from './interp.js';
import { installStdlib } from './stdlib.js';
import { PyDict, PyException, PyFloat, PyInstance, PyIterator, PyList, PyRange, PyTuple, PyType, PyNative, resetAddresses, type Py } from './values.js';

const DEFAULTS = { maxSteps: 1_000_000, timeoutMs: 2_000, recursionLimit: 1000, maxEvents: 10_000, maxCollection: 10_000_000 };

/** A repr computed at capture time (the value could change before the report is built). */
class Frozen {
  constructor(public readonly text: string) {}
}

/** An event as captured; reused in place once it falls out of the kept tail. */
class PendingEvent {
  event: TraceEvent['event'] = 'create';
  gen!: PyGenerator;
  line = 0;
  method: 'next' | 'send' | 'throw' | 'close' = 'next';
  value: Py = undefined;
  /** Values of the frame's locals in the layout order of its code object (undefined = unbound). */
  locals: Py[] | null = null;
  localNames: string[] | null = null;
  exception = '';
  message = '';
  hasSent = false;
}

function stableRepr(v: Py, depth = 0): boolean {
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'bigint':
      return true;
    case 'object':
      if (v === null || v instanceof PyFloat || v instanceof PyRange || v instanceof PyFunction ||
        v instanceof PyGenerator || v instanceof PyType || v instanceof PyNative) return true;
      if (v instanceof PyTuple && depth < 3 && v.items.length < 16) return v.items.every((x) => stableRepr(x, depth + 1));
      // Builtin iterators repr as `<list_iterator object at 0x...>` whatever their position, unless
      // they carry their own state-dependent repr (itertools.count, repeat).
      if (v instanceof PyIterator) return !Object.hasOwn(v, 'pyRepr');
      if (v instanceof PyInstance && !(v instanceof PyException)) return v.cls.lookup('__repr__') instanceof PyNative;
      return false;
    default:
      return false;
  }
}

class EventRecorder implements Tracer {
  head: PendingEvent[] = [];
  tail: (PendingEvent | undefined)[];
  tailStart = 0;
  tailCount = 0;
  omitted = 0;
  constructor(private vm: VM, private headCap: number, private tailCap: number) {
    // Generic elements from the start, so every run's recorder has the same array shape for the JIT.
    this.tail = [undefined];
    this.tail.length = 0;
  }
  private capture(v: Py): Py {
    const t = typeof v;
    if (t === 'number' || t === 'string' || t === 'boolean' || v === null) return v;
    if (stableRepr(v)) return v;
    try {
      return new Frozen(this.vm.repr(v));
    } catch {
      return new Frozen('<unrepresentable>');
    }
  }
  /** The event object to fill: a new one while the head lasts, else the tail slot being recycled. */
  private slot(): PendingEvent {
    if (this.head.length < this.headCap) {
      const e = new PendingEvent();
      this.head.push(e);
      return e;
    }
    if (this.tailCap === 0) {
      this.omitted++;
      return this.scratch;
    }
    if (this.tailCount < this.tailCap) {
      const e = new PendingEvent();
      // Until the ring is full, tailStart is 0 and slots are appended in order.
      this.tail.push(e);
      this.tailCount++;
      return e;
    }
    const e = this.tail[this.tailStart]!;
    this.tailStart = this.tailStart + 1 === this.tailCap ? 0 : this.tailStart + 1;
    this.omitted++;
    return e;
  }
  private scratch = new PendingEvent();
  private fill(event: TraceEvent['event'], gen: PyGenerator, line: number): PendingEvent {
    const e = this.slot();
    e.event = event;
    e.gen = gen;
    e.line = line;
    e.value = undefined;
    e.hasSent = false;
    if (event !== 'yield') e.locals = null;
    return e;
  }
  create(gen: PyGenerator, line: number): void {
    this.fill('create', gen, line);
  }
  resume(gen: PyGenerator, method: 'next' | 'send' | 'throw' | 'close', sent: Py, line: number): void {
    const e = this.fill('resume', gen, line);
    e.method = method;
    if (method === 'send' || method === 'throw') {
      e.hasSent = true;
      e.value = this.capture(sent);
    }
  }
  yield(gen: PyGenerator, value: Py, line: number): void {
    const e = this.fill('yield', gen, line);
    const reuse = e.locals;
    e.value = this.capture(value);
    const frame = gen.frame;
    if (frame !== null) {
      const layout = frame.code.localsLayout ?? this.vm.localsLayout(frame);
      // A recycled tail slot keeps its array when the shape fits: no garbage per yield.
      const vals = reuse !== null && reuse.length === layout.sources.length ? reuse : new Array<Py>(layout.sources.length);
      const locals = frame.locals;
      const cells = frame.cells;
      for (let i = 0; i < vals.length; i++) {
        const src = layout.sources[i]!;
        const v = src >= 0 ? locals[src] : cells![-1 - src]!.value;
        vals[i] = v === undefined ? undefined : this.capture(v);
      }
      e.locals = vals;
      e.localNames = layout.names;
    }
  }
  return(gen: PyGenerator, value: Py, line: number): void {
    this.fill('return', gen, line).value = this.capture(value);
  }
  raise(gen: PyGenerator, exc: PyException, line: number): void {
    let message: string;
    try {
      message = this.vm.str(exc);
    } catch {
      message = '<unprintable>';
    }
    const e = this.fill('raise', gen, line);
    e.exception = exc.cls.name;
    e.message = message;
  }
  close(gen: PyGenerator, line: number): void {
    this.fill('close', gen, line);
  }
  private text(v: Py): string {
    if (v instanceof Frozen) return v.text;
    try {
      return this.vm.repr(v);
    } catch {
      return '<unrepresentable>';
    }
  }
  private build(e: PendingEvent): TraceEvent {
    const base = { generator: e.gen.number, function: e.gen.qualname, line: e.line };
    switch (e.event) {
      case 'create':
        return { event: 'create', ...base };
      case 'resume':
        return e.hasSent ? { event: 'resume', ...base, method: e.method!, sent: this.text(e.value) } : { event: 'resume', ...base, method: e.method! };
      case 'yield': {
        const locals: Record<string, string> = Object.create(null) as Record<string, string>;
        const names = e.localNames ?? [];
        const vals = e.locals ?? [];
        for (let i = 0; i < names.length; i++) if (vals[i] !== undefined) locals[names[i]!] = this.text(vals[i]);
        return { event: 'yield', ...base, value: this.text(e.value), locals };
      }
      case 'return':
        return { event: 'return', ...base, value: this.text(e.value) };
      case 'raise':
        return { event: 'raise', ...base, exception: e.exception!, message: e.message! };
      case 'close':
        return { event: 'close', ...base };
    }
  }
  events(): TraceEvent[] {
    const out = this.head.map((e) => this.build(e));
    for (let i = 0; i < this.tailCount; i++) out.push(this.build(this.tail[(this.tailStart + i) % this.tailCap]!));
    return out;
  }
}

/**
 * Interpreter shutdown as CPython does it: the __main__ dict is cleared (names starting with `_`
 * first, then the rest, in insertion order) and each suspended generator that dies with it is
 * closed, so its `finally` blocks run and print where CPython's would. Generators held one level
 * down in lists, tuples and dicts are closed with their container.
 */
function finalizeModule(vm: VM, globals: Map<string, Py>): void {
  const entries = [...globals.entries()];
  const ordered = [...entries.filter(([k]) => k.startsWith('_')), ...entries.filter(([k]) => !k.startsWith('_'))];
  const seen = new Set<PyGenerator>();
  const finalize = (v: Py): void => {
    if (v instanceof PyGenerator) {
      if (seen.has(v)) return;
      seen.add(v);
      vm.dropTemporary(v, true);
    } else if (v instanceof PyList || v instanceof PyTuple) {
      for (const x of v.items) if (x instanceof PyGenerator) finalize(x);
    } else if (v instanceof PyDict) {
      for (const x of v.vals.values()) if (x instanceof PyGenerator) finalize(x);
    }
  };
  for (const [, v] of ordered) finalize(v);
}

const codeCache = new Map<string, CodeObject>();

export function runSnippet(source: string, options: RunOptions = {}): TraceReport {
  const filename = options.filename ?? '<string>';
  const report: TraceReport = { version: 1, stdout: '', error: null, unsupported: null, limit: null, truncated: false, events: [] };
  const tree = parsePython(source);
  const bad = firstSyntaxError(tree.rootNode);
  if (bad !== null) {
    report.error = { type: 'SyntaxError', message: 'invalid syntax', line: bad.startPosition.row + 1 };
    return report;
  }
  let code = codeCache.get(source + '\0' + filename);
  if (code === undefined) {
    code = compileModule(tree.rootNode, filename);
    if (codeCache.size > 64) codeCache.clear();
    codeCache.set(source + '\0' + filename, code);
  }
  resetAddresses();
  const files = new Map<string, string>(Object.entries(options.files ?? {}));
  const vm = new VM({
    maxSteps: options.maxSteps ?? DEFAULTS.maxSteps,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    recursionLimit: options.recursionLimit ?? DEFAULTS.recursionLimit,
    maxCollection: DEFAULTS.maxCollection,
    files,
    now: () => performance.now(),
  });
  vm.userFile = filename;
  installBuiltins(vm);
  installStdlib(vm);
  const maxEvents = Math.max(2, options.maxEvents ?? DEFAULTS.maxEvents);
  const headCap = Math.ceil(maxEvents / 2);
  const recorder = new EventRecorder(vm, headCap, maxEvents - headCap);
  vm.tracer = options.trace === false ? null : recorder;
  const globals = new Map<string, Py>();
  globals.set('__name__', '__main__');
  globals.set('__file__', filename);
  const frame = new Frame(code, globals, [], null, null, null);
  try {
    vm.runFrame(frame, null);
  } catch (e) {
    if (e instanceof PyException) {
      let message: string;
      try {
        message = vm.str(e);
      } catch {
        message = '<exception str() failed>';
      }
      report.error = { type: e.cls.name, message, line: e.line };
      if (e.cls === excTypes.get('RecursionError'))
        report.limit = { kind: 'recursion', message: 'maximum recursion depth exceeded', line: e.line };
    } else if (e instanceof UnsupportedSignal) {
      report.unsupported = { feature: e.feature, line: e.line };
    } else if (e instanceof LimitSignal) {
      report.limit = { kind: e.kind, message: e.message, line: e.line };
    } else if (e instanceof RangeError) {
      report.limit = { kind: 'recursion', message: 'JavaScript stack exhausted', line: vm.currentLine() };
    } else {
      report.unsupported = { feature: 'internal error: ' + (e instanceof Error ? e.message : String(e)), line: vm.currentLine() };
    }
  }
  if (report.unsupported === null && (report.limit ?? null) === null) {
    try {
      finalizeModule(vm, globals);
    } catch (e) {
      if (e instanceof UnsupportedSignal) report.unsupported = { feature: e.feature, line: e.line };
      else if (e instanceof LimitSignal) report.limit = { kind: e.kind, message: e.message, line: e.line };
    }
  }
  if (vm.finalizationUncertain && report.unsupported === null && report.error === null &&
    [...vm.cleanupGens].some((g) => g.state === 'GEN_SUSPENDED'))
    report.unsupported = { feature: 'generator finalisation after too many dropped references to track', line: vm.currentLine() };
  report.stdout = vm.stdout.join('');
  report.events = recorder.events();
  report.truncated = recorder.omitted > 0;
  if (report.truncated) report.omittedEvents = recorder.omitted;
  if (report.limit === null) delete report.limit;
  return report;
}
