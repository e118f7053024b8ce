// Runs a `check` over many files: in-process for small runs, otherwise on the main thread plus worker
// threads (one member per core). The files are cut into chunks, biggest first, sent to every worker at
// the start; each member takes the next chunk's index from a shared counter, so no thread waits for
// another to hand out work. Each member reads, parses and analyses its files, resolving imports on disk
// into its own lazily filled indexes (see `FileJobRunner`); the summaries of imported modules are made
// once and shared through a SharedArrayBuffer (`SharedSummaries`). The results come back as messages.

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkChunk, FileJobRunner, type CheckTask, type FileOutcome, type FileTask, type RunSettings } from './file-job.js';
import { allocateSharedSummaries, SharedSummaries, type SharedSummaryBuffer } from './shared-summaries.js';

/**
 * The one message a worker receives: the run's settings, every chunk of the run, the counter from which
 * each thread takes the next chunk's index (`Atomics.add`), and the summaries the threads share.
 */
export type ToWorker = {
  type: 'start';
  settings: RunSettings;
  chunks: CheckTask[][];
  next: SharedArrayBuffer;
  /** One word per task id: set by the thread that checks the task (see `checkChunk`). */
  taken: SharedArrayBuffer;
  summaries: SharedSummaryBuffer | null;
};

/**
 * A chunk's results, adopted files' included (with the time spent on them, for `YIELDLENS_TIMING`), then
 * `done` once no chunk is left.
 */
export type FromWorker = { type: 'checked'; results: FileOutcome[]; busyMs: number } | { type: 'done' };

export interface PoolOptions {
  /** Pool members (the main thread and `workers - 1` threads); 0 or 1 analyses in-process. */
  workers: number;
  settings: RunSettings;
  enabledFor(task: FileTask): string[];
  onProgress?(done: number, total: number): void;
}

export interface PoolResult {
  outcomes: FileOutcome[];
  /** Lines of source read, for the summary and the benchmark. */
  lines: number;
}

/** Below this many files, starting threads (each loads the grammar) costs more than it saves. */
export const PARALLEL_THRESHOLD = 48;
const CHUNK_SIZE = 8;
/** About 2,500 lines of Python: big enough that messaging is negligible, small enough to balance. */
const CHUNK_BYTES = 96 * 1024;

/** The pool size for `fileCount` files: one worker per available core, none for small runs. */
export function defaultWorkerCount(fileCount: number): number {
  if (fileCount < PARALLEL_THRESHOLD) return 0;
  return Math.min(os.availableParallelism(), 8, Math.ceil(fileCount / CHUNK_SIZE));
}

export async function analyzeFiles(tasks: readonly FileTask[], options: PoolOptions): Promise<PoolResult> {
  const checkTasks = tasks.map((task) => ({ ...task, enabled: options.enabledFor(task) }));
  const outcomes = options.workers <= 1 ? await analyzeInProcess(checkTasks, options) : await analyzeInWorkers(checkTasks, options);
  return { outcomes, lines: outcomes.reduce((sum, outcome) => sum + outcome.lines, 0) };
}

async function analyzeInProcess(tasks: readonly CheckTask[], options: PoolOptions): Promise<FileOutcome[]> {
  const runner = new FileJobRunner(options.settings);
  const outcomes: FileOutcome[] = [];
  for (const [done, task] of tasks.entries()) {
    outcomes.push(runner.check(task));
    options.onProgress?.(done + 1, tasks.length);
    // The native trees' finalizers run only between turns of the event loop: without one now and then,
    // a long run holds every tree it ever parsed (see `parsePython`).
    if ((done + 1) % CHUNK_SIZE === 0) await yieldToEventLoop();
  }
  return outcomes;
}

async function analyzeInWorkers(tasks: readonly CheckTask[], options: PoolOptions): Promise<FileOutcome[]> {
  const started = performance.now();
  // Biggest files first, so that the last chunks are small and nobody finishes a large file alone
  // (longest-processing-time-first).
  const chunks = chunksBySize(tasks);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const taken = new SharedArrayBuffer(4 * (tasks.reduce((most, task) => Math.max(most, task.id), -1) + 1));
  const takenWords = new Int32Array(taken);
  const byFile = new Map(tasks.map((task) => [task.absolute, task]));
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const summaries = allocateSharedSummaries();
  const shared = summaries === null ? null : new SharedSummaries(summaries);
  const outcomes: FileOutcome[] = [];
  const members = options.workers;
  const finished: number[] = [];
  const busy: number[] = new Array<number>(members).fill(0);
  const bytesChecked: number[] = new Array<number>(members).fill(0);
  const collect = (member: number, results: readonly FileOutcome[], busyMs: number): void => {
    for (const result of results) outcomes.push(result);
    busy[member] = (busy[member] ?? 0) + busyMs;
    bytesChecked[member] = (bytesChecked[member] ?? 0) + results.reduce((sum, result) => sum + (byId.get(result.id)?.bytes ?? 0), 0);
    options.onProgress?.(outcomes.length, tasks.length);
  };
  const workers: Worker[] = [];
  // A failed worker stops the run: nobody takes another chunk, and the caller starts over in-process
  // once the other workers have finished theirs (terminating a thread inside the native parser would
  // abort the process).
  let failure: unknown = null;
  const stopped: Promise<void>[] = [];
  try {
    for (let member = 1; member < members; member++) {
      // A larger stack than the 4 MB default: deeply nested code is analysed recursively.
      const worker = new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { stackSizeMb: 16 } });
      workers.push(worker);
      const stop = new Promise<void>((resolve, reject) => {
        worker.on('message', (reply: FromWorker) => {
          if (reply.type === 'checked') {
            collect(member, reply.results, reply.busyMs);
            return;
          }
          finished[member] = performance.now();
          resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`worker thread exited with code ${code}`)));
      });
      stopped.push(stop.catch((error: unknown) => {
        failure ??= error;
        Atomics.store(counter, 0, chunks.length);
      }));
      worker.postMessage({ type: 'start', settings: options.settings, chunks, next, taken, summaries } satisfies ToWorker);
    }
    // The main thread takes chunks from the same counter; between two it reads the workers' results.
    const runner = new FileJobRunner(options.settings, shared);
    for (let index = Atomics.add(counter, 0, 1); index < chunks.length; index = Atomics.add(counter, 0, 1)) {
      const began = performance.now();
      const results = checkChunk(runner, chunks[index] ?? [], takenWords, byFile);
      collect(0, results, performance.now() - began);
      await yieldToEventLoop();
    }
    finished[0] = performance.now();
    await Promise.all(stopped);
    if (failure !== null) throw failure;
  } finally {
    await Promise.all(workers.map(async (worker) => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }));
  }
  if (process.env['YIELDLENS_TIMING'] !== undefined) {
    const perMember = busy.map((ms, member) => `${((finished[member] ?? started) - started).toFixed(0)} ms (busy ${ms.toFixed(0)}), ${((bytesChecked[member] ?? 0) / 1e6).toFixed(1)} MB`);
    const usage = shared?.usage();
    const sharing = usage === undefined ? 'none' : `${usage.entries} modules, ${(usage.bytes / 1e6).toFixed(1)} MB`;
    process.stderr.write(`yieldlens: main thread + ${workers.length} workers: ${perMember.join(' / ')}; shared summaries: ${sharing}\n`);
  }
  return outcomes;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Tasks sorted by size, descending, cut into chunks of about CHUNK_BYTES (at most CHUNK_SIZE files). */
function chunksBySize(tasks: readonly CheckTask[]): CheckTask[][] {
  const sorted = [...tasks].sort((a, b) => b.bytes - a.bytes || a.id - b.id);
  const chunks: CheckTask[][] = [];
  let current: CheckTask[] = [];
  let bytes = 0;
  for (const task of sorted) {
    current.push(task);
    bytes += task.bytes;
    if (current.length >= CHUNK_SIZE || bytes >= CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
