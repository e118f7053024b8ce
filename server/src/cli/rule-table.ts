// The Markdown table of rules shown in the README; generated from the registry so that the two
// cannot drift (a consistency test compares them).

import type { RuleDefinition } from '../analysis/index.js';

export const README_TABLE_START = '<!-- rules-table:start -->';
export const README_TABLE_END = '<!-- rules-table:end -->';

export function renderRuleTable(rules: readonly RuleDefinition[]): string {
  const rows = rules.map((rule) => {
    const fix = rule.fixTitle ?? '—';
    const summary = rule.enabledByDefault === false ? `${rule.summary} (off by default)` : rule.summary;
    return `| ${rule.code} | [\`${rule.name}\`](docs/rules/${rule.name}.md) | ${rule.severity} | ${summary} | ${fix} |`;
  });
  return ['| Code | Name | Severity | What it finds | Quick fix |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}
