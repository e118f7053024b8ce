// Finds the code occurrences of a name by searching the text and asking tree-sitter for the node at each
// hit. Rules looking for rare names (`send`, `next`, `StopIteration`) use it instead of visiting every
// call node: each native node access costs far more than scanning the text.

import type { SyntaxNode } from '../../parser.js';
import type { SemanticModel } from '../model/semantic.js';

function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

/**
 * At most this many hits are returned: each costs a descent from the root (and callers climb back
 * with `parent`), which in generated files with huge flat blocks is linear in the block's size. Past
 * the limit a rule stays silent rather than going quadratic.
 */
export const OCCURRENCE_LIMIT = 2_000;

/**
 * The nodes of type `nodeType` (default `identifier`) spelled `word` in `[start, end)`, in document
 * order. Hits inside strings and comments are dropped: tree-sitter gives a string or comment node there.
 */
export function occurrencesOf(model: SemanticModel, word: string, start = 0, end = model.text.length, nodeType = 'identifier', limit = OCCURRENCE_LIMIT): SyntaxNode[] {
  const text = model.text;
  const found: SyntaxNode[] = [];
  const root = model.tree.rootNode;
  for (let at = text.indexOf(word, start); at >= 0 && at + word.length <= end && found.length < limit; at = text.indexOf(word, at + word.length)) {
    // Whole words only: `sender`, `resend`, `next_item` are other names.
    if (at > 0 && isIdentifierChar(text.charCodeAt(at - 1))) continue;
    if (isIdentifierChar(text.charCodeAt(at + word.length))) continue;
    const node = root.descendantForIndex(at, at + word.length);
    if (node.type === nodeType && node.startIndex === at && node.endIndex === at + word.length) found.push(node);
  }
  return found;
}
