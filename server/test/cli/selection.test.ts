// Rule selection as ruff has it (`--extend-select`, `--extend-ignore`, the `extend-select` key,
// `select = []`, specificity), suppression comments (`# yieldlens: ignore` without brackets), GEN100
// unused-noqa end to end, `--add-noqa`, and `--force-exclude` for pre-commit's explicit file lists.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, LEAKY_GENERATOR, makeProject, runCli } from './helpers.js';

/** One finding of each of GEN002, GEN004 and GEN005 (lines 3, 6, 10). */
const THREE_RULES = [
  'def closing():',
  '    try:',
  '        yield 1',
  '    finally:',
  '        yield 2',
  'def leaky():',
  '    raise StopIteration',
  '    yield',
  'def holder():',
  '    f = open("x")',
  '    yield f.read()',
  '',
].join('\n');
const codesOf = (report: { findings: { code: string }[] }): string[] => [...new Set(report.findings.map((f) => f.code))].sort();

describe('selection', () => {
  it('--extend-select adds to the configured select; --extend-ignore and --ignore remove', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nselect = ["GEN004"]\n', 'm.py': THREE_RULES });
    expect(codesOf((await checkJson([], cwd)).report)).toEqual(['GEN004']);
    expect(codesOf((await checkJson(['--extend-select', 'GEN005,yield-in-finally'], cwd)).report)).toEqual(['GEN002', 'GEN004', 'GEN005']);
    expect(codesOf((await checkJson(['--extend-select', 'GEN00', '--extend-ignore', 'GEN002', '--ignore', 'GEN005'], cwd)).report)).toEqual(['GEN004']);
    // --select replaces the configuration's selection (and its ignores) altogether.
    expect(codesOf((await checkJson(['--select', 'GEN002'], cwd)).report)).toEqual(['GEN002']);
  });

  it('reads extend-select and extend-ignore from [tool.yieldlens]', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nselect = ["GEN002"]\nextend-select = ["GEN004", "GEN005"]\nextend-ignore = ["GEN005"]\n', 'm.py': THREE_RULES });
    expect(codesOf((await checkJson([], cwd)).report)).toEqual(['GEN002', 'GEN004']);
  });

  it('select = [] selects nothing (and --select "" likewise); extend-select then picks rules', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nselect = []\n', 'm.py': THREE_RULES });
    const none = await checkJson([], cwd);
    expect(none.status).toBe(0);
    expect(none.report.findings).toEqual([]);
    expect(codesOf((await checkJson(['--extend-select', 'GEN005'], cwd)).report)).toEqual(['GEN005']);
    const flag = makeProject({ 'm.py': THREE_RULES });
    expect((await checkJson(['--select', ''], flag)).report.findings).toEqual([]);
  });

  it('a more specific selector wins over a less specific one, in either list', async () => {
    const cwd = makeProject({ 'm.py': THREE_RULES });
    expect(codesOf((await checkJson(['--select', 'GEN004', '--ignore', 'GEN0'], cwd)).report)).toEqual(['GEN004']);
    expect(codesOf((await checkJson(['--select', 'GEN0', '--ignore', 'stop-iteration-leak'], cwd)).report)).toEqual(['GEN002', 'GEN005']);
  });

  it('unknown selectors are usage or configuration errors naming the flag or key', async () => {
    const cwd = makeProject({ 'm.py': '' });
    const flag = await runCli(['check', '--extend-select', 'GEN999'], { cwd });
    expect(flag.status).toBe(2);
    expect(flag.stderr.split('\n')[0]).toBe('yieldlens check: --extend-select: unknown rule or code "GEN999" (run \'yieldlens rules\' for the list)');
    const key = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nextend-select = ["nope"]\n', 'm.py': '' });
    const config = await runCli(['check'], { cwd: key });
    expect(config.status).toBe(2);
    expect(config.stderr).toBe(`yieldlens: configuration error: ${path.join(key, 'pyproject.toml')}: "extend-select": unknown rule or code "nope"\n`);
  });
});

describe('suppression comments', () => {
  it('# yieldlens: ignore without brackets suppresses every rule on its line', async () => {
    const cwd = makeProject({ 'm.py': 'def leaky():\n    raise StopIteration  # yieldlens: ignore\n    yield\n\ndef other():\n    raise StopIteration  # yieldlens: ignored, says this prose\n    yield\n' });
    const { report } = await checkJson([], cwd);
    expect(report.findings.map((f) => `${f.line} ${f.code}`)).toEqual(['6 GEN004']);
  });
});

describe('GEN100 unused-noqa', () => {
  const source = [
    'def leaky():',
    '    raise StopIteration  # noqa: GEN004',
    '    yield',
    '',
    'def fine():',
    '    yield 1  # noqa: GEN004, E501',
    '',
    'def also_fine():',
    '    yield 2  # yieldlens: ignore[stop-iteration-leak, unprimed-sned]',
    '',
    'def quiet():',
    '    yield 3  # yieldlens: ignore',
    '',
    'def shared():',
    '    yield 4  # noqa',
    '',
  ].join('\n');

  it('is off by default, documented by `yieldlens rule`, and selected by ALL', async () => {
    const cwd = makeProject({ 'm.py': source });
    expect((await checkJson([], cwd)).report.findings).toEqual([]);
    expect(codesOf((await checkJson(['--select', 'ALL'], cwd)).report)).toEqual(['GEN100']);
    const doc = await runCli(['rule', 'GEN100'], { cwd });
    expect(doc.stdout.split('\n')[0]).toBe('# unused-noqa (GEN100)');
    const rules = await runCli(['rules'], { cwd });
    expect(rules.stdout).toMatch(/^GEN100 +unused-noqa +warning /m);
  });

  it('reports yieldlens codes that suppress nothing and names that do not exist, and fixes them', async () => {
    const cwd = makeProject({ 'm.py': source });
    const { report } = await checkJson(['--extend-select', 'GEN100'], cwd);
    expect(report.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '6:14 Unused `noqa` directive (unused: `GEN004`)',
      '9:14 Unused `yieldlens: ignore` directive (unused: `stop-iteration-leak`; unknown: `unprimed-sned`)',
      '12:14 Unused blanket `yieldlens: ignore` directive: it suppresses nothing on this line',
    ]);
    await checkJson(['--extend-select', 'GEN100', '--fix'], cwd);
    expect(fs.readFileSync(path.join(cwd, 'm.py'), 'utf8')).toBe(source
      .replace('  # noqa: GEN004, E501', '  # noqa: E501')
      .replace('  # yieldlens: ignore[stop-iteration-leak, unprimed-sned]', '')
      .replace('    yield 3  # yieldlens: ignore', '    yield 3'));
    expect((await checkJson(['--extend-select', 'GEN100'], cwd)).report.findings).toEqual([]);
  });

  it('gives the benefit of the doubt to rules that did not run, and obeys # noqa: GEN100', async () => {
    const cwd = makeProject({ 'm.py': source.replace('# noqa: GEN004, E501', '# noqa: GEN004, GEN100') });
    const { report } = await checkJson(['--select', 'GEN100,GEN001'], cwd);
    // GEN004 did not run: its entries may be needed; the bare ignore is judged only when every rule ran.
    expect(report.findings.map((f) => `${f.line} ${f.message}`)).toEqual(['9 Unused `yieldlens: ignore` directive (unknown: `unprimed-sned`)']);
  });
});

describe('--add-noqa', () => {
  it('adds # noqa: CODE to each line with findings, merging into an existing list; then nothing is reported', async () => {
    const source = [
      'def leaky():',
      '    raise StopIteration',
      '    yield',
      '',
      'def merged():',
      '    raise StopIteration  # noqa: E501',
      '    yield',
      '',
      'def docstring():',
      '    """A docstring."""; raise StopIteration; yield',
      '',
    ].join('\n');
    const cwd = makeProject({ 'm.py': source });
    const result = await runCli(['check', '--add-noqa'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('Added 3 noqa directives.\n');
    expect(fs.readFileSync(path.join(cwd, 'm.py'), 'utf8')).toBe(source
      .replace('    raise StopIteration\n', '    raise StopIteration  # noqa: GEN004\n')
      .replace('# noqa: E501', '# noqa: E501, GEN004')
      .replace('raise StopIteration; yield', 'raise StopIteration; yield  # noqa: GEN004'));
    expect((await checkJson([], cwd)).report.findings).toEqual([]);
  });

  it('also writes a file that another checked file imported first (its parse is reused)', async () => {
    const cwd = makeProject({ 'a.py': 'from b import leaky\n\ng = leaky()\ng.send(1)\n', 'b.py': LEAKY_GENERATOR });
    const result = await runCli(['check', '--add-noqa', 'a.py', 'b.py'], { cwd });
    expect(result.stderr).toBe('Added 2 noqa directives.\n');
    expect(fs.readFileSync(path.join(cwd, 'b.py'), 'utf8')).toBe(LEAKY_GENERATOR.replace('raise StopIteration', 'raise StopIteration  # noqa: GEN004'));
    expect(fs.readFileSync(path.join(cwd, 'a.py'), 'utf8')).toContain('g.send(1)  # noqa: GEN001\n');
  });

  it('leaves a line alone when its end is inside a string or continues with a backslash', async () => {
    const source = [
      'def g():',
      '    raise StopIteration(f"""{1}',
      '    """)',
      '    yield',
      '',
      'def h():',
      '    raise \\',
      '        StopIteration',
      '    yield',
      '',
    ].join('\n');
    const cwd = makeProject({ 'm.py': source });
    const result = await runCli(['check', '--add-noqa'], { cwd });
    expect(result.stderr).toBe('Added 0 noqa directives.\n');
    expect(fs.readFileSync(path.join(cwd, 'm.py'), 'utf8')).toBe(source);
  });
});

describe('--force-exclude', () => {
  it('skips files named on the command line that the configuration excludes (as pre-commit names them)', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens]\nexclude = ["build", "*_pb2.py", "vendor/**"]\n',
      'src/app.py': LEAKY_GENERATOR,
      'build/gen.py': LEAKY_GENERATOR,
      'src/msg_pb2.py': LEAKY_GENERATOR,
      'vendor/lib/x.py': LEAKY_GENERATOR,
      'node_modules/pkg/y.py': LEAKY_GENERATOR,
    });
    const named = ['src/app.py', 'build/gen.py', 'src/msg_pb2.py', 'vendor/lib/x.py', 'node_modules/pkg/y.py'];
    const without = await checkJson(named, cwd);
    expect(without.report.summary.files).toBe(5);
    const forced = await checkJson(['--force-exclude', ...named], cwd);
    expect(forced.report.findings.map((f) => f.file)).toEqual(['src/app.py']);
    expect(forced.report.summary.files).toBe(1);
    const key = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nexclude = ["build"]\nforce-exclude = true\n', 'build/gen.py': LEAKY_GENERATOR });
    const fromKey = await runCli(['check', 'build/gen.py'], { cwd: key });
    expect(fromKey.status).toBe(0);
    expect(fromKey.stderr).toBe('yieldlens: warning: no Python files found\n');
  });
});
