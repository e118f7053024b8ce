// The orphan watchdog: a tiny thread that ends the server when its client is gone. vscode-languageserver
// checks `initialize.processId` and stdin's end itself, but on the main thread's event loop, which a long
// analysis blocks; a server whose editor quit mid-analysis then runs on, re-parented to PID 1. This thread
// never waits for the main one: it polls the client's PID and the server's parent, and when either is
// gone it asks the main thread to exit and, if that thread does not answer in time, kills the process.

import { Worker } from 'node:worker_threads';

/** How often the thread looks (ms), and how long the main thread gets to exit on its own. */
const POLL_MS = 500;
const GRACE_MS = 1000;

// Evaluated as a string so that no worker file has to be found, bundled or packaged. Plain JS (CommonJS).
const WATCHDOG_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { parentPid, pollMs, graceMs } = workerData;
let clientPid = workerData.clientPid;
function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (error) { return error.code === 'EPERM'; }
}
let ending = false;
function end(reason) {
  if (ending) return;
  ending = true;
  parentPort.postMessage({ reason });
  // The main thread may be in the middle of a long synchronous analysis: SIGKILL needs no JS to run.
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), graceMs);
}
parentPort.on('message', (message) => { if (typeof message.clientPid === 'number') clientPid = message.clientPid; });
const timer = setInterval(() => {
  if (process.ppid !== parentPid) end('the parent process ' + parentPid + ' exited');
  else if (clientPid !== null && !alive(clientPid)) end('the client process ' + clientPid + ' exited');
}, pollMs);
parentPort.on('close', () => clearInterval(timer));
`;

export interface Watchdog {
  /** Watches the client named in `initialize.processId` (or `--clientProcessId`) as well. */
  watchClient(pid: number): void;
  stop(): void;
}

/** Starts the watchdog; `onGone` runs on the main thread when it is free in time (log, exit). */
export function startWatchdog(onGone: (reason: string) => void, clientPid: number | null = clientPidFromArgv()): Watchdog {
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: { parentPid: process.ppid, clientPid, pollMs: POLL_MS, graceMs: GRACE_MS },
    resourceLimits: { maxOldGenerationSizeMb: 8 },
  });
  // The thread must never keep the server alive by itself.
  worker.unref();
  worker.on('message', (message: { reason: string }) => onGone(message.reason));
  worker.on('error', () => undefined);
  return {
    watchClient(pid: number): void {
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) worker.postMessage({ clientPid: pid });
    },
    stop(): void {
      void worker.terminate();
    },
  };
}

/** vscode-languageclient passes the editor's PID as `--clientProcessId=N`. */
function clientPidFromArgv(): number | null {
  for (const arg of process.argv) {
    const match = /^--clientProcessId=(\d+)$/.exec(arg);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return null;
}
