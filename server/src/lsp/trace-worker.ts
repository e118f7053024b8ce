// Worker-thread entry of the language server's traces: runs one snippet at a time in the mini-runtime,
// so that a snippet that spins until its time budget runs out never holds up the thread that answers
// requests. The main thread stops an unwanted run by writing its id into the shared cancel cell.

import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { TraceReport } from '@yieldlens/shared';
import { loadParser } from '../parser.js';
import { RUNTIME_MODULE_NAMES, runSnippet, warmUpRuntime } from '../runtime/index.js';
import { importedModules } from './trace-imports.js';
import { CANCEL_CELL, PARSER_BUSY, PARSER_CELL, PARSER_CLAIMED, PARSER_FREE, PENDING_CELL, type TraceJobMessage, type TraceWorkerData, type TraceWorkerReply } from './trace-protocol.js';

const port = parentPort;
if (port === null) throw new Error('trace-worker.ts must run in a worker thread');
const cells = new Int32Array((workerData as TraceWorkerData).cells);


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
 * Warm-up, done in the background after `ready` so that the first snippet does not wait for it, one piece
 * per turn of the event loop (a job that comes meanwhile runs in between):
 *
 * - a program that exercises the interpreter's common paths, so that V8 learns them before a real
 *   snippet makes them hot (warmUpRuntime);
 * - every module of the runtime's registry, imported once while the parser cell says so: those it writes
 *   in Python (contextlib, functools, asyncio) are compiled on their first import in a thread, and a run
 *   must not parse in the middle of its VM run, where `inParser` does not see it. So a snippet that comes
 *   before they are all done first imports the modules it names (all of them when it might import any: a
 *   name outside the registry, such as a project module, or `__import__`). The list comes from the
 *   registry, so a module added there is warmed up too.
 *
 * In a fresh thread that is seconds of work (0.3 s for the interpreter, 2–3 s for the modules), so a
 * background piece stops as soon as a job is posted (the pending cell: it then reads as past its time
 * budget at its next budget check) and is done again later.
 */
let interpreterWarm = false;
const unwarmed = new Set(RUNTIME_MODULE_NAMES);

/** How deep the thread is in `enterParser` calls (a warm-up's run compiles inside `inParserCell`). */
let parserDepth = 0;

/**
 * Marks the thread as in the native parser, where it must not be terminated; once the main thread has
 * claimed the cell to terminate it, waits for the end instead of starting a parse.
 */
function enterParser(): void {
  if (parserDepth++ > 0) return;
  while (Atomics.compareExchange(cells, PARSER_CELL, PARSER_FREE, PARSER_BUSY) === PARSER_CLAIMED) Atomics.wait(cells, PARSER_CELL, PARSER_CLAIMED);
}

function leaveParser(): void {
  if (--parserDepth > 0) return;
  Atomics.compareExchange(cells, PARSER_CELL, PARSER_BUSY, PARSER_FREE);
}

function inParserCell(work: () => void): void {
  enterParser();
  try {
    work();
  } finally {
    leaveParser();
  }
}

/** Background warm-up gives way to a job posted meanwhile. */
const jobPending = (): boolean => Atomics.load(cells, PENDING_CELL) !== 0;

/** Imports the module once; in the background (`yielding`) it may stop for a job, and is then kept for later. */
function warmModule(name: string, yielding = false): void {
  if (!unwarmed.delete(name)) return;
  let report: TraceReport | undefined;
  inParserCell(() => (report = runSnippet(`import ${name}\n`, { filename: '<warm-up>', ...(yielding ? { interrupted: jobPending } : {}) })));
  if (yielding && report?.limit?.kind === 'time') unwarmed.add(name);
}

/** Imports, before `text` runs, every registry module it could import that is not warmed up yet. */
function warmModulesOf(text: string): void {
  if (unwarmed.size === 0) return;
  const named = importedModules(text);
  if (named === null || named.modules.some((name) => !RUNTIME_MODULE_NAMES.includes(name))) {
    for (const name of [...unwarmed]) warmModule(name);
    return;
  }
  // A dotted name imports its parents first, as the import system does.
  for (const name of [...named.modules, ...named.maybeSubmodules.filter((each) => RUNTIME_MODULE_NAMES.includes(each))]) {
    const parts = name.split('.');
    for (let k = 1; k <= parts.length; k++) {
      const prefix = parts.slice(0, k).join('.');
      if (unwarmed.has(prefix)) warmModule(prefix);
    }
  }
}

function warmUpNext(): void {
  if (!jobPending()) {
    if (!interpreterWarm) inParserCell(() => (interpreterWarm = warmUpRuntime(jobPending)));
    else {
      const next = unwarmed.values().next();
      if (next.done === true) return;
      warmModule(next.value, true);
    }
  }
  // Again after the turn in which a posted job's message is handled.
  setImmediate(warmUpNext);
}

// Each thread loads its own grammar (the environment picks the same binding as the main thread's);
// messages posted meanwhile wait in the port's queue until the listener below starts it. No top-level
// await: the bundle runs this file as CommonJS, compiled with V8's code cache (server/bin/code-cache.js).
void loadParser().then(() => {
  port.postMessage({ kind: 'ready' } satisfies TraceWorkerReply);
  setImmediate(warmUpNext);

  port.on('message', (job: TraceJobMessage) => {
    Atomics.compareExchange(cells, PENDING_CELL, job.id, 0);
    warmModulesOf(job.text);
    const report = runSnippet(job.text, {
      ...job.options,
      interrupted: () => Atomics.load(cells, CANCEL_CELL) === job.id,
      inParser: (inside) => (inside ? enterParser() : leaveParser()),
    });
    port.postMessage({ kind: 'done', id: job.id, report } satisfies TraceWorkerReply);
  });
});
