// Checks the claims of the GEN001/GEN004 fixtures under CPython 3.13: each fixture's driver prints
// what every `case_*` function raised, and exactly the cases containing an `# error:` line must raise
// the rule's error. CPython is the oracle; a disagreement means the fixture (or the rule) is wrong.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness.js';
import { expectationsOf } from './workspace-helpers.js';

const PYTHON_ENV = { ...process.env, PYENV_VERSION: '3.13.0', PYTHONDONTWRITEBYTECODE: '1' };

function findPython(): string | null {
  const probe = spawnSync('python3.13', ['-c', 'import sys; print(sys.version_info[:2])'], { env: PYTHON_ENV, encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.includes('(3, 13)') ? 'python3.13' : null;
}

const python = findPython();

/** The error each rule's positive cases must raise (the message CPython prints). */
const ERRORS: Record<string, RegExp> = {
  'unprimed-send': /^TypeError: can't send non-None value to a just-started (async )?generator$/,
  'stop-iteration-leak': /^RuntimeError: (async )?generator raised StopIteration$/,
};

interface Case {
  name: string;
  /** The rules with an expectation inside the case function. */
  expects: Set<string>;
}

/** Top-level `def case_*` functions, each with the rules expected somewhere in its body. */
function casesOf(text: string): Case[] {
  const lines = text.split(/\r\n|\r|\n/);
  const expectations = expectationsOf(text);
  const cases: Case[] = [];
  let current: Case | null = null;
  lines.forEach((line, i) => {
    const def = /^def (case_\w+)\(/.exec(line);
    if (def !== null) {
      current = { name: def[1] ?? '', expects: new Set() };
      cases.push(current);
    } else if (/^\S/.test(line) && !line.startsWith('#')) {
      current = null;
    }
    for (const rule of expectations.get(i + 1) ?? []) current?.expects.add(rule);
  });
  return cases;
}

/**
 * A case may also exercise a helper generator defined above it whose line carries the expectation
 * (`first_then_rest` is reported inside its own body). Such helpers are listed by the case that runs
 * them: the outcome printed for the case must then be the rule's error.
 */
function helperExpectations(text: string, cases: Case[]): void {
  const expectations = expectationsOf(text);
  const lines = text.split(/\r\n|\r|\n/);
  const helperRules = new Map<string, Set<string>>();
  let helper: string | null = null;
  const helperBodies = new Map<string, string[]>();
  let inCase = false;
  lines.forEach((line, i) => {
    if (/^\S/.test(line) && !line.startsWith('#')) inCase = /^def case_/.test(line);
    // Methods count too (`LineReader([]).records()` runs `records`); a def nested in a case is the case's own.
    const def = inCase ? null : /^\s*(?:async )?def (\w+)\(/.exec(line);
    if (/^def case_/.test(line)) helper = null;
    else if (def !== null) helper = def[1] ?? null;
    else if (helper !== null) helperBodies.set(helper, [...(helperBodies.get(helper) ?? []), line]);
    else if (/^\S/.test(line) && !line.startsWith('#')) helper = null;
    if (helper === null) return;
    for (const rule of expectations.get(i + 1) ?? []) {
      const set = helperRules.get(helper) ?? new Set<string>();
      set.add(rule);
      helperRules.set(helper, set);
    }
  });
  // A helper that calls another (`heads` runs `_head`) shows that one's expectations too.
  for (let changed = true; changed;) {
    changed = false;
    for (const [caller, body] of helperBodies) {
      const text = body.join('\n');
      for (const [callee, rules] of [...helperRules]) {
        if (callee === caller || !new RegExp(`\\b${callee}\\(`).test(text)) continue;
        const set = helperRules.get(caller) ?? new Set<string>();
        for (const rule of rules) if (!set.has(rule)) { set.add(rule); changed = true; }
        helperRules.set(caller, set);
      }
    }
  }
  for (const c of cases) {
    const body = bodyOf(lines, c.name);
    for (const [name, rules] of helperRules) if (new RegExp(`\\b${name}\\(`).test(body)) for (const rule of rules) c.expects.add(rule);
  }
}

function bodyOf(lines: string[], caseName: string): string {
  const start = lines.findIndex((l) => l.startsWith(`def ${caseName}(`));
  const out: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\S/.test(line) && !line.startsWith('#')) break;
    out.push(line);
  }
  return out.join('\n');
}

function runDriver(args: string[], cwd: string): Map<string, string> {
  const result = spawnSync(python ?? 'python3.13', args, { cwd, env: PYTHON_ENV, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`python3.13 ${args.join(' ')} failed:\n${result.stderr}`);
  const outcomes = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(case_\w+): (.*)$/.exec(line);
    if (match !== null) outcomes.set(match[1] ?? '', match[2] ?? '');
  }
  return outcomes;
}

function checkOutcomes(label: string, text: string, outcomes: Map<string, string>): void {
  const cases = casesOf(text);
  helperExpectations(text, cases);
  expect(cases.length, `${label}: no case_* functions`).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const c of cases) {
    const outcome = outcomes.get(c.name);
    if (outcome === undefined) {
      problems.push(`${c.name}: the driver printed no outcome`);
      continue;
    }
    for (const [rule, error] of Object.entries(ERRORS)) {
      const raises = error.test(outcome);
      if (c.expects.has(rule) && !raises) problems.push(`${c.name}: expected [${rule}] to show as ${error}, CPython says: ${outcome}`);
      if (!c.expects.has(rule) && raises) problems.push(`${c.name}: no [${rule}] expected, but CPython says: ${outcome}`);
    }
  }
  expect(problems, label).toEqual([]);
}

describe.skipIf(python === null)('fixture claims hold under CPython 3.13 (skipped: no python3.13 with PYENV_VERSION=3.13.0)', () => {
  for (const rule of ['unprimed-send', 'stop-iteration-leak']) {
    it(`test-fixtures/rules/${rule}.py`, () => {
      const dir = join(REPO_ROOT, 'test-fixtures', 'rules');
      const text = readFileSync(join(dir, `${rule}.py`), 'utf8');
      checkOutcomes(rule, text, runDriver([`${rule}.py`], dir));
    });
  }

  for (const [module, path] of [['app', 'app.py'], ['pkg.sub.deep', 'pkg/sub/deep.py']] as const) {
    it(`test-fixtures/workspaces/pipeline/${path}`, () => {
      const root = join(REPO_ROOT, 'test-fixtures', 'workspaces', 'pipeline');
      const text = readFileSync(join(root, path), 'utf8');
      checkOutcomes(path, text, runDriver(['-m', module], root));
    });
  }
});
