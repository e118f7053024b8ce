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
    expect((await runCli(['u.py'], { 'u.py': 'import socket\n' })).code).toBe(2);
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

  test('a huge --max-events on a small program gives the normal JSON (the event buffer grows, it is not preallocated)', async () => {
    const files = { 'a.py': DELEGATION };
    const normal = await runCli(['--format', 'json', 'a.py'], files);
    for (const huge of ['100000000', String(Number.MAX_SAFE_INTEGER)]) {
      const r = await runCli(['--format', 'json', '--max-events', huge, 'a.py'], files);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(normal.stdout));
    }
  });
  test('the text timeline shows what was printed between the events, where it was printed', async () => {
    const source = 'def g():\n    print("in g")\n    yield 1\n\nprint("first")\nit = g()\nprint("got", next(it))\nprint("last")\n';
    const r = await runCli(['a.py'], { 'a.py': source });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = (pattern: RegExp): number => lines.findIndex((l) => pattern.test(l));
    const order = [/\| first$/, /g#1  created/, /g#1  next\(\)/, /\| in g$/, /g#1  yield 1/, /\| got 1$/, /\| last$/].map(at);
    expect(order.every((n) => n >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Each printed line appears once: no separate stdout block repeats it.
    expect(lines.filter((l) => /\| last$/.test(l))).toHaveLength(1);
  });

  test('columns never run into each other, however long an event is', async () => {
    const source = 'def g():\n    yield 1\n    raise StopIteration\n\ntry:\n    list(g())\nexcept RuntimeError:\n    pass\n';
    const r = await runCli(['a.py'], { 'a.py': source });
    const raised = r.stdout.split('\n').find((l) => l.includes('raise RuntimeError'));
    expect(raised).toMatch(/generator raised StopIteration {2,}closed$/);
    for (const l of r.stdout.split('\n').filter((x) => /^L\d/.test(x))) expect(l).toMatch(/\S {2,}(created|running|suspended|closed)( {2}|$)/);
  });

  test('a send refused by a just-started generator is a resumption and its error; the generator stays created', async () => {
    const source = 'def g():\n    x = yield 1\n\nit = g()\ntry:\n    it.send(5)\nexcept TypeError:\n    pass\nprint(next(it))\n';
    const json = await runCli(['--format', 'json', 'a.py'], { 'a.py': source });
    const events = JSON.parse(json.stdout).events;
    expect(events.slice(1, 3)).toEqual([
      { event: 'resume', generator: 1, function: 'g', line: 6, method: 'send', sent: '5' },
      { event: 'raise', generator: 1, function: 'g', line: 6, exception: 'TypeError', message: "can't send non-None value to a just-started generator", notStarted: true },
    ]);
    expect(events[3]).toMatchObject({ event: 'resume', method: 'next', line: 9 });
    const text = await runCli(['a.py'], { 'a.py': source });
    expect(text.stdout).toMatch(/L6 +g#1  refused, raise TypeError: can't send non-None value to a just-started generator +created/);
  });

  test('a source with a NUL byte is refused before anything runs, as CPython refuses it', async () => {
    const r = await runCli(['--format', 'json', 'a.py'], { 'a.py': 'print(1)\nx = 2\ny = "a\0b"\n' });
    const report = JSON.parse(r.stdout);
    expect(report.stdout).toBe('');
    expect(report.error).toEqual({ type: 'SyntaxError', message: 'source code cannot contain null bytes', line: 3 });
  });
});
