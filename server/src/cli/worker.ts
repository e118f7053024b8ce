// Worker-thread entry of a parallel `check` run: holds the trees of the files it parsed in phase 1 and
// analyses exactly those files in phase 2, once the main thread has sent the other members' summaries.

import v8 from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { WorkspaceIndex, type ModuleSummary } from '../analysis/index.js';
import { FileJobRunner } from './file-job.js';
import { buildIndex, type FromWorker, type ToWorker } from './pool.js';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

const runner = new FileJobRunner();
/** The summaries this worker made in phase 1; the index adds everyone else's. */
const ownSummaries: ModuleSummary[] = [];
let index = new WorkspaceIndex();

port.on('message', (message: ToWorker) => {
  let reply: FromWorker;
  switch (message.type) {
    case 'parse':
      reply = { type: 'parsed', results: message.tasks.map((task) => runner.parse(task)) };
      break;
    case 'summarize': {
      const made = message.ids.flatMap((id) => runner.summarize(id) ?? []);
      ownSummaries.push(...made);
      reply = { type: 'summarized', summaries: v8.serialize(made) };
      break;
    }
    case 'index':
      index = buildIndex(ownSummaries, message.summaries, message.ownIndex);
      return;
    case 'analyze':
      reply = { type: 'analyzed', results: message.tasks.map((task) => runner.analyze(task, index)) };
      break;
  }
  port.postMessage(reply);
});
