// The seeded differential fuzzer of the built-in types (value-fuzz.mjs), bounded: a fixed seed, a few hundred
// expressions, every one answered as CPython 3.13 answers it (or refused). The long run is `npm run fuzz`.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadParser } from '../../src/parser.js';
import { runSnippet } from '../../src/runtime/index.js';
import { batchProgram, findPythonForFuzz, fuzz, makeExpressionGenerator, makeRandom } from './value-fuzz.mjs';

const python = findPythonForFuzz();

describe('value fuzzer: the generator', () => {
  test('a seed names one sequence of expressions', () => {
    const first = makeExpressionGenerator(makeRandom(42));
    const second = makeExpressionGenerator(makeRandom(42));
    const a = Array.from({ length: 50 }, () => first.expression());
    const b = Array.from({ length: 50 }, () => second.expression());
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(40);
  });

  test('a batch prints one numbered line per expression', () => {
    const source = batchProgram(['1 + 1', '1 // 0']);
    const report = runSnippet(source, { trace: false });
    expect(report.stdout).toBe("0 2\n1 ! ZeroDivisionError 'integer division or modulo by zero'\n");
  });
});

describe.skipIf(!python.ok)('value fuzzer: runtime vs CPython', () => {
  beforeAll(async () => {
    await loadParser();
  });

  test('seed 2026: every expression agrees with CPython or is refused', () => {
    const result = fuzz(runSnippet, { seed: 2026, batches: 2, batchSize: 300 });
    expect(result.expressions).toBe(600);
    const shown = result.disagree.map((d) => `${d.expression}\n  CPython: ${d.cpython}\n  runtime: ${d.runtime}`);
    expect(shown).toEqual([]);
    // Most expressions must really run: a fuzzer refused everywhere proves nothing.
    expect(result.agree).toBeGreaterThan(500);
  }, 120_000);
});
