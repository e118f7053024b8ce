// `check --add-noqa`: appends `# noqa: CODE` to each line that has findings (or adds the codes to the
// line's existing `# noqa:` list), so that a code base can adopt yieldlens and fix its findings later.

import type { Finding } from '@yieldlens/shared';
import { LineIndex, parseDirectives } from '../analysis/index.js';
import type { Tree } from '../parser.js';

/**
 * The text with a directive for every line that has findings, and how many lines got one. A line whose
 * end lies inside a string (a triple-quoted string, say) or that continues with a backslash cannot take
 * a comment and is left alone: the finding then stays reported.
 */
export function addNoqaDirectives(text: string, findings: readonly Finding[], tree: Tree): { text: string; count: number } {
  const codesByLine = new Map<number, string[]>();
  for (const finding of findings) {
    const codes = codesByLine.get(finding.line) ?? [];
    if (!codes.includes(finding.code)) codes.push(finding.code);
    codesByLine.set(finding.line, codes);
  }
  const lines = new LineIndex(text);
  const multilineStrings = tree.rootNode.descendantsOfType('string')
    .filter((node) => node.startPosition.row !== node.endPosition.row)
    .map((node) => [node.startIndex, node.endIndex] as const);
  const insideString = (offset: number): boolean => multilineStrings.some(([start, end]) => start < offset && offset < end);

  const edits: { at: number; end: number; newText: string }[] = [];
  for (const [line, codes] of [...codesByLine].sort((a, b) => a[0] - b[0])) {
    const lineText = lines.lineText(line);
    const lineStart = lines.offset(line, 1);
    const lineEnd = lineStart + lineText.length;
    if (/\\\s*$/.test(lineText) || insideString(lineEnd)) continue;
    const list = parseDirectives(lineText).find((directive) => directive.kind === 'noqa' && directive.entries !== null);
    if (list !== undefined && list.entries !== null) {
      const present = list.entries.map((entry) => lineText.slice(entry.start, entry.end));
      const added = codes.filter((code) => !list.entries?.some((entry) => entry.key === code));
      edits.push({ at: lineStart + list.listStart, end: lineStart + list.listEnd, newText: [...present, ...added].join(', ') });
    } else {
      const trimmed = lineText.replace(/[ \t]+$/, '');
      edits.push({ at: lineStart + trimmed.length, end: lineEnd, newText: `  # noqa: ${codes.join(', ')}` });
    }
  }
  let result = text;
  // From the last line up, so that earlier offsets stay valid.
  for (const edit of edits.reverse()) result = result.slice(0, edit.at) + edit.newText + result.slice(edit.end);
  return { text: result, count: edits.length };
}
