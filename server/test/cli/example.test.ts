// The bundled example project (the README's quick start): `yieldlens check test-fixtures/example` finds
// exactly its five planted bugs, one per core rule, honours its pyproject (exclude, per-file-ignores),
// and reports nothing in the correct code beside them. Each bug was confirmed under CPython 3.13.

import { expect, it } from 'vitest';
import { checkJson, REPO_ROOT, runCli } from './helpers.js';

it('finds the planted bugs and nothing else', async () => {
  const { status, report } = await checkJson(['test-fixtures/example'], REPO_ROOT);
  expect(status).toBe(1);
  expect(report.errors).toEqual([]);
  expect(report.summary.files).toBe(6);
  expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)).toEqual([
    'test-fixtures/example/logpipe/coroutines.py:55:9 GEN003',
    'test-fixtures/example/logpipe/coroutines.py:65:9 GEN002',
    'test-fixtures/example/logpipe/main.py:17:9 GEN001',
    'test-fixtures/example/logpipe/parser.py:26:20 GEN004',
    'test-fixtures/example/logpipe/sources.py:7:9 GEN005',
  ]);
});

it('without its configuration, the excluded and per-file-ignored code is reported too', async () => {
  const { report } = await checkJson(['--no-config', 'test-fixtures/example'], REPO_ROOT);
  const extra = report.findings.map((f) => `${f.file} ${f.code}`).filter((entry) => !entry.includes('/logpipe/'));
  expect(extra).toEqual(['test-fixtures/example/build/generated.py GEN004', 'test-fixtures/example/tests/test_parser.py GEN005']);
});

it('the text and github outputs match their reviewed snapshots', async () => {
  const text = await runCli(['check', 'test-fixtures/example'], { cwd: REPO_ROOT });
  const lines = text.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(7);
  expect(lines[5]).toBe('Found 5 findings in 4 files (6 files checked).');
  expect(lines[6]).toBe('[*] 1 fixable with the `--fix` option (2 hidden fixes can be enabled with the `--unsafe-fixes` option).');
  await expect(text.stdout).toMatchFileSnapshot('__snapshots__/example.text.txt');
  const github = await runCli(['check', '--format', 'github', 'test-fixtures/example'], { cwd: REPO_ROOT });
  await expect(github.stdout).toMatchFileSnapshot('__snapshots__/example.github.txt');
});
