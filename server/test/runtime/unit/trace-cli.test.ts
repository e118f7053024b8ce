// The `yieldlens trace` command: exit codes, JSON output and the text timeline.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runTraceCommand } from '../../../src/cli/trace.js';

async function runCli(argv: string[], files: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runTraceCommand(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
  });
  return { code, stdout, stderr };
}

const DELEGATION = `def inner():
    x = yield 1
    return x

def outer():
    r = yield from inner()
    print("r =", r)

g = outer()
next(g)
try:
    g.send(5)
except StopIteration:
    pass
`;

describe('yieldlens trace', () => {
  test('json prints the report; an uncaught exception still exits 0', async () => {
    const r = await runCli(['--format', 'json', 'a.py'], { 'a.py': 'def g():\n    yield 1\nnext(g())\n1/0\n' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.error).toEqual({ type: 'ZeroDivisionError', message: 'division by zero', line: 4 });
    // The temporary generator is finalised (closed) as soon as next() returns, as CPython does.
    expect(report.events.map((e: { event: string }) => e.event)).toEqual(['create', 'resume', 'yield', 'close']);
  });

  test('the text timeline indents delegated generators and shows states', async () => {
    const r = await runCli(['d.py'], { 'd.py': DELEGATION });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const innerYield = lines.find((l) => l.includes('inner#2  yield 1'));
    expect(innerYield).toMatch(/^L2 {6}inner#2  yield 1\s+suspended$/);
    expect(lines.some((l) => /^L6\s+outer#1  yield 1\s+suspended/.test(l))).toBe(true);
    expect(r.stdout).toContain('  | r = 5');
    expect(r.stdout).toContain('ran to the end');
  });

  test('unsupported code and limits exit 2', async () => {
    expect((await runCli(['u.py'], { 'u.py': 'import os\n' })).code).toBe(2);
    const limited = await runCli(['--max-steps', '1000', 'l.py'], { 'l.py': 'while True:\n    pass\n' });
    expect(limited.code).toBe(2);
    expect(limited.stdout).toContain('stopped: steps limit');
  });

  test('usage errors exit 2 with a message', async () => {
    expect((await runCli([], {})).code).toBe(2);
    expect((await runCli(['--format', 'xml', 'a.py'], { 'a.py': '' })).stderr).toContain('--format must be text or json');
    expect((await runCli(['--max-steps', 'lots', 'a.py'], { 'a.py': '' })).code).toBe(2);
    expect((await runCli(['missing.py'], {})).stderr).toContain('cannot read missing.py');
  });

  describe('a project on disk', () => {
    const root = mkdtempSync(join(tmpdir(), 'yieldlens-trace-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "demo"\n');
    writeFileSync(join(root, 'pipeline.py'), 'def numbers(n):\n    for i in range(n):\n        yield i\n');
    mkdirSync(join(root, 'shop'));
    writeFileSync(join(root, 'shop', '__init__.py'), 'from .stock import levels\n');
    writeFileSync(join(root, 'shop', 'stock.py'), 'def levels(d):\n    for k in d:\n        yield k\n');
    const onDisk = async (argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runTraceCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readFile: (path) => readFileSync(path, 'utf8') });
      return { code, stdout, stderr };
    };

    test("imports of the project's modules run them; their events name their file", async () => {
      const app = join(root, 'app.py');
      writeFileSync(app, 'from pipeline import numbers\nimport shop\nprint(list(numbers(2)), list(shop.levels({"a": 1})))\n');
      const r = await onDisk(['--format', 'json', app]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.unsupported).toBeNull();
      expect(report.stdout).toBe("[0, 1] ['a']\n");
      const yields = report.events.filter((event: { event: string }) => event.event === 'yield');
      expect(yields.map((event: { file?: string; line: number }) => [event.file, event.line])).toEqual([
        [join(root, 'pipeline.py'), 3], [join(root, 'pipeline.py'), 3], [join(root, 'shop', 'stock.py'), 3],
      ]);
      // Resumptions happen in app.py, the traced file: no `file`.
      expect(report.events.filter((event: { event: string; file?: string }) => event.event === 'resume' && event.file !== undefined)).toEqual([]);
      const text = await onDisk([app]);
      expect(text.stdout).toMatch(/^pipeline\.py:L3 +numbers#1 +yield 0/m);
    });

    test('a module the project does not have is refused, not reported missing', async () => {
      const app = join(root, 'uses_requests.py');
      writeFileSync(app, 'import requests\n');
      const r = await onDisk(['--format', 'json', app]);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout).unsupported).toEqual({ feature: 'import requests', line: 1 });
    });
  });
});
