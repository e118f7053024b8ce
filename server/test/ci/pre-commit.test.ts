// The pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself: `pre-commit try-repo` on this
// checkout against a temporary repository, exactly as a user's `.pre-commit-config.yaml` would install it
// (`npm install`, `npm pack`, `npm install -g` of the tarball). Skipped, saying why, where pre-commit is not
// installed (.ci/run installs Debian's). The first install of the hook's environment takes minutes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..', '..');
const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const preCommit = probe.status === 0 ? probe.stdout.trim() : null;

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 15 * 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('pre-commit hook', () => {
  it.skipIf(preCommit === null)(`pre-commit try-repo runs yieldlens on the staged Python files only (${preCommit ?? 'pre-commit not installed: skipped'})`, () => {
    const root = mkdtempSync(join(tmpdir(), 'yieldlens-pre-commit-'));
    try {
      const repo = join(root, 'repo');
      const git = (...args: string[]): void => {
        const result = run('git', args, repo);
        expect(result.status, result.output).toBe(0);
      };
      run('mkdir', ['-p', repo], root);
      git('init', '-q');
      git('config', 'user.email', 'test@example.com');
      git('config', 'user.name', 'test');
      writeFileSync(join(repo, 'bug.py'), 'def gen():\n    x = yield\n    print(x)\n\n\ng = gen()\ng.send(1)\n');
      writeFileSync(join(repo, 'ok.py'), 'def ok():\n    yield 1\n');
      // Not Python: pre-commit must not hand it to the hook, whatever it contains.
      writeFileSync(join(repo, 'notes.txt'), 'g = gen()\ng.send(1)\n');
      git('add', '.');
      git('commit', '-qm', 'init');
      // A fresh pre-commit home: nothing cached from another run or from the user.
      const env = { PRE_COMMIT_HOME: join(root, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' };

      const failing = run('pre-commit', ['try-repo', REPO, 'yieldlens', '--all-files'], repo, env);
      expect(failing.status, failing.output).toBe(1);
      expect(failing.output).toMatch(/^yieldlens\.+Failed$/m);
      expect(failing.output).toContain('bug.py:7:1: GEN001 [unprimed-send]');
      expect(failing.output).toContain('Found 1 finding in 1 file (2 files checked).');

      writeFileSync(join(repo, 'bug.py'), 'def gen():\n    x = yield\n    print(x)\n\n\ng = gen()\nnext(g)\ng.send(1)\n');
      git('add', 'bug.py');
      const passing = run('pre-commit', ['try-repo', REPO, 'yieldlens', '--all-files'], repo, env);
      expect(passing.status, passing.output).toBe(0);
      expect(passing.output).toMatch(/^yieldlens\.+Passed$/m);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 20 * 60_000);
});
