// The trace format of the mini-runtime: what `yieldlens trace --format json` prints and what the
// language server turns into inlay hints, code lenses and hovers. Values are CPython 3.13 repr() strings.

interface TraceEventBase {
  /** 1, 2, … in order of creation within one run. */
  generator: number;
  /** The generator's `__qualname__`, exactly as CPython gives it. */
  function: string;
  line: number;
  /**
   * The file `line` is in when it is not the traced file: a module of the user's project that the run
   * imported (its path as the host handed it over). Absent for the traced file itself.
   */
  file?: string;
  /** Present (true) on every event of an async generator (`async def` with `yield`, or an async generator expression). */
  asyncGenerator?: true;
}

export interface CreateEvent extends TraceEventBase {
  event: 'create';
}

/**
 * How a generator was resumed. An async generator is resumed by awaiting what its methods return:
 * `anext` (`__anext__()`, `anext()`, `async for`), `asend(v)` and `athrow(e)`; `aclose()` is recorded as a
 * `close` event. Its frame also resumes, without an event, each time an `await` inside its own body completes:
 * those resumptions belong to the awaited object, not to the generator's consumer.
 */
export type ResumeMethod = 'next' | 'send' | 'throw' | 'close' | 'anext' | 'asend' | 'athrow';

export interface ResumeEvent extends TraceEventBase {
  event: 'resume';
  method: ResumeMethod;
  /** repr() of the value passed to `send`/`asend`, or of the exception passed to `throw`/`athrow`. */
  sent?: string;
}

export interface YieldEvent extends TraceEventBase {
  event: 'yield';
  value: string;
  locals: Record<string, string>;
}

export interface ReturnEvent extends TraceEventBase {
  event: 'return';
  value: string;
}

export interface RaiseEvent extends TraceEventBase {
  event: 'raise';
  exception: string;
  message: string;
  /**
   * Present (true) when the resumption just before was refused without running the frame: `send(v)` with
   * v not None to a just-started generator raises TypeError, and the generator is still just-created.
   */
  notStarted?: true;
}

/** `close()` called on a generator, or the awaitable of an async generator's `aclose()` first awaited. */
export interface CloseEvent extends TraceEventBase {
  event: 'close';
}

export type TraceEvent = CreateEvent | ResumeEvent | YieldEvent | ReturnEvent | RaiseEvent | CloseEvent;

export interface TraceError {
  type: string;
  message: string;
  line: number;
  /** The file `line` is in when the innermost frame was in an imported module of the project (see TraceEventBase.file). */
  file?: string;
  /** Index of the follow-up code (a doctest example, a directive) that raised it; absent for the module's own code. */
  followUp?: number;
}

export interface UnsupportedFeature {
  feature: string;
  line: number;
}

/** Why a run stopped before the end of the snippet, other than an exception or unsupported code. */
export interface TraceLimit {
  kind: 'steps' | 'time' | 'recursion' | 'memory';
  message: string;
  line: number;
}

/** The object printed by `yieldlens trace --format json`. Stable: tools parse it. */
export interface TraceReport {
  version: 1;
  stdout: string;
  /** What the program wrote to sys.stderr (directly or through logging); absent when nothing. */
  stderr?: string;
  error: TraceError | null;
  /**
   * Exceptions raised by interactive-mode follow-ups (doctest examples). As in doctest, each ends its
   * own example only, so the run goes on; `error` stays for what ended the run. Absent when none.
   */
  exampleErrors?: TraceError[];
  unsupported: UnsupportedFeature | null;
  limit?: TraceLimit | null;
  truncated: boolean;
  /** Events left out of the middle of a truncated trace. */
  omittedEvents?: number;
  events: TraceEvent[];
  /**
   * For each event, how much of `stdout` (its length in UTF-16 code units, as a JS string index) had been
   * printed when it happened: the text timeline shows the output where it was printed.
   */
  outputOffsets?: number[];
}
