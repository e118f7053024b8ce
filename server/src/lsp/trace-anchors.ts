// Where in the document a trace's facts belong: the generator function a traced qualname names (same
// names told apart by the lines its yields ran on), the `yield` node of a traced line, the call that
// created a generator, the end of a line's code. Shared by the inlay hints, the code lenses and the
// hover. It asks the tree only about the lines and names the trace points to: hints are asked for on
// every keystroke, and a semantic model of a large file costs tens of milliseconds.

import type { AnalysisResult } from '../analysis/index.js';
import type { SyntaxNode } from '../parser.js';
import { qualnameOf } from '../runtime/sources.js';

/** A 1-based line and a 0-based UTF-16 column, as LineIndex and LSP meet halfway. */
export interface Anchor {
  line: number;
  character: number;
}

/** A traced function found in the tree: a `def`, or a generator expression (`<genexpr>`). */
export interface TracedFunction {
  node: SyntaxNode;
  kind: 'def' | 'genexp';
}

export class TraceAnchors {
  private readonly found = new Map<string, TracedFunction | null>();

  constructor(private readonly result: AnalysisResult) {}

  /** The function `qualname` names, the one holding `lines` if several do; undefined when not in the tree. */
  functionFor(qualname: string, lines: readonly number[]): TracedFunction | undefined {
    const key = `${qualname}\0${lines.join(',')}`;
    if (!this.found.has(key)) this.found.set(key, this.find(qualname, lines));
    return this.found.get(key) ?? undefined;
  }

  private find(qualname: string, lines: readonly number[]): TracedFunction | null {
    const holds = (node: SyntaxNode): boolean => lines.every((line) => node.startPosition.row <= line - 1 && line - 1 <= node.endPosition.row);
    if (qualname === '<genexpr>' || qualname.endsWith('.<genexpr>')) {
      const line = lines[0];
      if (line === undefined) return null;
      const genexp = this.onLine('generator_expression', line).find(holds);
      return genexp === undefined ? null : { node: genexp, kind: 'genexp' };
    }
    const name = qualname.slice(qualname.lastIndexOf('.') + 1);
    const text = this.result.lines.text;
    const candidates: SyntaxNode[] = [];
    const pattern = new RegExp(`\\bdef\\s+${name.replace(/[^\w]/g, '')}\\s*\\(`, 'g');
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const node = this.result.tree.rootNode.descendantForIndex(match.index, match.index + 3).parent;
      if (node !== null && node.type === 'function_definition' && qualnameOf(node) === qualname) candidates.push(node);
    }
    const chosen = candidates.find(holds) ?? candidates[0];
    return chosen === undefined ? null : { node: chosen, kind: 'def' };
  }

  /** Nodes of a type that start on a line (a native query over that line only). */
  private onLine(type: string, line: number): SyntaxNode[] {
    return this.result.tree.rootNode
      .descendantsOfType(type, { row: line - 1, column: 0 }, { row: line, column: 0 })
      .filter((node) => node.startPosition.row === line - 1);
  }

  /**
   * Where the hint of a traced yield line goes: after the line's last `yield` in the function (after the
   * generator expression for a genexp), or at the end of the line's code when the function is not in the
   * tree (a generator defined in a doctest example).
   */
  yieldAnchor(fn: TracedFunction | undefined, line: number): { anchor: Anchor; node: SyntaxNode | null } {
    if (fn !== undefined) {
      if (fn.kind === 'genexp') return { anchor: this.after(fn.node), node: fn.node };
      // Named nodes only: the `yield` keyword inside each yield expression has the same type.
      const inside = this.onLine('yield', line).filter((node) => node.isNamed && fn.node.startIndex <= node.startIndex && node.endIndex <= fn.node.endIndex);
      const last = inside[inside.length - 1];
      if (last !== undefined) return { anchor: this.after(last), node: last };
    }
    return { anchor: this.endOfCode(line), node: null };
  }

  /** After the call on `line` that created a generator of `qualname`, or at the end of the line's code. */
  creationAnchor(qualname: string, line: number): Anchor {
    const name = qualname.slice(qualname.lastIndexOf('.') + 1);
    const callee = (call: SyntaxNode): string => {
      const target = call.childForFieldName('function');
      return target?.type === 'attribute' ? (target.childForFieldName('attribute')?.text ?? '') : (target?.text ?? '');
    };
    const matching = this.onLine('call', line).filter((call) => callee(call) === name);
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
  nameRange(fn: TracedFunction): { start: Anchor; end: Anchor } | null {
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
