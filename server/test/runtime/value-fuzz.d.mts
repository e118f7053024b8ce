import type { TraceReport } from '@yieldlens/shared';

export interface Random {
  next(): number;
  int(low: number, high: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}
export function makeRandom(seed: number): Random;
export function makeExpressionGenerator(rnd: Random): { expression(depth?: number): string };
export function batchProgram(expressions: string[]): string;
export function runCPython(source: string): string;
export interface FuzzDisagreement { batch: number; expression: string; cpython: string; runtime: string; class?: string }
export interface FuzzResult {
  seed: number;
  expressions: number;
  agree: number;
  unsupported: Map<string, number>;
  disagree: FuzzDisagreement[];
  known: FuzzDisagreement[];
}
export function fuzz(
  runSnippet: (source: string, options?: Record<string, unknown>) => TraceReport,
  options?: { seed?: number; batches?: number; batchSize?: number; depth?: number },
): FuzzResult;
export function findPythonForFuzz(): { ok: true; version: string } | { ok: false; reason: string };
