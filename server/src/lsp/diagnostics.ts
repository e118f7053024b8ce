// Turns the analysis' findings into LSP diagnostics (the diagnostics feature's one handler): code, a
// link to the rule's documentation, source, related locations and tags — pushed with the version they
// were computed for, or pulled (LSP 3.17 `textDocument/diagnostic`) by clients that pull.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentDiagnosticReportKind,
  ResponseError,
  type Connection,
  type DocumentDiagnosticParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver';
import { RULE_DOCS_BASE_URL, type Finding, type Severity, type SourceRange } from '@yieldlens/shared';
import { guardAsyncRequest } from './guard.js';
import type { Session } from './session.js';
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

/** What a set of findings says, as a string: equal strings, equal diagnostics. */
export function findingsSignature(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((finding) => [finding.code, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message, finding.related.length]));
}

/** Publishes a document's diagnostics for exactly the version they were computed from. */
export function publishDiagnostics(connection: Connection, uri: string, version: number, findings: readonly Finding[]): void {
  void connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
}

/**
 * Pull diagnostics: the same findings the push path sends (the session's `findingsFor`), computed for the
 * document's current text when asked — awaited, so a long analysis yields to other requests meanwhile,
 * and following the document when an edit supersedes the version asked about. `resultId` names what
 * was answered, so an unchanged set costs the client nothing.
 */
export function registerPullDiagnostics(connection: Connection, session: Session): void {
  const answer = guardAsyncRequest(connection, 'textDocument/diagnostic', async (params: DocumentDiagnosticParams, token): Promise<DocumentDiagnosticReport> => {
    for (let attempt = 0; ; attempt++) {
      const doc = session.documents.get(params.textDocument.uri);
      if (doc === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      // Typed into without a pause: after a few versions, the current one at once.
      const outcome = attempt < MAX_PULL_ATTEMPTS ? await session.analysisWhenReady(doc, token) : session.analysisOf(doc);
      if (outcome === 'superseded' || session.documents.get(params.textDocument.uri) !== doc) continue;
      const findings = outcome === null ? [] : session.findingsFor(doc, outcome);
      const resultId = `${doc.version}:${hashText(session.notePulled(doc, findings))}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: findings.map(toDiagnostic) };
    }
  });
  connection.languages.diagnostics.on(async (params, token) => {
    const report = await answer(params, token);
    // A failure is not worth a retry on every keystroke: the client asks again after the next edit.
    return report instanceof ResponseError ? new ResponseError(report.code, report.message, { retriggerRequest: false }) : report;
  });
}

/** How many superseded versions a pull follows before analysing the current one at once. */
const MAX_PULL_ATTEMPTS = 5;

/** A short, stable digest of a string (FNV-1a), enough to tell two answers apart. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
