// Turns the analysis' findings into LSP diagnostics (the diagnostics feature's one handler): code, a
// link to the rule's documentation, source, related locations and tags, published with the version.

import { DiagnosticSeverity, DiagnosticTag, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { RULE_DOCS_BASE_URL, type Finding, type Severity, type SourceRange } from '@yieldlens/shared';
import { uriOfPath } from './uri.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Rules whose findings mark code the editor may render specially (struck through, faded). */
const TAGS_BY_RULE: Record<string, DiagnosticTag[]> = {
  'deprecated-throw-signature': [DiagnosticTag.Deprecated],
};

export function ruleDocsUrl(ruleName: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleName}.md`;
}

/** An LSP range (0-based) from the analysis' 1-based, end-exclusive range. */
export function toRange(range: SourceRange): Range {
  return {
    start: { line: range.line - 1, character: range.column - 1 },
    end: { line: range.endLine - 1, character: range.endColumn - 1 },
  };
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: 'yieldlens',
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: {
        uri: uriOfPath(related.file),
        range: toRange({ line: related.line, column: related.column, endLine: related.line, endColumn: related.column }),
      },
      message: related.message,
    }));
  }
  const tags = TAGS_BY_RULE[finding.rule];
  if (tags !== undefined) diagnostic.tags = tags;
  return diagnostic;
}

/** Publishes a document's diagnostics for exactly the version they were computed from. */
export function publishDiagnostics(connection: Connection, uri: string, version: number, findings: readonly Finding[]): void {
  void connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
}
