// The compiler and loader have no operand or table limit (CPython's EXTENDED_ARG makes any index fit):
// modules with 70,000 names and constants, class bodies with as many names, and large set displays run as
// they do with a few. (Issue 9: 255 names before `from itertools import tee` once gave `unsupported`.)
import { describe, expect, test } from 'vitest';
import { runSnippet } from '../../../src/runtime/index.js';

// Big sources take seconds on a loaded machine: generous budgets, so only a wrong answer fails the test.
const run = (source: string) => runSnippet(source, { maxSteps: 10_000_000, timeoutMs: 300_000, maxEvents: 1000 });
const SLOW = { timeout: 600_000 };
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('operand and table limits', () => {
  test('70,000 module names and float constants before from-imports', SLOW, () => {
    const n = 70_000;
    const source = [
      ...range(n).map((i) => `v${i} = ${i}.5`),
      'from itertools import tee, islice as isl',
      `a, b = tee(isl([v0, v${n - 1}, v${n / 2}], 3))`,
      'print(list(a), list(b))',
    ].join('\n');
    const r = run(source);
    expect(r.unsupported).toBeNull();
    expect(r.error).toBeNull();
    const expected = `[0.5, ${n - 1}.5, ${n / 2}.5]`;
    expect(r.stdout).toBe(`${expected} ${expected}\n`);
  });

  test('a class body with 33,000 names (past a 16-bit field) that reads a closure cell, and a folded set display', SLOW, () => {
    const n = 33_000;
    const source = [
      'def outer():',
      '    hidden = "cell"',
      '    class K:',
      ...range(n).map((i) => `        c${i} = ${i}`),
      '        seen = hidden',
      `    return K.seen, K.c${n - 1}`,
      'print(outer())',
      `print(len({${range(1000).map((i) => `'k${i}'`).join(', ')}}))`,
    ].join('\n');
    const r = run(source);
    expect(r.unsupported).toBeNull();
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(`('cell', ${n - 1})\n1000\n`);
  });
});
