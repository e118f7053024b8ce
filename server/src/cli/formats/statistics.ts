// `--statistics`: how many findings each rule has, most frequent first, instead of the findings; as a
// table in flake8's and ruff's layout, or (`--format json`) as an array with ruff's keys.

import type { Finding } from '@yieldlens/shared';
import pc from 'picocolors';
import { fixApplies } from '../../analysis/index.js';

export interface RuleStatistic {
  code: string;
  name: string;
  count: number;
  /** Every finding of the rule is fixable (ruff's `fixable`). */
  fixable: boolean;
  fixable_count: number;
}

export function ruleStatistics(findings: readonly Finding[], unsafeFixes: boolean): RuleStatistic[] {
  const byCode = new Map<string, RuleStatistic>();
  for (const finding of findings) {
    let statistic = byCode.get(finding.code);
    if (statistic === undefined) {
      statistic = { code: finding.code, name: finding.rule, count: 0, fixable: false, fixable_count: 0 };
      byCode.set(finding.code, statistic);
    }
    statistic.count++;
    if (fixApplies(finding.fix, unsafeFixes)) statistic.fixable_count++;
  }
  const statistics = [...byCode.values()].map((statistic) => ({ ...statistic, fixable: statistic.fixable_count === statistic.count }));
  return statistics.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** `count<TAB>CODE<TAB>[*] name`: `[*]` every finding fixable, `[-]` some, `[ ]` none (shown when any is). */
export function formatStatisticsText(statistics: readonly RuleStatistic[], color: boolean): string {
  if (statistics.length === 0) return '';
  const c = pc.createColors(color);
  const countWidth = Math.max(...statistics.map((statistic) => String(statistic.count).length));
  const codeWidth = Math.max(...statistics.map((statistic) => statistic.code.length));
  const anyFixable = statistics.some((statistic) => statistic.fixable_count > 0);
  const lines = statistics.map((statistic) => {
    const marker = !anyFixable ? '' : statistic.fixable ? `[${c.cyan('*')}] ` : statistic.fixable_count > 0 ? `[${c.cyan('-')}] ` : '[ ] ';
    return `${c.bold(String(statistic.count).padStart(countWidth))}\t${c.red(c.bold(statistic.code))}${' '.repeat(codeWidth - statistic.code.length)}\t${marker}${statistic.name}`;
  });
  return `${lines.join('\n')}\n`;
}

export function formatStatisticsJson(statistics: readonly RuleStatistic[]): string {
  return `${JSON.stringify(statistics, null, 2)}\n`;
}
