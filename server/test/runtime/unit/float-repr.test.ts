// repr() of floats against CPython: the runtime's floatRepr takes JavaScript's shortest digits and
// must print exactly what CPython prints, in fixed and in scientific notation and at their borders.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { floatRepr } from '../../../src/runtime/values.js';
import { findPython } from '../oracle-harness.mjs';

/** Floats over every decade CPython prints, both notations' borders, and whole numbers; seeded. */
function sampleFloats(): number[] {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const values = [
    1e-4, 9.999999999999999e-5, 1e-5, 1e16, 9999999999999998, 1e15, 1e21, 1e22, 0.1 + 0.2, 1 / 3, 2 / 3,
    123456789012345.6, -0.5, 2.5, 100, -100, 5e-324, 1.7976931348623157e308, 0.0001234, 1234567890123456.7,
  ];
  for (let i = 0; i < 4000; i++) {
    const exponent = Math.floor(random() * 44) - 22;
    values.push((random() - 0.5) * 10 ** exponent);
    values.push(Math.round(random() * 10 ** Math.max(0, exponent + 2)));
  }
  return values;
}

const python = findPython();

describe.skipIf(!python.ok)('floatRepr agrees with CPython', () => {
  test('on 8,000 seeded floats and the notation borders', () => {
    if (!python.ok) return;
    const values = sampleFloats();
    // float.hex round-trips exactly, so CPython sees the very doubles the runtime formats.
    const hex = values.map((v) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, v);
      const bits = view.getBigUint64(0);
      const sign = bits >> 63n ? '-' : '';
      const exponent = Number((bits >> 52n) & 0x7ffn);
      const mantissa = (bits & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
      return exponent === 0 ? `${sign}0x0.${mantissa}p-1022` : `${sign}0x1.${mantissa}p${exponent - 1023}`;
    });
    const child = spawnSync(python.command, ['-c', 'import sys\nfor line in sys.stdin: print(repr(float.fromhex(line)))'], {
      input: hex.join('\n') + '\n',
      env: python.env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(0);
    const expected = child.stdout.trim().split('\n');
    expect(expected).toHaveLength(values.length);
    const mismatches = values.map((v, i) => [v, floatRepr(v), expected[i]] as const).filter(([, ours, theirs]) => ours !== theirs);
    expect(mismatches).toEqual([]);
  });
});
