// `check -` reads one file from stdin, as editors and formatters pipe a buffer: `--stdin-filename`
// gives it a place (configuration, per-file-ignores, module name, imports); `--fix` prints the whole
// source back, fixed, in its own encoding, with the report on stderr; bad input still gets the source
// back, so an editor never loses its buffer.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEAKY_GENERATOR, makeProject, runCli } from './helpers.js';

const FIXED = LEAKY_GENERATOR.replace('raise StopIteration', 'return');

describe('check -', () => {
  it('checks the source on stdin, reported as -, without --stdin-filename', async () => {
    const cwd = makeProject({});
    const result = await runCli(['check', '--format', 'json', '-'], { cwd, input: LEAKY_GENERATOR });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number; code: string }[]; summary: { files: number } };
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual(['-:2 GEN004']);
    expect(report.summary.files).toBe(1);
  });

  it('takes configuration, per-file-ignores and imports from --stdin-filename (without a -)', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens]\nignore = ["GEN005"]\n\n[tool.yieldlens.per-file-ignores]\n"legacy/**" = ["GEN004"]\n',
      'pkg/__init__.py': '',
      'pkg/sinks.py': 'def sink():\n    while True:\n        print((yield))\n',
      'legacy/old.py': '',
    });
    const source = `from .sinks import sink\n\n${LEAKY_GENERATOR}\ns = sink()\ns.send(1)\nf = open("x")\n`;
    const inPackage = await runCli(['check', '--stdin-filename', 'pkg/new.py'], { cwd, input: source });
    expect(inPackage.stdout.split('\n').filter((line) => line.startsWith('pkg/')).map((line) => line.split(' [')[0])).toEqual([
      'pkg/new.py:4:5: GEN004',
      'pkg/new.py:8:1: GEN001',
    ]);
    const ignoredHere = await runCli(['check', '--stdin-filename', 'legacy/old.py', '-'], { cwd, input: LEAKY_GENERATOR });
    expect(ignoredHere.status).toBe(0);
    expect(ignoredHere.stdout).toBe('All checks passed (1 file checked).\n');
  });

  it('--fix prints the fixed source on stdout and the report on stderr', async () => {
    const cwd = makeProject({});
    const result = await runCli(['check', '--fix', '--stdin-filename', 'mod.py'], { cwd, input: LEAKY_GENERATOR });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(FIXED);
    expect(result.stderr).toBe('Found 1 finding (1 fixed, 0 remaining; 1 file checked).\n');
  });

  it('--fix prints the source unchanged when nothing applies, with the remaining findings on stderr', async () => {
    const cwd = makeProject({});
    const unsafe = 'def pairs(items):\n    it = iter(items)\n    for first in it:\n        yield first, next(it)\n';
    const result = await runCli(['check', '--fix', '-'], { cwd, input: unsafe });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(unsafe);
    expect(result.stderr).toMatch(/^-:4:22: GEN004 \[stop-iteration-leak\] /);
  });

  it('--fix keeps a declared encoding, byte for byte', async () => {
    const cwd = makeProject({});
    const latin1 = Buffer.from(`# -*- coding: latin-1 -*-\nname = "Andr\xe9"\n${LEAKY_GENERATOR}`, 'latin1');
    const result = await runCli(['check', '--fix', '-'], { cwd, input: latin1 });
    expect(result.stdoutBytes).toEqual(Buffer.from(latin1.toString('latin1').replace('raise StopIteration', 'return'), 'latin1'));
  });

  it('--diff prints the diff of the stdin source', async () => {
    const cwd = makeProject({});
    const result = await runCli(['check', '--diff', '--stdin-filename', 'mod.py'], { cwd, input: LEAKY_GENERATOR });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('--- mod.py\n+++ mod.py\n@@ -1,3 +1,3 @@\n def leaky():\n-    raise StopIteration\n+    return\n     yield 1\n');
  });

  it('undecodable input is an error; with --fix the input still comes back unchanged', async () => {
    const cwd = makeProject({});
    const bytes = Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xff, 0x22, 0x0a]);
    const plain = await runCli(['check', '--format', 'json', '-'], { cwd, input: bytes });
    expect(plain.status).toBe(1);
    expect(JSON.parse(plain.stdout).errors).toEqual([{ file: '-', message: expect.stringMatching(/^cannot decode as UTF-8 at byte offset 5;/) as unknown as string, line: 1, column: 6 }]);
    const fixing = await runCli(['check', '--fix', '-'], { cwd, input: bytes });
    expect(fixing.stdoutBytes).toEqual(bytes);
    expect(fixing.stderr).toMatch(/^-:1:6: error: cannot decode as UTF-8/);
  });

  it('--force-exclude skips an excluded --stdin-filename (and --fix echoes the source)', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nexclude = ["generated"]\n', 'generated/out.py': LEAKY_GENERATOR });
    const skipped = await runCli(['check', '--force-exclude', '--stdin-filename', 'generated/out.py', '-'], { cwd, input: LEAKY_GENERATOR });
    expect(skipped.status).toBe(0);
    expect(skipped.stdout).toBe('All checks passed (0 files checked).\n');
    const echoed = await runCli(['check', '--fix', '--force-exclude', '--stdin-filename', 'generated/out.py'], { cwd, input: LEAKY_GENERATOR });
    expect(echoed.stdout).toBe(LEAKY_GENERATOR);
    const checked = await runCli(['check', '--stdin-filename', 'generated/out.py', '-'], { cwd, input: LEAKY_GENERATOR });
    expect(checked.status).toBe(1);
  });

  it('- cannot be mixed with other paths, nor --stdin-filename with paths', async () => {
    const cwd = makeProject({ 'a.py': '' });
    const mixed = await runCli(['check', '-', 'a.py'], { cwd });
    expect(mixed.status).toBe(2);
    expect(mixed.stderr.split('\n')[0]).toBe('yieldlens check: - (stdin) cannot be combined with other paths');
    const named = await runCli(['check', '--stdin-filename', 'x.py', 'a.py'], { cwd });
    expect(named.status).toBe(2);
    expect(named.stderr.split('\n')[0]).toBe('yieldlens check: --stdin-filename names the source read from stdin; pass - instead of other paths');
    // Adding comments would overwrite the file named by --stdin-filename with what came on stdin.
    const noqa = await runCli(['check', '--add-noqa', '--stdin-filename', 'a.py'], { cwd, input: LEAKY_GENERATOR });
    expect(noqa.status).toBe(2);
    expect(noqa.stderr.split('\n')[0]).toBe('yieldlens check: --add-noqa writes files; it cannot be combined with stdin');
    expect(fs.readFileSync(path.join(cwd, 'a.py'), 'utf8')).toBe('');
  });
});
