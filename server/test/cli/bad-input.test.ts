// Bad input never aborts a run: binary files, invalid UTF-8, unreadable files, FIFOs, huge files,
// pathological nesting and syntax errors are listed under `errors` (exit 1), the rest is still checked,
// and nothing prints a stack trace.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotRunAsNobody, checkJson, CLEAN_MODULE, LEAKY_GENERATOR, makeProject, runCli, shareWithOtherUsers } from './helpers.js';

/** Permissions do not apply to root (as CI runs): those tests run the CLI as `nobody` when they can. */
const isRoot = process.getuid?.() === 0;
const nobodyUnavailable = isRoot ? await cannotRunAsNobody() : null;
const asUser = isRoot ? { user: 'nobody' } : {};
if (nobodyUnavailable !== null) console.warn(`bad-input: skipping the permission tests: ${nobodyUnavailable}`);

describe('bad input', () => {
  it('binary files and invalid UTF-8 are errors; the good file is still checked', async () => {
    const cwd = makeProject({
      'bin.py': Buffer.from('x = 1\n\0\0\0'),
      'latin.py': Buffer.from('s = "caf\xe9"\n', 'latin1'),
      'good.py': LEAKY_GENERATOR,
    });
    const { status, report, stderr } = await checkJson([], cwd);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(report.findings.map((f) => f.file)).toEqual(['good.py']);
    expect(report.errors).toEqual([
      { file: 'bin.py', message: 'binary file (contains NUL bytes), not analysed' },
      { file: 'latin.py', message: 'cannot decode as UTF-8 at byte offset 8; declare the encoding with a coding comment or re-save the file as UTF-8', line: 1, column: 9 },
    ]);
    expect(report.summary.files).toBe(3);
  });

  it('honours a PEP 263 coding declaration and a UTF-8 byte order mark', async () => {
    const cwd = makeProject({
      'latin.py': Buffer.from(`# -*- coding: latin-1 -*-\ns = "caf\xe9"\n${LEAKY_GENERATOR}`, 'latin1'),
      'bom.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEAKY_GENERATOR)]),
      'typo.py': '# coding: uft-8\nx = 1\n',
    });
    const { report } = await checkJson([], cwd);
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['bom.py:2:5', 'latin.py:4:5']);
    expect(report.errors).toEqual([{ file: 'typo.py', message: 'unknown encoding "uft-8" in coding declaration' }]);
  });

  it.skipIf(nobodyUnavailable !== null)('an unreadable file is an error (run as an unprivileged user)', async () => {
    const cwd = makeProject({ 'secret.py': CLEAN_MODULE, 'good.py': LEAKY_GENERATOR });
    shareWithOtherUsers(cwd);
    fs.chmodSync(path.join(cwd, 'secret.py'), 0o000);
    const result = await runCli(['check', '--format', 'json'], { cwd, ...asUser });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { errors: unknown[]; findings: { file: string }[] };
    expect(report.errors).toEqual([{ file: 'secret.py', message: 'cannot read file: permission denied' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['good.py']);
  });

  it.skipIf(nobodyUnavailable !== null)('an unreadable directory is an error with exit 1, not a clean run (run as an unprivileged user)', async () => {
    const cwd = makeProject({ 'locked/inner.py': LEAKY_GENERATOR, 'good.py': CLEAN_MODULE });
    shareWithOtherUsers(cwd);
    fs.chmodSync(path.join(cwd, 'locked'), 0o000);
    try {
      const json = await runCli(['check', '--format', 'json'], { cwd, ...asUser });
      expect(json.status).toBe(1);
      const report = JSON.parse(json.stdout) as { errors: unknown[]; summary: { files: number } };
      expect(report.errors).toEqual([{ file: 'locked', message: 'cannot read directory: permission denied' }]);
      expect(report.summary.files).toBe(1);
      const text = await runCli(['check'], { cwd, ...asUser });
      expect(text.status).toBe(1);
      expect(text.stdout).toBe('locked: error: cannot read directory: permission denied\nNo findings (1 file checked; 1 error (listed above)).\n');
      const named = await runCli(['check', 'locked'], { cwd, ...asUser });
      expect(named.status).toBe(1);
      expect(named.stdout.split('\n')[0]).toBe('locked: error: cannot read directory: permission denied');
    } finally {
      fs.chmodSync(path.join(cwd, 'locked'), 0o755);
    }
  });

  it('a FIFO named on the command line is an error, not a hang', async () => {
    const cwd = makeProject({ 'good.py': LEAKY_GENERATOR });
    execFileSync('mkfifo', [path.join(cwd, 'pipe.py')]);
    const { status, report } = await checkJson(['pipe.py', 'good.py'], cwd);
    expect(status).toBe(1);
    expect(report.errors).toEqual([{ file: 'pipe.py', message: 'not a regular file, not analysed' }]);
    expect(report.findings).toHaveLength(1);
  });

  it('a file over the size limit (here 50 MB) is listed, not analysed', async () => {
    const line = '# padding padding padding padding padding padding padding padding\n';
    const cwd = makeProject({ 'huge.py': line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)), 'good.py': LEAKY_GENERATOR });
    const { status, report } = await checkJson([], cwd);
    expect(status).toBe(1);
    expect(report.errors).toEqual([{ file: 'huge.py', message: 'file too large (50 MB; the limit is 10 MB), not analysed' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['good.py']);
  });

  it('500-deep nesting is analysed without blowing the stack, in-process and in workers', async () => {
    const nestedIfs = Array.from({ length: 500 }, (_, depth) => `${'    '.repeat(depth)}if x:\n`).join('') + `${'    '.repeat(500)}pass\n`;
    const nestedDefs = Array.from({ length: 500 }, (_, depth) => `${'    '.repeat(depth)}def f${depth}():\n`).join('') + `${'    '.repeat(500)}raise StopIteration\n${'    '.repeat(500)}yield\n`;
    const nestedParens = `def g():\n    yield ${'('.repeat(500)}1${')'.repeat(500)}\n    raise StopIteration\n`;
    const cwd = makeProject({ 'ifs.py': nestedIfs, 'defs.py': nestedDefs, 'parens.py': nestedParens, 'good.py': LEAKY_GENERATOR });
    for (const jobs of ['1', '2']) {
      const { report, stderr } = await checkJson(['--jobs', jobs], cwd);
      expect(stderr).toBe('');
      expect(report.errors).toEqual([]);
      expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['defs.py:501', 'good.py:2', 'parens.py:3']);
    }
  });

  it('a syntax error is listed with its position; intact functions are still checked', async () => {
    const source = `${LEAKY_GENERATOR}\ndef broken(:\n    pass\n`;
    const cwd = makeProject({ 'm.py': source });
    const { status, report } = await checkJson([], cwd);
    expect(status).toBe(1);
    expect(report.findings.map((f) => `${f.line} ${f.code}`)).toEqual(['2 GEN004']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.file).toBe('m.py');
    expect(report.errors[0]?.message).toMatch(/^syntax error.* at line 5, column \d+$/);
  });

  it('an empty file and a directory named like a module are fine', async () => {
    const cwd = makeProject({ 'empty.py': '', 'weird.py/inner.py': LEAKY_GENERATOR });
    const { status, report } = await checkJson([], cwd);
    expect(status).toBe(1);
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => f.file)).toEqual(['weird.py/inner.py']);
  });

  it('a flag without its value is a usage error naming the flag, never swallowing the next argument', async () => {
    const cwd = makeProject({ 'src/a.py': LEAKY_GENERATOR });
    for (const [args, message] of [
      [['--format'], '--format requires a value (text, json, sarif, github)'],
      [['--format', '--select', 'GEN001', 'src'], '--format requires a value (text, json, sarif, github)'],
      [['--select'], '--select requires a value (rule codes or names)'],
      [['-o'], '-o requires a value (a file name)'],
      [['--format', 'src'], '--format: unknown format "src" (expected text, json, sarif, github)'],
      [['--output-format', 'fancy'], '--output-format: unknown style "fancy" (expected full, concise, json, sarif, github)'],
      [['--fix=yes'], '--fix takes no value'],
      [['--frobnicate'], "unknown option --frobnicate"],
      [['--jobs', '0'], '--jobs expects a positive integer, got "0"'],
    ] as const) {
      const result = await runCli(['check', ...args], { cwd });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toBe(`yieldlens check: ${message}\nRun 'yieldlens check --help' for usage.\n`);
    }
  });

  it('every usage and configuration message is one lower-case line after the command name', async () => {
    const cwd = makeProject({ 'bad/pyproject.toml': '[tool.yieldlens]\nselect = 1\n', 'bad/a.py': '' });
    const runs = [['check', '--format'], ['check', '--bogus'], ['check', '--select', 'GEN999'], ['check', 'bad'], ['rules', '--format'], ['rules', '--bogus'], ['rule'], ['lsp', '--tcp'], ['help', 'nope']];
    for (const args of runs) {
      const result = await runCli(args, { cwd });
      expect(result.status, args.join(' ')).toBe(2);
      const first = result.stderr.split('\n')[0] ?? '';
      expect(first, args.join(' ')).toMatch(/^yieldlens(?: [a-z]+)?: [a-z-]/);
    }
  });

  it('usage errors never print a stack trace', async () => {
    const cwd = makeProject({});
    for (const args of [['check', '--jobs', 'zero'], ['check', '--select'], ['frobnicate'], ['rule'], ['rule', 'nope'], ['rules', '--format', 'xml'], ['lsp', '--tcp']]) {
      const result = await runCli(args, { cwd });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toMatch(/^\s+at /m);
    }
  });
});
