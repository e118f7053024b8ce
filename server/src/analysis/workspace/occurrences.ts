// Finds the code occurrences of a name by searching the text and asking tree-sitter for the node at each
// hit. Rules looking for rare names (`send`, `next`, `StopIteration`) use it instead of visiting every
// call node: each native node access costs far more than scanning the text.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';

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
  const locator = locatorFor(model);
  // Searched in the range only: `indexOf` on the whole text would scan to the end of the file for a
  // word that does not occur after `start`, once per function of a file with thousands of them.
  const window = start === 0 && end === text.length ? text : text.slice(start, end);
  for (let local = window.indexOf(word); local >= 0 && found.length < limit; local = window.indexOf(word, local + word.length)) {
    const at = start + local;
    // Whole words only: `sender`, `resend`, `next_item` are other names.
    if (at > 0 && isIdentifierChar(text.charCodeAt(at - 1))) continue;
    if (isIdentifierChar(text.charCodeAt(at + word.length))) continue;
    const node = locator.nodeAt(at, at + word.length);
    if (node.type === nodeType && node.startIndex === at && node.endIndex === at + word.length) found.push(node);
  }
  return found;
}

/**
 * Finds the node at a range by descending from the innermost function around it (or the top-level
 * statement holding it) instead of from the root: tree-sitter looks for the child containing an
 * offset child by child, so a descent from the root of a module with 100,000 top-level definitions
 * costs 100,000 steps, and one per hit made such files quadratic.
 */
class NodeLocator {
  private readonly functionStarts: number[] = [];
  private readonly functionEnds: number[] = [];
  private readonly functions: FunctionInfo[];
  private topLevel: { nodes: SyntaxNode[]; starts: number[]; ends: number[] } | null = null;
  private readonly functionIndex = new Map<FunctionInfo, number>();

  constructor(private readonly model: SemanticModel) {
    // In document order (the model collects them in one pre-order query), so sorted by start.
    this.functions = model.functions;
    for (const [index, fn] of this.functions.entries()) {
      this.functionStarts.push(fn.node.startIndex);
      this.functionEnds.push(fn.node.endIndex);
      this.functionIndex.set(fn, index);
    }
  }

  nodeAt(start: number, end: number): SyntaxNode {
    const fn = this.innermostFunction(start, end);
    if (fn !== null) return fn.node.descendantForIndex(start, end);
    const statement = this.topLevelStatement(start, end);
    return (statement ?? this.model.tree.rootNode).descendantForIndex(start, end);
  }

  /** The last function starting at or before `start`, or the first of its ancestors that spans the range. */
  private innermostFunction(start: number, end: number): FunctionInfo | null {
    let candidate: FunctionInfo | null = this.functions[lastAtOrBefore(this.functionStarts, start)] ?? null;
    while (candidate !== null) {
      const index = this.functionIndex.get(candidate) ?? -1;
      if ((this.functionStarts[index] ?? Infinity) <= start && (this.functionEnds[index] ?? -1) >= end) return candidate;
      candidate = candidate.parent;
    }
    return null;
  }

  private topLevelStatement(start: number, end: number): SyntaxNode | null {
    if (this.topLevel === null) {
      const nodes = this.model.tree.rootNode.children;
      this.topLevel = { nodes, starts: nodes.map((node) => node.startIndex), ends: nodes.map((node) => node.endIndex) };
    }
    const index = lastAtOrBefore(this.topLevel.starts, start);
    const node = this.topLevel.nodes[index];
    return node !== undefined && (this.topLevel.ends[index] ?? -1) >= end ? node : null;
  }
}

/** The index of the last element of the ascending `values` that is at most `target`, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((values[mid] ?? 0) <= target) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

const locators = new WeakMap<SemanticModel, NodeLocator>();

/**
 * Below this many functions a descent from the root is cheap, and cheaper than indexing every
 * function's offsets (two native calls each); the locator pays off in generated files with thousands.
 */
const LOCATOR_MIN_FUNCTIONS = 1_000;

function locatorFor(model: SemanticModel): { nodeAt(start: number, end: number): SyntaxNode } {
  if (model.functions.length < LOCATOR_MIN_FUNCTIONS) {
    const root = model.tree.rootNode;
    return { nodeAt: (start, end) => root.descendantForIndex(start, end) };
  }
  let locator = locators.get(model);
  if (locator === undefined) {
    locator = new NodeLocator(model);
    locators.set(model, locator);
  }
  return locator;
}
