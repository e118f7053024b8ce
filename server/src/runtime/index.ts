// Public entry point of the mini-runtime: run a Python snippet in the sandboxed interpreter and get
// back its trace. Pure data in, data out; no I/O on the host, no LSP types.

export type { TraceReport, TraceEvent } from '@yieldlens/shared';
import type { ModuleSource, ModuleSourceResolver } from './imports.js';
export type { ModuleSource, ModuleSourceResolver } from './imports.js';

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
  /**
   * The module's `__name__` (default `'__main__'`). A module run under another name skips its
   * `if __name__ == "__main__":` block, as an import does.
   */
  moduleName?: string;
  /**
   * Code run after the module's own code, in order, in the module's globals: a doctest's examples, a
   * directive's expression. Their events and errors carry document lines (`FollowUp.line`).
   */
  followUps?: FollowUp[];
  /**
   * Polled with the wall-clock budget: once it returns true the run stops soon after, reporting a time
   * limit. A host that no longer wants the result (the document changed) uses it to stop a long run.
   */
  interrupted?: () => boolean;
  /**
   * Called with true before the runtime parses and compiles a piece of code (calls into the native
   * parser) and with false after. A host that may terminate the thread running the snippet must not do
   * so in between: a native addon does not survive being terminated in the middle of a call.
   */
  inParser?: (inside: boolean) => void;
  /**
   * The user's own modules: `import name` of a module the runtime does not have is looked up here, by
   * its full dotted name (`pkg.sub`), and its source is run as CPython would import it. Undefined means
   * the project has no such module (the import is then `unsupported`: it may be installed). The runtime
   * never reads the host's files itself; the host (the CLI, the language server) hands the text over.
   */
  resolveModule?: ModuleSourceResolver;
  /** The same as plain data (what a worker thread can be sent): full module name → its source. Used when `resolveModule` is absent. */
  modules?: Record<string, ModuleSource | null>;
}

/** One piece of code run after the module (RunOptions.followUps). */
export interface FollowUp {
  code: string;
  /** 1-based document line of the code's first line: its events and errors are reported there. */
  line: number;
  /**
   * `exec`: statements. `eval`: a single expression (anything else is a SyntaxError). `single`: the
   * interactive mode doctest uses: an expression statement's value other than None is printed with its
   * repr, and an uncaught exception ends this piece of code only (it is listed in `exampleErrors`).
   */
  mode: 'exec' | 'eval' | 'single';
}

export { runSnippet, warmUpRuntime } from './run.js';

/** The names `import` finds in the runtime's own module registry (hosts warm them up; see the trace worker). */
export { RUNTIME_MODULE_NAMES } from './modules/index.js';
