// The trace worker's thread, and its start with the server process: `yieldlens lsp` starts it before the
// main thread loads the rest of the server and answers `initialize` (the launcher, before it reads the
// server's bundle; else `main`), so that the worker's own start-up (a thread, its bundle, its grammar) runs
// meanwhile and a document opened right after `initialized` does not wait for it. Kept apart from
// traces.ts so that starting it loads nothing else (the bundle script makes it a file of its own).

import { Worker } from 'node:worker_threads';
import { CELLS_BYTES, claimForTermination, type TraceWorkerData, type TraceWorkerReply } from './trace-protocol.js';

/** The worker's heap: a snippet that builds more than this (a memory bomb) ends its run, not the server. */
export const WORKER_HEAP_MB = 512;
/** How often a worker that must be replaced is looked at again while it is in the native parser. */
export const PARSER_POLL_MS = 20;

/** The worker thread of traces, started with `cells` as its shared cells. */
export function spawnTraceWorker(cells: Int32Array<SharedArrayBuffer>): Worker {
  const data: TraceWorkerData = { cells: cells.buffer };
  return new Worker(new URL('./trace-worker.js', import.meta.url), {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, stackSizeMb: 16 },
    // The server's stdout is the protocol: whatever the worker prints goes to the log instead.
    stdout: true,
    stderr: true,
  });
}

export interface PrestartedWorker {
  worker: Worker;
  cells: Int32Array<SharedArrayBuffer>;
  ready: boolean;
  error: (Error & { code?: string }) | null;
  exitCode: number | null;
  stopListening: () => void;
}

/**
 * The process's prestart, on globalThis: the launcher starts the worker through its own copy of this
 * module (bundle/trace-prestart.cjs, before it loads the server's bundle), which hands it to the
 * bundle's copy here. `started`: once per process, so that a later call (main, startServer) starts none.
 */
interface PrestartState {
  started: boolean;
  early: PrestartedWorker | null;
}
const STATE_KEY = Symbol.for('yieldlens.traceWorkerPrestart');

function prestartState(): PrestartState {
  const global = globalThis as unknown as Record<symbol, PrestartState | undefined>;
  return (global[STATE_KEY] ??= { started: false, early: null });
}

/**
 * Starts the trace worker ahead of the language server (see above). The first TraceService runner takes
 * it over; discardPrestartedWorker() ends it when the editor turned traces off. Its output waits in its
 * streams until the runner listens; what it says meanwhile is kept here.
 */
export function prestartTraceWorker(): void {
  const state = prestartState();
  if (state.started) return;
  state.started = true;
  const cells = new Int32Array(new SharedArrayBuffer(CELLS_BYTES));
  const worker = spawnTraceWorker(cells);
  const early: PrestartedWorker = { worker, cells, ready: false, error: null, exitCode: null, stopListening: () => {} };
  const onMessage = (reply: TraceWorkerReply): void => {
    if (reply.kind === 'ready') early.ready = true;
  };
  const onError = (error: Error & { code?: string }): void => {
    early.error ??= error;
  };
  const onExit = (code: number): void => {
    early.exitCode ??= code;
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.on('exit', onExit);
  // Not kept alive by it: a server that ends before taking it over exits as it did without it.
  worker.unref();
  early.stopListening = () => {
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    worker.ref();
  };
  state.early = early;
}

export function takePrestartedWorker(): PrestartedWorker | null {
  const state = prestartState();
  const early = state.early;
  state.early = null;
  return early;
}

/** Ends the prestarted worker if no runner took it (the editor turned traces off). */
export function discardPrestartedWorker(): void {
  const early = takePrestartedWorker();
  if (early === null) return;
  early.stopListening();
  // Terminating a thread inside the native parser brings the process down: wait for it to leave.
  const stop = (): void => {
    if (!claimForTermination(early.cells)) setTimeout(stop, PARSER_POLL_MS);
    else void early.worker.terminate();
  };
  stop();
}
