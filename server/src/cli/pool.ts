// Runs a `check` over many files: in-process for small runs, otherwise on the main thread plus worker
// threads (one member per core). Files are handed out biggest first, in chunks, to whichever member is
// free; each member reads, parses and analyses its files, resolving imports on disk into its own lazily
// filled indexes (see `FileJobRunner`), so there is no barrier between phases and nothing to exchange but
// results.

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { FileJobRunner, type CheckTask, type FileOutcome, type FileTask, type RunSettings } from './file-job.js';

export type ToWorker =
  | { type: 'init'; settings: RunSettings }
  | { type: 'check'; tasks: CheckTask[] };

export type FromWorker = { type: 'checked'; results: FileOutcome[] };

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

/** A worker with a FIFO of pending replies: it answers messages in the order it receives them. */
class PooledWorker {
  private readonly worker: Worker;
  private readonly pending: { resolve: (reply: FromWorker) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor(settings: RunSettings) {
    // A larger stack than the 4 MB default: deeply nested code is analysed recursively.
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { stackSizeMb: 16 } });
    this.worker.on('message', (reply: FromWorker) => this.pending.shift()?.resolve(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`worker thread exited with code ${code}`)));
    this.worker.postMessage({ type: 'init', settings } satisfies ToWorker);
  }

  request(message: ToWorker): Promise<FromWorker> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.splice(0)) waiter.reject(error);
  }
}

async function analyzeInWorkers(tasks: readonly CheckTask[], options: PoolOptions): Promise<FileOutcome[]> {
  const started = performance.now();
  const workers = Array.from({ length: options.workers - 1 }, () => new PooledWorker(options.settings));
  const mainRunner = new FileJobRunner(options.settings);
  // Biggest files first, so that the last chunks are small and nobody finishes a large file alone
  // (longest-processing-time-first).
  const queue = chunksBySize(tasks);
  const outcomes: FileOutcome[] = [];
  const finished: number[] = [];
  const bytesChecked: number[] = [];
  const collect = (member: number, chunk: readonly CheckTask[], results: readonly FileOutcome[]): void => {
    for (const result of results) outcomes.push(result);
    bytesChecked[member] = (bytesChecked[member] ?? 0) + chunk.reduce((sum, task) => sum + task.bytes, 0);
    options.onProgress?.(outcomes.length, tasks.length);
  };
  const workerLane = async (worker: PooledWorker, member: number): Promise<void> => {
    for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
      const reply = await worker.request({ type: 'check', tasks: chunk });
      collect(member, chunk, reply.results);
    }
    finished[member] = performance.now();
  };
  const mainLane = async (): Promise<void> => {
    for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
      collect(0, chunk, chunk.map((task) => mainRunner.check(task)));
      await yieldToEventLoop();
    }
    finished[0] = performance.now();
  };
  try {
    // Two requests in flight per worker, so that it never waits for the main thread to hand out more.
    await Promise.all([mainLane(), ...workers.flatMap((worker, index) => [workerLane(worker, index + 1), workerLane(worker, index + 1)])]);
  } catch (error) {
    // Stop the main thread's lane too: the caller may start over in-process.
    queue.length = 0;
    throw error;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  if (process.env['YIELDLENS_TIMING'] !== undefined) {
    const members = [0, ...workers.map((_, index) => index + 1)];
    const perMember = members.map((member) => `${((finished[member] ?? started) - started).toFixed(0)} ms, ${((bytesChecked[member] ?? 0) / 1e6).toFixed(1)} MB`);
    process.stderr.write(`yieldlens: main thread + ${workers.length} workers: ${perMember.join(' / ')}\n`);
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
