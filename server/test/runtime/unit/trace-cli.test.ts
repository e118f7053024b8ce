// The `yieldlens trace` command: exit codes, JSON output and the text timeline.
import { describe, expect, test } from 'vitest';
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
});
