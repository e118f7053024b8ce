// The rule registry is the single source of truth: the README's rule table and docs/rules/*.md are
// generated from it (`npm run docs`), and these tests fail when either is stale.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/analysis/index.js';
import { renderRuleMarkdown } from '../src/cli/rule-docs.js';
import { README_TABLE_END, README_TABLE_START, renderRuleTable } from '../src/cli/rule-table.js';

const root = join(import.meta.dirname, '..', '..');

describe('rule registry consistency', () => {
  it('README rule table matches the registry', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = readme.indexOf(README_TABLE_START);
    const end = readme.indexOf(README_TABLE_END);
    expect(start, 'README.md has the rules-table markers').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start + README_TABLE_START.length + 1, end)).toBe(renderRuleTable(RULES));
  });

  it('docs/rules has exactly one up-to-date page per rule', () => {
    const pages = readdirSync(join(root, 'docs', 'rules')).filter((name) => name.endsWith('.md')).sort();
    expect(pages).toEqual(RULES.map((rule) => `${rule.name}.md`).sort());
    for (const rule of RULES) {
      expect(readFileSync(join(root, 'docs', 'rules', `${rule.name}.md`), 'utf8'), `docs/rules/${rule.name}.md is stale: run npm run docs`).toBe(renderRuleMarkdown(rule));
    }
  });

  it('codes and names are unique and well formed', () => {
    expect(new Set(RULES.map((rule) => rule.code)).size).toBe(RULES.length);
    expect(new Set(RULES.map((rule) => rule.name)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^GEN\d{3}$/);
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});
