// Bad input never aborts a run: binary files, invalid UTF-8, unreadable files, FIFOs, huge files,
// pathological nesting and syntax errors are listed under `errors` (exit 1), the rest is still checked,
// and nothing prints a stack trace.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, CLEAN_MODULE, LEAKY_GENERATOR, makeProject, runCli } from './helpers.js';

const isRoot = process.getuid?.() === 0;

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

  it.skipIf(isRoot)('an unreadable file is an error', async () => {
    const cwd = makeProject({ 'secret.py': CLEAN_MODULE, 'good.py': LEAKY_GENERATOR });
    fs.chmodSync(path.join(cwd, 'secret.py'), 0o000);
    const { status, report } = await checkJson([], cwd);
    expect(status).toBe(1);
    expect(report.errors).toEqual([{ file: 'secret.py', message: 'cannot read file: permission denied' }]);
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

  it('usage errors never print a stack trace', async () => {
    const cwd = makeProject({});
    for (const args of [['check', '--jobs', 'zero'], ['check', '--select'], ['frobnicate'], ['rule'], ['rule', 'nope'], ['rules', '--format', 'xml'], ['lsp', '--tcp']]) {
      const result = await runCli(args, { cwd });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toMatch(/^\s+at /m);
    }
  });
});
