// Worker-thread entry of a parallel `check` run: holds the trees of the files it parsed in phase 1 and
// analyses exactly those files in phase 2, once the main thread has sent the merged workspace index.

import { parentPort } from 'node:worker_threads';
import { WorkspaceIndex } from '../analysis/index.js';
import { FileJobRunner } from './file-job.js';
import type { ToWorker, FromWorker } from './pool.js';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

const runner = new FileJobRunner();
let index = new WorkspaceIndex();

port.on('message', (message: ToWorker) => {
  let reply: FromWorker;
  switch (message.type) {
    case 'summarize':
      reply = { type: 'summarized', results: message.tasks.map((task) => runner.summarize(task)) };
      break;
    case 'index':
      index = new WorkspaceIndex(message.summaries);
      return;
    case 'analyze':
      reply = { type: 'analyzed', results: message.tasks.map((task) => runner.analyze(task, index)) };
      break;
  }
  port.postMessage(reply);
});
