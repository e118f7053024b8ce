// Checks the claims of the rule fixtures against CPython: each fixture's driver runs every `case_*`
// function and prints `case_name: outcome`; a case with an `# error: [rule]` line must show the
// rule's failure outcome under CPython 3.13, and every other case must not. GEN005's, GEN009's and GEN011's
// quick fixes are applied to their fixtures and run too: the fixed cases must then release, restore,
// or throw the same exception without the warning.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFile } from '../../src/analysis/check.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.js';

/** The outcome word each fixture's driver prints when the rule's claim holds. */
const FAILURE_OUTCOME: Record<string, string> = {
  'yield-in-finally': 'ignored',
  'swallowed-generator-exit': 'ignored',
  'suspended-resource': 'leaked',
  'exhausted-reuse': 'empty',
  'send-value-ignored': 'dropped',
  'retained-large-local': 'retained',
  'contextmanager-multiple-yield': 'didntstop',
  'contextmanager-unprotected-yield': 'skipped',
  'deprecated-throw-signature': 'deprecated',
  'generator-reentrancy': 'executing',
};

const PYTHON_ENV = { ...process.env, PYENV_VERSION: '3.13.0' };

function findPython(): string | null {
  try {
    const version = execFileSync('python3.13', ['-c', 'import sys; print(sys.version_info[:2])'], { env: PYTHON_ENV, encoding: 'utf8' });
    return version.trim() === '(3, 13)' ? 'python3.13' : null;
  } catch {
    return null;
  }
}

const python = findPython();

/** The `case_*` function whose body contains each 1-based line. */
function caseOfLine(source: string): Map<number, string> {
  const owner = new Map<number, string>();
  let current: string | null = null;
  source.split('\n').forEach((line, index) => {
    const header = /^(?:async\s+)?def\s+(case_\w+)/.exec(line);
    if (header?.[1] !== undefined) current = header[1];
    else if (/^[^\s#]/.test(line)) current = null;
    if (current !== null) owner.set(index + 1, current);
  });
  return owner;
}

/**
 * `case_*` functions at the top level of the fixture and whether their body expects a finding. An
 * expectation in module-level code (outside any case) belongs to the next case, which reports what
 * that code computed (GEN006's module-level cases).
 */
function expectedCases(source: string, rule: string): Map<string, boolean> {
  const lines = source.split('\n');
  const cases = new Map<string, boolean>();
  let current: string | null = null;
  let moduleLevelExpectation = false;
  const expectation = new RegExp(`#\\s*error:\\s*\\[[^\\]]*\\b${rule}\\b`);
  for (const line of lines) {
    const header = /^(?:async\s+)?def\s+(case_\w+)/.exec(line);
    if (header?.[1] !== undefined) {
      current = header[1];
      cases.set(current, moduleLevelExpectation);
      moduleLevelExpectation = false;
      continue;
    }
    // Any other top-level code ends the case (comments and decorators of the next one included).
    if (/^[^\s#]/.test(line)) current = null;
    if (!expectation.test(line)) continue;
    if (current !== null) cases.set(current, true);
    else moduleLevelExpectation = true;
  }
  return cases;
}

function observedOutcomes(output: string): Map<string, string> {
  const outcomes = new Map<string, string>();
  for (const line of output.split('\n')) {
    const match = /^(case_\w+): (\w+)/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) outcomes.set(match[1], match[2]);
  }
  return outcomes;
}

describe.skipIf(python === null)('rule fixtures agree with CPython 3.13 (skipped: PYENV_VERSION=3.13.0 python3.13 not found)', () => {
  for (const [rule, failure] of Object.entries(FAILURE_OUTCOME)) {
    it(`${rule}: every case with an expectation fails under CPython, and no other case does`, () => {
      const path = join(REPO_ROOT, 'test-fixtures', 'rules', `${rule}.py`);
      const expected = expectedCases(readFileSync(path, 'utf8'), rule);
      const output = execFileSync(python ?? 'python3.13', [path], { env: PYTHON_ENV, encoding: 'utf8', cwd: REPO_ROOT, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      const observed = observedOutcomes(output);
      expect(expected.size, 'the fixture has cases').toBeGreaterThan(0);
      const disagreements: string[] = [];
      for (const [name, expectsFinding] of expected) {
        const outcome = observed.get(name);
        if (outcome === undefined) disagreements.push(`${name}: the driver printed no outcome`);
        else if ((outcome === failure) !== expectsFinding) {
          disagreements.push(`${name}: CPython says \`${outcome}\` but the fixture ${expectsFinding ? 'expects' : 'does not expect'} a finding`);
        }
      }
      for (const name of observed.keys()) if (!expected.has(name)) disagreements.push(`${name}: printed but not a top-level case`);
      expect(disagreements).toEqual([]);
    });
  }

  // GEN004's findings sit in the generators the cases call, not in the cases: the fixture's sections say
  // which cases must end in PEP 479's RuntimeError (before `# ---- negatives`) and which must not.
  it('stop-iteration-leak: the positive cases raise RuntimeError under CPython, the negative ones do not', () => {
    const path = join(REPO_ROOT, 'test-fixtures', 'rules', 'stop-iteration-leak.py');
    const source = readFileSync(path, 'utf8');
    const negativesAt = source.indexOf('\n# ---- negatives');
    expect(negativesAt, 'the fixture has a negatives section').toBeGreaterThan(0);
    const expected = new Map<string, boolean>();
    for (const match of source.matchAll(/^(?:async\s+)?def\s+(case_\w+)/gm)) {
      if (match[1] !== undefined) expected.set(match[1], (match.index ?? 0) < negativesAt);
    }
    const output = execFileSync(python ?? 'python3.13', [path], { env: PYTHON_ENV, encoding: 'utf8', cwd: REPO_ROOT, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const observed = new Map<string, string>();
    for (const line of output.split('\n')) {
      const match = /^(case_\w+): (.*)$/.exec(line);
      if (match?.[1] !== undefined && match[2] !== undefined) observed.set(match[1], match[2]);
    }
    expect(expected.size, 'the fixture has cases').toBeGreaterThan(10);
    const disagreements: string[] = [];
    for (const [name, raises] of expected) {
      const outcome = observed.get(name) ?? '(no outcome printed)';
      const isPep479 = /^RuntimeError: (async )?generator raised StopIteration$/.test(outcome);
      if (isPep479 !== raises) disagreements.push(`${name}: ${outcome}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('retained-large-local: applying every `del` fix makes those cases release the local', () => {
    const path = join(REPO_ROOT, 'test-fixtures', 'rules', 'retained-large-local.py');
    const source = readFileSync(path, 'utf8');
    const result = analyzeFile({ file: path, text: source, enabled: new Set(['GEN012']) });
    const owners = caseOfLine(source);
    const fixed = new Set<string>();
    const edits: { start: number; end: number; text: string }[] = [];
    for (const finding of result.findings) {
      if (finding.fix === null) continue;
      fixed.add(owners.get(finding.line) ?? '?');
      for (const edit of finding.fix.edits) {
        edits.push({ start: result.lines.offset(edit.line, edit.column), end: result.lines.offset(edit.endLine, edit.endColumn), text: edit.newText });
      }
    }
    expect(fixed.size, 'every finding carries a fix').toBe(result.findings.length);
    let patched = source;
    for (const edit of edits.sort((a, b) => b.start - a.start)) patched = patched.slice(0, edit.start) + edit.text + patched.slice(edit.end);
    const directory = mkdtempSync(join(tmpdir(), 'yieldlens-fix-'));
    try {
      const patchedPath = join(directory, 'retained-large-local.py');
      writeFileSync(patchedPath, patched);
      const observed = observedOutcomes(execFileSync(python ?? 'python3.13', [patchedPath], { env: PYTHON_ENV, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }));
      const stillRetained = [...fixed].filter((name) => observed.get(name) !== 'released');
      expect(stillRetained).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  const fixCases: Array<{ rule: string; code: string; fixed: string; title: string }> = [
    { rule: 'suspended-resource', code: 'GEN005', fixed: 'released', title: 'applying every `with` fix makes those cases release their resource' },
    { rule: 'contextmanager-unprotected-yield', code: 'GEN009', fixed: 'restored', title: 'applying every `try/finally` fix makes those cases restore their state' },
    { rule: 'deprecated-throw-signature', code: 'GEN011', fixed: 'modern', title: 'applying every instance fix throws the same exception without the warning' },
  ];
  for (const { rule, code, fixed: fixedOutcome, title } of fixCases) {
    it(`${rule}: ${title}`, () => {
      const path = join(REPO_ROOT, 'test-fixtures', 'rules', `${rule}.py`);
      const source = readFileSync(path, 'utf8');
      const result = analyzeFile({ file: path, text: source, enabled: new Set([code]) });
      const owners = caseOfLine(source);
      const fixed = new Set<string>();
      const edits: { start: number; end: number; text: string }[] = [];
      for (const finding of result.findings) {
        if (finding.fix === null) continue;
        fixed.add(owners.get(finding.line) ?? '?');
        for (const edit of finding.fix.edits) {
          edits.push({ start: result.lines.offset(edit.line, edit.column), end: result.lines.offset(edit.endLine, edit.endColumn), text: edit.newText });
        }
      }
      expect(fixed.size, 'some findings carry a fix').toBeGreaterThan(2);
      let patched = source;
      for (const edit of edits.sort((a, b) => b.start - a.start)) patched = patched.slice(0, edit.start) + edit.text + patched.slice(edit.end);
      const directory = mkdtempSync(join(tmpdir(), 'yieldlens-fix-'));
      try {
        const patchedPath = join(directory, `${rule}.py`);
        writeFileSync(patchedPath, patched);
        const observed = observedOutcomes(execFileSync(python ?? 'python3.13', [patchedPath], { env: PYTHON_ENV, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }));
        const stillFailing = [...fixed].filter((name) => observed.get(name) !== fixedOutcome);
        expect(stillFailing).toEqual([]);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  }
});
