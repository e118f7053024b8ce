// `--fix`, `--unsafe-fixes`, `--diff` and `--show-fixes` on temporary trees: what is written (and what
// is not), the re-check after fixing, the summary's counts, the encoding, BOM, line endings, mode and
// symbolic links of fixed files, and fixes that conflict or only appear after another was applied.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, LEAKY_GENERATOR, makeProject, runCli } from './helpers.js';

/** GEN004 with a safe fix (`raise StopIteration` → `return`). */
const SAFE = LEAKY_GENERATOR;
/** GEN004 with an unsafe fix (`next(it)` wrapped in try/except StopIteration). */
const UNSAFE = 'def pairs(items):\n    it = iter(items)\n    for first in it:\n        second = next(it)\n        yield first, second\n';
const read = (cwd: string, file: string): string => fs.readFileSync(path.join(cwd, file), 'utf8');

describe('--fix', () => {
  it('applies the safe fixes, writes the files, and reports what remains', async () => {
    const cwd = makeProject({ 'safe.py': SAFE, 'unsafe.py': UNSAFE });
    const result = await runCli(['check', '--fix'], { cwd });
    expect(read(cwd, 'safe.py')).toBe('def leaky():\n    return\n    yield 1\n');
    expect(read(cwd, 'unsafe.py')).toBe(UNSAFE);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^unsafe\.py:4:18: GEN004 /);
    expect(lines.slice(1)).toEqual([
      'Found 2 findings (1 fixed, 1 remaining; 2 files checked).',
      'No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).',
    ]);
    // The re-check: nothing fixable is left, and a second run changes nothing.
    const again = await checkJson(['--fix'], cwd);
    expect(again.report.summary).toEqual({ files: 2, findings: 1, fixable: 0, fixed: 0 });
  });

  it('with --unsafe-fixes applies those too, exits 0 when nothing remains, and the result runs under CPython', async () => {
    const cwd = makeProject({ 'safe.py': SAFE, 'unsafe.py': `${UNSAFE}\nprint(list(pairs([1, 2, 3])))\n` });
    const { status, report } = await checkJson(['--fix', '--unsafe-fixes'], cwd);
    expect(status).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ files: 2, findings: 0, fixable: 0, fixed: 2 });
    expect(read(cwd, 'unsafe.py')).toContain('        try:\n            second = next(it)\n        except StopIteration:\n            return\n');
    // Before the fix this raised RuntimeError (PEP 479); now the odd item ends the pairs.
    expect(execFileSync('python3', ['unsafe.py'], { cwd, encoding: 'utf8' })).toBe('[(1, 2)]\n');
  });

  it('--show-fixes lists the fixes applied per file', async () => {
    const cwd = makeProject({ 'a.py': SAFE, 'b.py': `${SAFE}\n\ndef other():\n    raise StopIteration()\n    yield\n` });
    const { stdout, status } = await runCli(['check', '--fix', '--show-fixes'], { cwd });
    expect(status).toBe(0);
    expect(stdout).toBe([
      'Fixed 3 findings:',
      '- a.py:',
      '    1 × GEN004 (stop-iteration-leak)',
      '- b.py:',
      '    2 × GEN004 (stop-iteration-leak)',
      '',
      'Found 3 findings (3 fixed, 0 remaining; 2 files checked).',
      '',
    ].join('\n'));
  });

  it('applies a fix that conflicts with another in a later round, re-checking in between', async () => {
    // GEN005's fix re-indents the whole loop; GEN004's fix inside it overlaps, so it waits a round.
    const source = [
      'def lines(path):',
      '    f = open(path)',
      '    for line in f:',
      '        if not line.strip():',
      '            raise StopIteration',
      '        yield line',
      '    f.close()',
      '',
      "print(list(lines(__file__))[:1])",
      '',
    ].join('\n');
    const cwd = makeProject({ 'm.py': source });
    const { report } = await checkJson(['--fix'], cwd);
    expect(report.summary.fixed).toBe(2);
    expect(report.findings).toEqual([]);
    expect(read(cwd, 'm.py')).toBe([
      'def lines(path):',
      '    with open(path) as f:',
      '        for line in f:',
      '            if not line.strip():',
      '                return',
      '            yield line',
      '',
      "print(list(lines(__file__))[:1])",
      '',
    ].join('\n'));
    expect(execFileSync('python3', ['m.py'], { cwd, encoding: 'utf8' })).toBe("['def lines(path):\\n']\n");
  });

  it('keeps the encoding, the byte order mark, CRLF line endings, the mode and symbolic links', async () => {
    const latin1 = Buffer.from(`# -*- coding: latin-1 -*-\ns = "caf\xe9 \x80"\n${SAFE}`, 'latin1');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`s = "é"\n${SAFE}`)]);
    const crlf = `s = 1\r\n${SAFE.replace(/\n/g, '\r\n')}`;
    const cwd = makeProject({ 'latin.py': latin1, 'bom.py': bom, 'crlf.py': crlf, 'real/target.py': SAFE });
    fs.chmodSync(path.join(cwd, 'crlf.py'), 0o751);
    fs.symlinkSync(path.join('real', 'target.py'), path.join(cwd, 'link.py'));
    const { report } = await checkJson(['--fix', 'latin.py', 'bom.py', 'crlf.py', 'link.py'], cwd);
    expect(report.errors).toEqual([]);
    expect(report.summary.fixed).toBe(4);
    expect(fs.readFileSync(path.join(cwd, 'latin.py'))).toEqual(Buffer.from(latin1.toString('latin1').replace('raise StopIteration', 'return'), 'latin1'));
    expect(fs.readFileSync(path.join(cwd, 'bom.py'))).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`s = "é"\n${SAFE.replace('raise StopIteration', 'return')}`)]));
    expect(read(cwd, 'crlf.py')).toBe(crlf.replace('raise StopIteration', 'return'));
    expect(fs.statSync(path.join(cwd, 'crlf.py')).mode & 0o777).toBe(0o751);
    expect(fs.lstatSync(path.join(cwd, 'link.py')).isSymbolicLink()).toBe(true);
    expect(read(cwd, 'real/target.py')).toBe(SAFE.replace('raise StopIteration', 'return'));
    // No temporary file is left behind.
    expect(fs.readdirSync(cwd).filter((name) => name.includes('yieldlens'))).toEqual([]);
  });

  it('does not fix a file with a syntax error', async () => {
    const broken = `${SAFE}\ndef broken(:\n    pass\n`;
    const cwd = makeProject({ 'm.py': broken });
    const { report } = await checkJson(['--fix'], cwd);
    expect(read(cwd, 'm.py')).toBe(broken);
    expect(report.summary.fixed).toBe(0);
    expect(report.errors.map((error) => error.message)).toEqual([expect.stringMatching(/^syntax error/)]);
  });
});

describe('--diff', () => {
  it('prints a unified diff, writes nothing, and exits 1 when there is something to fix', async () => {
    const cwd = makeProject({ 'a.py': SAFE, 'clean.py': 'x = 1\n', 'unsafe.py': UNSAFE });
    const result = await runCli(['check', '--diff'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe([
      '--- a.py',
      '+++ a.py',
      '@@ -1,3 +1,3 @@',
      ' def leaky():',
      '-    raise StopIteration',
      '+    return',
      '     yield 1',
      '',
    ].join('\n'));
    expect(result.stderr).toBe('Would fix 1 finding (1 more fix available with `--unsafe-fixes`).\n');
    expect(read(cwd, 'a.py')).toBe(SAFE);
    // The diff applies (`git apply` works outside a repository too) and gives what --fix writes.
    execFileSync('git', ['apply', '-p0'], { cwd, input: result.stdout });
    expect(read(cwd, 'a.py')).toBe(SAFE.replace('raise StopIteration', 'return'));
  });

  it('with --show-fixes lists on stderr what would be fixed', async () => {
    const cwd = makeProject({ 'a.py': SAFE, 'b.py': UNSAFE });
    const result = await runCli(['check', '--diff', '--show-fixes', '--unsafe-fixes'], { cwd });
    expect(result.stderr).toBe('Would fix 2 findings:\n- a.py:\n    1 × GEN004 (stop-iteration-leak)\n- b.py:\n    1 × GEN004 (stop-iteration-leak)\n\nWould fix 2 findings.\n');
    expect(read(cwd, 'a.py')).toBe(SAFE);
  });

  it('exits 0 with no output when there is nothing to fix; --unsafe-fixes includes the unsafe ones', async () => {
    const cwd = makeProject({ 'unsafe.py': UNSAFE });
    const none = await runCli(['check', '--diff'], { cwd });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('');
    const unsafe = await runCli(['check', '--diff', '--unsafe-fixes'], { cwd });
    expect(unsafe.status).toBe(1);
    expect(unsafe.stdout).toContain('+        except StopIteration:\n');
    expect(unsafe.stderr).toBe('Would fix 1 finding.\n');
  });

  it('cannot be combined with a machine format or --add-noqa', async () => {
    const cwd = makeProject({ 'a.py': SAFE });
    for (const [args, message] of [
      [['--diff', '--format', 'json'], '--diff prints a unified diff; it cannot be combined with --format json'],
      [['--diff', '--add-noqa'], '--add-noqa cannot be combined with --diff'],
      [['--fix', '--add-noqa'], '--add-noqa cannot be combined with --fix'],
    ] as const) {
      const result = await runCli(['check', ...args], { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`yieldlens check: ${message}`);
    }
  });
});

describe('fixability in the summary', () => {
  it('counts safe fixes as fixable and mentions the hidden unsafe ones', async () => {
    const cwd = makeProject({ 'a.py': SAFE, 'b.py': UNSAFE });
    const text = await runCli(['check'], { cwd });
    expect(text.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'Found 2 findings in 2 files (2 files checked).',
      '[*] 1 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option).',
    ]);
    const { report } = await checkJson(['--unsafe-fixes'], cwd);
    expect(report.summary).toEqual({ files: 2, findings: 2, fixable: 2, fixed: 0 });
  });
});
