// Runs the two phases of a `check` over many files: in-process for small runs, otherwise on a pool of
// the main thread plus worker threads (one member per core). Phase 1 hands out files in small chunks
// as members free up; phase 2 gives every member the summaries it lacks and has it analyse the files
// it parsed (it still holds their trees).

import os from 'node:os';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { WorkspaceIndex, type ModuleSummary } from '../analysis/index.js';
import { FileJobRunner, mayBeImported, type AnalysisTask, type FileOutcome, type FileTask, type ParseResult } from './file-job.js';

/**
 * Module summaries travel between threads pre-serialised (`v8.serialize`): the main thread only
 * gathers the workers' chunks into one shared buffer and never deserialises or re-serialises the
 * index (about 16 MB for the standard library), which would otherwise run serially on it.
 */
export interface SerializedSummaries {
  buffer: SharedArrayBuffer;
  /** Byte ranges `[start, end)` of each chunk (an array of `ModuleSummary`) and the member that made it (-1: main). */
  chunks: { owner: number; start: number; end: number }[];
}

export type ToWorker =
  | { type: 'parse'; tasks: FileTask[] }
  /** Summarise these files (parsed by this worker) and return them v8-serialised. */
  | { type: 'summarize'; ids: number[] }
  /** `ownIndex`: the worker's position, so that it skips the chunks it made (it keeps those summaries). */
  | { type: 'index'; summaries: SerializedSummaries; ownIndex: number }
  | { type: 'analyze'; tasks: AnalysisTask[] };

export type FromWorker =
  | { type: 'parsed'; results: ParseResult[] }
  /** `summaries` is `v8.serialize(ModuleSummary[])`. */
  | { type: 'summarized'; summaries: Uint8Array }
  | { type: 'analyzed'; results: FileOutcome[] };

export type Phase = 'parse' | 'analyze';

export interface PoolOptions {
  /** Pool members (the main thread and `workers - 1` threads); 0 or 1 analyses in-process. */
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
  const words = new Set<string>();
  let lines = 0;
  tasks.forEach((task, done) => {
    const result = runner.parse(task);
    for (const word of result.importWords) words.add(word);
    lines += result.lines;
    options.onProgress?.('parse', done + 1, tasks.length);
  });
  const summaries = tasks
    .filter((task) => mayBeImported(task.moduleName, words))
    .flatMap((task) => runner.summarize(task.id) ?? []);
  const index = buildIndex(summaries, shareChunks([]), -1);
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

/**
 * The main thread works as one of the pool's members, beside `workers - 1` threads: it has the grammar
 * loaded already, starts at once while the threads boot, and needs no copy of its own summaries.
 * It processes one chunk at a time and yields to the event loop in between, so replies from the
 * threads are handled (and they are fed) while it works; each thread has two chunks in flight.
 */
async function analyzeInWorkers(tasks: readonly FileTask[], options: PoolOptions): Promise<PoolResult> {
  const started = performance.now();
  const workers = Array.from({ length: options.workers - 1 }, () => new PooledWorker());
  const MAIN = -1;
  try {
    // Phase 1: chunks go to whichever member is free, biggest files first, so that the last chunks
    // are small and nobody is left finishing a large file alone (longest-processing-time-first).
    // Phase 2 costs roughly what phase 1 did per file, so it ends up balanced too.
    const queue = chunksBySize(tasks);
    const ownedBy = new Map<number, number>();
    const words = new Set<string>();
    const mainRunner = new FileJobRunner();
    let lines = 0;
    let parsed = 0;
    const record = (owner: number, results: readonly ParseResult[]): void => {
      for (const result of results) {
        ownedBy.set(result.id, owner);
        lines += result.lines;
        for (const word of result.importWords) words.add(word);
      }
      parsed += results.length;
      options.onProgress?.('parse', parsed, tasks.length);
    };
    const workerLane = async (worker: PooledWorker, workerIndex: number): Promise<void> => {
      for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
        const reply = await worker.request({ type: 'parse', tasks: chunk });
        if (reply.type !== 'parsed') throw new Error('worker answered out of turn');
        record(workerIndex, reply.results);
      }
    };
    const mainLane = async (): Promise<void> => {
      for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
        record(MAIN, chunk.map((task) => mainRunner.parse(task)));
        await yieldToEventLoop();
      }
    };
    try {
      await Promise.all([mainLane(), ...workers.flatMap((worker, workerIndex) => [workerLane(worker, workerIndex), workerLane(worker, workerIndex)])]);
    } catch (error) {
      // Stop the main thread's lane too: the caller may start over in-process.
      queue.length = 0;
      throw error;
    }

    // Step 1b: each member summarises the files it parsed that some import statement may refer to.
    const needsSummary = (owner: number): number[] => tasks.filter((task) => ownedBy.get(task.id) === owner && mayBeImported(task.moduleName, words)).map((task) => task.id);
    const serialized: { owner: number; bytes: Uint8Array }[] = [];
    const summaryRequests = workers.map(async (worker, workerIndex) => {
      const reply = await worker.request({ type: 'summarize', ids: needsSummary(workerIndex) });
      if (reply.type !== 'summarized') throw new Error('worker answered out of turn');
      serialized.push({ owner: workerIndex, bytes: reply.summaries });
    });
    const mainSummaries = needsSummary(MAIN).flatMap((id) => mainRunner.summarize(id) ?? []);
    await Promise.all(summaryRequests);

    // Phase 2: every member gets the summaries it does not hold, then analyses the files it parsed.
    const parseDone = performance.now();
    serialized.push({ owner: MAIN, bytes: v8.serialize(mainSummaries) });
    const shared = shareChunks(serialized);
    let analyzed = 0;
    let abandoned = false;
    const outcomes: FileOutcome[] = [];
    const phase2Finished: number[] = [];
    const analysisChunks = (owner: number): AnalysisTask[][] => {
      const own = tasks.filter((task) => ownedBy.get(task.id) === owner).map((task) => ({ id: task.id, enabled: options.enabledFor(task) }));
      const chunks: AnalysisTask[][] = [];
      for (let start = 0; start < own.length; start += CHUNK_SIZE) chunks.push(own.slice(start, start + CHUNK_SIZE));
      return chunks;
    };
    const collect = (results: readonly FileOutcome[]): void => {
      outcomes.push(...results);
      analyzed += results.length;
      options.onProgress?.('analyze', analyzed, tasks.length);
    };
    const workerPhase2 = workers.map(async (worker, workerIndex) => {
      worker.send({ type: 'index', summaries: shared, ownIndex: workerIndex });
      await Promise.all(analysisChunks(workerIndex).map(async (chunk) => {
        const reply = await worker.request({ type: 'analyze', tasks: chunk });
        if (reply.type !== 'analyzed') throw new Error('worker answered out of turn');
        collect(reply.results);
      }));
      phase2Finished[workerIndex + 1] = performance.now();
    });
    const mainPhase2 = (async () => {
      const index = buildIndex(mainSummaries, shared, MAIN);
      for (const chunk of analysisChunks(MAIN)) {
        if (abandoned) return;
        collect(chunk.map((task) => mainRunner.analyze(task, index)));
        await yieldToEventLoop();
      }
      phase2Finished[0] = performance.now();
    })();
    try {
      await Promise.all([mainPhase2, ...workerPhase2]);
    } catch (error) {
      abandoned = true;
      throw error;
    }
    if (process.env['YIELDLENS_TIMING'] !== undefined) {
      const perMember = phase2Finished.map((finished) => (finished - parseDone).toFixed(0)).join('/');
      const bytesOf = (owner: number): string => `${(tasks.filter((task) => ownedBy.get(task.id) === owner).reduce((sum, task) => sum + task.bytes, 0) / 1e6).toFixed(1)} MB`;
      process.stderr.write(`yieldlens: source parsed by main / workers: ${[MAIN, ...workers.map((_, index) => index)].map(bytesOf).join(' / ')}\n`);
      process.stderr.write(`yieldlens: main thread + ${workers.length} workers; phase 1 ${(parseDone - started).toFixed(0)} ms; phase 2 ${perMember} ms (main first)\n`);
    }
    return { outcomes, lines };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The workspace index of one pool member: the summaries it made itself, plus the others' from the
 * shared buffer. Sorted by file, so that which member parsed what never changes the index (two files
 * claiming one module name resolve the same way in every run).
 */
export function buildIndex(own: readonly ModuleSummary[], shared: SerializedSummaries, owner: number): WorkspaceIndex {
  const all = [...own, ...readSharedSummaries(shared, owner)];
  all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return new WorkspaceIndex(all);
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
function shareChunks(chunks: readonly { owner: number; bytes: Uint8Array }[]): SerializedSummaries {
  const total = chunks.reduce((sum, chunk) => sum + chunk.bytes.byteLength, 0);
  const buffer = new SharedArrayBuffer(total);
  const view = new Uint8Array(buffer);
  const ranges: SerializedSummaries['chunks'] = [];
  let offset = 0;
  for (const chunk of chunks) {
    view.set(chunk.bytes, offset);
    ranges.push({ owner: chunk.owner, start: offset, end: offset + chunk.bytes.byteLength });
    offset += chunk.bytes.byteLength;
  }
  return { buffer, chunks: ranges };
}

/** The summaries in a `SerializedSummaries` made by members other than `owner`. */
function readSharedSummaries(shared: SerializedSummaries, owner: number): ModuleSummary[] {
  const view = new Uint8Array(shared.buffer);
  return shared.chunks
    .filter((chunk) => chunk.owner !== owner)
    .flatMap((chunk) => v8.deserialize(view.subarray(chunk.start, chunk.end)) as ModuleSummary[]);
}
