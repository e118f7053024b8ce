// `mayReport` decides, from the text alone, that no enabled rule can report in a file, so the CLI does
// not parse it. It must never be wrong the other way: on every fixture, under the default selection and
// under ALL, a file it rules out has no findings and no suppressed findings when analysed in full.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, mayReport } from '../../src/analysis/index.js';
import { RULES } from '../../src/analysis/rules/registry.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test-fixtures');

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

const ALL = new Set(RULES.map((rule) => rule.code));
const SELECTIONS: [string, ReadonlySet<string> | undefined][] = [['the default rules', undefined], ['ALL', ALL]];

describe('mayReport', () => {
  const files = pythonFiles(FIXTURES);

  it.each(SELECTIONS)('never rules out a fixture that has findings, with %s', (_name, enabled) => {
    let ruledOut = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (mayReport(text, enabled)) continue;
      ruledOut++;
      const result = analyzeFile({ file, text, ...(enabled === undefined ? {} : { enabled }) });
      expect({ file: relative(FIXTURES, file), findings: result.findings, suppressed: result.suppressed }).toEqual({ file: relative(FIXTURES, file), findings: [], suppressed: 0 });
    }
    // The fixtures are mostly generator code; some files (packages' __init__, helpers) have none.
    expect(ruledOut).toBeGreaterThan(0);
  });

  it('rules a file in or out by each enabled rule\'s triggers', () => {
    const plain = 'def f(x):\n    return x + 1\n';
    expect(mayReport(plain, undefined)).toBe(false);
    expect(mayReport(`${plain}\ndef g():\n    yield\n    raise StopIteration\n`, new Set(['GEN004']))).toBe(true);
    // The rule that would report is not enabled.
    expect(mayReport('def g():\n    raise StopIteration\n    yield\n', new Set(['GEN001']))).toBe(false);
    // GEN100 can only report where a suppression comment is.
    expect(mayReport(`${plain}x = 1  # noqa: GEN001\n`, new Set(['GEN100']))).toBe(true);
    expect(mayReport(plain, new Set(['GEN100']))).toBe(false);
  });
});
