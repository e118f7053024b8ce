// Renders a rule's documentation (its fixed sections) as Markdown, for `yieldlens rule NAME` and the
// help text of SARIF rules, so both always say the same thing.

import type { RuleDefinition } from '../analysis/index.js';

export const SECTION_HEADINGS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Fix safety', 'References'] as const;

export function renderRuleMarkdown(rule: RuleDefinition): string {
  const { docs } = rule;
  const out: string[] = [`# ${rule.name} (${rule.code})`, '', `Severity: ${rule.severity}`];
  out.push(`Fix: ${rule.fixTitle ?? 'none'}`, '');
  out.push('## What it does', docs.whatItDoes.trim(), '');
  out.push('## Why is this bad?', docs.whyIsThisBad.trim(), '');
  out.push('## Example', codeBlock(docs.example), '');
  out.push('## Use instead', codeBlock(docs.useInstead), '');
  const fixSafety = docs.fixSafety?.trim() ?? (rule.fixTitle === null ? 'This rule offers no automatic fix.' : '');
  if (fixSafety !== '') out.push('## Fix safety', fixSafety, '');
  if (docs.references !== undefined && docs.references.length > 0) {
    out.push('## References', ...docs.references.map((reference) => `- ${reference}`), '');
  }
  return out.join('\n');
}

/** Wraps Python source in a fenced block unless the docs already fenced it. */
function codeBlock(source: string): string {
  const trimmed = source.replace(/^\n+|\s+$/g, '');
  return trimmed.startsWith('```') ? trimmed : `\`\`\`python\n${trimmed}\n\`\`\``;
}
