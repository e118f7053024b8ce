// Every rule's fix, for every rule in the registry (so rules added later are covered when they land):
// each fix offered on the rule's fixture and documentation example is applied alone and re-checked —
// the result must parse (tree-sitter) and compile (CPython), the fixed finding must be gone, and no
// rule may report more than before — then all of them are applied together by the `--fix` loop, which
// must settle with nothing of the rule left to fix.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@yieldlens/shared';
import { analyzeFile, applyFixes, defaultRuleCodes, fixApplies, fixUntilStable, RULES, type RuleDefinition } from '../../src/analysis/index.js';
import { REPO_ROOT } from './helpers.js';

interface Sample {
  label: string;
  text: string;
}

function samplesOf(rule: RuleDefinition): Sample[] {
  const samples: Sample[] = [{ label: `${rule.name} documentation example`, text: `${rule.docs.example.replace(/^```\w*\n|```\s*$/g, '')}\n` }];
  const fixture = path.join(REPO_ROOT, 'test-fixtures', 'rules', `${rule.name}.py`);
  if (fs.existsSync(fixture)) samples.push({ label: `test-fixtures/rules/${rule.name}.py`, text: fs.readFileSync(fixture, 'utf8') });
  return samples;
}

/** What every rule reports, by code; the rule under test joins the default ones (GEN100 is off by default). */
function countsByCode(text: string, rule: RuleDefinition): Map<string, number> {
  const enabled = new Set([...defaultRuleCodes(), rule.code]);
  const counts = new Map<string, number>();
  for (const finding of analyzeFile({ file: 'sample.py', text, enabled }).findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return counts;
}

/** CPython's verdict on each text: null when it compiles, else the error. */
function compileWithCPython(texts: readonly string[]): (string | null)[] {
  const script = [
    'import json, sys',
    'results = []',
    'for source in json.load(sys.stdin):',
    '    try:',
    "        compile(source, 'fixed.py', 'exec')",
    '        results.append(None)',
    '    except SyntaxError as error:',
    "        results.append(f'{type(error).__name__}: {error}')",
    'print(json.dumps(results))',
  ].join('\n');
  const output = execFileSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', env: { ...process.env, PYENV_VERSION: '3.13.0' }, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output) as (string | null)[];
}

const fixable = RULES.filter((rule) => rule.fixTitle !== null);

describe('every rule with a fix', () => {
  it('the registry has rules with fixes', () => {
    expect(fixable.length).toBeGreaterThan(0);
  });

  for (const rule of fixable) {
    describe(`${rule.code} ${rule.name}`, () => {
      const samples = samplesOf(rule);
      const fixesOf = (text: string): Finding[] => analyzeFile({ file: 'sample.py', text, enabled: new Set([rule.code]) }).findings.filter((finding) => fixApplies(finding.fix, true));

      it('offers its fix on its fixture or its documentation example', () => {
        expect(samples.flatMap((sample) => fixesOf(sample.text)).length).toBeGreaterThan(0);
      });

      it('each fix, applied alone, gives code that parses, compiles, and no longer has that finding', () => {
        const fixedTexts: { label: string; text: string }[] = [];
        for (const sample of samples) {
          const before = countsByCode(sample.text, rule);
          for (const finding of fixesOf(sample.text)) {
            const where = `${sample.label}:${finding.line}:${finding.column}`;
            const { text, applied } = applyFixes(sample.text, [finding], true);
            expect(applied, where).toHaveLength(1);
            expect(text, where).not.toBe(sample.text);
            const after = analyzeFile({ file: 'sample.py', text, enabled: new Set([rule.code]) });
            expect(after.syntaxError, `${where}: the fix breaks the syntax`).toBeNull();
            const counts = countsByCode(text, rule);
            expect(counts.get(rule.code) ?? 0, `${where}: the fixed finding is still reported`).toBeLessThan(before.get(rule.code) ?? 0);
            for (const [code, count] of counts) expect(count, `${where}: the fix adds ${code} findings`).toBeLessThanOrEqual(before.get(code) ?? 0);
            fixedTexts.push({ label: where, text });
          }
        }
        const verdicts = compileWithCPython(fixedTexts.map((fixed) => fixed.text));
        const failures = fixedTexts.flatMap((fixed, i) => (verdicts[i] === null ? [] : [`${fixed.label}: ${verdicts[i]}`]));
        expect(failures).toEqual([]);
      });

      it('all fixes together settle, compile, and leave nothing of the rule to fix', () => {
        const results: string[] = [];
        for (const sample of samples) {
          const analyze = (text: string) => analyzeFile({ file: 'sample.py', text, enabled: new Set([rule.code]) });
          const fixed = fixUntilStable(sample.text, analyze, true);
          if (!fixed.ok) throw new Error(`${sample.label}: ${fixed.message}`);
          expect(fixed.analysis.findings.filter((finding) => fixApplies(finding.fix, true)), sample.label).toEqual([]);
          results.push(fixed.text);
        }
        expect(compileWithCPython(results)).toEqual(results.map(() => null));
      });
    });
  }
});
