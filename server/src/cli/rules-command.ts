// `yieldlens rules` (the catalogue as a table, or JSON) and `yieldlens rule NAME|CODE` (one rule's docs).

import { parseArgs } from 'node:util';
import type { RuleDescriptor } from '@yieldlens/shared';
import { RULES, ruleByCodeOrName } from '../analysis/index.js';
import { usageMessage, type CliIo } from './io.js';
import { renderRuleMarkdown } from './rule-docs.js';

export function runRulesCommand(args: string[], io: CliIo): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout('Usage: yieldlens rules [--format text|json]\n\nLists every rule: code, name, severity and summary.\n');
    return 0;
  }
  let json: boolean;
  const formatAt = args.indexOf('--format');
  if (formatAt !== -1 && (args[formatAt + 1] === undefined || (args[formatAt + 1] ?? '').startsWith('-'))) {
    io.stderr('yieldlens rules: --format requires a value (text, json); usage: yieldlens rules [--format text|json]\n');
    return 2;
  }
  try {
    const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } }, strict: true, allowPositionals: false });
    if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format: unknown format "${values.format}" (expected text, json)`);
    json = values.format === 'json';
  } catch (error) {
    io.stderr(`yieldlens rules: ${usageMessage(error)}; usage: yieldlens rules [--format text|json]\n`);
    return 2;
  }
  const descriptors: RuleDescriptor[] = RULES.map((rule) => ({ code: rule.code, name: rule.name, severity: rule.severity, summary: rule.summary }));
  if (json) {
    io.stdout(`${JSON.stringify(descriptors, null, 2)}\n`);
    return 0;
  }
  const rows: string[][] = [['CODE', 'NAME', 'SEVERITY', 'SUMMARY'], ...descriptors.map((rule) => [rule.code, rule.name, rule.severity, rule.summary])];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

export function runRuleCommand(args: readonly string[], io: CliIo): number {
  const [key, ...rest] = args;
  if (key === '-h' || key === '--help') {
    io.stdout('Usage: yieldlens rule NAME|CODE\n\nPrints the documentation of one rule (see `yieldlens rules` for the list).\n');
    return 0;
  }
  if (key === undefined || rest.length > 0 || key.startsWith('-')) {
    io.stderr('yieldlens rule: usage: yieldlens rule NAME|CODE (see `yieldlens rules` for the list)\n');
    return 2;
  }
  const rule = ruleByCodeOrName(key);
  if (rule === undefined) {
    io.stderr(`yieldlens rule: unknown rule "${key}" (run \`yieldlens rules\` for the list)\n`);
    return 2;
  }
  io.stdout(renderRuleMarkdown(rule));
  return 0;
}
