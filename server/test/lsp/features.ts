// One helper per language server feature, so the tests read as data: a Python source (with `$0` marking
// the cursor where one is needed) in, what the editor would show out. All run against one real server.

import { expect } from 'vitest';
import { parsePython } from '../../src/parser.js';
import { applyEdits, editsOf, type CodeAction, type Diagnostic, type Hover, type LspClient } from './lsp-client.js';

let documentCounter = 0;

/** A URI for a document that exists only in the editor (the server must not need the file on disk). */
export function freshUri(name = 'doc'): string {
  documentCounter++;
  return `file:///tmp/yieldlens-lsp-test/${name}${documentCounter}.py`;
}

/** Opens `source` and returns the diagnostics published for that version. */
export async function checkDiagnostics(client: LspClient, source: string, uri = freshUri()): Promise<Diagnostic[]> {
  await client.open(uri, source);
  return (await client.diagnosticsFor(uri, 1)).diagnostics;
}

/** Splits `$0` out of a source: the text and the cursor position. */
export function cursor(sourceWithCursor: string): { text: string; position: { line: number; character: number } } {
  const offset = sourceWithCursor.indexOf('$0');
  if (offset < 0) throw new Error('the source has no $0 cursor marker');
  const text = sourceWithCursor.slice(0, offset) + sourceWithCursor.slice(offset + 2);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: (before[before.length - 1] ?? '').length } };
}

/** Hovers at `$0` and returns the markdown (null when the server shows nothing). */
export async function checkHover(client: LspClient, sourceWithCursor: string): Promise<string | null> {
  const { text, position } = cursor(sourceWithCursor);
  const uri = freshUri('hover');
  await client.open(uri, text);
  const hover: Hover | null = await client.hover(uri, position);
  return hover === null ? null : hover.contents.value;
}

/**
 * Opens `source`, expects a finding `code`, asks for code actions on it, applies the one whose title
 * matches `pick`, sends the edit back as a change, and returns the new text and its diagnostics. Checks
 * on the way that the finding is gone and the new text still parses.
 */
export async function checkCodeAction(client: LspClient, source: string, code: string, pick: (action: CodeAction) => boolean): Promise<{ text: string; action: CodeAction; after: Diagnostic[] }> {
  const uri = freshUri('fix');
  const before = await checkDiagnostics(client, source, uri);
  const finding = before.find((diagnostic) => diagnostic.code === code);
  expect(finding, `expected a ${code} finding in:\n${source}\ngot ${JSON.stringify(before)}`).toBeDefined();
  if (finding === undefined) throw new Error('unreachable');
  const actions = await client.codeActions(uri, finding.range, [finding]);
  const action = actions.find(pick);
  expect(action, `no matching code action among ${JSON.stringify(actions.map((each) => each.title))}`).toBeDefined();
  if (action === undefined) throw new Error('unreachable');
  const edits = editsOf(action, uri);
  expect(edits.length).toBeGreaterThan(0);
  const text = applyEdits(source, edits);
  const version = await client.change(uri, [{ text }]);
  const after = (await client.diagnosticsFor(uri, version)).diagnostics;
  expect(after.filter((diagnostic) => diagnostic.code === code && diagnostic.range.start.line === finding.range.start.line), `${code} still reported after "${action.title}":\n${text}`).toEqual([]);
  expect(parsePython(text).rootNode.hasError, `"${action.title}" broke the syntax:\n${text}`).toBe(false);
  return { text, action, after };
}

export const isQuickFixFor = (code: string) => (action: CodeAction): boolean =>
  action.kind === 'quickfix' && !action.title.startsWith('Suppress') && action.diagnostics?.some((diagnostic) => diagnostic.code === code) === true;

export const isNoqaFor = (code: string) => (action: CodeAction): boolean => action.title === `Suppress ${code} with \`# noqa: ${code}\``;
