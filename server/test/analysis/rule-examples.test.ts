// The documentation of GEN002, GEN003, GEN005, GEN008, GEN009, GEN010 and GEN011 is checked against the rules themselves: each rule
// reports its own `Example` and stays silent on its `Use instead`.

import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/check.js';
import { ruleByCodeOrName } from '../../src/analysis/rules/registry.js';

describe.each(['yield-in-finally', 'swallowed-generator-exit', 'suspended-resource', 'contextmanager-multiple-yield', 'contextmanager-unprotected-yield', 'deprecated-throw-signature', 'generator-reentrancy'])('%s documentation', (name) => {
  const rule = ruleByCodeOrName(name);
  const run = (text: string) => analyzeFile({ file: 'example.py', text, enabled: new Set([rule?.code ?? '']) });

  it('reports the example', () => {
    const result = run(rule?.docs.example ?? '');
    expect(result.syntaxError).toBeNull();
    expect(result.findings.map((f) => f.rule)).toEqual([name]);
  });

  it('is silent on the suggested code', () => {
    const result = run(rule?.docs.useInstead ?? '');
    expect(result.syntaxError).toBeNull();
    expect(result.findings).toEqual([]);
  });
});
