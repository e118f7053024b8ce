// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
// pull request. Values are escaped as the runner's command parser requires.

import type { CheckReport, Severity } from '@yieldlens/shared';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: CheckReport): string {
  const lines: string[] = [];
  for (const finding of report.findings) {
    const properties = [
      `file=${escapeProperty(finding.file)}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(`${finding.code} [${finding.rule}]`)}`,
    ];
    lines.push(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
  }
  for (const error of report.errors) {
    // A syntax error leaves the file's intact functions analysed; every other error leaves it unread.
    const title = error.message.startsWith('syntax error') ? 'yieldlens: syntax error' : 'yieldlens: file not analysed';
    const where = error.line === undefined ? '' : `,line=${error.line},col=${error.column ?? 1}`;
    lines.push(`::error file=${escapeProperty(error.file)}${where},title=${escapeProperty(title)}::${escapeData(error.message)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Message text: `%`, CR and LF are escaped (actions/toolkit `escapeData`). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`, which delimit properties (actions/toolkit `escapeProperty`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
