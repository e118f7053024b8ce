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

/**
 * The innermost first ERROR or MISSING node: descends through the first erroneous child at each level.
 * tree-sitter often wraps a whole broken file in one ERROR node; descending finds where it went wrong.
 * Iterative, so that pathological nesting cannot overflow the stack.
 */
export function firstSyntaxError(root: SyntaxNode): SyntaxNode | null {
  if (!root.hasError) return null;
  let node = root;
  for (;;) {
    if (node.isMissing) return node;
    const child = node.children.find((candidate) => candidate.hasError || candidate.isMissing);
    if (child === undefined) return node;
    node = child;
  }
}
