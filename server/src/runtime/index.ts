// Public entry point of the mini-runtime: run a Python snippet in the sandboxed interpreter and get
// back its trace. Pure data in, data out; no I/O on the host, no LSP types.

export type { TraceReport, TraceEvent } from '@yieldlens/shared';

export interface RunOptions {
  /** Instruction budget; exceeding it ends the run with a `steps` limit. */
  maxSteps?: number;
  /** Wall-clock budget in milliseconds; exceeding it ends the run with a `time` limit. */
  timeoutMs?: number;
  /** Python recursion limit (CPython's default is 1000). */
  recursionLimit?: number;
  /** Cap on recorded events; beyond it the trace keeps the first and last events and counts the rest. */
  maxEvents?: number;
  /** Files visible to `open()` in the in-memory file system, by path. */
  files?: Record<string, string>;
  /** Name of the file shown in tracebacks and `__file__`. */
  filename?: string;
  /** Record generator events (default true); false measures the bare interpreter. */
  trace?: boolean;
}

export { runSnippet, warmUpRuntime } from './run.js';
