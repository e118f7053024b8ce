// CPython as the oracle of the language server's trace tests: what a trace source's run yields (by
// line) and returns under CPython 3.13, from the same oracle the trace-source tests use. The expected
// hints are computed from these, never copied from what the runtime printed.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parsePython } from '../../src/parser.js';
import type { FollowUp } from '../../src/runtime/index.js';
import { findTraceSources } from '../../src/runtime/sources.js';
import { findPython } from '../runtime/oracle-harness.mjs';
import { REPO } from './lsp-client.js';

export const python = findPython();

export interface CPythonRun {
  stdout: string;
  /** [qualname, line, repr] of every yield of the file's generators, in order. */
  yields: [string, number, string][];
  returns: [string, string][];
  error: { type: string; message?: string; line: number | null } | null;
}

/** Runs a document's source (by kind) under CPython as the runtime's contract defines the run. */
export function cpythonRun(text: string, kind: 'main' | 'doctest' | 'directive', moduleName = 'module'): CPythonRun {
  if (!python.ok) throw new Error(python.reason);
  const source = findTraceSources(parsePython(text), text, { moduleName }).find((each) => each.info.kind === kind);
  if (source === undefined) throw new Error(`no ${kind} source in the snippet`);
  const followUps: FollowUp[] = source.followUps;
  const request = { text, filename: 'snippet.py', moduleName: source.moduleName, followUps };
  const result = spawnSync(python.command, [join(REPO, 'server/test/runtime/trace-sources-oracle.py')], { input: JSON.stringify(request), env: python.env, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`oracle failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as CPythonRun;
}

/** CPython's yielded reprs at one line (of one function, if given). */
export function yieldedAt(run: CPythonRun, line: number, fn?: string): string[] {
  return run.yields.filter(([qualname, at]) => at === line && (fn === undefined || qualname === fn)).map(([, , value]) => value);
}
