// Worker-thread entry of a parallel `check` run: takes the next chunk of files from the counter it shares
// with the other threads, checks it (and the files it summarised meanwhile, see `checkChunk`) and posts
// the results, until no chunk is left. Imports resolve on
// disk into its own lazily filled indexes; summaries of imported modules are shared (`SharedSummaries`).

import { parentPort } from 'node:worker_threads';
import { loadParser } from '../parser.js';
import { checkChunk, FileJobRunner } from './file-job.js';
import type { FromWorker, ToWorker } from './pool.js';
import { SharedSummaries } from './shared-summaries.js';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

// Each thread loads its own grammar (the same binding as the main thread: the same environment chooses it).
// Messages posted meanwhile wait in the port's queue until the listener below starts it.
await loadParser();

port.once('message', (message: ToWorker) => {
  const runner = new FileJobRunner(message.settings, message.summaries === null ? null : new SharedSummaries(message.summaries));
  const counter = new Int32Array(message.next);
  const taken = new Int32Array(message.taken);
  const byFile = new Map(message.chunks.flat().map((task) => [task.absolute, task]));
  // One chunk a turn of the event loop: the native trees' finalizers run only between turns (see `parsePython`).
  const step = (): void => {
    const index = Atomics.add(counter, 0, 1);
    const chunk = message.chunks[index];
    if (chunk === undefined) {
      port.postMessage({ type: 'done' } satisfies FromWorker);
      return;
    }
    const began = performance.now();
    const results = checkChunk(runner, chunk, taken, byFile);
    port.postMessage({ type: 'checked', results, busyMs: performance.now() - began } satisfies FromWorker);
    setImmediate(step);
  };
  step();
});
