// A file gives the same findings checked alone, with another file, from stdin, or as part of its
// directory: imports resolve from the project on disk (root from pyproject.toml/.git, src/ layouts,
// namespace packages split over two roots, re-exports, relative imports, tests/ on the path), and the
// imported modules are read but never reported on. Checked on the bundled example and on the
// multi-package fixture, whose cross-module bugs CPython confirms.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, REPO_ROOT, runCli, type JsonFinding } from './helpers.js';

const EXAMPLE = path.join(REPO_ROOT, 'test-fixtures', 'example');
const MULTI = path.join(REPO_ROOT, 'test-fixtures', 'projects', 'multi-package');

function pythonFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === '__pycache__') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.py')) found.push(path.relative(root, full));
    }
  };
  visit(root);
  return found;
}

/** Everything a finding says, so that "the same findings" means the same messages and related locations. */
function described(findings: readonly JsonFinding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.code} ${f.message} | ${f.related.map((r) => `${r.file}:${r.line}:${r.column} ${r.message}`).join('; ')} | ${JSON.stringify(f.fix)}`);
}

/** `line → rule names` of the `# error: [rule]` comments of the files under `root`. */
function expectations(root: string): string[] {
  const expected: string[] = [];
  for (const file of pythonFiles(root)) {
    fs.readFileSync(path.join(root, file), 'utf8').split('\n').forEach((line, i) => {
      const match = /#\s*error:\s*\[([^\]]*)\]/.exec(line);
      if (match !== null) for (const rule of (match[1] ?? '').split(',')) expected.push(`${file}:${i + 1} ${rule.trim()}`);
    });
  }
  return expected.sort();
}

describe.each([
  ['the bundled example', EXAMPLE],
  ['the multi-package fixture', MULTI],
])('%s', (_label, root) => {
  it('gives every file the same findings alone as in the whole-directory run', async () => {
    const whole = await checkJson(['--no-config', '.'], root);
    expect(whole.report.errors).toEqual([]);
    const files = pythonFiles(root);
    expect(files.length).toBeGreaterThan(5);
    let filesWithFindings = 0;
    for (const file of files) {
      const alone = await checkJson(['--no-config', file], root);
      const fromWhole = whole.report.findings.filter((finding) => finding.file === file);
      if (fromWhole.length > 0) filesWithFindings++;
      expect(described(alone.report.findings), file).toEqual(described(fromWhole));
    }
    expect(filesWithFindings).toBeGreaterThan(2);
  });

  it('gives two files named together the same findings as the whole-directory run', async () => {
    const whole = await checkJson(['--no-config', '.'], root);
    const files = pythonFiles(root);
    // Pairs of files from different directories, each pair checked together.
    for (let i = 0; i + 1 < files.length; i += 2) {
      const pair = [files[i] ?? '', files[files.length - 1 - i] ?? ''];
      const together = await checkJson(['--no-config', ...pair], root);
      expect(described(together.report.findings), pair.join(' ')).toEqual(described(whole.report.findings.filter((finding) => pair.includes(finding.file))));
    }
  });

  it('gives a file piped on stdin with --stdin-filename the findings it has on disk', async () => {
    const whole = await checkJson(['--no-config', '.'], root);
    for (const file of pythonFiles(root)) {
      const result = await runCli(['check', '--no-config', '--format', 'json', '--stdin-filename', file, '-'], { cwd: root, input: fs.readFileSync(path.join(root, file)) });
      const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
      expect(described(report.findings), file).toEqual(described(whole.report.findings.filter((finding) => finding.file === file)));
    }
  });
});

describe('the multi-package fixture', () => {
  it('has exactly the cross-module findings its comments expect', async () => {
    const { report } = await checkJson(['--no-config', '.'], MULTI);
    expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`).sort()).toEqual(expectations(MULTI));
  });

  it('CPython agrees: every expected send raises TypeError, the primed ones do not', () => {
    const driver = [
      'import sys',
      "sys.path[:0] = ['src', '.', 'tests']",
      'import app.main as m, app.stages as s, test_app as t',
      'cases = [m.through_package_reexport, m.through_namespace_in_src, m.through_namespace_at_root, m.through_relative_import, s.counted]',
      'for case in cases:',
      '    try:',
      '        case([[1]])',
      '    except TypeError as error:',
      "        print(case.__name__, 'TypeError', error)",
      '    else:',
      "        print(case.__name__, 'ok')",
      'for case in [m.primed_by_imported_decorator, m.primed_by_hand]:',
      '    case([1])',
      "    print(case.__name__, 'ok')",
      'try:',
      '    t.test_recording_sink()',
      'except TypeError as error:',
      "    print('test_recording_sink TypeError', error)",
    ].join('\n');
    const output = execFileSync('python3', ['-c', driver], { cwd: MULTI, encoding: 'utf8', env: { ...process.env, PYENV_VERSION: '3.13.0' } });
    const lines = output.trim().split('\n').filter((line) => !line.startsWith('>'));
    const unstarted = "TypeError can't send non-None value to a just-started generator";
    expect(lines).toEqual([
      `through_package_reexport ${unstarted}`,
      `through_namespace_in_src ${unstarted}`,
      `through_namespace_at_root ${unstarted}`,
      `through_relative_import ${unstarted}`,
      `counted ${unstarted}`,
      'primed_by_imported_decorator ok',
      'primed_by_hand ok',
      `test_recording_sink ${unstarted}`,
    ]);
  });

  it('never reports on an imported module that was not named', async () => {
    const { report } = await checkJson(['--no-config', 'src/app/main.py'], MULTI);
    expect(report.summary.files).toBe(1);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['src/app/main.py']));
  });
});

describe('the bundled example', () => {
  it('finds GEN001 in logpipe/main.py checked alone (its generator comes from logpipe.coroutines)', async () => {
    const { status, report } = await checkJson(['test-fixtures/example/logpipe/main.py'], REPO_ROOT);
    expect(status).toBe(1);
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)).toEqual(['test-fixtures/example/logpipe/main.py:17:9 GEN001']);
  });
});
