// Worker-thread entry of the language server's traces: runs one snippet at a time in the mini-runtime,
// so that a snippet that spins until its time budget runs out never holds up the thread that answers
// requests. The main thread stops an unwanted run by writing its id into the shared cancel cell.

import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { loadParser } from '../parser.js';
import { RUNTIME_MODULE_NAMES, runSnippet, warmUpRuntime } from '../runtime/index.js';
import { CANCEL_CELL, PARSER_CELL, type TraceJobMessage, type TraceWorkerData, type TraceWorkerReply } from './trace-protocol.js';

const port = parentPort;
if (port === null) throw new Error('trace-worker.ts must run in a worker thread');
const cells = new Int32Array((workerData as TraceWorkerData).cells);

// Each thread loads its own grammar (the environment picks the same binding as the main thread's);
// messages posted meanwhile wait in the port's queue until the listener below starts it.
await loadParser();

/**
 * Traces are background work: on Linux this thread (not the process) gets a lower scheduling
 * priority, so that on a busy machine a spinning snippet gives the CPU up to the thread that answers
 * requests. Elsewhere, or where it is refused, the thread keeps the process's priority.
 */
const BACKGROUND_NICE = 10;
try {
  const task = readlinkSync('/proc/thread-self');
  setPriority(Number(task.slice(task.lastIndexOf('/') + 1)), BACKGROUND_NICE);
} catch {
  // Not Linux, or not allowed: nothing to lower.
}

/**
 * Every module of the runtime's registry is imported once now, while the parser cell says so: those it
 * writes in Python (contextlib, functools, asyncio) are compiled on their first import in a thread, and a
 * later run must not parse in the middle of its VM run, where `inParser` does not see it. The list comes
 * from the registry, so a module added there is warmed up too.
 */
// V8 learns the interpreter's common paths before the first real snippet makes them hot.
Atomics.store(cells, PARSER_CELL, 1);
warmUpRuntime();
for (const name of RUNTIME_MODULE_NAMES) runSnippet(`import ${name}\n`, { filename: '<warm-up>' });
Atomics.store(cells, PARSER_CELL, 0);
port.postMessage({ kind: 'ready' } satisfies TraceWorkerReply);

port.on('message', (job: TraceJobMessage) => {
  const report = runSnippet(job.text, {
    ...job.options,
    interrupted: () => Atomics.load(cells, CANCEL_CELL) === job.id,
    inParser: (inside) => Atomics.store(cells, PARSER_CELL, inside ? 1 : 0),
  });
  port.postMessage({ kind: 'done', id: job.id, report } satisfies TraceWorkerReply);
});
