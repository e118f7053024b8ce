// The persistent cache of `check`: results reused only while the file, the configuration and the
// summaries of the modules its analysis looked up are unchanged; corrupt files ignored and rewritten;
// the default location beside the nearest pyproject.toml, with its own .gitignore.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const temporaries: string[] = [];
afterEach(() => {
  for (const dir of temporaries.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-cache-'));
  temporaries.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const GENERATOR = 'def numbers():\n    total = 0\n    while True:\n        total += yield total\n';
const APP = 'from gens import numbers\n\n\ndef main():\n    it = numbers()\n    it.send(5)\n';

/** Runs `check --format json` with the cache in `cacheDir`; the findings' codes and how many files came from the cache. */
async function check(root: string, cacheDir: string, extra: string[] = []): Promise<{ codes: string[]; fromCache: number; status: number | null }> {
  const result = await runCli(['check', '--format', 'json', '--cache-dir', cacheDir, ...extra, '.'], { cwd: root, env: { YIELDLENS_TIMING: '1' } });
  const report = JSON.parse(result.stdout) as { findings: { code: string; file: string }[] };
  const fromCache = Number(/(\d+) of \d+ files from the cache/.exec(result.stderr)?.[1] ?? NaN);
  return { codes: report.findings.map((finding) => `${finding.file}:${finding.code}`).sort(), fromCache, status: result.status };
}

describe('check cache', () => {
  it('reuses results, and a dependency that stops being a generator function invalidates its dependents', async () => {
    const root = project({ 'gens.py': GENERATOR, 'app.py': APP });
    const cacheDir = path.join(root, 'cache');
    const cold = await check(root, cacheDir);
    expect(cold.codes).toEqual(['app.py:GEN001']);
    expect(cold.fromCache).toBe(0);
    const warm = await check(root, cacheDir);
    expect(warm).toEqual({ ...cold, fromCache: 2 });
    // A change inside the generator's body leaves its summary as it was: app.py's result still holds.
    fs.writeFileSync(path.join(root, 'gens.py'), GENERATOR.replace('total += yield total', 'total += (yield total)'));
    expect(await check(root, cacheDir)).toEqual({ ...cold, fromCache: 1 });
    // No longer a generator function: app.py's send is no longer a bug, and its result must not be reused.
    fs.writeFileSync(path.join(root, 'gens.py'), 'def numbers():\n    return [1, 2]\n');
    expect(await check(root, cacheDir)).toEqual({ codes: [], fromCache: 0, status: 0 });
  });

  it('a helper whose StopIteration summary changes invalidates the generators of other modules that call it', async () => {
    const helper = 'def first(items):\n    return next(iter(items))\n';
    const caller = 'from helpers import first\n\n\ndef heads(rows):\n    for row in rows:\n        yield first(row)\n';
    const root = project({ 'helpers.py': helper, 'app.py': caller });
    const cacheDir = path.join(root, 'cache');
    const cold = await check(root, cacheDir);
    expect(cold.codes).toEqual(['app.py:GEN004']);
    expect(await check(root, cacheDir)).toEqual({ ...cold, fromCache: 2 });
    // Guarded now: StopIteration no longer leaves `first`, so app.py's cached finding must not be reused.
    fs.writeFileSync(path.join(root, 'helpers.py'), 'def first(items):\n    return next(iter(items), None)\n');
    expect(await check(root, cacheDir)).toEqual({ codes: [], fromCache: 0, status: 0 });
    // And back: the dependent is re-analysed again.
    fs.writeFileSync(path.join(root, 'helpers.py'), helper);
    expect(await check(root, cacheDir)).toEqual({ ...cold, fromCache: 0 });
  });

  it('a configuration change invalidates everything', async () => {
    const root = project({ 'gens.py': GENERATOR, 'app.py': APP, 'pyproject.toml': '[tool.yieldlens]\n' });
    const cacheDir = path.join(root, 'cache');
    expect((await check(root, cacheDir)).codes).toEqual(['app.py:GEN001']);
    fs.writeFileSync(path.join(root, 'pyproject.toml'), '[tool.yieldlens]\nignore = ["GEN001"]\n');
    expect(await check(root, cacheDir)).toEqual({ codes: [], fromCache: 0, status: 0 });
    // Flags are configuration too.
    expect(await check(root, cacheDir, ['--select', 'GEN001', '--ignore', ''])).toMatchObject({ fromCache: 0 });
  });

  it('ignores corrupt and foreign cache files and rewrites them', async () => {
    const root = project({ 'gens.py': GENERATOR, 'app.py': APP });
    const cacheDir = path.join(root, 'cache');
    const cold = await check(root, cacheDir);
    const files = fs.readdirSync(cacheDir).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) fs.writeFileSync(path.join(cacheDir, name), '{"format": 1, "tool": "someone else", "files": {"app.py": 3}');
    expect(await check(root, cacheDir)).toEqual(cold);
    for (const name of files) expect(() => JSON.parse(fs.readFileSync(path.join(cacheDir, name), 'utf8')) as unknown).not.toThrow();
    expect(await check(root, cacheDir)).toEqual({ ...cold, fromCache: 2 });
  });

  it('lives beside the nearest pyproject.toml with its own .gitignore, or in YIELDLENS_CACHE_DIR; --no-cache writes nothing', async () => {
    const root = project({ 'pyproject.toml': '', 'src/pkg/gens.py': GENERATOR });
    const unset = { YIELDLENS_CACHE_DIR: undefined };
    await runCli(['check', '--no-cache', 'src'], { cwd: root, env: unset });
    expect(fs.existsSync(path.join(root, '.yieldlens_cache'))).toBe(false);
    await runCli(['check', '.'], { cwd: path.join(root, 'src'), env: unset });
    expect(fs.readFileSync(path.join(root, '.yieldlens_cache', '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const elsewhere = path.join(root, 'elsewhere');
    await runCli(['check', 'src'], { cwd: root, env: { YIELDLENS_CACHE_DIR: elsewhere } });
    expect(fs.readdirSync(elsewhere).some((name) => name.endsWith('.json'))).toBe(true);
  });
});
