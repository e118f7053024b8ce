// The report's shapes beyond the one-line default: the `full` style (flag and `output-format` key),
// `--statistics` (text and JSON), `--quiet`, `--output-file`, `--show-files`, `--show-settings`,
// clickable `path:line:col:` errors in text and `line=`/`col=` in github, SARIF's links.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, CLEAN_MODULE, LEAKY_GENERATOR, makeProject, REPO_ROOT, runCli } from './helpers.js';
import { RULES } from '../../src/analysis/index.js';

const UNSAFE = 'def pairs(items):\n    it = iter(items)\n    for first in it:\n        second = next(it)\n        yield first, second\n';

describe('--output-format full', () => {
  it('shows each finding with its source, a caret under the range, related locations and the fix', async () => {
    const result = await runCli(['check', '--output-format', 'full', 'test-fixtures/example'], { cwd: REPO_ROOT });
    expect(result.status).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot('__snapshots__/example.full.txt');
    expect(result.stdout).toContain([
      'GEN001 [unprimed-send] `durations` is a generator that is not started on every path to this call: on those paths `.send()` of a non-None value raises TypeError (can\'t send non-None value to a just-started generator)',
      '  --> test-fixtures/example/logpipe/main.py:17:9',
      '   |',
      '15 |     for record in parse_records(read_lines_safely(path)):',
      '16 |         fan_out.send(record)',
      '17 |         durations.send(record.duration_ms)   # TypeError on the first record',
      '   |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '18 |     fan_out.close()',
      '19 |     return counts',
      '   |',
    ].join('\n'));
  });

  it('is chosen by output-format in [tool.yieldlens], and --output-format concise overrides it', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\noutput-format = "full"\n', 'a.py': LEAKY_GENERATOR });
    const full = await runCli(['check'], { cwd });
    expect(full.stdout.split('\n').slice(0, 2)).toEqual(['GEN004 [*] [stop-iteration-leak] `raise StopIteration` in generator `leaky` becomes RuntimeError (generator raised StopIteration, PEP 479); use `return` to end the generator', '  --> a.py:2:5']);
    const concise = await runCli(['check', '--output-format', 'concise'], { cwd });
    expect(concise.stdout.split('\n')[0]).toMatch(/^a\.py:2:5: GEN004 \[stop-iteration-leak\] /);
    const wrong = makeProject({ 'pyproject.toml': '[tool.yieldlens]\noutput-format = "fancy"\n', 'a.py': '' });
    const error = await runCli(['check'], { cwd: wrong });
    expect(error.status).toBe(2);
    expect(error.stderr).toMatch(/"output-format" must be one of "full", "concise"\n$/);
  });

  it('with --show-fixes shows the edit under each fixable finding', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR });
    const result = await runCli(['check', '--output-format', 'full', '--show-fixes'], { cwd });
    expect(result.stdout).toContain('help: Replace `raise StopIteration` with `return`\n    -     raise StopIteration\n    +     return\n');
  });

  it('places syntax and decoding errors with a caret too', async () => {
    // `next(it)`: a file no rule can report in is not parsed, so its syntax errors are not reported.
    const cwd = makeProject({ 'broken.py': 'def f(:\n    next(it)\n', 'latin.py': Buffer.from('s = "caf\xe9"\n', 'latin1') });
    const result = await runCli(['check', '--output-format', 'full'], { cwd });
    expect(result.stdout).toContain('error: syntax error: expected )\n  --> broken.py:1:7\n  |\n1 | def f(:\n  |       ^\n2 |     next(it)\n  |\n');
    expect(result.stdout).toContain('error: cannot decode as UTF-8 at byte offset 8; declare the encoding with a coding comment or re-save the file as UTF-8\n  --> latin.py:1:9\n');
  });
});

describe('errors with a place', () => {
  it('are path:line:col: in the concise text, and carry line= and col= in the github format', async () => {
    const cwd = makeProject({ 'broken.py': 'def f(:\n    next(it)\n', 'bin.py': Buffer.from('x\0') });
    const text = await runCli(['check'], { cwd });
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      'bin.py: error: binary file (contains NUL bytes), not analysed',
      'broken.py:1:7: error: syntax error: expected )',
    ]);
    const github = await runCli(['check', '--format', 'github'], { cwd });
    expect(github.stdout).toBe([
      '::error file=bin.py,title=yieldlens%3A file not analysed::binary file (contains NUL bytes), not analysed',
      '::error file=broken.py,line=1,col=7,title=yieldlens%3A syntax error::syntax error: expected ) at line 1, column 7',
      '',
    ].join('\n'));
    const { report } = await checkJson([], cwd);
    expect(report.errors).toEqual([
      { file: 'bin.py', message: 'binary file (contains NUL bytes), not analysed' },
      { file: 'broken.py', message: 'syntax error: expected ) at line 1, column 7', line: 1, column: 7 },
    ]);
  });
});

describe('files no rule can report in', () => {
  it('are counted as checked but not parsed, so their syntax errors are not reported', async () => {
    const cwd = makeProject({ 'broken.py': 'def f(:\n    pass\n', 'ok.py': 'x = 1\n' });
    const { report } = await checkJson([], cwd);
    expect({ files: report.summary.files, errors: report.errors }).toEqual({ files: 2, errors: [] });
  });
});

describe('--statistics', () => {
  it('counts findings per rule, most frequent first, marking fixability', async () => {
    const cwd = makeProject({ 'a.py': `${LEAKY_GENERATOR}\n${LEAKY_GENERATOR.replace('leaky', 'other')}`, 'b.py': UNSAFE, 'c.py': 'def g():\n    f = open("x")\n    yield f.read()\n', 'd.py': 'def h():\n    try:\n        yield 1\n    finally:\n        yield 2\n' });
    const text = await runCli(['check', '--statistics'], { cwd });
    expect(text.status).toBe(1);
    expect(text.stdout).toBe('3\tGEN004\t[-] stop-iteration-leak\n1\tGEN002\t[ ] yield-in-finally\n1\tGEN005\t[*] suspended-resource\n');
    const json = await runCli(['check', '--statistics', '--format', 'json', '--unsafe-fixes'], { cwd });
    expect(JSON.parse(json.stdout)).toEqual([
      { code: 'GEN004', name: 'stop-iteration-leak', count: 3, fixable: true, fixable_count: 3 },
      { code: 'GEN002', name: 'yield-in-finally', count: 1, fixable: false, fixable_count: 0 },
      { code: 'GEN005', name: 'suspended-resource', count: 1, fixable: true, fixable_count: 1 },
    ]);
  });
});

describe('--quiet, --output-file', () => {
  it('-q prints the findings and nothing else', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR });
    const result = await runCli(['check', '-q'], { cwd });
    expect(result.stdout.split('\n').filter((line) => line !== '')).toHaveLength(1);
    const empty = await runCli(['check', '--quiet'], { cwd: makeProject({ 'README.md': '' }) });
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe('');
  });

  it('-o writes the report to a file (creating its directory) and nothing to stdout', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR });
    const result = await runCli(['check', '--format', 'json', '-o', 'reports/yieldlens.json'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const report = JSON.parse(fs.readFileSync(path.join(cwd, 'reports', 'yieldlens.json'), 'utf8')) as { findings: unknown[] };
    expect(report.findings).toHaveLength(1);
    const unwritable = await runCli(['check', '--output-file', 'a.py/report.txt'], { cwd });
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/^yieldlens: cannot write the report to a\.py\/report\.txt: /);
  });
});

describe('--show-files, --show-settings', () => {
  it('--show-files lists what would be checked, honouring --force-exclude', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nexclude = ["gen_*.py"]\n', 'src/a.py': '', 'src/gen_b.py': '', 'notes.txt': '' });
    const all = await runCli(['check', '--show-files'], { cwd });
    expect(all.stdout).toBe('src/a.py\n');
    const named = await runCli(['check', '--show-files', 'src/a.py', 'src/gen_b.py'], { cwd });
    expect(named.stdout).toBe('src/a.py\nsrc/gen_b.py\n');
    const forced = await runCli(['check', '--show-files', '--force-exclude', 'src/a.py', 'src/gen_b.py'], { cwd });
    expect(forced.stdout).toBe('src/a.py\n');
  });

  it('--show-settings prints the configuration, rules, module name and import roots of the first path', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens]\nextend-select = ["GEN100"]\nignore = ["GEN005"]\n\n[tool.yieldlens.per-file-ignores]\n"tests/**" = ["GEN004"]\n',
      'src/pkg/__init__.py': '',
      'src/pkg/mod.py': CLEAN_MODULE,
      'tests/test_mod.py': CLEAN_MODULE,
    });
    const result = await runCli(['check', '--show-settings', 'src/pkg/mod.py'], { cwd });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Settings for: src/pkg/mod.py');
    expect(lines).toContain(`configuration: ${path.join(cwd, 'pyproject.toml')}`);
    // Every rule on by default except the ignored GEN005, plus the extended GEN100, in registry order.
    const enabled = RULES.filter((rule) => (rule.enabledByDefault !== false && rule.code !== 'GEN005') || rule.code === 'GEN100');
    expect(enabled.map((rule) => rule.code)).toEqual(expect.arrayContaining(['GEN001', 'GEN002', 'GEN003', 'GEN004', 'GEN100']));
    expect(lines).toContain(`enabled rules (${enabled.length}): ${enabled.map((rule) => `${rule.code} ${rule.name}`).join(', ')}`);
    expect(lines).toContain('module name: pkg.mod');
    expect(lines.slice(lines.indexOf('import search path:') + 1, -1)).toEqual([`  ${path.join(cwd, 'src')}`, `  ${cwd}`]);
    const test = await runCli(['check', '--show-settings', 'tests/test_mod.py'], { cwd });
    expect(test.stdout).toContain('switched off here by per-file-ignores: GEN004\n');
    expect(test.stdout).toContain('module name: tests.test_mod\n');
  });
});

describe('--format sarif', () => {
  it('links the tool and each rule to their documentation', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR });
    const result = await runCli(['check', '--format', 'sarif'], { cwd });
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { informationUri: string; rules: { id: string; name: string; helpUri: string }[] } } }[] };
    const driver = log.runs[0]?.tool.driver;
    expect(driver?.informationUri).toBe('https://github.com/yieldlens/yieldlens');
    for (const rule of driver?.rules ?? []) expect(rule.helpUri).toBe(`https://github.com/yieldlens/yieldlens/blob/main/docs/rules/${rule.name}.md`);
    // Each link names a page that exists in the repository.
    for (const rule of driver?.rules ?? []) expect(fs.existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${rule.name}.md`)), rule.name).toBe(true);
  });
});
