// Multi-file runs over worker threads give byte-identical output to the in-process path, including
// findings that need the workspace index built from files another worker parsed.

import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { LEAKY_GENERATOR, makeProject, runCli } from './helpers.js';

/** 60 modules (above the in-process threshold): each imports a generator function from another module. */
function bigProject(): string {
  const files: Record<string, string> = { 'pkg/__init__.py': '' };
  const count = 60;
  for (let i = 0; i < count; i++) {
    const next = (i + 7) % count;
    files[`pkg/mod${String(i).padStart(2, '0')}.py`] = [
      `from pkg.mod${String(next).padStart(2, '0')} import echo${next}`,
      '',
      `def echo${i}():`,
      '    while True:',
      '        value = yield',
      '        print(value)',
      '',
      `sink = echo${next}()`,
      'sink.send("early")',
      '',
      i % 3 === 0 ? LEAKY_GENERATOR : '',
    ].join('\n');
  }
  return makeProject(files);
}

it('worker threads and in-process analysis print the same report, in a deterministic order', async () => {
  const cwd = bigProject();
  const inProcess = await runCli(['check', '--format', 'json', '--jobs', '1'], { cwd });
  const pooled = await runCli(['check', '--format', 'json', '--jobs', '2'], { cwd });
  const byDefault = await runCli(['check', '--format', 'json'], { cwd });
  expect(inProcess.status).toBe(1);
  expect(pooled.stdout).toBe(inProcess.stdout);
  expect(byDefault.stdout).toBe(inProcess.stdout);
  const report = JSON.parse(inProcess.stdout) as { findings: { file: string; line: number; code: string }[]; summary: { files: number } };
  expect(report.summary.files).toBe(61);
  // Every module sends to an unprimed generator imported from another module (GEN001, line 9);
  // every third one also has the leaky generator (GEN004).
  const unprimed = report.findings.filter((finding) => finding.code === 'GEN001');
  expect(unprimed).toHaveLength(60);
  expect(unprimed.every((finding) => finding.line === 9)).toBe(true);
  expect(report.findings.filter((finding) => finding.code === 'GEN004')).toHaveLength(20);
  const order = report.findings.map((finding) => `${finding.file}:${String(finding.line).padStart(4, '0')}`);
  expect(order).toEqual([...order].sort());
});

it('summarises each imported module once for all the threads', async () => {
  const cwd = bigProject();
  const pooled = await runCli(['check', '--no-cache', '--format', 'json', '--jobs', '2'], { cwd, env: { YIELDLENS_TIMING: '1' } });
  const inProcess = await runCli(['check', '--no-cache', '--format', 'json', '--jobs', '1'], { cwd });
  expect(pooled.stdout).toBe(inProcess.stdout);
  // Each of the 60 modules is imported by one other: 60 summaries, whichever thread needed them first.
  expect(pooled.stderr).toMatch(/main thread \+ 1 workers: .*; shared summaries: 60 modules,/);
});

it('resolves re-exports and submodule imports whichever thread summarised the modules', async () => {
  const cwd = makeProject({
    'pkg/__init__.py': 'from .impl import make_echo\n',
    'pkg/impl.py': 'def make_echo():\n    while True:\n        value = yield\n        print(value)\n',
    'via_reexport.py': 'from pkg import make_echo\n\nsink = make_echo()\nsink.send(1)\n',
    'via_submodule.py': 'from pkg import impl\n\nsink = impl.make_echo()\nsink.send(2)\n',
    'via_dotted.py': 'import pkg.impl\n\nsink = pkg.impl.make_echo()\nsink.send(3)\n',
    'not_imported.py': 'def unrelated():\n    yield 1\n',
  });
  const results = [];
  for (const jobs of ['1', '2']) {
    const result = await runCli(['check', '--format', 'json', '--select', 'GEN001', '--jobs', jobs], { cwd });
    const report = JSON.parse(result.stdout) as { findings: { file: string; line: number }[] };
    results.push(report.findings.map((finding) => `${finding.file}:${finding.line}`));
  }
  expect(results[0]).toEqual(['via_dotted.py:4', 'via_reexport.py:4', 'via_submodule.py:4']);
  expect(results[1]).toEqual(results[0]);
});

it('--fix in worker threads writes the same files as in-process', async () => {
  const first = bigProject();
  const second = bigProject();
  const inProcess = await runCli(['check', '--fix', '--unsafe-fixes', '--format', 'json', '--jobs', '1'], { cwd: first });
  const pooled = await runCli(['check', '--fix', '--unsafe-fixes', '--format', 'json', '--jobs', '2'], { cwd: second });
  expect(pooled.stdout).toBe(inProcess.stdout);
  const report = JSON.parse(inProcess.stdout) as { summary: { fixed: number; findings: number } };
  // Every GEN001 (priming inserted) and GEN004 (`return`) is fixed.
  expect(report.summary).toMatchObject({ fixed: 80, findings: 0 });
  for (const name of fs.readdirSync(path.join(first, 'pkg'))) {
    expect(fs.readFileSync(path.join(second, 'pkg', name), 'utf8'), name).toBe(fs.readFileSync(path.join(first, 'pkg', name), 'utf8'));
  }
  expect(fs.readFileSync(path.join(first, 'pkg', 'mod00.py'), 'utf8')).toContain('sink = echo7()\nnext(sink)\nsink.send("early")\n');
});
