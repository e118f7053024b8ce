// Differential tests of the mini-runtime: every snippet in test-fixtures/trace runs in the runtime and in
// real CPython (oracle.py under sys.monitoring); stdout, yield/return events and the final error must agree.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TraceReport } from '@yieldlens/shared';
import { runSnippet } from '../../src/runtime/index.js';
import {
  compareWithOracle,
  findPython,
  observeOracle,
  observeRuntime,
  oracleRunAll,
  splitProject,
  type OracleOutcome,
} from './oracle-harness.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixturesDir = join(repoRoot, 'test-fixtures', 'trace');
const snippetNames = readdirSync(fixturesDir)
  .filter((name) => /^\d{3}_\w+\.py$/.test(name))
  .sort();
const allowlist = readUnsupportedAllowlist(join(fixturesDir, 'UNSUPPORTED.md'));
const python = findPython();
// Where to write the mismatch summary for the runtime's authors (e.g. /work/notes/runtime-mismatches.md).
const mismatchNotesPath = process.env.YIELDLENS_MISMATCH_NOTES;

/** Snippet name → why the runtime may refuse it, from the `- \`NNN_name.py\` — reason` lines. */
function readUnsupportedAllowlist(path: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (!existsSync(path)) return entries;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^- `(\d{3}_\w+\.py)`\s*[—-]+\s*(.*)$/.exec(line);
    if (match?.[1]) entries.set(match[1], match[2] ?? '');
  }
  return entries;
}

interface Mismatch {
  snippet: string;
  differences: string[];
}

const mismatches: Mismatch[] = [];
const passed: string[] = [];
const allowedUnsupported: string[] = [];

function runRuntime(text: string, filename: string): TraceReport | { threw: string } {
  try {
    // A snippet may carry its project's modules after its main code (`# yieldlens-module: PATH`).
    const { main, modules } = splitProject(text);
    // Generous limits: fixtures are small, so hitting one is itself a disagreement worth seeing.
    return runSnippet(main, { filename, modules, maxSteps: 10_000_000, timeoutMs: 10_000, maxEvents: 1_000_000 });
  } catch (error) {
    // The runtime must report errors as data; a thrown exception is a runtime bug, recorded like a mismatch.
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function writeMismatchNotes(path: string): void {
  const groups = new Map<string, Mismatch[]>();
  for (const mismatch of mismatches) {
    const first = mismatch.differences[0] ?? 'unknown';
    // Group by the kind of first difference, and for `unsupported` by the feature named.
    const key = first.startsWith('unsupported:') ? first.replace(/ \(line \d+\)$/, '') : first.split(':')[0] ?? first;
    groups.set(key, [...(groups.get(key) ?? []), mismatch]);
  }
  const lines = [
    '# Runtime mismatches against CPython (generated)',
    '',
    `Written by \`server/test/runtime/differential.test.ts\` on ${new Date().toISOString()} (oracle: CPython ${python.ok ? python.version : '?'}).`,
    'Regenerate: `YIELDLENS_MISMATCH_NOTES=/work/notes/runtime-mismatches.md npx vitest run server/test/runtime/differential.test.ts`.',
    `Each snippet in \`test-fixtures/trace/\` is its own minimal repro; run it with \`PYENV_VERSION=3.13.0 python3.13 FILE\` to see CPython's answer.`,
    'Sandbox and limit findings are written separately by `sandbox.test.ts` (YIELDLENS_SANDBOX_NOTES, e.g. runtime-sandbox.md beside this file).',
    '',
    `Agree: ${passed.length}; allowed unsupported: ${allowedUnsupported.length}; disagree: ${mismatches.length} of ${snippetNames.length}.`,
    '',
    'What is compared (see `oracle-harness.mjs`): `runSnippet(source, {filename: NNN_name.py})` against CPython running the same',
    'text compiled with that file name. (1) stdout, with `0x…` addresses masked. (2) The sequence of `yield` events',
    '(function = `__qualname__`, line of the `yield` expression, `repr` of the value) interleaved with `return` events',
    '[CPython runs with PYTHONHASHSEED=0, so the order of a set of str is that of a seed-0 CPython]',
    '(function, `repr` of the return value) of generator code objects of the snippet; each yield also compares its `locals`',
    '(`repr` of every name in the frame\'s f_locals, cell and free variables included, hidden `.0` excluded), and `raise` events',
    '(exception type and str() of an exception leaving a generator frame, StopIteration as the PEP 479 RuntimeError; GeneratorExit',
    'is not compared), and `resume` events (function, line of the nearest snippet frame below the resumed generator: the',
    'caller, or the `yield from` of the delegating generator; next/send alike; throw without the exception; resumptions by',
    'close() or a thrown GeneratorExit are not compared). CPython reports a return only when a',
    "generator's frame returns (not when it raises, nor when close() finds it outside any try block). Yield events whose",
    '(function, line) is a `yield from` site are ignored on both sides (CPython re-yields in the delegating frame on',
    'next()/send() but not when the inner generator answers throw()). (3) The final uncaught error: type name, `str()` of',
    'the exception, and the line of the innermost frame of the snippet in the traceback. `unsupported`, a limit, a',
    'truncated trace or an exception thrown by runSnippet are disagreements (except snippets listed in',
    '`test-fixtures/trace/UNSUPPORTED.md`). CPython\'s own generator tests: `npm run compat` (bench/compat.mjs).',
    '',
  ];
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [key, members] of sorted) {
    lines.push(`## ${key} (${members.length})`, '');
    for (const member of members.slice(0, 25)) {
      lines.push(`- \`${member.snippet}\`: ${member.differences.join(' | ')}`);
    }
    if (members.length > 25) lines.push(`- … and ${members.length - 25} more`);
    lines.push('');
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

if (!python.ok) {
  describe('differential: runtime vs CPython', () => {
    test.skip(`skipped: ${python.reason}`, () => {});
  });
} else {
  describe(`differential: runtime vs CPython ${python.version}`, () => {
    const oracleBySnippet = new Map<string, OracleOutcome>();

    beforeAll(async () => {
      const items = snippetNames.map((name) => ({ source: readFileSync(join(fixturesDir, name), 'utf8'), filename: name }));
      const outcomes = await oracleRunAll(items, { concurrency: 2, checkHashSeed: true });
      snippetNames.forEach((name, index) => {
        const outcome = outcomes[index];
        if (outcome) oracleBySnippet.set(name, outcome);
      });
    }, 300_000);

    afterAll(() => {
      if (mismatchNotesPath) writeMismatchNotes(mismatchNotesPath);
    });

    test('every allowlisted snippet exists', () => {
      const missing = [...allowlist.keys()].filter((name) => !snippetNames.includes(name));
      expect(missing).toEqual([]);
    });

    test.for(snippetNames)('%s', (name, context) => {
      const outcome = oracleBySnippet.get(name);
      if (!outcome?.ok) throw new Error(`CPython oracle failed on ${name}: ${outcome?.reason ?? 'no result'}`);
      const oracle = outcome.result;
      // Output printed by finalizers depends on garbage collection, which the runtime does not model.
      expect(oracle.teardownStdout, 'fixture must not print from generator finalizers').toBe('');

      const report = runRuntime(readFileSync(join(fixturesDir, name), 'utf8'), name);
      if ('threw' in report) {
        mismatches.push({ snippet: name, differences: [`runtime threw: ${report.threw}`] });
        expect.fail(`runSnippet threw instead of returning a report: ${report.threw}`);
      }
      if (report.unsupported && allowlist.has(name)) {
        allowedUnsupported.push(name);
        context.skip(`unsupported, as allowed by UNSUPPORTED.md: ${allowlist.get(name)}`);
        return;
      }
      const differences = compareWithOracle(report, oracle);
      // The oracle runs with PYTHONHASHSEED=0 (the runtime hashes str like a seed-0 CPython); say so where it matters.
      if (differences.length > 0 && oracle.hashSeedDependent) differences.push('(output depends on str hashing; compared with PYTHONHASHSEED=0)');
      if (differences.length > 0) mismatches.push({ snippet: name, differences });
      else passed.push(name);

      if (report.unsupported) {
        expect.fail(`runtime reports unsupported "${report.unsupported.feature}" at line ${report.unsupported.line}`);
      }
      expect(report.limit ?? null, 'no limit should be hit').toBeNull();
      expect(report.truncated, 'trace should not be truncated').toBe(false);
      expect(observeRuntime(report, oracle.delegatingSites)).toEqual(observeOracle(oracle));
    });
  });
}
