// The run's results in the stable `CheckReport` shape, in a deterministic order (file, then position),
// so output is identical however the files were scheduled over worker threads.

import type { CheckReport, FileError, Finding } from '@yieldlens/shared';

export interface RunReport {
  report: CheckReport;
  /** Paths given on the command line that do not exist (also listed in `report.errors`). */
  missingPaths: number;
  /** Files that hit a yieldlens bug (also listed in `report.errors`). */
  internalErrors: number;
}

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export function compareFindings(a: Finding, b: Finding): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column
    || a.endLine - b.endLine || a.endColumn - b.endColumn || compareStrings(a.code, b.code) || compareStrings(a.message, b.message);
}

export function compareErrors(a: FileError, b: FileError): number {
  return compareStrings(a.file, b.file) || compareStrings(a.message, b.message);
}

/** Code-unit order, not locale order: the same bytes on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Serialises a finding with its keys in the documented order. */
export function findingToJson(finding: Finding): Finding {
  return {
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    code: finding.code,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    related: finding.related.map((item) => ({ file: item.file, line: item.line, column: item.column, message: item.message })),
    fix: finding.fix === null
      ? null
      : {
          title: finding.fix.title,
          applicability: finding.fix.applicability,
          edits: finding.fix.edits.map((edit) => ({
            line: edit.line, column: edit.column, endLine: edit.endLine, endColumn: edit.endColumn, newText: edit.newText,
          })),
        },
  };
}
