// GEN012 retained-large-local (info): a generator local holding something shown to be large (a whole
// file's contents, a buffer of a literal size of a megabyte or more) that no code after a later
// `yield` uses, yet the suspended frame keeps it alive for as long as the generator object lives.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo } from '../model/semantic.js';
import type { RuleContext, RuleDefinition, RuleFix } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

/** Methods that read a whole file (or stream) when called without a size. */
const WHOLE_READS = new Set(['read', 'readlines', 'read_bytes', 'read_text', 'readall']);
/** Sizes from one MiB up count as large. */
const LARGE = 1 << 20;
/** A generator (a `yield`) and, after it or before, something large: a whole read, a buffer, a repeated sequence. */
const TRIGGERS = /^(?=[\s\S]*?\byield\b)[\s\S]*?(?:\.(?:read|readlines|read_bytes|read_text|readall)\s*\(\s*(?:-\s*1\s*)?\)|\bbytearray\s*\(\s*\d|\bbytes\s*\(\s*\d|[\]'"]\s*\*\s*\(?\d|\d\s*\*\s*[\['"bB])/;

export const retainedLargeLocal: RuleDefinition = {
  code: 'GEN012',
  name: 'retained-large-local',
  severity: 'info',
  summary: 'A large local kept alive across a `yield` by a suspended generator frame, though never used after it',
  fixTitle: 'Delete the local before the `yield`',
  triggers: TRIGGERS,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: `Checks generator functions for a local assigned, in the function's top-level statements, a value the
analysis can show to be large — the whole contents of a file or stream (\`f.read()\`, \`f.readlines()\`,
\`path.read_bytes()\`, \`path.read_text()\` without a size), or a buffer of a literal size of 1 MiB or
more (\`bytearray(16 * 1024 * 1024)\`, \`bytes(n)\`, \`[0] * n\`, \`b"\\\\0" * n\`) — when a later statement
contains a \`yield\` and neither that statement nor anything after it mentions the name.

It stays silent when the name is used from the first \`yield\` on (in a loop, a use before the
\`yield\` runs again after it), when a nested function or lambda refers to it, and when the function
calls \`locals()\` or \`vars()\`.`,
    whyIsThisBad: `A suspended generator keeps its whole frame alive, every local included, until it is resumed to the
end, closed or garbage collected. A consumer that iterates slowly, stops early, or keeps the generator
object around keeps the file's contents or the buffer in memory all that time, although the generator
is done with it. In a pipeline of many such generators, the memory adds up.`,
    example: `def records(path):
    with open(path) as f:
        data = f.read()
    header = parse_header(data)
    yield header
    for row in read_rows(path):
        yield row`,
    useInstead: `def records(path):
    with open(path) as f:
        data = f.read()
    header = parse_header(data)
    del data
    yield header
    for row in read_rows(path):
        yield row`,
    fixSafety: `The fix inserts \`del name\` on its own line before the first statement that contains a \`yield\`. It is
safe: the name is bound on every path there (its assignment is an earlier statement of the function's
top level) and no later code reads it.`,
    references: [
      'https://docs.python.org/3/reference/simple_stmts.html#the-del-statement',
      'https://docs.python.org/3/reference/datamodel.html#generator-objects',
    ],
  },
  checkFunction(fn, ctx) {
    if (fn.kind !== 'def' || !fn.isGenerator || fn.hasSyntaxError) return;
    const source = ctx.text.slice(fn.node.startIndex, fn.node.endIndex);
    if (!TRIGGERS.test(source) || /\b(?:locals|vars)\s*\(/.test(source)) return;
    checkRetained(fn, ctx);
  },
};

function checkRetained(fn: FunctionInfo, ctx: RuleContext): void {
  const body = fn.node.childForFieldName('body');
  if (body === null) return;
  const statements = body.namedChildren.filter((c) => c.type !== 'comment');
  const yieldStarts = fn.yields.map((y) => y.startIndex);
  statements.forEach((statement, index) => {
    const assigned = largeAssignment(statement, ctx);
    if (assigned === null) return;
    const later = statements.slice(index + 1);
    const firstYielding = later.find((s) => yieldStarts.some((at) => at >= s.startIndex && at < s.endIndex));
    if (firstYielding === undefined) return;
    // Nothing from the first yielding statement to the end of the function may mention the name
    // (nested functions included: a closure would keep it alive anyway, and `del` would break it).
    const between = ctx.text.slice(assigned.statement.endIndex, firstYielding.startIndex);
    // Already deleted, or bound to something else, before the yield.
    if (new RegExp(`\\bdel\\b[^\\n]*(?<![\\w.])${assigned.name}(?!\\w)|^[ \\t]*${assigned.name}[ \\t]*=(?!=)`, 'm').test(between)) return;
    const rest = ctx.text.slice(firstYielding.startIndex, fn.node.endIndex);
    if (new RegExp(`(?<![\\w.])${assigned.name}(?!\\w)`).test(rest)) return;
    if (capturedByNestedFunction(fn, assigned.name, ctx)) return;
    const yieldLine = firstYielding.startPosition.row + 1;
    ctx.report({
      node: assigned.statement,
      message: `\`${assigned.name}\` holds ${assigned.what} and is not used after line ${yieldLine}, but the suspended generator keeps it alive at every \`yield\` from there on; \`del ${assigned.name}\` before it`,
      ...delFix(firstYielding, assigned.name, ctx),
    });
  });
}

interface LargeAssignment {
  statement: SyntaxNode;
  name: string;
  what: string;
}

/** `name = <large value>` as a statement of its own (also inside a `with` at the top level). */
function largeAssignment(statement: SyntaxNode, ctx: RuleContext): LargeAssignment | null {
  if (statement.type === 'with_statement') {
    // `with open(p) as f: data = f.read()`: the assignment in the with body binds the function's local.
    const inner = statement.childForFieldName('body')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    for (const child of inner) {
      const found = largeAssignment(child, ctx);
      if (found !== null) return found;
    }
    return null;
  }
  if (statement.type !== 'expression_statement') return null;
  const assignment = statement.firstNamedChild;
  if (assignment?.type !== 'assignment') return null;
  const left = assignment.childForFieldName('left');
  const right = assignment.childForFieldName('right');
  if (left?.type !== 'identifier' || right === null) return null;
  const what = largeValue(right, ctx);
  return what === null ? null : { statement: assignment, name: ctx.text.slice(left.startIndex, left.endIndex), what };
}

function largeValue(value: SyntaxNode, ctx: RuleContext): string | null {
  const text = ctx.text;
  if (value.type === 'call') {
    const callee = value.childForFieldName('function');
    const args = value.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (callee?.type === 'attribute') {
      const method = callee.childForFieldName('attribute');
      const name = method === null ? '' : text.slice(method.startIndex, method.endIndex);
      const wholeRead = args.length === 0 || (args.length === 1 && /^-\s*1$/.test(text.slice(args[0]?.startIndex ?? 0, args[0]?.endIndex ?? 0)));
      if (WHOLE_READS.has(name) && wholeRead) return `the whole result of \`.${name}()\``;
      return null;
    }
    if (callee?.type === 'identifier' && (callee.text === 'bytearray' || callee.text === 'bytes') && args.length === 1) {
      const size = literalSize(args[0] ?? null, ctx);
      if (size !== null && size >= LARGE) return `a ${formatSize(size)} buffer`;
    }
    return null;
  }
  if (value.type === 'binary_operator' && text.slice(value.childForFieldName('left')?.endIndex ?? 0, value.childForFieldName('right')?.startIndex ?? 0).trim() === '*') {
    const left = value.childForFieldName('left');
    const right = value.childForFieldName('right');
    const sequence = left !== null && (left.type === 'list' || left.type === 'string') ? left : right !== null && (right.type === 'list' || right.type === 'string') ? right : null;
    const count = sequence === left ? right : left;
    if (sequence === null || count === null) return null;
    const size = literalSize(count, ctx);
    if (size !== null && size >= LARGE) return `a ${sequence.type === 'list' ? 'list' : 'string'} of ${formatSize(size, '')} items`;
  }
  return null;
}

/** An integer literal, or a product of them (`16 * 1024 * 1024`, `1 << 20`). */
function literalSize(node: SyntaxNode | null, ctx: RuleContext): number | null {
  if (node === null) return null;
  const text = ctx.text.slice(node.startIndex, node.endIndex).replace(/_/g, '');
  if (/^\d+$/.test(text)) return Number(text);
  if (node.type === 'parenthesized_expression') return literalSize(node.firstNamedChild, ctx);
  if (node.type !== 'binary_operator') return null;
  const left = literalSize(node.childForFieldName('left'), ctx);
  const right = literalSize(node.childForFieldName('right'), ctx);
  if (left === null || right === null) return null;
  const operator = ctx.text.slice(node.childForFieldName('left')?.endIndex ?? 0, node.childForFieldName('right')?.startIndex ?? 0).trim();
  if (operator === '*') return left * right;
  if (operator === '<<' && right < 53) return left * 2 ** right;
  return null;
}

function formatSize(size: number, unit = 'B'): string {
  if (unit === '') return size >= LARGE ? `${Math.round(size / LARGE)} Mi` : String(size);
  return `${Math.round(size / LARGE)} MiB`;
}

function capturedByNestedFunction(fn: FunctionInfo, name: string, ctx: RuleContext): boolean {
  return ctx.model.functions.some((other) => {
    if (other.parent === null || other.node.id === fn.node.id) return false;
    if (other.node.startIndex < fn.node.startIndex || other.node.endIndex > fn.node.endIndex) return false;
    return new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(ctx.text.slice(other.node.startIndex, other.node.endIndex));
  });
}

function delFix(statement: SyntaxNode, name: string, ctx: RuleContext): { fix: RuleFix } | Record<string, never> {
  const text = ctx.text;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  if (!/^[ \t]*$/.test(indent)) return {};
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    fix: {
      title: `Delete \`${name}\` before the \`yield\``,
      applicability: 'safe',
      edits: [{ startIndex: lineStart, endIndex: lineStart, newText: `${indent}del ${name}${eol}` }],
    },
  };
}
