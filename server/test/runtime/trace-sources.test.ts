// Trace sources (`runtime/sources.ts`) and the runs they describe (`RunOptions.moduleName`,
// `followUps`), checked against CPython: doctest's own parser must find the same examples on the same
// lines, and each source's run must print, yield and fail exactly as CPython running the module under
// that `__name__` and then the follow-up code in its globals.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePython } from '../../src/parser.js';
import { runSnippet, type FollowUp } from '../../src/runtime/index.js';
import { findTraceSources, traceInput, type TraceSource } from '../../src/runtime/sources.js';
import { runTraceCommand } from '../../src/cli/trace.js';
import { findPython } from './oracle-harness.mjs';

const HERE = import.meta.dirname;
const FIXTURES = join(HERE, '../../../test-fixtures/trace-sources');
const ORACLE = join(HERE, 'trace-sources-oracle.py');
const python = findPython();

function oracle<T>(request: Record<string, unknown>): T {
  if (!python.ok) throw new Error(python.reason);
  const result = spawnSync(python.command, [ORACLE], { input: JSON.stringify(request), env: python.env, encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`oracle failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

interface OracleDocstring {
  owner: string | null;
  isGenerator: boolean;
  examples: { line: number; source: string; want: string }[];
}

interface OracleRun {
  stdout: string;
  yields: [string, number, string][];
  returns: [string, string][];
  error: { type: string; line: number | null; followUp?: number } | null;
  exampleErrors: { type: string; line: number | null; followUp?: number }[];
}

function sourcesOf(text: string, moduleName = 'fixture'): TraceSource[] {
  return findTraceSources(parsePython(text), text, { moduleName });
}

const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.py')).sort();

describe.skipIf(!python.ok)(`trace sources against CPython (${python.ok ? python.label : 'no CPython >= 3.12: skipped'})`, () => {
  for (const name of fixtures) {
    const file = join(FIXTURES, name);
    const text = readFileSync(file, 'utf8');

    it(`${name}: the doctest examples are doctest's own, on the same lines`, () => {
      const { docstrings } = oracle<{ docstrings: OracleDocstring[] }>({ text, examples: true });
      const expected = docstrings
        .filter((docstring) => docstring.examples.length > 0 && (docstring.owner === null || docstring.isGenerator))
        .map((docstring) => ({
          owner: docstring.owner ?? 'fixture',
          // doctest keeps skipped examples in the list; the runtime has nothing to run for them.
          examples: docstring.examples.filter((example) => !/#\s*doctest:.*\+SKIP/.test(example.source)).map(({ line, source }) => ({ line, code: source })),
        }));
      const found = sourcesOf(text)
        .filter((source) => source.info.kind === 'doctest')
        .map((source) => ({ owner: source.generator ?? 'fixture', examples: source.followUps.map(({ line, code }) => ({ line, code })) }));
      expect(found).toEqual(expected);
    });

    it(`${name}: every source runs as CPython runs it`, () => {
      const sources = sourcesOf(text);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        const expected = oracle<OracleRun>({ text, filename: name, moduleName: source.moduleName, followUps: source.followUps });
        const report = runSnippet(text, { filename: name, moduleName: source.moduleName, followUps: source.followUps });
        const what = `${name}, ${source.info.label}`;
        expect(report.unsupported, what).toBeNull();
        expect(report.stdout, what).toBe(expected.stdout);
        const yields = report.events.flatMap((event) => (event.event === 'yield' ? [[event.function, event.line, event.value]] : []));
        expect(yields, what).toEqual(expected.yields);
        const returns = report.events.flatMap((event) => (event.event === 'return' ? [[event.function, event.value]] : []));
        expect(returns, what).toEqual(expected.returns);
        const shape = (error: { type: string; line: number | null; followUp?: number } | null) =>
          error === null ? null : { type: error.type, line: error.line, followUp: error.followUp };
        expect(shape(report.error), what).toEqual(shape(expected.error));
        expect((report.exampleErrors ?? []).map(shape), what).toEqual(expected.exampleErrors.map(shape));
      }
    });
  }
});

describe('finding trace sources', () => {
  it('finds the __main__ block, the doctests of the module and of generator functions, and directives', () => {
    const text = readFileSync(join(FIXTURES, 'doctests.py'), 'utf8');
    expect(sourcesOf(text, 'doctests').map((source) => [source.info.kind, source.info.id, source.info.label, source.info.line])).toEqual([
      ['main', 'main', '__main__ block', 117],
      ['doctest', 'doctest:doctests:0', 'doctest of module doctests', 3],
      ['doctest', 'doctest:countdown:0', 'doctest of countdown', 15],
      ['doctest', 'doctest:averager:0', 'doctest of averager', 39],
      ['doctest', 'doctest:Tree.__iter__:0', 'doctest of Tree.__iter__', 78],
      ['doctest', 'doctest:windows:0', 'doctest of windows', 101],
    ]);
    const main = readFileSync(join(FIXTURES, 'main_block.py'), 'utf8');
    expect(sourcesOf(main).map((source) => source.info.id)).toEqual(['main', 'directive:Registry.names']);
  });

  it('runs doctest and directive sources under the module name, with the expected exceptions noted', () => {
    const text = readFileSync(join(FIXTURES, 'doctests.py'), 'utf8');
    const countdown = sourcesOf(text, 'pkg.doctests').find((source) => source.info.id === 'doctest:countdown:0');
    expect(countdown?.moduleName).toBe('pkg.doctests');
    expect(countdown?.expectedExceptions).toEqual([null, null, null, 'StopIteration', null]);
    expect(countdown?.followUps.every((followUp) => followUp.mode === 'single')).toBe(true);
  });

  it('treats top-level loops and calls of a script as its driver code, but not a library module\'s set-up', () => {
    const script = readFileSync(join(FIXTURES, 'script.py'), 'utf8');
    expect(sourcesOf(script).map((source) => [source.info.id, source.info.label, source.info.line])).toEqual([
      ['main', 'top-level code', 14],
      ['directive:chunks', '# yieldlens: trace list(chunks("abcdefg", 3)) (and 1 more)', 7],
    ]);
    expect(sourcesOf('import logging\nlogger = logging.getLogger(__name__)\n\ndef gen():\n    yield 1\n')).toEqual([]);
  });

  it('takes a directive only from comment lines directly above the function or its decorators', () => {
    const text = [
      '# yieldlens: trace list(decorated())',
      '@staticmethod',
      'def decorated():',
      '    yield 1',
      '',
      'x = 1  # yieldlens: trace list(after_code())',
      'def after_code():',
      '    yield 2',
      '',
      '# yieldlens: trace list(spaced())',
      '',
      'def spaced():',
      '    yield 3',
      '',
      '# yieldlens: trace plain()',
      'def plain():',
      '    return 4',
      '',
    ].join('\n');
    expect(sourcesOf(text).map((source) => source.info.id)).toEqual(['directive:decorated']);
  });

  it('limits the kinds to what is asked for', () => {
    const text = readFileSync(join(FIXTURES, 'main_block.py'), 'utf8');
    expect(findTraceSources(parsePython(text), text, { kinds: ['directive'] }).map((source) => source.info.kind)).toEqual(['directive']);
  });
});

describe('the text a trace depends on', () => {
  const base = 'def gen():\n    yield 1  # one\n\nif __name__ == "__main__":\n    print(list(gen()))\n';
  const inputOf = (text: string, kind: 'main' | 'doctest'): string => {
    const source: TraceSource = kind === 'main'
      ? { info: { kind: 'main', id: 'main', label: '', line: 4 }, moduleName: '__main__', followUps: [], expectedExceptions: [], generator: null }
      : { info: { kind: 'doctest', id: 'd', label: '', line: 1 }, moduleName: 'm', followUps: [{ code: 'list(gen())', line: 1, mode: 'single' } satisfies FollowUp], expectedExceptions: [null], generator: 'gen' };
    return traceInput(parsePython(text), text, source);
  };

  it('ignores comments but not the lines they are on', () => {
    expect(inputOf(base.replace('# one', '# two, longer'), 'main')).toBe(inputOf(base, 'main'));
    expect(inputOf(base.replace('yield 1', 'yield 2'), 'main')).not.toBe(inputOf(base, 'main'));
    expect(inputOf(base.replace('# one', '# one\n'), 'main')).not.toBe(inputOf(base, 'main'));
  });

  it('leaves the __main__ block out for a source that runs the module under its own name', () => {
    const edited = base.replace('print(list(gen()))', 'print(tuple(gen()))');
    expect(inputOf(edited, 'doctest')).toBe(inputOf(base, 'doctest'));
    expect(inputOf(edited, 'main')).not.toBe(inputOf(base, 'main'));
  });
});

describe('yieldlens trace --source', () => {
  async function trace(argv: string[], files: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const readFile = (path: string): string => files[path] ?? readFileSync(path, 'utf8');
    const code = await runTraceCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readFile });
    return { code, stdout, stderr };
  }

  it('runs the sources of one kind, as the editor does, each report with its source', async () => {
    const { code, stdout } = await trace(['--source', 'doctest', '--format', 'json', join(FIXTURES, 'doctests.py')]);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { version: number; sources: { source: { id: string }; report: { stdout: string } }[] };
    expect(printed.version).toBe(1);
    expect(printed.sources.map((each) => each.source.id)).toEqual(['doctest:doctests:0', 'doctest:countdown:0', 'doctest:averager:0', 'doctest:Tree.__iter__:0', 'doctest:windows:0']);
    expect(printed.sources[0]?.report.stdout).toBe('[3, 2, 1]\n10\n');
  });

  it('runs one source by id, all of them, or says there is none', async () => {
    const one = await trace(['--source', 'directive:chunks', join(FIXTURES, 'script.py')]);
    expect(one.stdout).toMatch(/^── # yieldlens: trace list\(chunks\("abcdefg", 3\)\) \(and 1 more\) \(line 7\) ──\ntrace of /);
    const all = await trace(['--source', 'all', '--format', 'json', join(FIXTURES, 'main_block.py')]);
    expect((JSON.parse(all.stdout) as { sources: { source: { kind: string } }[] }).sources.map((each) => each.source.kind)).toEqual(['main', 'directive']);
    const none = await trace(['--source', 'doctest', join(FIXTURES, 'script.py')]);
    expect([none.code, none.stdout]).toEqual([0, `no doctest trace source in ${join(FIXTURES, 'script.py')}\n`]);
  });

  it('refuses an unknown source kind as a usage error', async () => {
    const bad = await trace(['--source', 'tests', join(FIXTURES, 'script.py')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--source must be main, doctest, directive, all');
  });

  it('exits 2 when a source stops at a limit', async () => {
    const spin = 'def gen():\n    yield 1\n\nif __name__ == "__main__":\n    while True:\n        pass\n';
    const { code, stdout } = await trace(['--source', 'main', '--max-steps', '5000', '--format', 'json', 'spin.py'], { 'spin.py': spin });
    expect(code).toBe(2);
    expect((JSON.parse(stdout) as { sources: { report: { limit: { kind: string } } }[] }).sources[0]?.report.limit.kind).toBe('steps');
  });
});
