// `--format json`: the stable `CheckReport` object of the spec, one JSON document on stdout. Fields are
// only ever added (an error's `line`/`column`, the summary's `fixable`/`fixed`), never renamed or removed.

import type { CheckReport } from '@yieldlens/shared';
import { findingToJson } from './report.js';

export function formatJson(report: CheckReport): string {
  const ordered: CheckReport = {
    version: 1,
    findings: report.findings.map(findingToJson),
    errors: report.errors.map((error) => ({
      file: error.file,
      message: error.message,
      ...(error.line === undefined ? {} : { line: error.line, column: error.column ?? 1 }),
    })),
    summary: { files: report.summary.files, findings: report.summary.findings, fixable: report.summary.fixable ?? 0, fixed: report.summary.fixed ?? 0 },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
