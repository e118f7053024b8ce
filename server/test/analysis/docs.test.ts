// Every registered rule carries complete documentation (it feeds `yieldlens rule NAME` and SARIF help)
// and an identity in the catalogue's format.

import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/analysis/rules/registry.js';

const isFilled = (text: string | undefined): boolean =>
  text !== undefined && text.trim() !== '' && !/^\s*TODO\b/i.test(text);

describe('rule registry', () => {
  it('has unique codes in the GENnnn format and unique kebab-case names', () => {
    const codes = RULES.map((rule) => rule.code);
    const names = RULES.map((rule) => rule.name);
    for (const code of codes) expect(code).toMatch(/^GEN\d{3}$/);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const rule of RULES) {
    describe(`${rule.code} ${rule.name}`, () => {
      it('has a summary and every documentation section filled in', () => {
        const missing: string[] = [];
        if (!isFilled(rule.summary)) missing.push('summary');
        if (rule.fixTitle !== null && !isFilled(rule.fixTitle)) missing.push('fixTitle');
        const { whatItDoes, whyIsThisBad, example, useInstead, fixSafety, references } = rule.docs;
        if (!isFilled(whatItDoes)) missing.push('whatItDoes');
        if (!isFilled(whyIsThisBad)) missing.push('whyIsThisBad');
        if (!isFilled(example)) missing.push('example');
        if (!isFilled(useInstead)) missing.push('useInstead');
        if (!isFilled(fixSafety)) missing.push('fixSafety');
        if (references === undefined || references.length === 0 || !references.every(isFilled)) missing.push('references');
        expect(missing, `${rule.name} lacks documentation sections`).toEqual([]);
      });

      it('shows different code in its example and its fix', () => {
        expect(rule.docs.example.trim()).not.toBe(rule.docs.useInstead.trim());
      });
    });
  }
});
