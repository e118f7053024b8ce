// Rule selection and configuration: --select/--ignore by code and name, `[tool.yieldlens]` in the
// nearest pyproject.toml (select, ignore, exclude, per-file-ignores), --config, --no-config, and the
// one-line errors (exit 2) for broken configuration.

import { describe, expect, it } from 'vitest';
import { checkJson, LEAKY_GENERATOR, makeProject, runCli } from './helpers.js';

/** GEN004 (raise StopIteration) and GEN001 (send before priming) in one module. */
const TWO_RULES = `${LEAKY_GENERATOR}

def echo():
    while True:
        received = yield
        print(received)

channel = echo()
channel.send("hello")
`;

const codes = (report: { findings: { code: string }[] }): string[] => report.findings.map((finding) => finding.code);

describe('--select and --ignore', () => {
  it('both rules fire without a selection', async () => {
    const cwd = makeProject({ 'm.py': TWO_RULES });
    expect(codes((await checkJson([], cwd)).report)).toEqual(['GEN004', 'GEN001']);
  });

  it('select by code, by name, by prefix and comma separated', async () => {
    const cwd = makeProject({ 'm.py': TWO_RULES });
    expect(codes((await checkJson(['--select', 'GEN001'], cwd)).report)).toEqual(['GEN001']);
    expect(codes((await checkJson(['--select', 'stop-iteration-leak'], cwd)).report)).toEqual(['GEN004']);
    expect(codes((await checkJson(['--select', 'gen001,stop-iteration-leak'], cwd)).report)).toEqual(['GEN004', 'GEN001']);
    expect(codes((await checkJson(['--select', 'GEN00'], cwd)).report)).toEqual(['GEN004', 'GEN001']);
  });

  it('ignore by code and by name; exit 0 when nothing is left', async () => {
    const cwd = makeProject({ 'm.py': TWO_RULES });
    expect(codes((await checkJson(['--ignore', 'unprimed-send'], cwd)).report)).toEqual(['GEN004']);
    const none = await checkJson(['--ignore', 'GEN004', '--ignore', 'GEN001'], cwd);
    expect(none.report.findings).toEqual([]);
    expect(none.status).toBe(0);
  });

  it('an unknown rule on the command line is a usage error', async () => {
    const cwd = makeProject({ 'm.py': TWO_RULES });
    const result = await runCli(['check', '--select', 'GEN999'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--select: unknown rule or code "GEN999"');
  });

  it('--exit-zero turns findings into exit code 0', async () => {
    const cwd = makeProject({ 'm.py': TWO_RULES });
    const result = await runCli(['check', '--exit-zero'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('GEN004');
  });
});

describe('[tool.yieldlens] in pyproject.toml', () => {
  it('select and ignore from the nearest pyproject.toml, found from the first path', async () => {
    const cwd = makeProject({
      'proj/pyproject.toml': '[project]\nname = "p"\n\n[tool.yieldlens]\nignore = ["unprimed-send"]\n',
      'proj/src/m.py': TWO_RULES,
    });
    expect(codes((await checkJson(['proj/src'], cwd)).report)).toEqual(['GEN004']);
    expect(codes((await checkJson(['proj/src/m.py'], cwd)).report)).toEqual(['GEN004']);
  });

  it('passes over a pyproject.toml without the table', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens]\nselect = ["GEN001"]\n',
      'sub/pyproject.toml': '[tool.black]\nline-length = 100\n',
      'sub/m.py': TWO_RULES,
    });
    expect(codes((await checkJson(['sub'], cwd)).report)).toEqual(['GEN001']);
  });

  it('command-line flags override the file, key by key', async () => {
    const cwd = makeProject({ 'pyproject.toml': '[tool.yieldlens]\nselect = ["GEN001"]\n', 'm.py': TWO_RULES });
    expect(codes((await checkJson(['--select', 'GEN004'], cwd)).report)).toEqual(['GEN004']);
    expect(codes((await checkJson(['--ignore', 'GEN001'], cwd)).report)).toEqual([]);
  });

  it('--no-config ignores the file; --config reads another one', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens]\nselect = ["GEN001"]\n',
      'ci/strict.toml': '[tool.yieldlens]\nselect = ["GEN004"]\n',
      'ci/plain.toml': 'ignore = ["GEN004"]\n',
      'm.py': TWO_RULES,
    });
    expect(codes((await checkJson(['--no-config'], cwd)).report)).toEqual(['GEN004', 'GEN001']);
    expect(codes((await checkJson(['--config', 'ci/strict.toml'], cwd)).report)).toEqual(['GEN004']);
    expect(codes((await checkJson(['--config', 'ci/plain.toml'], cwd)).report)).toEqual(['GEN001']);
    const both = await runCli(['check', '--config', 'ci/strict.toml', '--no-config'], { cwd });
    expect(both.status).toBe(2);
  });

  it('exclude skips matching directories and files, relative to the configuration file', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens]\nexclude = ["generated", "src/legacy/**", "*_pb2.py"]\n',
      'src/legacy/old.py': LEAKY_GENERATOR,
      'src/generated/g.py': LEAKY_GENERATOR,
      'src/api_pb2.py': LEAKY_GENERATOR,
      'src/kept.py': LEAKY_GENERATOR,
    });
    const { report } = await checkJson([], cwd);
    expect(report.findings.map((f) => f.file)).toEqual(['src/kept.py']);
    expect(report.summary.files).toBe(1);
    // An explicitly named file is checked even when excluded.
    expect((await checkJson(['src/api_pb2.py'], cwd)).report.summary.findings).toBe(1);
  });

  it('per-file-ignores switches rules off for matching files', async () => {
    const cwd = makeProject({
      'pyproject.toml': '[tool.yieldlens.per-file-ignores]\n"tests/**" = ["stop-iteration-leak"]\n"legacy_*.py" = ["GEN001", "GEN004"]\n',
      'tests/test_m.py': TWO_RULES,
      'legacy_m.py': TWO_RULES,
      'm.py': TWO_RULES,
    });
    const { report } = await checkJson([], cwd);
    expect(report.findings.map((f) => `${f.file} ${f.code}`)).toEqual(['m.py GEN004', 'm.py GEN001', 'tests/test_m.py GEN001']);
  });
});

describe('configuration errors: one line on stderr, exit code 2, no report', () => {
  const cases: [string, string, RegExp][] = [
    ['bad TOML', '[tool.yieldlens\nselect = 1\n', /^yieldlens: configuration error: invalid TOML in .*pyproject\.toml at line 1, column \d+: .+\n$/],
    ['unknown rule', '[tool.yieldlens]\nselect = ["GEN001", "no-such-rule"]\n', /"select": unknown rule or code "no-such-rule"\n$/],
    ['wrong type', '[tool.yieldlens]\nignore = "GEN001"\n', /"ignore" must be an array of strings\n$/],
    ['unknown key', '[tool.yieldlens]\nselct = ["GEN001"]\n', /unknown key "selct"/],
    ['per-file-ignores shape', '[tool.yieldlens]\nper-file-ignores = ["x"]\n', /"per-file-ignores" must be a table/],
    ['per-file-ignores rule', '[tool.yieldlens.per-file-ignores]\n"*.py" = ["GEN9"]\n', /unknown rule or code "GEN9"/],
  ];
  for (const [name, toml, expected] of cases) {
    it(name, async () => {
      const cwd = makeProject({ 'pyproject.toml': toml, 'm.py': TWO_RULES });
      const result = await runCli(['check'], { cwd });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(expected);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('a --config pyproject.toml without the table', async () => {
    const cwd = makeProject({ 'other/pyproject.toml': '[project]\nname = "x"\n', 'm.py': TWO_RULES });
    const result = await runCli(['check', '--config', 'other/pyproject.toml'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('yieldlens: configuration error: other/pyproject.toml has no [tool.yieldlens] table\n');
  });

  it('a missing --config file', async () => {
    const cwd = makeProject({ 'm.py': TWO_RULES });
    const result = await runCli(['check', '--config', 'nope.toml'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('yieldlens: configuration error: cannot read configuration nope.toml: no such file or directory\n');
  });
});

describe('suppression comments', () => {
  it('# noqa, # noqa: CODE and # yieldlens: ignore[rule-name] on the reported line', async () => {
    const source = [
      'def a():\n    raise StopIteration  # noqa\n    yield\n',
      'def b():\n    raise StopIteration  # noqa: GEN004\n    yield\n',
      'def c():\n    raise StopIteration  # yieldlens: ignore[stop-iteration-leak]\n    yield\n',
      'def d():\n    raise StopIteration  # noqa: GEN001\n    yield\n',
    ].join('\n');
    const cwd = makeProject({ 'm.py': source });
    const { report } = await checkJson([], cwd);
    expect(report.findings.map((f) => `${f.line} ${f.code}`)).toEqual(['14 GEN004']);
  });
});
