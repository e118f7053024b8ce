// The idle queue's contract, deterministically: edits enqueued while the loop is busy are coalesced into
// one run per document, and `whenQuiet` waits past edits that keep arriving.

import { describe, expect, it } from 'vitest';
import { IdleQueue } from '../../src/lsp/idle-queue.js';

describe('IdleQueue', () => {
  it('runs each document once for a burst of edits in one turn', async () => {
    const runs: string[] = [];
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => { finish = resolve; });
    const queue = new IdleQueue((uri) => {
      runs.push(uri);
      if (runs.length === 2) finish();
    });
    queue.enqueue('a');
    queue.enqueue('a');
    queue.enqueue('b');
    queue.enqueue('a');
    await done;
    expect(runs.sort()).toEqual(['a', 'b']);
  });

  it('flush runs a pending document at once and only once', () => {
    const runs: string[] = [];
    const queue = new IdleQueue((uri) => runs.push(uri));
    queue.enqueue('a');
    queue.flush('a');
    queue.flush('a');
    expect(runs).toEqual(['a']);
    queue.dispose();
  });

  it('whenQuiet waits while edits keep arriving', async () => {
    const events: string[] = [];
    const queue = new IdleQueue((uri) => events.push(`run ${uri}`));
    const quiet = new Promise<void>((resolve) => queue.whenQuiet(() => { events.push('quiet'); resolve(); }));
    // Edits in the next two turns: `quiet` must come after both have been enqueued.
    setImmediate(() => {
      events.push('edit 1');
      queue.enqueue('a');
      setImmediate(() => {
        events.push('edit 2');
        queue.enqueue('a');
      });
    });
    await quiet;
    expect(events.indexOf('quiet')).toBeGreaterThan(events.indexOf('edit 2'));
    queue.dispose();
  });
});
