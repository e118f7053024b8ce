// File discovery: recursion over *.py/*.pyi, .gitignore files (nested, negated, and above the given
// directory inside a repository), virtualenvs, node_modules and __pycache__, explicit files, missing paths.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, CLEAN_MODULE, LEAKY_GENERATOR, makeProject } from './helpers.js';

const filesOf = async (args: string[], cwd: string): Promise<string[]> => {
  const { report } = await checkJson(['--select', 'GEN004', ...args], cwd);
  return report.findings.map((finding) => finding.file);
};

describe('discovery', () => {
  it('finds .py and .pyi files recursively and nothing else', async () => {
    const cwd = makeProject({
      'a.py': LEAKY_GENERATOR,
      'pkg/b.pyi': LEAKY_GENERATOR,
      'pkg/deep/c.py': LEAKY_GENERATOR,
      'notes.txt': LEAKY_GENERATOR,
      'script': LEAKY_GENERATOR,
      'pkg/d.pyc': 'not python',
    });
    expect(await filesOf([], cwd)).toEqual(['a.py', 'pkg/b.pyi', 'pkg/deep/c.py']);
  });

  it('skips virtualenvs (by pyvenv.cfg), node_modules, __pycache__ and .git', async () => {
    const cwd = makeProject({
      'app.py': LEAKY_GENERATOR,
      'env/pyvenv.cfg': 'home = /usr/bin\n',
      'env/lib/python3.13/site-packages/x.py': LEAKY_GENERATOR,
      'node_modules/pkg/y.py': LEAKY_GENERATOR,
      'pkg/__pycache__/z.py': LEAKY_GENERATOR,
      '.git/hooks/h.py': LEAKY_GENERATOR,
    });
    expect(await filesOf([], cwd)).toEqual(['app.py']);
  });

  it('honours .gitignore files, nested ones and negations', async () => {
    const cwd = makeProject({
      '.gitignore': 'build/\n*.gen.py\n',
      'build/out.py': LEAKY_GENERATOR,
      'src/x.gen.py': LEAKY_GENERATOR,
      'src/keep.py': LEAKY_GENERATOR,
      'src/.gitignore': 'local_*.py\n!local_keep.py\n',
      'src/local_a.py': LEAKY_GENERATOR,
      'src/local_keep.py': LEAKY_GENERATOR,
    });
    expect(await filesOf([], cwd)).toEqual(['src/keep.py', 'src/local_keep.py']);
  });

  it('applies .gitignore files above the given directory up to the repository root', async () => {
    const cwd = makeProject({
      '.gitignore': 'ignored_*.py\n',
      'sub/ignored_a.py': LEAKY_GENERATOR,
      'sub/kept.py': LEAKY_GENERATOR,
    });
    fs.mkdirSync(path.join(cwd, '.git'));
    expect(await filesOf(['sub'], cwd)).toEqual(['sub/kept.py']);
  });

  it('walks a directory named explicitly even when an outer .gitignore ignores it', async () => {
    const cwd = makeProject({ '.gitignore': '/versions\n', 'versions/lib/m.py': LEAKY_GENERATOR, 'top.py': LEAKY_GENERATOR });
    fs.mkdirSync(path.join(cwd, '.git'));
    expect(await filesOf([], cwd)).toEqual(['top.py']);
    expect(await filesOf(['versions'], cwd)).toEqual(['versions/lib/m.py']);
  });

  it('checks explicitly named files whatever their name or ignore status', async () => {
    const cwd = makeProject({ '.gitignore': 'tool\n', 'tool': LEAKY_GENERATOR, 'env/pyvenv.cfg': '', 'env/x.py': LEAKY_GENERATOR });
    expect(await filesOf(['tool', 'env/x.py'], cwd)).toEqual(['env/x.py', 'tool']);
  });

  it('checks a file once even when named twice', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR });
    const { report } = await checkJson(['a.py', '.', './a.py'], cwd);
    expect(report.summary).toEqual({ files: 1, findings: 1, fixable: 1, fixed: 0 });
  });

  it('reports a missing path under errors, checks the rest, and exits 2', async () => {
    const cwd = makeProject({ 'a.py': LEAKY_GENERATOR, 'b.py': CLEAN_MODULE });
    const { status, report } = await checkJson(['a.py', 'missing.py', 'b.py', 'nodir/'], cwd);
    expect(status).toBe(2);
    expect(report.findings.map((f) => f.file)).toEqual(['a.py']);
    expect(report.errors).toEqual([
      { file: 'missing.py', message: 'no such file or directory' },
      { file: 'nodir/', message: 'no such file or directory' },
    ]);
    expect(report.summary.files).toBe(2);
  });

  it('gives module names from real __init__.py files, so imports across packages resolve', async () => {
    // `make_echo` is a generator function in another package module: the send is unprimed (GEN001).
    const cwd = makeProject({
      'app/__init__.py': '',
      'app/coroutines.py': 'def make_echo():\n    while True:\n        value = yield\n        print(value)\n',
      'app/main.py': 'from app.coroutines import make_echo\nfrom .coroutines import make_echo as again\n\nsink = make_echo()\nsink.send(1)\nother = again()\nother.send(2)\n',
    });
    const { report } = await checkJson(['--select', 'GEN001'], cwd);
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['app/main.py:5', 'app/main.py:7']);
  });
});
