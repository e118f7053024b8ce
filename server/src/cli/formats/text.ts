// `--format text`: one finding a line (`path:line:col: CODE [rule-name] message`), then the files that
// could not be analysed, then a summary line. Colour only when writing to a terminal.

import type { CheckReport, Severity } from '@yieldlens/shared';
import pc from 'picocolors';

export function formatText(report: CheckReport, color: boolean): string {
  const c = pc.createColors(color);
  const severityColor: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines: string[] = [];
  for (const finding of report.findings) {
    const where = c.bold(`${finding.file}:${finding.line}:${finding.column}:`);
    lines.push(`${where} ${severityColor[finding.severity](c.bold(finding.code))} ${c.dim(`[${finding.rule}]`)} ${finding.message}`);
  }
  for (const error of report.errors) lines.push(`${c.bold(`${error.file}:`)} ${c.red('error:')} ${error.message}`);
  lines.push(summaryLine(report, c));
  return `${lines.join('\n')}\n`;
}

function summaryLine(report: CheckReport, c: ReturnType<typeof pc.createColors>): string {
  const checked = `${plural(report.summary.files, 'file')} checked`;
  const unanalysed = report.errors.length === 0 ? '' : `; ${plural(report.errors.length, 'error')} (listed above)`;
  if (report.findings.length === 0) {
    return report.errors.length === 0 ? c.green(`All checks passed (${checked}).`) : `No findings (${checked}${unanalysed}).`;
  }
  const files = new Set(report.findings.map((finding) => finding.file)).size;
  return c.bold(`Found ${plural(report.findings.length, 'finding')} in ${plural(files, 'file')} (${checked}${unanalysed}).`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
