// `yieldlens check --format sarif` validated against the SARIF 2.1.0 JSON schema (the OASIS rtm.5 schema as
// Microsoft's @microsoft/jest-sarif package ships it, MIT), with ajv: on every rule fixture (findings with
// related locations and fixes), a clean file, and files that cannot be read or parsed.

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..', '..');
const BIN = join(REPO, 'server', 'bin', 'yieldlens.js');
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

// The schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) is valid only without the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface SarifLog {
  version: string;
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number; level?: string }[]; invocations?: unknown[] }[];
}

function sarifOf(args: string[], cwd = REPO): SarifLog {
  const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'sarif', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect([0, 1], result.stderr).toContain(result.status);
  const log = JSON.parse(result.stdout) as SarifLog;
  const valid = validate(log);
  expect(valid ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message ?? ''}`), 'SARIF 2.1.0 schema violations').toEqual([]);
  return log;
}

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'yieldlens-sarif-'));
  writeFileSync(join(scratch, 'clean.py'), 'def gen():\n    yield 1\n');
  writeFileSync(join(scratch, 'broken.py'), 'def gen(:\n    yield\n');
  writeFileSync(join(scratch, 'binary.py'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0]));
  writeFileSync(join(scratch, 'latin1.py'), Buffer.from('x = "caf\xe9"\n', 'latin1'));
});

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe('SARIF output', () => {
  it('is valid SARIF 2.1.0 for every rule fixture, each result naming a rule the driver lists', () => {
    const log = sarifOf(['test-fixtures/rules', 'test-fixtures/workspaces']);
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    expect(run?.results.length).toBeGreaterThan(20);
    const ids = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    for (const result of run?.results ?? []) {
      expect(ids).toContain(result.ruleId);
      if (result.ruleIndex !== undefined) expect(ids[result.ruleIndex]).toBe(result.ruleId);
    }
  });

  it('the validator is not vacuous: it rejects a log that breaks the schema', () => {
    const log = JSON.parse(JSON.stringify(sarifOf(['clean.py'], scratch))) as { version: string; runs: { results: unknown[] }[] };
    log.runs[0]?.results.push({ ruleId: 'GEN001', level: 'fatal', message: {} });
    expect(validate(log)).toBe(false);
  });

  it('is valid SARIF 2.1.0 for a clean file and for files that cannot be read or parsed', () => {
    expect(sarifOf(['clean.py'], scratch).runs[0]?.results).toEqual([]);
    sarifOf(['broken.py', 'binary.py', 'latin1.py', 'clean.py'], scratch);
  });
});
