// Every output format of `yieldlens check`: the JSON contract's exact shape, the text lines, SARIF's
// required structure, and GitHub workflow commands with their escaping.

import { describe, expect, it } from 'vitest';
import { checkJson, CLEAN_MODULE, LEAKY_GENERATOR, makeProject, REPO_ROOT, runCli } from './helpers.js';

const project = () => makeProject({
  'pkg/__init__.py': '',
  'pkg/leaky.py': `import os\n\n${LEAKY_GENERATOR}`,
  'pkg/clean.py': CLEAN_MODULE,
  'broken.bin.py': Buffer.from([0x70, 0x00, 0x01]),
});

describe('--format json', () => {
  it('prints one object with exactly the keys of the contract', async () => {
    const cwd = project();
    const { status, report } = await checkJson([], cwd);
    expect(status).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'findings', 'errors', 'summary']);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 4, findings: 1, fixable: 1, fixed: 0 });
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(Object.keys(finding ?? {})).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'code', 'rule', 'severity', 'message', 'related', 'fix']);
    expect(finding).toMatchObject({ file: 'pkg/leaky.py', line: 4, column: 5, endLine: 4, code: 'GEN004', rule: 'stop-iteration-leak', severity: 'error' });
    expect(report.errors).toEqual([{ file: 'broken.bin.py', message: expect.stringContaining('binary file') as unknown as string }]);
  });

  it('joins the path the user gave with the path inside the directory', async () => {
    const cwd = project();
    const viaDot = await checkJson(['./pkg'], cwd);
    expect(viaDot.report.findings.map((f) => f.file)).toEqual(['./pkg/leaky.py']);
    const viaSlash = await checkJson(['pkg/'], cwd);
    expect(viaSlash.report.findings.map((f) => f.file)).toEqual(['pkg/leaky.py']);
    const viaCwd = await checkJson(['.'], cwd);
    expect(viaCwd.report.findings.map((f) => f.file)).toEqual(['pkg/leaky.py']);
    const viaFile = await checkJson(['pkg/../pkg/leaky.py'], cwd);
    expect(viaFile.report.findings.map((f) => f.file)).toEqual(['pkg/../pkg/leaky.py']);
    const absolute = await checkJson([`${cwd}/pkg`], cwd);
    expect(absolute.report.findings.map((f) => f.file)).toEqual([`${cwd}/pkg/leaky.py`]);
  });

  it('warns on stderr when there is nothing to check, and exits 0', async () => {
    const cwd = makeProject({ 'README.md': '# nothing here\n' });
    const result = await runCli(['check', '--format', 'json'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('yieldlens: warning: no Python files found\n');
    expect(JSON.parse(result.stdout)).toEqual({ version: 1, findings: [], errors: [], summary: { files: 0, findings: 0, fixable: 0, fixed: 0 } });
  });

  it('reports an empty run with exit code 0', async () => {
    const cwd = makeProject({ 'clean.py': CLEAN_MODULE });
    const { status, report } = await checkJson([], cwd);
    expect(status).toBe(0);
    expect(report).toEqual({ version: 1, findings: [], errors: [], summary: { files: 1, findings: 0, fixable: 0, fixed: 0 } });
  });
});

describe('--format text', () => {
  it('prints path:line:col: CODE [rule-name] message, errors, then a summary line', async () => {
    const cwd = project();
    const { status, stdout } = await runCli(['check'], { cwd });
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^pkg\/leaky\.py:4:5: GEN004 \[stop-iteration-leak\] \S.*$/);
    expect(lines[1]).toBe('broken.bin.py: error: binary file (contains NUL bytes), not analysed');
    expect(lines[2]).toBe('Found 1 finding in 1 file (4 files checked; 1 error (listed above)).');
    expect(lines[3]).toBe('[*] 1 fixable with the `--fix` option.');
    expect(lines).toHaveLength(4);
    expect(stdout).not.toContain('\x1b[');
  });

  it('uses colour only on a terminal or with FORCE_COLOR, never with NO_COLOR', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR });
    const piped = await runCli(['check'], { cwd, env: { NO_COLOR: undefined } });
    expect(piped.stdout).not.toContain('\x1b[');
    const forced = await runCli(['check'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    expect(forced.stdout).toContain('\x1b[');
    const both = await runCli(['check'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: 'yes' } });
    expect(both.stdout).not.toContain('\x1b[');
  });

  it('says all checks passed on a clean project', async () => {
    const cwd = makeProject({ 'a.py': CLEAN_MODULE });
    const { status, stdout } = await runCli(['check'], { cwd });
    expect(status).toBe(0);
    expect(stdout).toBe('All checks passed (1 file checked).\n');
  });
});

describe('--format sarif', () => {
  it('is a SARIF 2.1.0 log with rules, help text, results, locations and notifications', async () => {
    const cwd = project();
    const { status, stdout } = await runCli(['check', '--format', 'sarif'], { cwd });
    expect(status).toBe(1);
    const log = JSON.parse(stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    if (run === undefined) throw new Error('no run');
    expect(run.tool.driver.name).toBe('yieldlens');
    const rules = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['GEN001', 'GEN002', 'GEN003', 'GEN004', 'GEN005']));
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text).toContain('## What it does');
      expect(rule.help.markdown).toContain('## Why is this bad?');
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(1);
    const [result] = run.results;
    expect(result?.ruleId).toBe('GEN004');
    expect(rules[result?.ruleIndex ?? -1]?.id).toBe('GEN004');
    expect(result?.level).toBe('error');
    expect(result?.message.text.length).toBeGreaterThan(0);
    const location = result?.locations[0]?.physicalLocation;
    expect(location?.artifactLocation).toEqual({ uri: 'pkg/leaky.py', uriBaseId: '%SRCROOT%' });
    expect(location?.region).toMatchObject({ startLine: 4, startColumn: 5, endLine: 4 });
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/^file:\/\/.*\/$/);
    expect(run.columnKind).toBe('utf16CodeUnits');
    const invocation = run.invocations[0];
    expect(invocation?.executionSuccessful).toBe(true);
    expect(invocation?.toolExecutionNotifications).toEqual([{
      level: 'error',
      message: { text: 'binary file (contains NUL bytes), not analysed' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.bin.py', uriBaseId: '%SRCROOT%' } } }],
    }]);
  });

  it('percent-encodes file names in URIs', async () => {
    const cwd = makeProject({ 'my dir/a#b.py': LEAKY_GENERATOR });
    const { stdout } = await runCli(['check', '--format', 'sarif'], { cwd });
    const log = JSON.parse(stdout) as SarifLog;
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('my%20dir/a%23b.py');
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding and per error', async () => {
    const cwd = project();
    const { status, stdout } = await runCli(['check', '--format', 'github'], { cwd });
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=pkg\/leaky\.py,line=4,col=5,endLine=4,endColumn=\d+,title=GEN004 \[stop-iteration-leak\]::\S/);
    expect(lines[1]).toBe('::error file=broken.bin.py,title=yieldlens%3A file not analysed::binary file (contains NUL bytes), not analysed');
  });

  it('escapes commas and colons in properties, and percent signs and newlines everywhere', async () => {
    const cwd = makeProject({ 'a,b:c%d.py': Buffer.from([0x00]) });
    const { stdout } = await runCli(['check', '--format', 'github'], { cwd });
    expect(stdout).toContain('::error file=a%2Cb%3Ac%25d.py,');
  });
});

it('rejects an unknown format with exit code 2', async () => {
  const cwd = makeProject({ 'a.py': CLEAN_MODULE });
  const { status, stdout, stderr } = await runCli(['check', '--format', 'xml'], { cwd });
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toContain('unknown format "xml"');
});

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[] }[];
    originalUriBaseIds?: Record<string, { uri: string }>;
    columnKind: string;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
  }[];
}

describe('SARIF structure on the example project (fixes, every result)', () => {
  it('has the fields SARIF 2.1.0 and code scanning require on every rule, result and fix', async () => {
    const { stdout } = await runCli(['check', '--format', 'sarif', 'test-fixtures/example'], { cwd: REPO_ROOT });
    const log = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { name: string; version: string; rules: Record<string, unknown>[] } }; results: SarifResult[] }[] };
    const run = log.runs[0];
    if (run === undefined) throw new Error('no run');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = run.tool.driver.rules.map((rule) => rule['id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.results.length).toBeGreaterThan(0);
    let fixes = 0;
    for (const result of run.results) {
      expect(ids).toContain(result.ruleId);
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(result.message.text).not.toBe('');
      for (const location of result.locations) {
        expect(location.physicalLocation.artifactLocation.uri).toMatch(/^test-fixtures\/example\/[\w/]+\.py$/);
        const region = location.physicalLocation.region;
        expect(region.startLine).toBeGreaterThanOrEqual(1);
        expect(region.startColumn).toBeGreaterThanOrEqual(1);
        expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
      }
      for (const fix of result.fixes ?? []) {
        fixes++;
        expect(fix.description.text).not.toBe('');
        for (const change of fix.artifactChanges) {
          expect(change.artifactLocation.uri).toBe(result.locations[0]?.physicalLocation.artifactLocation.uri);
          expect(change.replacements.length).toBeGreaterThan(0);
          for (const replacement of change.replacements) {
            expect(replacement.deletedRegion.startLine).toBeGreaterThanOrEqual(1);
            expect(typeof replacement.insertedContent.text).toBe('string');
          }
        }
      }
    }
    // The example's unguarded `next(it)` (GEN004) offers a fix.
    expect(fixes).toBeGreaterThan(0);
  });
});

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion } }[];
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
}
