// Differential fuzzing of the generator protocol: seeded random generators (try/except/else/finally, loops,
// returns, raises, yield from) driven by random next/send/throw/close sequences, in the runtime and in CPython.
import { writeFileSync } from 'node:fs';
import { beforeAll, afterAll, describe, expect, test } from 'vitest';
import { runSnippet } from '../../src/runtime/index.js';
import { compareWithOracle, findPython, observeOracle, observeRuntime, oracleRunAll, type OracleOutcome } from './oracle-harness.mjs';
import { makeProgram } from './protocol-fuzz.mjs';

// 120 programs keep a cold CI run (no oracle cache) to seconds; set YIELDLENS_FUZZ_COUNT/SEED to search further.
const PROGRAM_COUNT = Number(process.env.YIELDLENS_FUZZ_COUNT ?? 120);
const FIRST_SEED = Number(process.env.YIELDLENS_FUZZ_SEED ?? 1);
const seeds = Array.from({ length: PROGRAM_COUNT }, (_, index) => FIRST_SEED + index);
const python = findPython();
// Where to write the failing programs for the runtime's authors (e.g. /work/notes/runtime-fuzz.md).
const fuzzNotesPath = process.env.YIELDLENS_FUZZ_NOTES;

if (!python.ok) {
  describe('generator protocol fuzz: runtime vs CPython', () => {
    test.skip(`skipped: ${python.reason}`, () => {});
  });
} else {
  describe(`generator protocol fuzz: runtime vs CPython ${python.version}`, () => {
    const programs = new Map(seeds.map((seed) => [seed, makeProgram(seed)]));
    const oracle = new Map<number, OracleOutcome>();
    const failures: { seed: number; differences: string[] }[] = [];

    beforeAll(async () => {
      const outcomes = await oracleRunAll(seeds.map((seed) => ({ source: programs.get(seed) ?? '', filename: `fuzz_${seed}.py` })));
      seeds.forEach((seed, index) => {
        const outcome = outcomes[index];
        if (outcome) oracle.set(seed, outcome);
      });
    }, 300_000);

    afterAll(() => {
      if (!fuzzNotesPath) return;
      const lines = [
        '# Generator protocol fuzz: runtime vs CPython (generated)',
        '',
        `Written by \`server/test/runtime/protocol-fuzz.test.ts\` on ${new Date().toISOString()}: ${failures.length} of ${seeds.length} programs disagree.`,
        'Regenerate: `YIELDLENS_FUZZ_NOTES=/work/notes/runtime-fuzz.md npx vitest run server/test/runtime/protocol-fuzz.test.ts`.',
        'Program text: `node -e "import(\'./server/test/runtime/protocol-fuzz.mjs\').then(m => console.log(m.makeProgram(SEED)))"`.',
        '',
      ];
      for (const failure of failures.slice(0, 20)) {
        lines.push(`## seed ${failure.seed}`, '', ...failure.differences.map((d) => `- ${d}`), '', '```python', programs.get(failure.seed) ?? '', '```', '');
      }
      writeFileSync(fuzzNotesPath, `${lines.join('\n')}\n`);
    });

    test.for(seeds)('seed %i', (seed, context) => {
      const outcome = oracle.get(seed);
      if (!outcome?.ok) throw new Error(`CPython oracle failed on seed ${seed}: ${outcome?.reason ?? 'no result'}`);
      if (outcome.result.teardownStdout !== '') {
        // A generator left suspended printed from its finalizer: GC timing, which the runtime does not model.
        context.skip('prints from a generator finalizer');
        return;
      }
      const source = programs.get(seed) ?? '';
      const report = runSnippet(source, { filename: `fuzz_${seed}.py`, maxSteps: 1_000_000, timeoutMs: 5_000 });
      const differences = compareWithOracle(report, outcome.result);
      if (differences.length > 0) failures.push({ seed, differences });
      expect(report.unsupported, 'the generated programs use only the generator protocol').toBeNull();
      expect(observeRuntime(report, outcome.result.delegatingSites), `seed ${seed}:\n${source}`).toEqual(observeOracle(outcome.result));
    });
  });
}
