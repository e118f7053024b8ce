// `--format json`: the stable `CheckReport` object of the spec, one JSON document on stdout.

import type { CheckReport } from '@yieldlens/shared';
import { findingToJson } from './report.js';

export function formatJson(report: CheckReport): string {
  const ordered: CheckReport = {
    version: 1,
    findings: report.findings.map(findingToJson),
    errors: report.errors.map((error) => ({ file: error.file, message: error.message })),
    summary: { files: report.summary.files, findings: report.summary.findings },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
