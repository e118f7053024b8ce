// Types of oracle-harness.mjs, for the TypeScript tests that import it.
import type { TraceReport } from '@yieldlens/shared';

export type PythonLookup =
  | { ok: true; command: string; env: NodeJS.ProcessEnv; version: string; label: string }
  | { ok: false; reason: string };

export interface OracleEvent {
  event: 'yield' | 'return' | 'raise' | 'resume';
  function: string;
  line?: number | null;
  /** yield and return events. */
  value?: string;
  /** raise events: the exception leaving the generator frame and its str(). */
  exception?: string;
  message?: string;
  /** resume events: `next/send` (CPython cannot tell them apart) or `throw`, with the thrown exception's repr. */
  method?: 'next/send' | 'throw';
  sent?: string;
  /** Set on the re-yield of a `yield from`/`await` loop in the delegating frame. */
  delegating?: boolean;
  /** resume events: set when an async generator's frame resumed after an `await` of its own body (RESUME oparg 3). */
  afterAwait?: boolean;
  /** repr() of each local of the yielding frame (cells and free variables included), on yields that are not delegating. */
  locals?: Record<string, string>;
  /** The file of the event's line when it is one of the snippet's own modules (see splitProject). */
  file?: string;
}

export interface OracleResult {
  python: string;
  stdout: string;
  events: OracleEvent[];
  error: { type: string; message: string; line: number | null; file?: string } | null;
  /** [qualname, line] of every `yield from` in the snippet. */
  delegatingSites: [string, number][];
  /** Set when the oracle ran with checkHashSeed: whether the output changed under another PYTHONHASHSEED. */
  hashSeedDependent?: boolean;
  /** What generator finalizers printed after the snippet ended (garbage-collection dependent, so fixtures must print nothing there). */
  teardownStdout: string;
}

export type ObservedEvent =
  | { kind: 'yield'; function: string; line: number | null | undefined; value: string; locals: Record<string, string>; file?: string }
  | { kind: 'return'; function: string; value: string; file?: string }
  | { kind: 'raise'; function: string; exception: string; message: string; file?: string }
  | { kind: 'resume'; function: string; line: number | null | undefined; method: 'next/send' | 'throw'; file?: string };

export interface Observation {
  stdout: string;
  events: ObservedEvent[];
  error: { type: string; message: string; line: number | null; file?: string } | null;
}

export type OracleOutcome = { ok: true; result: OracleResult; cached: boolean } | { ok: false; reason: string };

export const ORACLE_SCRIPT: string;
export const ORACLE_CACHE_DIR: string;
export function findPython(): PythonLookup;
export const PROJECT_DIR: string;
export function splitProject(text: string): { main: string; modules: Record<string, { source: string; path: string; isPackage: boolean }> };
export function oracleRun(source: string, filename: string, options?: { timeoutMs?: number; checkHashSeed?: boolean }): Promise<OracleOutcome>;
export function oracleRunAll(
  items: { source: string; filename: string }[],
  options?: { concurrency?: number; timeoutMs?: number; checkHashSeed?: boolean },
): Promise<OracleOutcome[]>;
export function maskAddresses(text: string): string;
export function observeOracle(result: OracleResult): Observation;
export function observeRuntime(report: TraceReport, delegatingSites: [string, number][]): Observation;
export function compareWithOracle(report: TraceReport, oracleResult: OracleResult): string[];
