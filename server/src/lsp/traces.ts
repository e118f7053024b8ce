// The language server's traces: which trace sources each open document has, their runs in a worker
// thread (never on the thread that answers requests), results cached by the text each trace depends
// on, and the waiting that lets a request for a document version be answered with that version's
// traces and no other. A new version cancels the runs the old one needed and the new one does not.

import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { TRACE_SOURCE_KINDS, type TraceReport } from '@yieldlens/shared';
import type { Tree } from '../parser.js';
import type { ModuleSource } from '../runtime/index.js';
import { findTraceSources, traceInputs, type TraceSource } from '../runtime/sources.js';
import type { ResolvedTraceSettings } from './config.js';
import { CANCEL_CELL, CELLS_BYTES, PARSER_CELL, PENDING_CELL, type TraceJobMessage, type TraceWorkerReply } from './trace-protocol.js';
import { PARSER_POLL_MS, spawnTraceWorker, takePrestartedWorker, WORKER_HEAP_MB } from './trace-prestart.js';
import { buildTraceView, type DocumentTraceView, type TracedRun } from './trace-view.js';
import type { ConfirmingRun } from './trace-findings.js';

/** A cancelled run gets this long to notice (it polls every few thousand steps) before its worker is replaced. */
const CANCEL_GRACE_MS = 150;
/** Past its own time budget, a run that has not answered (stuck in one long native operation) is ended. */
const WATCHDOG_SLACK_MS = 1_500;
/** Reports kept, each under the hash of the text it was computed from (undo and re-typing hit it). */
const CACHE_SIZE = 64;
/** And at most this many events in all (a long run keeps 10,000 with their locals: megabytes). */
const CACHE_EVENTS = 200_000;
/** The start of a document's traces waits as long as its last ones took to run, between these bounds. */
const MIN_START_DELAY_MS = 20;
const MAX_START_DELAY_MS = 300;
/** How long a request waits for traces that cannot run yet (the document does not parse). */
const MAX_WAIT_MS = 10_000;

/** One source of one document version and its run's report, once there is one. */
export interface SourceRun {
  source: TraceSource;
  key: string;
  report: TraceReport | null;
}

/** A document version's traces. `complete` once every source has a report. */
export interface DocumentTraces {
  uri: string;
  file: string;
  version: number;
  runs: SourceRun[];
  complete: boolean;
  /** The document did not parse: nothing was run for this version. */
  broken: boolean;
  /** The settings the sources were found and run with (a change re-runs the same version). */
  settingsKey: string;
  /** The project's modules the runs were handed, file → text (an edit of one re-runs them). */
  moduleTexts: Map<string, string>;
}

export interface TraceServiceHooks {
  /** A document version's traces are complete (also when all came from the cache). */
  finished(traces: DocumentTraces): void;
  /** Runs began for a version. */
  started(traces: DocumentTraces): void;
  /** A version whose runs had begun was replaced before they finished. */
  cancelled(traces: DocumentTraces): void;
  log(message: string): void;
}

/** What a document update needs: its identity, its current text and tree, and the settings in force. */
export interface TraceInput {
  uri: string;
  file: string;
  version: number;
  text: string;
  tree: Tree;
  broken: boolean;
  moduleName: string | null;
  settings: ResolvedTraceSettings;
  /** The project's modules the document can import (collectProjectModules), by full name. */
  modules?: Record<string, ModuleSource | null>;
}

interface Waiter {
  version: number;
  resolve: (traces: DocumentTraces | null) => void;
}

export class TraceService {
  private readonly byUri = new Map<string, DocumentTraces>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly cache = new Map<string, TraceReport>();
  private cachedEvents = 0;
  /** How long each document's last traces took to run, and the start of its next ones, if delayed. */
  private readonly lastCost = new Map<string, number>();
  /** When each document's current version, and the one before it, arrived. */
  private readonly lastEditAt = new Map<string, number>();
  private readonly lastEdit = new Map<string, number>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  /** Bumped whenever the set of complete traces changes; views computed before are stale. */
  private generation = 0;
  private readonly views = new WeakMap<DocumentTraces, { generation: number; view: DocumentTraceView }>();
  private runner: TraceRunner | null = null;
  private disposed = false;

  constructor(private readonly hooks: TraceServiceHooks) {}

  /** Starts the worker thread ahead of the first trace, so that the first trace does not wait for it. */
  prepare(): void {
    if (!this.disposed) this.runner ??= new TraceRunner(this.hooks.log);
  }

  /** Finds the document's sources for this version and runs (or takes from the cache) what they need. */
  update(input: TraceInput): void {
    if (this.disposed) return;
    const previous = this.byUri.get(input.uri);
    const now = performance.now();
    if (previous === undefined || previous.version !== input.version) {
      const last = this.lastEditAt.get(input.uri);
      if (last !== undefined) this.lastEdit.set(input.uri, last);
      this.lastEditAt.set(input.uri, now);
    }
    const modules = input.modules ?? {};
    // The imported modules' texts are part of what a run depends on: an edit of one re-runs it.
    const modulesKey = hashOf(JSON.stringify(Object.entries(modules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    const settingsKey = JSON.stringify([input.settings, input.moduleName, modulesKey]);
    if (previous !== undefined && previous.version === input.version && previous.settingsKey === settingsKey && previous.broken === input.broken) return;
    const moduleTexts = new Map(Object.values(modules).flatMap((module) => (module === null ? [] : [[module.path, module.source] as const])));
    const traces: DocumentTraces = { uri: input.uri, file: input.file, version: input.version, runs: [], complete: false, broken: input.broken, settingsKey, moduleTexts };
    if (!input.broken && input.settings.enabled && input.settings.sources.length > 0 && mayHaveSources(input.text)) {
      const sources = findTraceSources(input.tree, input.text, { moduleName: input.moduleName ?? moduleNameOf(input.file), kinds: input.settings.sources });
      const inputs = traceInputs(input.tree, input.text, sources);
      sources.forEach((source, index) => {
        const key = hashOf(`${input.file}\0${input.settings.maxSteps}\0${input.settings.timeoutMs}\0${modulesKey}\0${inputs[index]!}`);
        traces.runs.push({ source, key, report: this.cached(key) });
      });
    }
    this.byUri.set(input.uri, traces);
    this.clearDelayed(input.uri);
    if (previous !== undefined && !previous.complete && !previous.broken && previous.runs.length > 0) this.hooks.cancelled(previous);
    // Runs the old version wanted and this one does not are cancelled; shared ones go on.
    const wanted = new Set(traces.runs.map((run) => run.key));
    this.runner?.cancelWhere((job) => job.uri === input.uri && !wanted.has(job.key));
    this.settle(input.uri);
    if (traces.broken) return;
    const pending = traces.runs.filter((run) => run.report === null);
    if (pending.length === 0) {
      this.finish(traces);
      return;
    }
    this.hooks.started(traces);
    const runner = (this.runner ??= new TraceRunner(this.hooks.log));
    const submit = (): void => {
      this.delayed.delete(input.uri);
      const started = performance.now();
      let left = pending.length;
      for (const run of pending) {
        const options = {
          filename: input.file,
          maxSteps: input.settings.maxSteps,
          timeoutMs: input.settings.timeoutMs,
          moduleName: run.source.moduleName,
          followUps: run.source.followUps,
          modules,
        };
        runner.run({ uri: input.uri, key: run.key, text: input.text, options }).then((report) => {
          const elapsed = performance.now() - started;
          if (report === null) {
            // Cancelled before it finished: the runs cost at least this much.
            this.lastCost.set(input.uri, Math.max(this.lastCost.get(input.uri) ?? 0, elapsed));
            return;
          }
          if (--left === 0) this.lastCost.set(input.uri, elapsed);
          this.remember(run.key, report);
          if (this.byUri.get(input.uri) !== traces) return;
          run.report = report;
          if (traces.runs.every((each) => each.report !== null)) this.finish(traces);
        }, (error: unknown) => this.hooks.log(`yieldlens: trace of ${input.uri} failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    };
    // Typing faster than the document's traces run (the previous edit came sooner than its last runs
    // took): the next runs wait that long for typing to pause, instead of starting on every keystroke of
    // the burst, each cancelled by the next after its uninterruptible parse, and taking a core from the
    // thread that answers requests meanwhile. After a pause, or for quick traces, they start at once.
    const cost = Math.min(this.lastCost.get(input.uri) ?? 0, MAX_START_DELAY_MS);
    const sinceLastEdit = now - (this.lastEdit.get(input.uri) ?? Number.NEGATIVE_INFINITY);
    const delay = sinceLastEdit < cost ? cost : 0;
    if (delay < MIN_START_DELAY_MS) submit();
    else this.delayed.set(input.uri, setTimeout(submit, delay));
  }

  /** Records that a version has nothing to trace (a document that is not analysed: binary, huge). */
  markEmpty(uri: string, file: string, version: number): void {
    const previous = this.byUri.get(uri);
    if (previous !== undefined && previous.version === version && previous.runs.length === 0 && previous.complete) return;
    this.runner?.cancelWhere((job) => job.uri === uri);
    this.clearDelayed(uri);
    this.byUri.set(uri, { uri, file, version, runs: [], complete: true, broken: false, settingsKey: '', moduleTexts: new Map() });
    this.settle(uri);
  }

  /** Forgets a closed document and stops its runs. */
  forget(uri: string): void {
    this.byUri.delete(uri);
    this.lastCost.delete(uri);
    this.lastEdit.delete(uri);
    this.lastEditAt.delete(uri);
    this.clearDelayed(uri);
    this.runner?.cancelWhere((job) => job.uri === uri);
    this.settle(uri);
  }

  /** Drops the cached reports of a document's sources (or of every document), so they run again. */
  invalidate(uri?: string): void {
    for (const traces of this.byUri.values()) {
      if (uri !== undefined && traces.uri !== uri) continue;
      for (const run of traces.runs) {
        const known = this.cache.get(run.key);
        if (known !== undefined) this.cachedEvents -= known.events.length;
        this.cache.delete(run.key);
      }
    }
    if (uri !== undefined) this.byUri.delete(uri);
    else this.byUri.clear();
    this.generation++;
  }

  /** The documents whose current traces imported `file` with another text than this one (they are out of date). */
  staleDependentsOf(file: string, text: string): string[] {
    return [...this.byUri.values()].filter((traces) => {
      const used = traces.moduleTexts.get(file);
      return used !== undefined && used !== text;
    }).map((traces) => traces.uri);
  }

  /** The traces of a document's current (latest known) version. */
  current(uri: string): DocumentTraces | undefined {
    return this.byUri.get(uri);
  }

  /** The traces of exactly this version once complete; null if the document moved past it or closed. */
  whenComplete(uri: string, version: number, cancelled?: { onCancellationRequested(listener: () => void): unknown }): Promise<DocumentTraces | null> {
    const traces = this.byUri.get(uri);
    if (traces !== undefined && traces.version === version && traces.complete) return Promise.resolve(traces);
    if (traces !== undefined && traces.version > version) return Promise.resolve(null);
    return new Promise((resolve) => {
      let done = false;
      const finish = (value: DocumentTraces | null): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const list = this.waiters.get(uri)?.filter((waiter) => waiter !== entry) ?? [];
        if (list.length === 0) this.waiters.delete(uri);
        else this.waiters.set(uri, list);
        resolve(value);
      };
      const entry: Waiter = { version, resolve: finish };
      const timer = setTimeout(() => finish(null), MAX_WAIT_MS);
      cancelled?.onCancellationRequested(() => finish(null));
      this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), entry]);
    });
  }

  /** The document's own complete runs, in the order the server prefers their sources. */
  ownRuns(traces: DocumentTraces): ConfirmingRun[] {
    if (!traces.complete) return [];
    return traces.runs
      .filter((run): run is SourceRun & { report: TraceReport } => run.report !== null)
      .sort((a, b) => TRACE_SOURCE_KINDS.indexOf(a.source.info.kind) - TRACE_SOURCE_KINDS.indexOf(b.source.info.kind))
      .map((run) => ({ source: run.source.info, file: traces.file, report: run.report, expectedExceptions: run.source.expectedExceptions }));
  }

  /**
   * What the traces say about a document: its own runs first, then the complete runs of other open
   * documents (a `__main__` elsewhere that drives generators defined here; their events name this file).
   */
  viewOf(traces: DocumentTraces): DocumentTraceView {
    // Hints, lenses, hovers and resolves all ask for it; it changes only when some document's traces do.
    const cached = this.views.get(traces);
    if (cached !== undefined && cached.generation === this.generation) return cached.view;
    const runs: TracedRun[] = [...this.ownRuns(traces)];
    for (const other of this.byUri.values()) if (other !== traces) runs.push(...this.ownRuns(other));
    const view = buildTraceView(traces.file, runs);
    this.views.set(traces, { generation: this.generation, view });
    return view;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const uri of [...this.delayed.keys()]) this.clearDelayed(uri);
    for (const uri of [...this.waiters.keys()]) for (const waiter of this.waiters.get(uri) ?? []) waiter.resolve(null);
    this.waiters.clear();
    await this.runner?.dispose();
  }

  private clearDelayed(uri: string): void {
    const timer = this.delayed.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.delayed.delete(uri);
  }

  private finish(traces: DocumentTraces): void {
    traces.complete = true;
    this.settle(traces.uri);
    this.hooks.finished(traces);
  }

  /** Answers the waiters the document's latest state can answer: complete for their version, or past it. */
  private settle(uri: string): void {
    this.generation++;
    const traces = this.byUri.get(uri);
    for (const waiter of [...(this.waiters.get(uri) ?? [])]) {
      if (traces === undefined || traces.version > waiter.version) waiter.resolve(null);
      else if (traces.version === waiter.version && traces.complete) waiter.resolve(traces);
    }
  }

  private cached(key: string): TraceReport | null {
    const report = this.cache.get(key);
    if (report === undefined) return null;
    // Most recently used last: the map's order is the eviction order.
    this.cache.delete(key);
    this.cache.set(key, report);
    return report;
  }

  private remember(key: string, report: TraceReport): void {
    const known = this.cache.get(key);
    if (known !== undefined) this.cachedEvents -= known.events.length;
    this.cache.delete(key);
    this.cache.set(key, report);
    this.cachedEvents += report.events.length;
    while (this.cache.size > CACHE_SIZE || (this.cachedEvents > CACHE_EVENTS && this.cache.size > 1)) {
      const [oldest, evicted] = this.cache.entries().next().value as [string, TraceReport];
      this.cache.delete(oldest);
      this.cachedEvents -= evicted.events.length;
    }
  }
}

/**
 * A cheap look at the text before the tree is walked: every source needs one of these (a top-level
 * statement that can drive code starts a line; doctests and directives have their markers).
 */
function mayHaveSources(text: string): boolean {
  return text.includes('>>>') || text.includes('yieldlens:') || /^(?:if|for|while|with|try|match|async|await)\b|^[A-Za-z_][\w.]*\s*\(/m.test(text);
}

/** `__name__` for a file outside any package layout the project knows (its base name, as `python -m` would). */
function moduleNameOf(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.pyi?$/, '');
  return base === '' || base === '__main__' ? 'module' : base;
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

interface TraceJob {
  uri: string;
  key: string;
  text: string;
  options: TraceJobMessage['options'];
}

interface QueuedJob extends TraceJob {
  id: number;
  waiters: ((report: TraceReport | null) => void)[];
  cancelled: boolean;
}

/**
 * One worker thread and its queue. Runs are deduplicated by key, run one at a time, stopped through a
 * shared cell when unwanted, and the worker is replaced when a run does not stop in time, runs past its
 * budget without answering, or dies (out of memory).
 */
class TraceRunner {
  private worker: Worker | null = null;
  private ready = false;
  private cells = new Int32Array(new SharedArrayBuffer(CELLS_BYTES));
  private readonly queue: QueuedJob[] = [];
  private running: QueuedJob | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  /** Worker starts in a row that ended before a run finished: a worker that cannot start is given up on. */
  private failedStarts = 0;
  private disposed = false;

  constructor(private readonly log: (message: string) => void) {
    this.start();
  }

  run(job: TraceJob): Promise<TraceReport | null> {
    return new Promise((resolve) => {
      const existing = [this.running, ...this.queue].find((each) => each !== null && !each.cancelled && each.key === job.key);
      if (existing !== undefined && existing !== null) {
        existing.waiters.push(resolve);
        return;
      }
      this.queue.push({ ...job, id: this.nextId++, waiters: [resolve], cancelled: false });
      this.dispatch();
      this.notePendingBeforeReady();
    });
  }

  cancelWhere(match: (job: TraceJob) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      if (!match(job)) continue;
      this.queue.splice(i, 1);
      for (const waiter of job.waiters) waiter(null);
    }
    this.notePendingBeforeReady();
    const running = this.running;
    if (running === null || running.cancelled || !match(running)) return;
    running.cancelled = true;
    Atomics.store(this.cells, CANCEL_CELL, running.id);
    this.arm(CANCEL_GRACE_MS, () => this.replaceWhenSafe(running, null, `a cancelled trace did not stop within ${CANCEL_GRACE_MS} ms`));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.disarm();
    for (const job of this.queue.splice(0)) for (const waiter of job.waiters) waiter(null);
    if (this.running !== null) {
      Atomics.store(this.cells, CANCEL_CELL, this.running.id);
      this.finish(this.running, null);
    }
    const worker = this.worker;
    this.worker = null;
    if (worker === null) return;
    worker.removeAllListeners();
    // Not in the middle of a parse (see replaceWhenSafe); a parse ends within a few seconds at worst.
    for (let waited = 0; Atomics.load(this.cells, PARSER_CELL) === 1 && waited < 5_000; waited += PARSER_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, PARSER_POLL_MS));
    }
    await worker.terminate();
  }

  private start(): void {
    // The server's first worker may have been started with the process (prestartTraceWorker).
    const early = takePrestartedWorker();
    const cells = early?.cells ?? this.cells;
    if (early === null) {
      // A new worker starts with clean cells (its predecessor may have been stopped mid-parse).
      Atomics.store(cells, CANCEL_CELL, 0);
      Atomics.store(cells, PARSER_CELL, 0);
      Atomics.store(cells, PENDING_CELL, 0);
    }
    this.cells = cells;
    const worker = early?.worker ?? spawnTraceWorker(cells);
    worker.stdout.on('data', (chunk: Buffer) => this.log(`yieldlens: trace worker: ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.log(`yieldlens: trace worker: ${chunk.toString().trimEnd()}`));
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: TraceWorkerReply) => {
      if (this.worker !== worker) return;
      if (reply.kind === 'ready') {
        this.becameReady();
        return;
      }
      const running = this.running;
      if (running === null || running.id !== reply.id) return;
      this.failedStarts = 0;
      this.finish(running, running.cancelled ? null : reply.report);
      this.dispatch();
    });
    const failed = (error: Error & { code?: string }): void => {
      if (this.worker !== worker) return;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.log(`yieldlens: the trace worker stopped: ${error.message}`);
      this.crashed(outOfMemory
        ? { kind: 'memory', message: `the run used more than the trace worker's ${WORKER_HEAP_MB} MB of memory` }
        : { kind: 'internal', message: `trace worker error: ${error.message}` });
    };
    const exited = (code: number): void => {
      if (this.worker !== worker || this.disposed) return;
      this.crashed({ kind: 'internal', message: `trace worker exited with code ${code}` });
    };
    worker.on('error', failed);
    worker.on('exit', exited);
    // What the prestarted worker said before this runner listened.
    if (early !== null) {
      early.stopListening();
      if (early.error !== null) failed(early.error);
      else if (early.exitCode !== null) exited(early.exitCode);
      else if (early.ready) this.becameReady();
    }
  }

  private becameReady(): void {
    this.ready = true;
    this.dispatch();
  }

  /** The worker died: the run it had fails with the reason, and a new worker takes the queue. */
  private crashed(reason: { kind: 'memory' | 'internal'; message: string }): void {
    const running = this.running;
    if (running !== null) this.finish(running, running.cancelled ? null : stoppedReport(reason));
    this.failedStarts++;
    this.restart();
  }

  private restart(): void {
    const old = this.worker;
    this.worker = null;
    this.ready = false;
    if (old !== null) {
      old.removeAllListeners();
      void old.terminate();
    }
    if (this.disposed) return;
    if (this.failedStarts >= 3) {
      this.log('yieldlens: the trace worker failed three times in a row; traces are off until the server restarts');
      for (const job of this.queue.splice(0)) this.finish(job, stoppedReport({ kind: 'internal', message: 'the trace worker cannot start' }));
      return;
    }
    this.start();
  }

  /**
   * A worker that is still starting runs its background warm-up as soon as it is ready, and a piece of it
   * cannot stop before its code runs: the pending cell tells it at once that a job is waiting (dispatch
   * then posts that very job, and the worker clears the cell when it takes it).
   */
  private notePendingBeforeReady(): void {
    if (this.ready || this.worker === null) return;
    Atomics.store(this.cells, PENDING_CELL, this.queue[0]?.id ?? 0);
  }

  private dispatch(): void {
    if (this.disposed || !this.ready || this.worker === null || this.running !== null) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    this.running = job;
    const message: TraceJobMessage = { id: job.id, text: job.text, options: job.options };
    Atomics.store(this.cells, PENDING_CELL, job.id);
    this.worker.postMessage(message);
    const budget = job.options.timeoutMs ?? 2_000;
    this.arm(budget + WATCHDOG_SLACK_MS, () => this.replaceWhenSafe(
      job,
      stoppedReport({ kind: 'time', message: `time budget of ${budget} ms exceeded (the run did not stop by itself)` }),
      `a trace ran ${budget + WATCHDOG_SLACK_MS} ms without stopping`,
    ));
  }

  /**
   * Ends a run that does not stop by terminating its worker and starting another — but never while the
   * worker is inside the native parser (terminating a thread in a native call brings the process down):
   * then it looks again shortly, parsing being bounded by the document's size.
   */
  private replaceWhenSafe(job: QueuedJob, report: TraceReport | null, why: string): void {
    if (this.running !== job) return;
    if (Atomics.load(this.cells, PARSER_CELL) === 1) {
      this.arm(PARSER_POLL_MS, () => this.replaceWhenSafe(job, report, why));
      return;
    }
    this.log(`yieldlens: ${why}; restarting the trace worker`);
    this.finish(job, report);
    this.restart();
  }

  private finish(job: QueuedJob, report: TraceReport | null): void {
    if (this.running === job) {
      this.running = null;
      this.disarm();
    }
    for (const waiter of job.waiters) waiter(report);
    job.waiters = [];
    if (this.ready) setImmediate(() => this.dispatch());
  }

  private arm(ms: number, action: () => void): void {
    this.disarm();
    this.timer = setTimeout(action, ms);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The report of a run the worker could not finish: a limit, or an internal failure reported as unsupported. */
function stoppedReport(reason: { kind: 'memory' | 'time' | 'internal'; message: string }): TraceReport {
  const report: TraceReport = { version: 1, stdout: '', error: null, unsupported: null, truncated: false, events: [] };
  if (reason.kind === 'internal') report.unsupported = { feature: `internal error: ${reason.message}`, line: 0 };
  else report.limit = { kind: reason.kind, message: reason.message, line: 0 };
  return report;
}
