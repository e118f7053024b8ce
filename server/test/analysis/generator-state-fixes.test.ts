// The quick fixes of GEN001 (prime before the send) and GEN004 (`return` instead of raising, a guarded
// `next`): applied to snippets, compared with the expected text, and the fixed code run under CPython
// 3.13 to show the error is gone.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/check.js';
import { LineIndex } from '../../src/analysis/positions.js';
import type { Finding } from '@yieldlens/shared';

const PYTHON_ENV = { ...process.env, PYENV_VERSION: '3.13.0', PYTHONDONTWRITEBYTECODE: '1' };
const hasPython = spawnSync('python3.13', ['-c', 'pass'], { env: PYTHON_ENV }).status === 0;

function applyFix(text: string, finding: Finding): string {
  if (finding.fix === null) throw new Error(`no fix for ${finding.code} at line ${finding.line}`);
  const lines = new LineIndex(text);
  const edits = finding.fix.edits
    .map((e) => ({ start: lines.offset(e.line, e.column), end: lines.offset(e.endLine, e.endColumn), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function fixed(text: string, code: string): { text: string; finding: Finding } {
  const findings = analyzeFile({ file: 'snippet.py', text, enabled: new Set([code]) }).findings;
  expect(findings).toHaveLength(1);
  const finding = findings[0] as Finding;
  return { text: applyFix(text, finding), finding };
}

function runs(text: string): string {
  const result = spawnSync('python3.13', ['-c', text], { env: PYTHON_ENV, encoding: 'utf8' });
  return result.status === 0 ? 'ok' : result.stderr.trim().split('\n').pop() ?? 'failed';
}

const AVERAGER = `def averager():
    total = 0
    while True:
        total += yield total
`;

describe('GEN001 fix', () => {
  it('inserts next(g) before the statement, with its indentation', () => {
    const source = `${AVERAGER}
def main():
    running = averager()
    if True:
        print(running.send(10))
main()
`;
    const { text, finding } = fixed(source, 'GEN001');
    expect(finding.fix?.applicability).toBe('safe');
    expect(text).toContain('    running = averager()\n    if True:\n        next(running)\n        print(running.send(10))\n');
    if (hasPython) expect(runs(text)).toBe('ok');
    if (hasPython) expect(runs(source)).toMatch(/TypeError: can't send non-None value to a just-started generator/);
  });

  it('keeps the file line ending', () => {
    const source = `${AVERAGER}running = averager()\nrunning.send(1)\n`.replace(/\n/g, '\r\n');
    const { text } = fixed(source, 'GEN001');
    expect(text).toContain('running = averager()\r\nnext(running)\r\nrunning.send(1)\r\n');
  });

  it('primes before a loop that only sends (unsafe), not inside it', () => {
    const source = `${AVERAGER}def main(values):\n    running = averager()\n    for value in values:\n        print(running.send(value))\nmain([1, 2])\n`;
    const { text, finding } = fixed(source, 'GEN001');
    expect(finding.fix?.applicability).toBe('unsafe');
    expect(text).toContain('    running = averager()\n    next(running)\n    for value in values:\n        print(running.send(value))\n');
    if (hasPython) expect(runs(text)).toBe('ok');
  });

  it('offers no fix when only some paths are unstarted', () => {
    const source = `${AVERAGER}def main(flag):\n    running = averager()\n    if flag:\n        next(running)\n    running.send(1)\n`;
    const findings = analyzeFile({ file: 'snippet.py', text: source, enabled: new Set(['GEN001']) }).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]?.fix).toBeNull();
  });
});

describe('GEN004 fixes', () => {
  it('turns raise StopIteration(value) into return value', () => {
    const source = `def gen():\n    yield 1\n    raise StopIteration(5)\nprint(list(gen()))\n`;
    const { text, finding } = fixed(source, 'GEN004');
    expect(finding.fix?.applicability).toBe('safe');
    expect(text).toBe(`def gen():\n    yield 1\n    return 5\nprint(list(gen()))\n`);
    if (hasPython) expect(runs(text)).toBe('ok');
    if (hasPython) expect(runs(source)).toMatch(/RuntimeError: generator raised StopIteration/);
  });

  it('turns a bare raise StopIteration into return', () => {
    const { text } = fixed(`def gen():\n    yield 1\n    raise StopIteration()\n`, 'GEN004');
    expect(text).toBe(`def gen():\n    yield 1\n    return\n`);
  });

  it('wraps an unguarded next(it) in try/except StopIteration: return (unsafe)', () => {
    const source = `def pairs(items):\n    it = iter(items)\n    for first in it:\n        second = next(it)\n        yield first, second\nprint(list(pairs([1, 2, 3])))\n`;
    const { text, finding } = fixed(source, 'GEN004');
    expect(finding.fix?.applicability).toBe('unsafe');
    expect(text).toContain('        try:\n            second = next(it)\n        except StopIteration:\n            return\n        yield first, second\n');
    if (hasPython) expect(runs(text)).toBe('ok');
  });

  it('offers no fix inside a generator expression or a compound expression', () => {
    const genexp = analyzeFile({ file: 's.py', text: 'def f(it):\n    return list(next(it) for _ in range(2))\n', enabled: new Set(['GEN004']) }).findings;
    expect(genexp).toHaveLength(1);
    expect(genexp[0]?.fix).toBeNull();
    const compound = analyzeFile({ file: 's.py', text: 'def f(it):\n    yield next(it) + 1\n', enabled: new Set(['GEN004']) }).findings;
    expect(compound).toHaveLength(1);
    expect(compound[0]?.fix).toBeNull();
  });
});
