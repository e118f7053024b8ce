// A differential fuzzer over the built-in types and functions: seeded random expressions over ints, huge
// ints, floats (NaN, inf), strings (Unicode), lists, tuples, dicts, sets and ranges, each printed as the
// repr of its result or the type and message of its exception, in CPython 3.13 and in the runtime. Lines
// must agree up to where the runtime stops (an `unsupported` or a limit ends its run; that is a refusal,
// not a wrong answer). Bounded here (a few hundred expressions with fixed seeds); raise
// YIELDLENS_FUZZ_PROGRAMS to run more (YIELDLENS_FUZZ_SEED to start elsewhere).
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { runSnippet } from '../../src/runtime/index.js';
import { findPython } from './oracle-harness.mjs';

const python = findPython();
const PROGRAMS = Number(process.env.YIELDLENS_FUZZ_PROGRAMS ?? 3);
const EXPRESSIONS = 250;

/** mulberry32: a small seeded PRNG, so every run draws the same expressions. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS = ['0', '1', '-1', '2', '3', '10**20', '-7', '0.5', '-2.5', "float('nan')", "float('inf')", '1e300', "'a'", "'abc'",
  "''", "'٤'", "'A b'", '[]', '[1, 2]', '(1,)', '()', '{}', "{'a': 1}", '{1, 2}', 'frozenset()', 'None', 'True', 'False',
  'range(3)', "' x '", "'ß'", "'İ'", "'😀a'", "{'a': 1}.keys()"];
// No ** or <<: CPython takes minutes over 10**20 ** 10**20.
const BINOPS = ['+', '-', '*', '/', '//', '%', '>>', '&', '|', '^', '==', '!=', '<', '<=', 'in'];
const FUNCS = ['repr', 'str', 'int', 'float', 'bool', 'len', 'abs', 'list', 'tuple', 'sorted', 'min', 'max', 'sum', 'any', 'all',
  'round', 'divmod', 'ord', 'chr', 'hex', 'bin', 'oct', 'format', 'reversed', 'enumerate', 'set', 'dict', 'type'];
const TWO_ARGS = new Set(['divmod', 'round', 'format']);
const METHODS = ['.upper()', '.lower()', '.title()', '.capitalize()', '.swapcase()', '.strip()', '.split()', '.isdigit()',
  '.isalpha()', '.isidentifier()', '.istitle()', '.isupper()', '.zfill(5)', ".center(7, '*')", '.count(1)', ".count('a')",
  '.index(1)', ".find('b')", '.bit_length()', '.is_integer()', '.keys()', '.values()', '.items()', '.copy()', '.pop()',
  ".join(['x', 'y'])", ".partition('b')", '.rsplit(None, 1)', '.expandtabs()', '.splitlines()', '.real', '.imag'];

function program(seed: number): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const expr = (depth: number): string => {
    const r = rand();
    if (depth > 2 || r < 0.3) return pick(ATOMS);
    if (r < 0.55) return `(${expr(depth + 1)} ${pick(BINOPS)} ${expr(depth + 1)})`;
    if (r < 0.8) {
      const f = pick(FUNCS);
      return `${f}(${[expr(depth + 1), ...(TWO_ARGS.has(f) ? [expr(depth + 1)] : [])].join(', ')})`;
    }
    return `(${expr(depth + 1)})${pick(METHODS)}`;
  };
  const lines = [
    'def show(f):',
    '    try:',
    '        r = f()',
    "        if type(r).__name__.endswith('iterator') or type(r).__name__ in ('reversed', 'enumerate'):",
    '            r = list(r)',
    '        print(repr(r))',
    '    except Exception as e:',
    '        print(type(e).__name__, e)',
  ];
  for (let i = 0; i < EXPRESSIONS; i++) lines.push(`show(lambda: ${expr(0)})`);
  return lines.join('\n') + '\n';
}

const mask = (s: string): string => s.replace(/0x[0-9a-f]+/g, '0x…');

describe.skipIf(!python.ok)('builtins fuzz: runtime vs CPython 3.13', () => {
  for (let p = 0; p < PROGRAMS; p++) {
    const seed = Number(process.env.YIELDLENS_FUZZ_SEED ?? 1000) + p;
    test(`seed ${seed}: ${EXPRESSIONS} expressions agree up to the runtime's first refusal`, { timeout: 300_000 }, () => {
      if (!python.ok) return;
      const source = program(seed);
      const cpython = spawnSync(python.command, ['-c', source], {
        env: { ...python.env, PYTHONHASHSEED: '0' }, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024,
      });
      expect(cpython.status, cpython.stderr).toBe(0);
      const report = runSnippet(source, { filename: 'fuzz.py', maxSteps: 50_000_000, timeoutMs: 120_000 });
      expect(report.error).toBeNull();
      const expected = mask(cpython.stdout).split('\n');
      const got = mask(report.stdout).split('\n');
      // A refusal or a limit ends the runtime's run early: compare what it printed before it.
      const stopped = report.unsupported !== null || (report.limit ?? null) !== null;
      const upTo = stopped ? got.length - 1 : expected.length;
      const wrong: string[] = [];
      for (let i = 0; i < upTo; i++) {
        if (expected[i] !== got[i]) wrong.push(`${source.split('\n')[i + 8]}\n  CPython: ${expected[i]}\n  runtime: ${got[i]}`);
      }
      console.info(`seed ${seed}: ${upTo} of ${EXPRESSIONS} compared${stopped ? `, then ${report.unsupported?.feature ?? report.limit?.kind}` : ''}`);
      expect(wrong.join('\n')).toBe('');
      if (!stopped) expect(got.length).toBe(expected.length);
    });
  }
});
