// Where in the document a trace's facts belong: the generator function a traced qualname names (same
// names told apart by the lines its yields ran on), the `yield` nodes of a traced line, the call that
// created a generator. Shared by the inlay hints, the code lenses and the hover.

import type { AnalysisResult, FunctionInfo } from '../analysis/index.js';
import type { SyntaxNode } from '../parser.js';

/** A 1-based line and a 0-based UTF-16 column, as LineIndex and LSP meet halfway. */
export interface Anchor {
  line: number;
  character: number;
}

export class TraceAnchors {
  private byQualname: Map<string, FunctionInfo[]> | null = null;

  constructor(private readonly result: AnalysisResult) {}

  /** The function (def or generator expression) `qualname` names, the one holding `lines` if several do. */
  functionFor(qualname: string, lines: readonly number[]): FunctionInfo | undefined {
    if (this.byQualname === null) {
      this.byQualname = new Map();
      for (const fn of this.result.model.functions) {
        const list = this.byQualname.get(fn.qualname) ?? [];
        list.push(fn);
        this.byQualname.set(fn.qualname, list);
      }
    }
    const candidates = this.byQualname.get(qualname) ?? [];
    if (candidates.length <= 1) return candidates[0];
    return candidates.find((fn) => lines.every((line) => fn.node.startPosition.row < line && line - 1 <= fn.node.endPosition.row)) ?? candidates[0];
  }

  /**
   * Where the hint of a traced yield line goes: after the line's last `yield` of the function (after the
   * generator expression for a genexp), or at the end of the line's code when the function is not in the
   * tree (a generator defined in a doctest example).
   */
  yieldAnchor(fn: FunctionInfo | undefined, line: number): { anchor: Anchor; node: SyntaxNode | null } {
    if (fn !== undefined) {
      if (fn.kind === 'genexp' && fn.node.startPosition.row <= line - 1 && line - 1 <= fn.node.endPosition.row) return { anchor: this.after(fn.node), node: fn.node };
      const onLine = fn.yields.filter((node) => node.startPosition.row === line - 1);
      const last = onLine[onLine.length - 1];
      if (last !== undefined) return { anchor: this.after(last), node: last };
    }
    return { anchor: this.endOfCode(line), node: null };
  }

  /** After the call on `line` that created a generator of `qualname`, or at the end of the line's code. */
  creationAnchor(qualname: string, line: number): Anchor {
    const name = qualname.split('.').pop() ?? qualname;
    const calls = this.result.tree.rootNode
      .descendantsOfType('call', { row: line - 1, column: 0 }, { row: line, column: 0 })
      .filter((call) => call.startPosition.row === line - 1);
    const callee = (call: SyntaxNode): string => {
      const target = call.childForFieldName('function');
      const text = target?.type === 'attribute' ? (target.childForFieldName('attribute')?.text ?? '') : (target?.text ?? '');
      return text;
    };
    const matching = calls.filter((call) => callee(call) === name);
    const chosen = matching[matching.length - 1];
    return chosen === undefined ? this.endOfCode(line) : this.after(chosen);
  }

  /** Whether the value of a `yield` is used (`x = yield`, `f((yield))`), so what came in is worth showing. */
  receivesValue(yieldNode: SyntaxNode | null): boolean {
    if (yieldNode === null || yieldNode.type !== 'yield' || yieldNode.children.some((child) => child.type === 'from')) return false;
    let expression = yieldNode;
    while (expression.parent !== null && expression.parent.type === 'parenthesized_expression') expression = expression.parent;
    return expression.parent !== null && expression.parent.type !== 'expression_statement';
  }

  /** The def's name, where the code lens of a traced generator function goes. */
  nameRange(fn: FunctionInfo): { start: Anchor; end: Anchor } | null {
    const name = fn.node.childForFieldName('name');
    if (fn.kind !== 'def' || name === null) return null;
    return { start: this.at(name.startIndex), end: this.at(name.endIndex) };
  }

  /** The end of a line's code, before a trailing comment and spaces (inside docstrings: the line's text). */
  endOfCode(line: number): Anchor {
    const text = this.result.lines.lineText(line);
    let end = text.length;
    const hash = text.indexOf('#');
    if (hash >= 0) {
      const offset = this.result.lines.offset(line, hash + 1);
      const node = this.result.tree.rootNode.descendantForIndex(offset, offset);
      // A line that is only a comment (a directive) keeps it: the hint goes after it.
      if (node.type === 'comment' && text.slice(0, hash).trim() !== '') end = hash;
    }
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    return { line, character: end };
  }

  /** The span of a line's code (for a diagnostic without a node): first to last non-space character. */
  codeSpan(line: number): { start: Anchor; end: Anchor } {
    const end = this.endOfCode(line);
    const text = this.result.lines.lineText(line);
    const start = Math.min(text.length - text.trimStart().length, end.character);
    return { start: { line, character: start }, end };
  }

  private after(node: SyntaxNode): Anchor {
    return this.at(node.endIndex);
  }

  private at(offset: number): Anchor {
    const position = this.result.lines.position(offset);
    return { line: position.line, character: position.column - 1 };
  }
}
