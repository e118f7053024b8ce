// Worker-thread entry of a parallel `check` run: checks the chunks of files the main thread hands it,
// resolving imports on disk into its own lazily filled indexes.

import { parentPort } from 'node:worker_threads';
import { loadParser } from '../parser.js';
import { FileJobRunner } from './file-job.js';
import type { FromWorker, ToWorker } from './pool.js';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

// Each thread loads its own grammar (the same binding as the main thread: the same environment chooses it).
// Messages posted meanwhile wait in the port's queue until the listener below starts it.
await loadParser();

let runner: FileJobRunner | null = null;

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'init':
      runner = new FileJobRunner(message.settings);
      return;
    case 'check': {
      // `init` is always the first message a worker receives; anything else is a pool bug, and failing
      // loudly makes the pool start over in-process rather than check with settings it never received.
      if (runner === null) throw new Error('worker received files before its module list');
      const active = runner;
      const reply: FromWorker = { type: 'checked', results: message.tasks.map((task) => active.check(task)) };
      port.postMessage(reply);
      return;
    }
  }
});
