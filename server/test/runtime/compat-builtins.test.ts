// A bounded subset of `npm run compat`'s conversion of CPython's tests of the built-ins and modules: the first
// methods of test_itertools and test_contextlib (where the runtime has no known disagreement left) must agree
// with CPython or be refused. The full run, every file and every method, is `npm run compat`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadParser } from '../../src/parser.js';
import { runSnippet } from '../../src/runtime/index.js';
import { findPython } from './oracle-harness.mjs';
// @ts-expect-error -- a plain-JavaScript bench script without declarations
import { compareMethods, newTally } from '../../../bench/compat.mjs';

const converter = join(fileURLToPath(new URL('.', import.meta.url)), 'compat_convert.py');
const python = findPython();
const FILES = ['test_itertools.py', 'test_contextlib.py'];
const METHODS_PER_FILE = 30;

interface Method { id: string; source?: string; skip?: string }

describe.skipIf(!python.ok)('compat: CPython tests of itertools and contextlib (bounded)', () => {
  let files: { file: string; methods: Method[] }[] = [];
  beforeAll(async () => {
    await loadParser();
    if (!python.ok) return;
    const conversion = spawnSync(python.command, [converter, '--builtins'], { env: python.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    files = JSON.parse(conversion.stdout).files;
  });

  test.for(FILES)('%s: no disagreement in the first methods', async (name) => {
    const file = files.find((f) => f.file === name);
    expect(file, name).toBeDefined();
    const methods = (file?.methods ?? []).filter((m) => m.source !== undefined).slice(0, METHODS_PER_FILE);
    const tally = newTally();
    await compareMethods(methods, runSnippet, tally);
    const disagreements = [...tally.disagree.values()].flat().map((d: { id: string; detail: string }) => `${d.id}: ${d.detail}`);
    expect(disagreements).toEqual([]);
    expect(tally.agree.length).toBeGreaterThan(METHODS_PER_FILE / 2);
  }, 300_000);
});
