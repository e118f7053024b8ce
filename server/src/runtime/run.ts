// runSnippet: parse, compile once, run the module frame in a fresh VM with limits, and turn what the
// generators did into a TraceReport. The tracer records reprs eagerly only for values whose repr could
// change later (mutable containers, user objects); immutable values are kept raw and repr'd at the end,
// so a long run whose middle events are dropped pays little for them.

import type { TraceError, TraceEvent, TraceReport, UnsupportedFeature } from '@yieldlens/shared';
import { firstSyntaxError, parsePython } from '../parser.js';
import { installBuiltins } from './builtins.js';
import { CodeObject, CompileError, compileModule, type CompileOptions } from './compiler.js';
import { dirname, ImportSystem, type ModuleSourceResolver } from './imports.js';
import type { FollowUp, RunOptions } from './index.js';
import {
  setFileOfCurrentLine, Frame, GEN_CREATED, GEN_SUSPENDED, LimitSignal, isHostStackOverflow, PyAsyncGenerator, PyFunction, PyGenerator, UnsupportedSignal,
  VM, type Tracer, excTypes,
} from './interp.js';
import { installModules } from './modules/index.js';
import { GlobalsMap, PyDict, PyException, PyFloat, PyInstance, PyIterator, PyList, PyRange, PyTuple, PyType, PyNative, resetAddresses, type Py } from './values.js';

const DEFAULTS = { maxSteps: 1_000_000, timeoutMs: 2_000, recursionLimit: 1000, maxEvents: 10_000, maxCollection: 10_000_000 };

/** A repr computed at capture time (the value could change before the report is built). */
class Frozen {
  constructor(public readonly text: string) {}
}

function stableRepr(v: Py, depth = 0): boolean {
  switch (typeof v) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'bigint':
      return true;
    case 'object':
      if (v === null || v.reprStable === true) return true;
      if (v instanceof PyFunction) return true;
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

const KINDS = ['create', 'resume', 'yield', 'return', 'raise', 'close'] as const;
const K_CREATE = 0;
const K_RESUME = 1;
const K_YIELD = 2;
const K_RETURN = 3;
const K_RAISE = 4;
const K_CLOSE = 5;
/** Resume methods by their 3-bit code in an event header ('close' resumptions are not recorded). */
const METHODS = ['next', 'send', 'throw', 'close', 'anext', 'asend', 'athrow'] as const;

/** Cells per event in the recorder's array: header, generator, value, then the first locals. */
const STRIDE = 8;
/** Slots the event buffer starts with; it doubles as events come, up to the --max-events cap. */
const INITIAL_SLOTS = 1024;
const INLINE_LOCALS = STRIDE - 3;
/** Header flag: the yield's locals are an OverflowLocals in the first local's cell (too many to inline). */
const F_OVERFLOW = 64;
/** Header flag of a raise event (in the method bits, unused by raises): the resumption was refused unstarted. */
const F_NOT_STARTED = 1 << 3;
/** Header flag: the yielding generator had no frame (no locals to show). */
const F_NO_FRAME = 128;
/** Largest line the header packs (lines beyond are recorded as this; a 10 MB source cannot reach it). */
const MAX_LINE = (1 << 22) - 1;

/** Locals of a frame with more than INLINE_LOCALS of them; reused when its slot is recycled. */
class OverflowLocals {
  constructor(readonly vals: Py[]) {}
}

/**
 * The cell of a number: the number itself is in the parallel Float64Array. A number kept in the cells
 * would keep its heap box (ints beyond V8's small integers, a product of two 5-digit ints) alive in an
 * old-space array until its slot is reused, so that every scavenge copied those of the ring and walked
 * their remembered slots (a third of the recorder's cost on the generator-expression sum).
 */
const NUM: object = Object.freeze({ number: true });

/** The recorder's arrays, kept between runs (one spare): a run then neither allocates nor grows them again. */
interface EventBuffers {
  cells: Py[];
  /** The numbers of NUM cells, by cell index. */
  nums: Float64Array;
  /** Per slot: how much stdout had been written when its event happened (TraceReport.outputOffsets). */
  outputAt: Float64Array;
}
let spareBuffers: EventBuffers | null = null;

function newBuffers(slots: number): EventBuffers {
  // fill() rather than a push loop: 10x faster in a cold process (the first snippet pays for it).
  return { cells: new Array<Py>(slots * STRIDE).fill(null), nums: new Float64Array(slots * STRIDE), outputAt: new Float64Array(slots) };
}

/**
 * Events in one array of STRIDE cells each, header first: slots [0, headCap) keep the first events,
 * slots from headCap on form a ring holding the latest ones. An event is a few consecutive cells,
 * next to the previous event's, so recording one touches one cache line and allocates nothing.
 * Header: line << 8 | flags | method << 3 (3 bits) | kind, a small integer.
 */
class EventRecorder implements Tracer {
  private readonly cap: number;
  /** Grown on demand up to cap slots: a huge --max-events must not allocate its buffer up front. */
  private cells: Py[];
  private nums: Float64Array;
  private outputAt: Float64Array;
  /**
   * The slot the next event goes to; events so far (kept or not) are `passed + pos`. Slots [0, headCap)
   * hold the first events, then the ring [headCap, cap) is written round and round: each wrap adds
   * tailCap to `passed`.
   */
  private pos = 0;
  private passed = 0;
  /** Where slot() must stop and call turn(): the end of the head or of the ring, or of the buffers so far. */
  private limit: number;
  constructor(private vm: VM, private headCap: number, private tailCap: number) {
    this.cap = headCap + tailCap;
    const spare = spareBuffers;
    spareBuffers = null;
    const buffers = spare ?? newBuffers(Math.min(this.cap, INITIAL_SLOTS));
    this.cells = buffers.cells;
    this.nums = buffers.nums;
    this.outputAt = buffers.outputAt;
    this.limit = Math.min(this.phaseEnd(), this.cells.length / STRIDE);
  }
  private phaseEnd(): number {
    return this.tailCap === 0 ? this.headCap : this.cap;
  }
  /** Events so far, kept or not. */
  private get count(): number {
    return this.passed + this.pos;
  }
  /** Events recorded but not kept. */
  get omitted(): number {
    return Math.max(0, this.count - (this.tailCap === 0 ? this.headCap : this.cap));
  }
  /**
   * slot() reached `limit` at slot `i`: wraps the ring, or counts an event that cannot be kept (-1: no
   * tail), or grows the buffers; returns the slot to write.
   */
  private turn(i: number): number {
    if (this.tailCap === 0 && i === this.headCap) {
      this.passed++;
      return -1;
    }
    if (i === this.cap) {
      this.passed += this.tailCap;
      i = this.headCap;
    }
    if (i * STRIDE >= this.cells.length) this.grow(i + 1);
    this.limit = Math.min(this.phaseEnd(), this.cells.length / STRIDE);
    return i;
  }
  /** Makes room for `slots` slots (at least doubling, at most cap), keeping the recorded ones. */
  private grow(slots: number): void {
    const size = Math.min(this.cap, Math.max(slots, 2 * (this.cells.length / STRIDE))) * STRIDE;
    // In place: V8 grows the backing store itself. A copy loop into a new array ran unoptimised in a cold
    // process (up to 30 ms a run); concat takes its slow path on these holey arrays (8 ms a run, warm).
    const cells = this.cells;
    const used = cells.length;
    cells.length = size;
    cells.fill(null, used);
    const nums = new Float64Array(size);
    nums.set(this.nums);
    this.nums = nums;
    const outputAt = new Float64Array(size / STRIDE);
    outputAt.set(this.outputAt);
    this.outputAt = outputAt;
  }
  /** Hands the buffers on to the next run, emptied (what they held must not stay reachable). */
  release(): void {
    // Not the buffers of a run that kept more events than the default: a large --max-events would
    // otherwise keep its megabytes between runs (the language server's worker lives long).
    if (this.cells.length > DEFAULTS.maxEvents * STRIDE) return;
    this.cells.fill(null, 0, Math.min(this.count, this.cap) * STRIDE);
    spareBuffers = { cells: this.cells, nums: this.nums, outputAt: this.outputAt };
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
  /** The first cell of the next event's slot, or -1 when the event is only counted. */
  private slot(header: number, gen: PyGenerator, line: number): number {
    // One comparison on the common path; turn() does the rest (its first call is early: when the
    // initial buffers fill, after INITIAL_SLOTS events, so that it has type feedback).
    let i = this.pos;
    if (i === this.limit) {
      i = this.turn(i);
      if (i < 0) return -1;
    }
    this.pos = i + 1;
    this.outputAt[i] = this.vm.stdoutSize;
    const at = i * STRIDE;
    const cells = this.cells;
    cells[at] = (line < MAX_LINE ? line : MAX_LINE) * 256 + header;
    cells[at + 1] = gen;
    return at;
  }
  /**
   * Create, resume and close events happen at the caller's line: its file goes in the fourth cell (unused
   * by these kinds), null for the traced file. Yields, returns and raises are in the generator's own file.
   */
  private callerFile(at: number): void {
    if (at < 0) return;
    // The line came from vm.currentLine() just before the event: its frame's file, if it found one.
    const file = this.vm.lineFile ?? this.vm.currentFile();
    this.cells[at + 3] = file === this.vm.userFile ? null : file;
  }
  create(gen: PyGenerator, line: number): void {
    this.callerFile(this.slot(K_CREATE, gen, line));
  }
  resume(gen: PyGenerator, method: 'next' | 'send' | 'throw' | 'anext' | 'asend' | 'athrow', sent: Py, line: number): void {
    if (method === 'next' || method === 'anext') {
      this.callerFile(this.slot(K_RESUME | (method === 'next' ? 0 : 4 << 3), gen, line));
      return;
    }
    const m = METHODS.indexOf(method);
    const at = this.slot(K_RESUME | (m << 3), gen, line);
    if (at >= 0) this.store(at + 2, sent);
    this.callerFile(at);
  }
  yield(gen: PyGenerator, value: Py, line: number): void {
    const frame = gen.frame;
    if (frame === null) {
      const at = this.slot(K_YIELD | F_NO_FRAME, gen, line);
      if (at >= 0) this.store(at + 2, value);
      return;
    }
    const layout = frame.code.localsLayout ?? this.vm.localsLayout(frame);
    const sources = layout.sources;
    const n = sources.length;
    const at = this.slot(n > INLINE_LOCALS ? K_YIELD | F_OVERFLOW : K_YIELD, gen, line);
    if (at < 0) return;
    const cells = this.cells;
    const nums = this.nums;
    const tv = typeof value;
    if (tv === 'number') {
      cells[at + 2] = NUM;
      nums[at + 2] = value;
    } else cells[at + 2] = tv === 'string' || value === null ? value : this.capture(value);
    const locals = frame.locals;
    let out = cells;
    let base = at + 3;
    if (n > INLINE_LOCALS) {
      // The slot's previous event left its own locals here if it had as many: no garbage per yield.
      const previous: Py = cells[at + 3];
      if (previous instanceof OverflowLocals && previous.vals.length === n) out = previous.vals;
      else {
        out = new Array<Py>(n);
        cells[at + 3] = new OverflowLocals(out);
      }
      base = 0;
    }
    // Numbers go to `nums` in the event cells only (an overflow array keeps them as they are).
    const inline = out === cells;
    if (layout.plain) {
      // Ints, strs, None and stable-repr objects are kept as they are; only the rest are captured.
      for (let k = 0; k < n; k++) {
        const v = locals[k];
        const t = typeof v;
        if (t === 'number' && inline) {
          cells[base + k] = NUM;
          nums[base + k] = v;
        } else {
          out[base + k] = t === 'number' || t === 'string' || v === undefined || v === null || (t === 'object' && v.reprStable === true)
            ? v : this.capture(v);
        }
      }
      return;
    }
    const frameCells = frame.cells;
    for (let k = 0; k < n; k++) {
      const src = sources[k]!;
      const v = src >= 0 ? locals[src] : frameCells![-1 - src]!.value;
      if (typeof v === 'number' && inline) {
        cells[base + k] = NUM;
        nums[base + k] = v;
      } else out[base + k] = v === undefined ? undefined : this.capture(v);
    }
  }
  /** Records `v` in cell `c`: a number in `nums`, anything else as capture() keeps it. */
  private store(c: number, v: Py): void {
    if (typeof v === 'number') {
      this.cells[c] = NUM;
      this.nums[c] = v;
    } else this.cells[c] = this.capture(v);
  }
  return(gen: PyGenerator, value: Py, line: number): void {
    const at = this.slot(K_RETURN, gen, line);
    if (at >= 0) this.store(at + 2, value);
  }
  raise(gen: PyGenerator, exc: PyException, line: number, notStarted = false): void {
    let message: string;
    try {
      message = this.vm.str(exc);
    } catch {
      message = '<unprintable>';
    }
    const at = this.slot(K_RAISE | (notStarted ? F_NOT_STARTED : 0), gen, line);
    if (at < 0) return;
    this.cells[at + 2] = exc.cls.name;
    this.cells[at + 3] = message;
  }
  close(gen: PyGenerator, line: number): void {
    this.callerFile(this.slot(K_CLOSE, gen, line));
  }
  /** Reprs of the objects stored raw (stable reprs, so one text each) during one events() call. */
  private texts: Map<object, string> | null = null;
  private text(v: Py): string {
    if (v instanceof Frozen) return v.text;
    const memo = typeof v === 'object' && v !== null ? this.texts : null;
    if (memo !== null) {
      const t = memo.get(v as object);
      if (t !== undefined) return t;
    }
    let t: string;
    try {
      t = this.vm.repr(v);
    } catch {
      t = '<unrepresentable>';
    }
    if (memo !== null) memo.set(v as object, t);
    return t;
  }
  /** The text of the value in event cell `c`. */
  private textAt(c: number): string {
    const v = this.cells[c];
    return this.text(v === NUM ? this.nums[c] : v);
  }
  private build(i: number): TraceEvent {
    const event = this.buildEvent(i);
    const at = i * STRIDE;
    const kind = (this.cells[at] as number) & 7;
    const g = this.cells[at + 1] as PyGenerator;
    const file = kind === K_CREATE || kind === K_RESUME || kind === K_CLOSE ? this.cells[at + 3] as string | null : g.code.filename;
    if (file !== null && file !== this.vm.userFile) event.file = file;
    if (g instanceof PyAsyncGenerator) event.asyncGenerator = true;
    return event;
  }
  private buildEvent(i: number): TraceEvent {
    const cells = this.cells;
    const at = i * STRIDE;
    const header = cells[at] as number;
    const g = cells[at + 1] as PyGenerator;
    const generator = g.number;
    const fn = g.qualname;
    const line = Math.floor(header / 256);
    // Literal objects (no spread) in the key order the spread produced: 10,000 of them per long run.
    switch (KINDS[header & 7]!) {
      case 'create':
        return { event: 'create', generator, function: fn, line };
      case 'resume': {
        const method = METHODS[(header >> 3) & 7]!;
        return method === 'send' || method === 'throw' || method === 'asend' || method === 'athrow'
          ? { event: 'resume', generator, function: fn, line, method, sent: this.textAt(at + 2) }
          : { event: 'resume', generator, function: fn, line, method };
      }
      case 'yield': {
        const locals: Record<string, string> = Object.create(null) as Record<string, string>;
        if ((header & F_NO_FRAME) === 0) {
          // The yield recorded its locals in its code's layout, which exists from then on.
          const names = g.code.localsLayout!.names;
          const overflow = (header & F_OVERFLOW) !== 0;
          const vals = overflow ? (cells[at + 3] as OverflowLocals).vals : cells;
          const base = overflow ? 0 : at + 3;
          for (let k = 0; k < names.length; k++) {
            const v = vals[base + k];
            if (v !== undefined) locals[names[k]!] = v === NUM ? this.text(this.nums[base + k]) : this.text(v);
          }
        }
        return { event: 'yield', generator, function: fn, line, value: this.textAt(at + 2), locals };
      }
      case 'return':
        return { event: 'return', generator, function: fn, line, value: this.textAt(at + 2) };
      case 'raise':
        return (header & F_NOT_STARTED) !== 0
          ? { event: 'raise', generator, function: fn, line, exception: cells[at + 2] as string, message: cells[at + 3] as string, notStarted: true }
          : { event: 'raise', generator, function: fn, line, exception: cells[at + 2] as string, message: cells[at + 3] as string };
      case 'close':
        return { event: 'close', generator, function: fn, line };
    }
  }
  events(): TraceEvent[] {
    this.texts = new Map();
    try {
      return this.allEvents();
    } finally {
      this.texts = null;
    }
  }
  private allEvents(): TraceEvent[] {
    return this.keptSlots().map((i) => this.build(i));
  }
  /** For each kept event, in order, the length of stdout written before it. */
  outputOffsets(): number[] {
    const outputAt = this.outputAt;
    return this.keptSlots().map((i) => outputAt[i]!);
  }
  /** The slots of the kept events in event order: the head, then the ring from its oldest entry. */
  private keptSlots(): number[] {
    const out: number[] = [];
    const count = this.count;
    const head = Math.min(count, this.headCap);
    for (let i = 0; i < head; i++) out.push(i);
    const inTail = Math.min(Math.max(0, count - this.headCap), this.tailCap);
    // The oldest kept tail event is where the ring will write next (once it has wrapped).
    let i = count - this.headCap > this.tailCap ? (this.pos === this.cap ? this.headCap : this.pos) : this.headCap;
    for (let k = 0; k < inTail; k++) {
      out.push(i);
      i = i + 1 === this.cap ? this.headCap : i + 1;
    }
    return out;
  }
}

/**
 * CPython's tokenizer refuses more than 200 nested brackets (MAXLEVEL). Returns the line of the
 * bracket that goes too deep, or null. Strings and comments are skipped.
 */
function tooDeeplyNested(src: string): number | null {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\n') line++;
    else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      i--;
    } else if (c === '"' || c === "'") {
      const triple = src.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < src.length && !src.startsWith(close, i)) {
        if (src[i] === '\\') i++;
        else if (src[i] === '\n') {
          line++;
          if (!triple) break;
        }
        i++;
      }
      i += close.length - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth >= 200) return line;
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return null;
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

/**
 * A coroutine the run left unfinished, where CPython's finalisation of it would be observable: one never
 * started gets the RuntimeWarning "coroutine ... was never awaited" on stderr (which the report cannot carry),
 * one suspended inside a try or with block runs code when it is closed (at a time only reference counts know).
 */
function unfinishedCoroutine(vm: VM): UnsupportedFeature | null {
  for (const c of vm.liveCoroutines) {
    if (c.state === GEN_CREATED)
      return { feature: `coroutine '${c.qualname}' was never awaited (CPython's RuntimeWarning on stderr when it is finalised)`, line: c.createdLine };
    if (c.state === GEN_SUSPENDED && c.frame !== null && c.frame.blocks.length !== 0)
      return { feature: `finalisation of coroutine '${c.qualname}' suspended in a try or with block`, line: c.frame.lineno };
  }
  for (const refusal of vm.unawaitedMethods.values()) return refusal;
  return null;
}

/** The first refusal of the modules' end-of-run checks (asyncio's: what CPython would log on stderr at exit). */
function exitRefusal(vm: VM): UnsupportedFeature | null {
  for (const check of vm.exitChecks) {
    try {
      const r = vm.call(check, []);
      if (r instanceof PyTuple && typeof r.items[0] === 'string') return { feature: r.items[0], line: typeof r.items[1] === 'number' ? r.items[1] : 0 };
    } catch (e) {
      if (e instanceof UnsupportedSignal) return { feature: e.feature, line: e.line };
      if (!(e instanceof PyException || e instanceof LimitSignal)) throw e;
      return { feature: 'internal error: an end-of-run check failed', line: 0 };
    }
  }
  return null;
}

const WARM_UP_PROGRAM = `
def source(n):
    for i in range(n):
        yield i
def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x * 3
def leaf(n):
    for i in range(n):
        yield i
    return n
def middle(n):
    got = yield from leaf(n)
    return got
def top(n):
    got = yield from middle(n)
    return got
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count
class Box:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def __iter__(self):
        yield self.v
for rep in range(12):
    # Every other round past 2**31, so the arithmetic sites also see non-Smi numbers (no overflow deopt later).
    base = (rep % 2) * 3000000000
    total = 0
    for value in evens(source(200)):
        total += value + base
    for value in top(200):
        total += value
    total += sum(x * x for x in range(base, base + 200)) + sum([1.5, 2.5])
    avg = averager()
    next(avg)
    for i in range(200):
        last = avg.send(i + base)
    s = [x for x in range(10) if x > 2]
    d = {k: v for k, v in zip("abc", range(3))}
    b = Box(3)
    total += b.get() + len(s) + len(d) + next(iter(b))
    try:
        raise ValueError("x")
    except ValueError as e:
        total += 1
    t = (1, 2)
    a, c = t
    total += a + c + 2 ** 70 - 2 ** 70
    msg = f"{total} {last!r:>5}" + str(total) + "%d" % 3
`;

/**
 * Runs a small program that exercises the interpreter's common paths (generator pipelines, send,
 * yield from, comprehensions, classes, exceptions) so that V8 has type feedback for all of them
 * before a real snippet makes the loop hot: fewer deoptimise/recompile cycles later. Long-lived
 * hosts (the language server's worker, benchmarks) call it once at start-up; it costs about 100 ms
 * on a busy 2-core machine. `interrupted` stops it early (as it stops a run); the result says whether it
 * ran to its end.
 */
export function warmUpRuntime(interrupted?: () => boolean): boolean {
  const stop = interrupted === undefined ? {} : { interrupted };
  // A non-Smi maxSteps, as long runs pass: V8 then sees both shapes of the options before the real runs.
  // Few events kept, so that the recorder's ring wraps and drops events as in a long run.
  const first = runSnippet(WARM_UP_PROGRAM, { filename: '<warm-up>', maxSteps: Number.MAX_SAFE_INTEGER, maxEvents: 256, ...stop });
  if (first.limit) return false;
  // And a run past the default event cap, so that building a full 10,000-event report is warm too.
  const second = runSnippet('for rep in range(3):\n    total = sum(x * x for x in range(2000))\n', { filename: '<warm-up>', ...stop });
  return !second.limit;
}

const codeCache = new Map<string, CodeObject>();

export function runSnippet(source: string, options: RunOptions = {}): TraceReport {
  try {
    return runSnippetCaught(source, options);
  } finally {
    // The finished VM is not kept reachable until the next run.
    setFileOfCurrentLine(null);
  }
}

function runSnippetCaught(source: string, options: RunOptions): TraceReport {
  try {
    return runSnippetUnguarded(source, options);
  } catch (e) {
    // Errors are data at this boundary: a bug in the runtime is reported, never thrown at the caller.
    const feature = e instanceof CompileError ? e.feature : 'internal error: ' + (e instanceof Error ? e.message : String(e));
    const line = e instanceof CompileError ? e.line : 0;
    return { version: 1, stdout: '', error: null, unsupported: { feature, line }, truncated: false, events: [] };
  }
}

function runSnippetUnguarded(source: string, options: RunOptions): TraceReport {
  const filename = options.filename ?? '<string>';
  const report: TraceReport = { version: 1, stdout: '', error: null, unsupported: null, limit: null, truncated: false, events: [] };
  const compiled = compileInParser(options, () => compileChecked(source, filename, 'exec', {}));
  if (!(compiled instanceof CodeObject)) {
    report.error = compiled;
    delete report.limit;
    return report;
  }
  const code = compiled;
  resetAddresses();
  const files = new Map<string, string>(Object.entries(options.files ?? {}));
  const interrupted = options.interrupted;
  if (interrupted?.() === true) {
    // Unwanted before it began; the deadline below would otherwise be computed from the interrupted clock.
    report.limit = { kind: 'time', message: 'interrupted before it started', line: 0 };
    return report;
  }
  const vm = new VM({
    maxSteps: options.maxSteps ?? DEFAULTS.maxSteps,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    recursionLimit: options.recursionLimit ?? DEFAULTS.recursionLimit,
    maxCollection: DEFAULTS.maxCollection,
    files,
    // An interrupted run reads as past its deadline at the next budget check (every few thousand steps).
    now: interrupted === undefined ? () => performance.now() : () => (interrupted() ? Number.POSITIVE_INFINITY : performance.now()),
  });
  vm.userFile = filename;
  setFileOfCurrentLine(() => vm.currentFile());
  vm.imports = new ImportSystem(vm, moduleResolverOf(options), (text, path) => {
    const module = compileInParser(options, () => compileChecked(text, path, 'exec', {}));
    return module instanceof CodeObject ? module : { message: module.message, line: module.line };
  }, dirname(filename));
  installBuiltins(vm);
  installModules(vm);
  const maxEvents = Math.max(2, options.maxEvents ?? DEFAULTS.maxEvents);
  const headCap = Math.ceil(maxEvents / 2);
  const recorder = new EventRecorder(vm, headCap, maxEvents - headCap);
  vm.tracer = options.trace === false ? null : recorder;
  const globals = new GlobalsMap();
  globals.set('__name__', options.moduleName ?? '__main__');
  globals.set('__doc__', code.doc);
  globals.set('__package__', packageOf(options.moduleName ?? '__main__'));
  globals.set('__file__', filename);
  let outcome = runCode(vm, code, globals, report, null);
  const followUps = options.followUps ?? [];
  for (let index = 0; outcome === 'completed' && index < followUps.length; index++) {
    const followUp = followUps[index]!;
    outcome = runFollowUp(vm, followUp, index, filename, globals, report, options);
  }
  if (report.unsupported === null && (report.limit ?? null) === null) {
    try {
      finalizeModule(vm, globals);
    } catch (e) {
      if (e instanceof UnsupportedSignal) report.unsupported = withFile(vm, { feature: e.feature, line: e.line }, e.file);
      else if (e instanceof LimitSignal) report.limit = withFile(vm, { kind: e.kind, message: e.message, line: e.line }, e.file);
    }
  }
  if (report.unsupported === null && (report.limit ?? null) === null) {
    const refusal = unfinishedCoroutine(vm) ?? exitRefusal(vm);
    if (refusal !== null) report.unsupported = refusal;
  }
  if (vm.hostStackLine >= 0 && report.unsupported === null && (report.limit ?? null) === null)
    report.limit = { kind: 'recursion', message: 'JavaScript stack exhausted before the Python recursion limit', line: vm.hostStackLine };
  if (vm.finalizationUncertain && report.unsupported === null && report.error === null &&
    [...vm.cleanupGens].some((g) => g.state === 'GEN_SUSPENDED'))
    report.unsupported = { feature: 'generator finalisation after too many dropped references to track', line: vm.currentLine() };
  report.stdout = vm.stdout.join('');
  if (vm.stderr.length > 0) report.stderr = vm.stderr.join('');
  report.events = recorder.events();
  report.outputOffsets = recorder.outputOffsets();
  recorder.release();
  report.truncated = recorder.omitted > 0;
  if (report.truncated) report.omittedEvents = recorder.omitted;
  if (report.limit === null) delete report.limit;
  return report;
}

/** A refusal or limit with the file its line is in, when that is not the traced file. */
function withFile<T extends { line: number; file?: string }>(vm: VM, where: T, file: string): T {
  if (file !== '' && file !== vm.userFile && where.line > 0) where.file = file;
  return where;
}

/**
 * The `__package__` of the traced module: None for a script (its relative imports fail, as CPython's
 * do), the parent package of a module run under its own name.
 */
function packageOf(moduleName: string): string | null {
  if (moduleName === '__main__') return null;
  return moduleName.slice(0, Math.max(0, moduleName.lastIndexOf('.')));
}

/** RunOptions.resolveModule, else a lookup in RunOptions.modules, else null (no project modules). */
function moduleResolverOf(options: RunOptions): ModuleSourceResolver | null {
  if (options.resolveModule !== undefined) return options.resolveModule;
  const modules = options.modules;
  if (modules === undefined) return null;
  return (name) => (Object.hasOwn(modules, name) ? modules[name] : undefined);
}

/**
 * Parses and compiles one piece of code, or returns the SyntaxError CPython would raise before running
 * any of it. Module code is cached (the editor re-runs the same text); follow-ups are small and, in
 * interactive mode, compiled against a display hook of their own run.
 */
function compileChecked(source: string, filename: string, mode: FollowUp['mode'], options: CompileOptions, followUp = false): CodeObject | TraceError {
  const cacheable = mode === 'exec' && options.displayHook === undefined;
  const nul = source.indexOf('\0');
  if (nul >= 0) {
    // CPython refuses the whole source before running any of it; compile() of a string says "string".
    const message = followUp ? 'source code string cannot contain null bytes' : 'source code cannot contain null bytes';
    return { type: 'SyntaxError', message, line: source.slice(0, nul).split('\n').length };
  }
  const cached = cacheable ? codeCache.get(source + '\0' + filename) : undefined;
  if (cached !== undefined) return cached.syntaxErrors[0] === undefined ? cached : { type: 'SyntaxError', ...cached.syntaxErrors[0] };
  const nesting = tooDeeplyNested(source);
  if (nesting !== null) return { type: 'SyntaxError', message: 'too many nested parentheses', line: nesting };
  const tree = parsePython(source);
  const bad = firstSyntaxError(tree.rootNode);
  if (bad !== null) {
    // tree-sitter's grammar fails on a starred subscript whose operand is not a name (`a[*(b)]`, `a[*()]`, `a[*'ab']`,
    // valid since 3.11): CPython runs it, so the runtime refuses rather than report a SyntaxError.
    // `f(): int`, `1: int`: tree-sitter stops at an expression followed by `:` that is no target; CPython's parser
    // calls it an illegal target for annotation.
    const kids = bad.children;
    const next = bad.nextSibling;
    if (bad.type === 'ERROR' && kids.length === 2 && kids[0]!.isNamed && kids[1]!.type === ':' && next !== null &&
      next.startPosition.row === bad.endPosition.row && bad.startPosition.row === bad.endPosition.row) {
      return { type: 'SyntaxError', message: 'illegal target for annotation', line: bad.startPosition.row + 1 };
    }
    const starredOperand = bad.type === 'ERROR' && (/\[\s*\*\s*(?![A-Za-z_*])/.test(bad.text) || (bad.parent?.type === 'subscript' && /^\*\s*(?![A-Za-z_*])/.test(bad.text)));
    if (starredOperand) throw new CompileError('a starred subscript whose operand is not a name (a[*(...)]), which the parser does not read', bad.startPosition.row + 1);
    // CPython's parser words most syntax errors after the rule that failed ("expected ':'", "'(' was never
    // closed", "cannot assign to function call here. Maybe you meant '==' instead of '='?", an
    // IndentationError) and reports its own line; tree-sitter only says where its recovery began. Saying
    // "invalid syntax" would be a guess, so the runtime refuses; the linter reports the error itself.
    throw new CompileError('a syntax error, whose message and line CPython takes from its own grammar', bad.startPosition.row + 1);
  }
  if (mode === 'single') {
    // One interactive statement: a compound statement, or simple statements on one line (`a = 1; a`).
    const statements = tree.rootNode.namedChildren.filter((node) => node.type !== 'comment');
    const firstLine = statements[0]?.startPosition.row ?? 0;
    if (statements.length > 1 && !statements.every((node) => node.startPosition.row === firstLine && node.endPosition.row === firstLine))
      return { type: 'SyntaxError', message: 'multiple statements found while compiling a single statement', line: firstLine + 1 };
  }
  if (mode === 'eval') {
    const statements = tree.rootNode.namedChildren.filter((node) => node.type !== 'comment');
    const only = statements[0]?.namedChildren ?? [];
    const isExpression = statements.length === 1 && statements[0]!.type === 'expression_statement' && only.length >= 1 &&
      !only.some((node) => node.type === 'assignment' || node.type === 'augmented_assignment');
    if (!isExpression) return { type: 'SyntaxError', message: 'invalid syntax', line: (statements[0] ?? tree.rootNode).startPosition.row + 1 };
  }
  const code = compileModule(tree.rootNode, filename, options);
  if (cacheable) {
    if (codeCache.size > 64) codeCache.clear();
    codeCache.set(source + '\0' + filename, code);
  }
  const early = code.syntaxErrors[0];
  return early === undefined ? code : { type: 'SyntaxError', message: early.message, line: early.line };
}

/** Runs `compile` with the host told that the native parser is in use (RunOptions.inParser). */
function compileInParser<T>(options: RunOptions, compile: () => T): T {
  options.inParser?.(true);
  try {
    return compile();
  } finally {
    options.inParser?.(false);
  }
}

/** How running one piece of code ended: `completed` lets the next follow-up run, `stopped` ends the run. */
type CodeOutcome = 'completed' | 'raised' | 'stopped';

/**
 * Runs a module-level code object in `globals`, turning what ended it into the report: an uncaught
 * exception becomes `error` (or, for an interactive follow-up, an entry of `exampleErrors`), signals become
 * `unsupported` or `limit`.
 */
function runCode(vm: VM, code: CodeObject, globals: GlobalsMap, report: TraceReport, followUp: { index: number; interactive: boolean } | null): CodeOutcome {
  const frame = new Frame(code, globals, [], null, null, null);
  try {
    vm.runFrame(frame, null);
    return 'completed';
  } catch (e) {
    if (e instanceof PyException) {
      let message: string;
      try {
        message = vm.str(e);
      } catch {
        message = '<exception str() failed>';
      }
      const error: TraceError = { type: e.cls.name, message, line: e.line };
      if (e.file !== '' && e.file !== vm.userFile) error.file = e.file;
      if (followUp !== null) error.followUp = followUp.index;
      if (e.cls === excTypes.get('RecursionError'))
        report.limit = { kind: 'recursion', message: 'maximum recursion depth exceeded', line: e.line };
      if (followUp !== null && followUp.interactive && (report.limit ?? null) === null) {
        (report.exampleErrors ??= []).push(error);
        return 'raised';
      }
      report.error = error;
    } else if (e instanceof UnsupportedSignal) {
      report.unsupported = withFile(vm, { feature: e.feature, line: e.line }, e.file);
    } else if (e instanceof LimitSignal) {
      report.limit = withFile(vm, { kind: e.kind, message: e.message, line: e.line }, e.file);
    } else if (isHostStackOverflow(e)) {
      report.limit = { kind: 'recursion', message: 'JavaScript stack exhausted', line: vm.currentLine() };
    } else {
      report.unsupported = { feature: 'internal error: ' + (e instanceof Error ? e.message : String(e)), line: vm.currentLine() };
    }
    return 'stopped';
  }
}

/**
 * Runs one follow-up in the module's globals. Its text is compiled after `line - 1` empty lines, so every
 * line the compiler records (events, errors, tracebacks) is a line of the document it came from.
 */
function runFollowUp(vm: VM, followUp: FollowUp, index: number, filename: string, globals: GlobalsMap, report: TraceReport, options: RunOptions): CodeOutcome {
  const interactive = followUp.mode === 'single';
  const padded = '\n'.repeat(Math.max(0, followUp.line - 1)) + followUp.code;
  const compiled = compileInParser(options, () => compileChecked(padded, filename, followUp.mode, interactive ? { displayHook: displayHookFor(vm) } : {}, true));
  if (!(compiled instanceof CodeObject)) {
    const error: TraceError = { ...compiled, followUp: index };
    if (!interactive) {
      report.error = error;
      return 'stopped';
    }
    (report.exampleErrors ??= []).push(error);
    return 'completed';
  }
  const outcome = runCode(vm, compiled, globals, report, { index, interactive });
  // An example that raised ends only itself, as in doctest.
  return outcome === 'raised' ? 'completed' : outcome;
}

/** `sys.displayhook` as the interactive mode calls it: None shows nothing, anything else its repr, and `_` remembers it. */
function displayHookFor(vm: VM): PyNative {
  return new PyNative('displayhook', (args) => {
    const value = args[0] ?? null;
    if (value === null) return null;
    vm.builtins.set('_', null);
    vm.write(vm.repr(value) + '\n');
    vm.builtins.set('_', value);
    return null;
  });
}
