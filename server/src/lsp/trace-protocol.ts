// What the language server's main thread and its trace worker (`trace-worker.ts`) say to each other:
// the messages, and the shared cells through which a run is stopped and the worker's state is read.

import type { TraceReport } from '@yieldlens/shared';
import type { RunOptions } from '../runtime/index.js';

/** A run the main thread asks for; `options` is everything of RunOptions that can cross a thread. */
export interface TraceJobMessage {
  id: number;
  text: string;
  options: Omit<RunOptions, 'interrupted' | 'inParser' | 'resolveModule'>;
}

export type TraceWorkerReply = { kind: 'ready' } | { kind: 'done'; id: number; report: TraceReport };

/**
 * What the worker is started with: shared cells, [CANCEL_CELL] the id of the run to stop,
 * [PARSER_CELL] PARSER_BUSY while the runtime is in the native parser (the thread must not be terminated
 * then), PARSER_CLAIMED once the main thread is about to terminate it (it then enters the parser no more), and
 * [PENDING_CELL] the id of a job posted to the worker that it has not started (its background warm-up
 * gives way to it).
 */
export interface TraceWorkerData {
  cells: SharedArrayBuffer;
}

export const CANCEL_CELL = 0;
export const PARSER_CELL = 1;
export const PENDING_CELL = 2;
/** The values of PARSER_CELL. */
export const PARSER_FREE = 0;
export const PARSER_BUSY = 1;
export const PARSER_CLAIMED = 2;
/** Bytes of the shared cells. */
export const CELLS_BYTES = 12;

/**
 * Claims the worker's parser cell for its termination: true when the worker is not in the native parser
 * and can no longer enter it (it waits on the cell instead, until it is terminated); false while it parses.
 * A plain look at the cell would leave a window in which the worker starts a parse just before it is
 * terminated, which brings the whole process down.
 */
export function claimForTermination(cells: Int32Array): boolean {
  const before = Atomics.compareExchange(cells, PARSER_CELL, PARSER_FREE, PARSER_CLAIMED);
  return before === PARSER_FREE || before === PARSER_CLAIMED;
}
