// `[tool.yieldlens.trace]` in pyproject.toml: the editor's trace settings, validated like the rest of the
// table (every problem one line naming the key), and layered under the editor's own settings.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigStore, TRACE_DEFAULTS } from '../../src/lsp/config.js';
import { loadConfigFile } from '../../src/project/index.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-trace-config-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function project(name: string, toml: string): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), toml);
  return dir;
}

describe('[tool.yieldlens.trace]', () => {
  it('reads enabled, sources and the budgets', () => {
    const dir = project('full', '[tool.yieldlens.trace]\nenabled = false\nsources = ["doctest"]\nmax-steps = 5000\ntimeout-ms = 250\n');
    const loaded = loadConfigFile(path.join(dir, 'pyproject.toml'), { requireTable: true });
    expect(loaded.ok && loaded.config.trace).toEqual({ enabled: false, sources: ['doctest'], maxSteps: 5000, timeoutMs: 250 });
  });

  it('reports a bad key or value in one line that names it', () => {
    const cases: [string, string][] = [
      ['timeout = 3', 'unknown key "timeout" in [tool.yieldlens.trace]'],
      ['enabled = "yes"', '"trace.enabled" must be true or false'],
      ['sources = ["main", "tests"]', '"trace.sources" must be an array of "main", "doctest", "directive"'],
      ['max-steps = 0', '"trace.max-steps" must be a positive integer'],
      ['timeout-ms = 1.5', '"trace.timeout-ms" must be a positive integer'],
    ];
    for (const [line, message] of cases) {
      const dir = project(`bad-${cases.findIndex((each) => each[0] === line)}`, `[tool.yieldlens.trace]\n${line}\n`);
      const loaded = loadConfigFile(path.join(dir, 'pyproject.toml'), { requireTable: true });
      expect(loaded.ok ? 'accepted' : loaded.message).toContain(message);
    }
  });

  it('is overridden key by key by the editor settings, over the defaults', () => {
    const dir = project('layered', '[tool.yieldlens.trace]\nsources = ["directive"]\ntimeout-ms = 300\n');
    const store = new ConfigStore();
    const file = path.join(dir, 'mod.py');
    expect(store.traceFor(file)).toEqual({ ...TRACE_DEFAULTS, sources: ['directive'], timeoutMs: 300 });
    expect(store.setClientSettings({ trace: { timeoutMs: 900, maxSteps: -1, sources: 'main' } })).toEqual([
      'yieldlens.trace.sources must be a list of main, doctest, directive',
      'yieldlens.trace.maxSteps must be a positive integer',
    ]);
    expect(store.traceFor(file)).toEqual({ ...TRACE_DEFAULTS, sources: ['directive'], timeoutMs: 900 });
    expect(store.traceFor('untitled:Untitled-1')).toEqual({ ...TRACE_DEFAULTS, timeoutMs: 900 });
  });
});

describe('the documented trace settings', () => {
  it('docs/editors.md lists every trace setting, in the editor and in pyproject.toml', () => {
    const docs = fs.readFileSync(path.join(import.meta.dirname, '../../../docs/editors.md'), 'utf8');
    for (const key of Object.keys(TRACE_DEFAULTS)) {
      expect(docs).toContain(`| \`trace.${key}\` |`);
      expect(docs).toMatch(new RegExp(`^${key.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`)} = `, 'm'));
    }
  });
});
