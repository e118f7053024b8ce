// Runs the two phases of a `check` over many files: in-process for small runs, otherwise on a pool of
// worker threads (one per core). Phase 1 hands out files in small chunks as workers free up; phase 2
// sends every worker the merged workspace index and has it analyse the files it parsed.

import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { WorkspaceIndex, type ModuleSummary } from '../analysis/index.js';
import { FileJobRunner, type AnalysisTask, type FileOutcome, type FileTask, type SummaryResult } from './file-job.js';

/**
 * Module summaries travel between threads pre-serialised (`v8.serialize`): the main thread only
 * gathers the workers' chunks into one shared buffer and never deserialises or re-serialises the
 * index (about 16 MB for the standard library), which would otherwise run serially on it.
 */
export interface SerializedSummaries {
  buffer: SharedArrayBuffer;
  /** Byte ranges `[start, end)` of each chunk (an array of `ModuleSummary`) in `buffer`. */
  chunks: [number, number][];
}

export type ToWorker =
  | { type: 'summarize'; tasks: FileTask[] }
  | { type: 'index'; summaries: SerializedSummaries }
  | { type: 'analyze'; tasks: AnalysisTask[] };

export type FromWorker =
  /** `summaries` is `v8.serialize(ModuleSummary[])` of this chunk's files; the results carry none. */
  | { type: 'summarized'; results: SummaryResult[]; summaries: Uint8Array }
  | { type: 'analyzed'; results: FileOutcome[] };

export type Phase = 'parse' | 'analyze';

export interface PoolOptions {
  /** Worker threads to use; 0 or 1 analyses in-process. */
  workers: number;
  enabledFor(task: FileTask): string[];
  onProgress?(phase: Phase, done: number, total: number): void;
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
  return options.workers <= 1 ? analyzeInProcess(tasks, options) : analyzeInWorkers(tasks, options);
}

function analyzeInProcess(tasks: readonly FileTask[], options: PoolOptions): PoolResult {
  const runner = new FileJobRunner();
  const summaries: ModuleSummary[] = [];
  let lines = 0;
  tasks.forEach((task, done) => {
    const result = runner.summarize(task);
    if (result.summary !== null) summaries.push(result.summary);
    lines += result.lines;
    options.onProgress?.('parse', done + 1, tasks.length);
  });
  const index = new WorkspaceIndex(summaries);
  const outcomes = tasks.map((task, done) => {
    const outcome = runner.analyze({ id: task.id, enabled: options.enabledFor(task) }, index);
    options.onProgress?.('analyze', done + 1, tasks.length);
    return outcome;
  });
  return { outcomes, lines };
}

/** A worker with a FIFO of pending replies: it answers messages in the order it receives them. */
class PooledWorker {
  private readonly worker: Worker;
  private readonly pending: { resolve: (reply: FromWorker) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | null = null;

  constructor() {
    // A larger stack than the 4 MB default: deeply nested code is analysed recursively.
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { stackSizeMb: 16 } });
    this.worker.on('message', (reply: FromWorker) => this.pending.shift()?.resolve(reply));
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`worker thread exited with code ${code}`)));
  }

  request(message: ToWorker): Promise<FromWorker> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
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

async function analyzeInWorkers(tasks: readonly FileTask[], options: PoolOptions): Promise<PoolResult> {
  const started = performance.now();
  const workers = Array.from({ length: options.workers }, () => new PooledWorker());
  try {
    // Phase 1: chunks go to whichever worker is free, biggest files first, so that the last chunks
    // are small and no worker is left finishing a large file alone (longest-processing-time-first).
    // Phase 2 costs roughly what phase 1 did per file, so it ends up balanced too.
    const queue = chunksBySize(tasks);
    const ownedBy = new Map<number, number>();
    const summaryChunks: Uint8Array[] = [];
    let lines = 0;
    let parsed = 0;
    await Promise.all(workers.map(async (worker, workerIndex) => {
      for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
        const reply = await worker.request({ type: 'summarize', tasks: chunk });
        if (reply.type !== 'summarized') throw new Error('worker answered out of turn');
        summaryChunks.push(reply.summaries);
        for (const result of reply.results) {
          ownedBy.set(result.id, workerIndex);
          lines += result.lines;
        }
        parsed += reply.results.length;
        options.onProgress?.('parse', parsed, tasks.length);
      }
    }));

    const parseDone = performance.now();
    const summaries = shareChunks(summaryChunks);
    // Phase 2: every worker gets the whole index, then analyses the files whose trees it holds.
    let analyzed = 0;
    const outcomes: FileOutcome[] = [];
    const phase2Finished: number[] = [];
    await Promise.all(workers.map(async (worker, workerIndex) => {
      worker.send({ type: 'index', summaries });
      const own = tasks.filter((task) => ownedBy.get(task.id) === workerIndex);
      const replies: Promise<FromWorker>[] = [];
      for (let start = 0; start < own.length; start += CHUNK_SIZE) {
        const chunk = own.slice(start, start + CHUNK_SIZE).map((task) => ({ id: task.id, enabled: options.enabledFor(task) }));
        replies.push(worker.request({ type: 'analyze', tasks: chunk }).then((reply) => {
          if (reply.type !== 'analyzed') throw new Error('worker answered out of turn');
          outcomes.push(...reply.results);
          analyzed += reply.results.length;
          options.onProgress?.('analyze', analyzed, tasks.length);
          return reply;
        }));
      }
      await Promise.all(replies);
      phase2Finished[workerIndex] = performance.now();
    }));
    if (process.env['YIELDLENS_TIMING'] !== undefined) {
      const perWorker = phase2Finished.map((finished) => (finished - parseDone).toFixed(0)).join('/');
      process.stderr.write(`yieldlens: ${options.workers} workers; phase 1 ${(parseDone - started).toFixed(0)} ms; phase 2 ${perWorker} ms per worker\n`);
    }
    return { outcomes, lines };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Tasks sorted by size, descending, cut into chunks of about CHUNK_BYTES (at most CHUNK_SIZE files). */
function chunksBySize(tasks: readonly FileTask[]): FileTask[][] {
  const sorted = [...tasks].sort((a, b) => b.bytes - a.bytes || a.id - b.id);
  const chunks: FileTask[][] = [];
  let current: FileTask[] = [];
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

/** Copies the serialised chunks into one buffer that every worker reads without a further copy. */
function shareChunks(chunks: readonly Uint8Array[]): SerializedSummaries {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const buffer = new SharedArrayBuffer(total);
  const view = new Uint8Array(buffer);
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const chunk of chunks) {
    view.set(chunk, offset);
    ranges.push([offset, offset + chunk.byteLength]);
    offset += chunk.byteLength;
  }
  return { buffer, chunks: ranges };
}

/** The summaries of a `SerializedSummaries`, in chunk order (the worker side of `shareChunks`). */
export function readSharedSummaries(shared: SerializedSummaries): ModuleSummary[] {
  const view = new Uint8Array(shared.buffer);
  return shared.chunks.flatMap(([start, end]) => v8.deserialize(view.subarray(start, end)) as ModuleSummary[]);
}
