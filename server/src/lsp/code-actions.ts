// The code action feature: for each finding under the cursor, the rule's own fix as a quick fix
// (preferred when it is safe) and "Suppress with `# noqa: CODE`". Edits keep the document's line endings.

import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '@yieldlens/shared';
import type { AnalysisResult } from '../analysis/index.js';
import { toDiagnostic, toRange } from './diagnostics.js';

/** An existing `# noqa: A, B` list that a new code can be appended to. */
const NOQA_WITH_CODES = /#\s*noqa:\s*[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*/i;

export interface CodeActionTarget {
  uri: string;
  version: number;
  text: string;
  result: AnalysisResult;
  /** The client applies `documentChanges` (versioned edits, refused when the document moved on). */
  supportsDocumentChanges: boolean;
}

export function codeActionsFor(target: CodeActionTarget, range: Range, only: readonly string[] | undefined): CodeAction[] {
  if (only !== undefined && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return [];
  const eol = lineEnding(target.text);
  const actions: CodeAction[] = [];
  for (const finding of target.result.findings) {
    if (!overlaps(toRange(finding), range)) continue;
    const diagnostic = toDiagnostic(finding);
    if (finding.fix !== null && finding.fix.edits.length > 0) {
      actions.push({
        title: finding.fix.applicability === 'safe' ? finding.fix.title : `${finding.fix.title} (unsafe: review the change)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: finding.fix.applicability === 'safe',
        edit: workspaceEdit(target, finding.fix.edits.map((edit) => ({ range: toRange(edit), newText: withLineEnding(edit.newText, eol) }))),
      });
    }
    const noqa = noqaEdit(target.result, finding);
    if (noqa !== null) {
      actions.push({
        title: `Suppress ${finding.code} with \`# noqa: ${finding.code}\``,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: workspaceEdit(target, [noqa]),
      });
    }
  }
  return actions;
}

/**
 * The edit that adds `finding.code` to the suppression comment of the finding's line: extends an existing
 * `# noqa: X`, or appends `  # noqa: CODE`. Null where a comment cannot go (the line continues a
 * backslash or a string), because the suppression is only honoured on that line.
 */
export function noqaEdit(result: AnalysisResult, finding: Finding): TextEdit | null {
  const lineText = result.lines.lineText(finding.line);
  const existing = NOQA_WITH_CODES.exec(lineText);
  if (existing !== null) {
    const character = existing.index + existing[0].length;
    return { range: pointRange(finding.line - 1, character), newText: `, ${finding.code}` };
  }
  const trimmed = lineText.trimEnd();
  if (trimmed.endsWith('\\')) return null;
  if (trimmed.length > 0 && endsInsideString(result, finding.line, trimmed.length - 1)) return null;
  const separator = trimmed.length === lineText.length ? '  ' : '';
  return { range: pointRange(finding.line - 1, lineText.length), newText: `${separator}# noqa: ${finding.code}` };
}

function endsInsideString(result: AnalysisResult, line: number, column0: number): boolean {
  const offset = result.lines.offset(line, column0 + 1);
  for (let node: ReturnType<typeof result.tree.rootNode.descendantForIndex> | null = result.tree.rootNode.descendantForIndex(offset, offset); node !== null; node = node.parent) {
    if (node.type === 'string' && node.endPosition.row > line - 1) return true;
  }
  return false;
}

function workspaceEdit(target: CodeActionTarget, edits: TextEdit[]): WorkspaceEdit {
  if (target.supportsDocumentChanges) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}

function overlaps(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function pointRange(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** The document's line ending (its first one), so inserted lines match the rest of the file. */
export function lineEnding(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match === null ? '\n' : match[0];
}

function withLineEnding(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\r\n|\r|\n/g, eol);
}
