// Worker-thread entry of the language server's traces: runs one snippet at a time in the mini-runtime,
// so that a snippet that spins until its time budget runs out never holds up the thread that answers
// requests. The main thread stops an unwanted run by writing its id into the shared cancel cell.

import { parentPort, workerData } from 'node:worker_threads';
import type { TraceReport } from '@yieldlens/shared';
import { runSnippet, warmUpRuntime, type RunOptions } from '../runtime/index.js';

/** A run the main thread asks for; `options` is everything of RunOptions that can cross a thread. */
export interface TraceJobMessage {
  id: number;
  text: string;
  options: Omit<RunOptions, 'interrupted'>;
}

export type TraceWorkerReply = { kind: 'ready' } | { kind: 'done'; id: number; report: TraceReport };

/** What the worker is started with: the cell holding the id of the run to stop. */
export interface TraceWorkerData {
  cancel: SharedArrayBuffer;
}

const port = parentPort;
if (port === null) throw new Error('trace-worker.ts must run in a worker thread');
const cancel = new Int32Array((workerData as TraceWorkerData).cancel);

// V8 learns the interpreter's common paths before the first real snippet makes them hot.
warmUpRuntime();
port.postMessage({ kind: 'ready' } satisfies TraceWorkerReply);

port.on('message', (job: TraceJobMessage) => {
  const report = runSnippet(job.text, { ...job.options, interrupted: () => Atomics.load(cancel, 0) === job.id });
  port.postMessage({ kind: 'done', id: job.id, report } satisfies TraceWorkerReply);
});
