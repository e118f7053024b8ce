// The summaries the threads of a parallel `check` share: one thread makes a module's summary, the others
// take its JSON (waiting while it is being made); what does not fit is made locally by whoever needs it.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
import { allocateSharedSummaries, SharedSummaries, type SharedSummaryBuffer } from '../../src/cli/shared-summaries.js';
import { REPO_ROOT } from './helpers.js';

function store(entries?: number, bytes?: number): { buffer: SharedSummaryBuffer; summaries: SharedSummaries } {
  const buffer = allocateSharedSummaries(entries, bytes);
  if (buffer === null) throw new Error('cannot allocate the shared buffer');
  return { buffer, summaries: new SharedSummaries(buffer) };
}

it('gives the first claimant the duty to compute, and everyone after it the published JSON', () => {
  const { summaries } = store(64, 4096);
  const first = summaries.claim('/p/mod.py\0pkg.mod');
  expect(first.kind).toBe('compute');
  if (first.kind !== 'compute') return;
  summaries.publish(first.slot, '{"summary":{"functions":{"é":1}}}');
  expect(summaries.claim('/p/mod.py\0pkg.mod')).toEqual({ kind: 'ready', json: '{"summary":{"functions":{"é":1}}}' });
  // Same file under another module name: another entry.
  expect(summaries.claim('/p/mod.py\0mod').kind).toBe('compute');
  expect(summaries.usage().entries).toBe(2);
});

it('makes locally what does not fit: a value too big, or a full table', () => {
  const { summaries } = store(4, 64);
  const big = summaries.claim('a');
  if (big.kind !== 'compute') throw new Error(`expected compute, got ${big.kind}`);
  summaries.publish(big.slot, 'x'.repeat(100));
  expect(summaries.claim('a')).toEqual({ kind: 'local' });
  // Half of the four entries are used (the table stays at most half full): a third key is made locally.
  const second = summaries.claim('b');
  if (second.kind !== 'compute') throw new Error(`expected compute, got ${second.kind}`);
  expect(summaries.claim('c')).toEqual({ kind: 'local' });
  // Keys already in the full table are still found.
  summaries.publish(second.slot, '{}');
  expect(summaries.claim('b')).toEqual({ kind: 'ready', json: '{}' });
  expect(summaries.claim('c')).toEqual({ kind: 'local' });
});

it('a thread that needs a summary another thread is making waits for it, across worker threads', async () => {
  const { buffer, summaries } = store();
  const mine = summaries.claim('made-by-main');
  if (mine.kind !== 'compute') throw new Error('expected compute');
  const module = pathToFileURL(path.join(REPO_ROOT, 'server/dist/cli/shared-summaries.js')).href;
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    import(${JSON.stringify(module)}).then(({ SharedSummaries }) => {
      const summaries = new SharedSummaries(workerData);
      const theirs = summaries.claim('made-by-worker');
      if (theirs.kind === 'compute') summaries.publish(theirs.slot, '{"by":"worker"}');
      parentPort.postMessage('published');
      parentPort.postMessage(summaries.claim('made-by-main'));
    });
  `, { eval: true, workerData: buffer });
  const replies: unknown[] = [];
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: unknown) => {
      replies.push(reply);
      // The worker is now blocked in `claim` (or about to be) until the main thread publishes.
      if (reply === 'published') setTimeout(() => summaries.publish(mine.slot, '{"by":"main"}'), 50);
      if (replies.length === 2) resolve();
    });
    worker.on('error', reject);
  });
  await done;
  await worker.terminate();
  expect(replies).toEqual(['published', { kind: 'ready', json: '{"by":"main"}' }]);
  expect(summaries.claim('made-by-worker')).toEqual({ kind: 'ready', json: '{"by":"worker"}' });
});
