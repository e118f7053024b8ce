// Trace sources: the code in a document that says how its generators are meant to be driven, and
// so what the editor may run to show them working — the `if __name__ == "__main__":` block (or a
// script's top-level driver code), doctest examples in the docstrings of the module and of generator
// functions, and `# yieldlens: trace <expression>` directives above generator functions. Pure: a tree
// and its text in, plain data out; the language server and `yieldlens trace --source` share it.

import type { TraceSourceInfo, TraceSourceKind } from '@yieldlens/shared';
import type { SyntaxNode, Tree } from '../parser.js';
import type { FollowUp } from './index.js';

export interface TraceSource {
  info: TraceSourceInfo;
  /** `__name__` for the run: `__main__` for a main source, the module's own name for the others. */
  moduleName: string;
  /** What runs after the module's code (nothing for a main source). */
  followUps: FollowUp[];
  /**
   * For each follow-up, the exception its doctest example expects (`ValueError` from a `Traceback`
   * in the expected output), or null: an expected exception documents behaviour, it is not a bug.
   */
  expectedExceptions: (string | null)[];
  /** The generator function the source belongs to (its doctest, its directive), by qualname. */
  generator: string | null;
}

export interface FindSourcesOptions {
  /** The module's dotted name, used as `__name__` by doctest and directive runs (default `module`). */
  moduleName?: string;
  /** Kinds to look for (default every kind). */
  kinds?: readonly TraceSourceKind[];
}

/** Labels of the two forms of a main source. */
export const MAIN_BLOCK_LABEL = '__main__ block';
export const DRIVER_CODE_LABEL = 'top-level code';

const DIRECTIVE = /^#\s*yieldlens:\s*trace\s+(.+?)\s*$/;
const MAIN_GUARD = /^__name__\s*==\s*(['"])__main__\1$|^(['"])__main__\2\s*==\s*__name__$/;
/** Top-level statements that drive code when a script has no `__main__` guard. */
const DRIVER_STATEMENTS = new Set(['for_statement', 'while_statement', 'with_statement', 'try_statement', 'match_statement']);

/** The document's trace sources, in the order of TRACE_SOURCE_KINDS, then of their lines. */
export function findTraceSources(tree: Tree, text: string, options: FindSourcesOptions = {}): TraceSource[] {
  const kinds = new Set(options.kinds ?? ['main', 'doctest', 'directive']);
  const moduleName = options.moduleName ?? 'module';
  const root = tree.rootNode;
  const sources: TraceSource[] = [];
  // The language server asks on every keystroke: the text says cheaply which kinds can be there at all,
  // and the tree is asked only about the places the text points to (visiting a 5,000-line tree's nodes
  // from JavaScript costs tens of milliseconds: the native calls are the cost).
  if (kinds.has('main')) {
    const main = mainSource(root, text);
    if (main !== null) sources.push(main);
  }
  if (kinds.has('doctest') && text.includes('>>>')) sources.push(...doctestSources(root, text, moduleName));
  if (kinds.has('directive') && text.includes('yieldlens:')) sources.push(...directiveSources(root, text, moduleName));
  return sources;
}

/**
 * The text a source's trace depends on, for caching: the document with comments left out (they cannot
 * change a run, and lines stay where they are), and for a source that does not run as `__main__` also
 * the body of the `__main__` block (it does not run), plus what runs after the module.
 */
export function traceInput(tree: Tree, text: string, source: TraceSource): string {
  return traceInputs(tree, text, [source])[0]!;
}

/** traceInput for several sources of one document, the comments and the `__main__` block found once. */
export function traceInputs(tree: Tree, text: string, sources: readonly TraceSource[]): string[] {
  if (sources.length === 0) return [];
  const root = tree.rootNode;
  const comments = commentRanges(root, text);
  const withoutComments = blankRanges(text, comments);
  let withoutMain: string | null = null;
  return sources.map((source) => {
    let body = withoutComments;
    if (source.moduleName !== '__main__') {
      if (withoutMain === null) {
        const guard = MAIN_GUARD_TEXT.test(text) ? (root.namedChildren.find(isMainGuard)?.childForFieldName('consequence') ?? null) : null;
        withoutMain = guard === null ? withoutComments : blankRanges(text, [...comments, [guard.startIndex, guard.endIndex]]);
      }
      body = withoutMain;
    }
    return `${source.moduleName}\0${JSON.stringify(source.followUps)}\0${body}`;
  });
}

/** The ranges of the comments, found from the `#` characters of the text (few of them are in strings). */
function commentRanges(root: SyntaxNode, text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    const node = root.descendantForIndex(at, at + 1);
    if (node.type !== 'comment') continue;
    ranges.push([node.startIndex, node.endIndex]);
    at = Math.max(at, node.endIndex - 1);
  }
  return ranges;
}

/** The text with the ranges' characters left out but their line breaks kept. */
function blankRanges(text: string, ranges: readonly [number, number][]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    parts.push(text.slice(at, start), keepLineBreaks(text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function keepLineBreaks(text: string): string {
  return text.replace(/[^\r\n]+/g, '');
}

/** A line that may begin a `__main__` guard, and one that may begin top-level driver code. */
const MAIN_GUARD_TEXT = /^if\b[^\n]*__main__/m;
const DRIVER_TEXT = /^(?:for|while|with|try|match|async|await)\b|^[A-Za-z_][\w.]*\s*\(/m;

function mainSource(root: SyntaxNode, text: string): TraceSource | null {
  const mayGuard = MAIN_GUARD_TEXT.test(text);
  if (!mayGuard && !DRIVER_TEXT.test(text)) return null;
  const statements = root.namedChildren;
  const guard = mayGuard ? statements.find(isMainGuard) : undefined;
  if (guard !== undefined) return mainOf(MAIN_BLOCK_LABEL, guard.startPosition.row + 1);
  const driver = statements.find(isDriverStatement);
  return driver === undefined ? null : mainOf(DRIVER_CODE_LABEL, driver.startPosition.row + 1);
}

function mainOf(label: string, line: number): TraceSource {
  return { info: { kind: 'main', id: 'main', label, line }, moduleName: '__main__', followUps: [], expectedExceptions: [], generator: null };
}

function isMainGuard(statement: SyntaxNode): boolean {
  if (statement.type !== 'if_statement') return false;
  const condition = statement.childForFieldName('condition');
  return condition !== null && MAIN_GUARD.test(condition.text.replace(/\s+/g, ' ').replace(/^\((.*)\)$/, '$1').trim());
}

/**
 * Whether a top-level statement of a script without a `__main__` guard drives code: loops, `with` and
 * `try` blocks, calls made for their effect (`main()`, `print(...)`). Assignments do not count, even of
 * calls: a library module's `logger = logging.getLogger(__name__)` is set-up, not a demonstration.
 */
function isDriverStatement(statement: SyntaxNode): boolean {
  if (DRIVER_STATEMENTS.has(statement.type)) return true;
  if (statement.type !== 'expression_statement') return false;
  const expression = statement.namedChildren[0];
  if (expression === undefined || statement.namedChildren.length !== 1) return false;
  return expression.type === 'call' || expression.type === 'await';
}

const SCOPE_TYPES = ['function_definition', 'class_definition', 'lambda'];

/** CPython's `__qualname__` of a def, from its ancestors (a few `parent` calls, for a few nodes). */
export function qualnameOf(definition: SyntaxNode): string {
  const parts = [definition.childForFieldName('name')?.text ?? '?'];
  for (let node = definition.parent; node !== null; node = node.parent) {
    if (node.type === 'function_definition') parts.unshift(`${node.childForFieldName('name')?.text ?? '?'}.<locals>`);
    else if (node.type === 'class_definition') parts.unshift(node.childForFieldName('name')?.text ?? '?');
    else if (node.type === 'lambda') parts.unshift('<lambda>.<locals>');
  }
  return parts.join('.');
}

/** Whether a def's own body yields (not a nested function's, lambda's or class's). */
function isGeneratorFunction(definition: SyntaxNode): boolean {
  if (definition.type !== 'function_definition') return false;
  const yields = definition.descendantsOfType('yield');
  if (yields.length === 0) return false;
  const nested = definition.descendantsOfType(SCOPE_TYPES).filter((scope) => scope.id !== definition.id).map((scope) => [scope.startIndex, scope.endIndex] as const);
  return yields.some((node) => {
    const at = node.startIndex;
    return !nested.some(([start, end]) => start <= at && at < end);
  });
}

function doctestSources(root: SyntaxNode, text: string, moduleName: string): TraceSource[] {
  const sources: TraceSource[] = [];
  const ordinals = new Map<string, number>();
  const add = (owner: string, label: string, generator: string | null, docstring: SyntaxNode): void => {
    const examples = doctestExamples(docstring);
    if (examples.length === 0) return;
    const index = ordinals.get(owner) ?? 0;
    ordinals.set(owner, index + 1);
    sources.push({
      info: { kind: 'doctest', id: `doctest:${owner}:${index}`, label, line: examples[0]!.line },
      moduleName,
      followUps: examples.map(({ code, line }) => ({ code, line, mode: 'single' as const })),
      expectedExceptions: examples.map((example) => example.expectedException),
      generator,
    });
  };
  // From each `>>>` to the string it is in: the docstring of the module or of a generator function is a
  // source. The scan goes through the document in order, so the sources come in its order.
  for (let at = text.indexOf('>>>'); at >= 0; at = text.indexOf('>>>', at + 3)) {
    let node: SyntaxNode | null = root.descendantForIndex(at, at + 3);
    while (node !== null && (node.type === 'string_content' || node.type === 'escape_sequence')) node = node.parent;
    if (node === null || node.type !== 'string') continue;
    const literal = node;
    at = Math.max(at, literal.endIndex - 3);
    const statement = literal.parent;
    const body = statement?.parent ?? null;
    if (statement === null || statement.type !== 'expression_statement' || body === null || docstringOf(body)?.id !== literal.id) continue;
    if (body.type === 'module') add(moduleName, `doctest of module ${moduleName}`, null, literal);
    else if (body.type === 'block' && body.parent !== null && isGeneratorFunction(body.parent)) {
      const qualname = qualnameOf(body.parent);
      add(qualname, `doctest of ${qualname}`, qualname, literal);
    }
  }
  return sources;
}

/** The string node of a body's docstring (its first statement, a plain string literal), or null. */
function docstringOf(body: SyntaxNode | null): SyntaxNode | null {
  const first = body?.namedChildren.find((node) => node.type !== 'comment');
  if (first === undefined || first.type !== 'expression_statement' || first.namedChildren.length !== 1) return null;
  const literal = first.namedChildren[0]!;
  if (literal.type !== 'string') return null;
  const prefix = (literal.children[0]?.text ?? '').replace(/['"]+$/, '').toLowerCase();
  return prefix.includes('f') || prefix.includes('b') ? null : literal;
}

export interface DoctestExample {
  code: string;
  /** 1-based document line of the `>>>` line. */
  line: number;
  want: string;
  expectedException: string | null;
}

const PS1 = /^(\s*)>>>( |$)/;
const BLANK = /^\s*$/;
const SKIP = /#\s*doctest:.*[+]SKIP\b/;
const TRACEBACK = /^Traceback \((most recent call last|innermost last)\):/;

/**
 * The examples of a docstring, as doctest's parser finds them: a `>>> ` line and its `... ` lines are the
 * source, the non-blank lines up to the next blank or `>>>` line the expected output. Examples marked
 * `# doctest: +SKIP` are left out, as doctest leaves them out.
 */
export function doctestExamples(docstring: SyntaxNode): DoctestExample[] {
  const quote = docstring.children[0]?.text ?? '"';
  const raw = quote.toLowerCase().includes('r');
  const firstRow = docstring.startPosition.row;
  // The docstring's own lines, as the document has them: examples keep their document lines.
  const content = docstring.children.slice(1, -1).map((node) => node.text).join('');
  const lines = content.split(/\r\n|\r|\n/).map((line) => (raw ? line : decodeLineEscapes(line)));
  const contentRow = firstRow; // the content's first line shares the row of the opening quote
  const examples: DoctestExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const ps1 = PS1.exec(lines[i]!);
    if (ps1 === null) continue;
    const indent = ps1[1]!.length;
    const source = [lines[i]!.slice(indent + 4)];
    const start = i;
    while (i + 1 < lines.length && isContinuation(lines[i + 1]!, indent)) source.push(lines[++i]!.slice(indent + 4));
    const want: string[] = [];
    while (i + 1 < lines.length && !BLANK.test(lines[i + 1]!) && !PS1.test(lines[i + 1]!)) want.push(lines[++i]!.slice(indent));
    const code = source.join('\n');
    if (SKIP.test(code) || code.trim() === '') continue;
    examples.push({ code, line: contentRow + start + 1, want: want.join('\n'), expectedException: expectedException(want) });
  }
  return examples;
}

function isContinuation(line: string, indent: number): boolean {
  return line.slice(0, indent).trim() === '' && (line.slice(indent, indent + 4) === '... ' || line.slice(indent) === '...');
}

/** `ValueError` from expected output that is a traceback ending in `ValueError: ...` (or a dotted name). */
function expectedException(want: readonly string[]): string | null {
  if (want.length === 0 || !TRACEBACK.test(want[0]!)) return null;
  for (let i = want.length - 1; i > 0; i--) {
    const match = /^([A-Za-z_][\w.]*)(?::|$)/.exec(want[i]!);
    if (match !== null) return match[1]!.split('.').pop() ?? null;
  }
  return null;
}

/** Backslash escapes of a non-raw string within one line (an escaped newline would join lines: left as is). */
function decodeLineEscapes(line: string): string {
  return line.replace(/\\(\\|'|"|t|n|r|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|N\{[^}]*\})/g, (all, escape: string) => {
    switch (escape[0]) {
      case '\\':
        return '\\';
      case "'":
      case '"':
        return escape;
      case 't':
        return '\t';
      case 'n':
      case 'r':
        // A newline inside one docstring line would shift every later example's line; keep it visible.
        return all;
      case 'x':
      case 'u':
        return String.fromCharCode(parseInt(escape.slice(1), 16));
      default:
        return all;
    }
  });
}

function directiveSources(root: SyntaxNode, text: string, moduleName: string): TraceSource[] {
  const byFunction = new Map<number, { qualname: string; directives: { expression: string; line: number }[] }>();
  for (let at = text.indexOf('yieldlens:'); at >= 0; at = text.indexOf('yieldlens:', at + 10)) {
    const comment = root.descendantForIndex(at, at + 10);
    if (comment.type !== 'comment') continue;
    const lineStart = text.lastIndexOf('\n', comment.startIndex - 1) + 1;
    // A comment alone on its line, not one after code.
    if (text.slice(lineStart, comment.startIndex).trim() !== '') continue;
    const match = DIRECTIVE.exec(comment.text);
    if (match === null) continue;
    const fn = functionBelow(root, text, comment.endIndex, comment.startIndex - lineStart);
    if (fn === null || !isGeneratorFunction(fn)) continue;
    let entry = byFunction.get(fn.id);
    if (entry === undefined) {
      entry = { qualname: qualnameOf(fn), directives: [] };
      byFunction.set(fn.id, entry);
    }
    entry.directives.push({ expression: match[1]!, line: comment.startPosition.row + 1 });
  }
  const sources: TraceSource[] = [];
  for (const { qualname, directives } of byFunction.values()) {
    const first = directives[0]!;
    const more = directives.length > 1 ? ` (and ${directives.length - 1} more)` : '';
    sources.push({
      info: { kind: 'directive', id: `directive:${qualname}`, label: `# yieldlens: trace ${first.expression}${more}`, line: first.line },
      moduleName,
      followUps: directives.map(({ expression, line }) => ({ code: expression, line, mode: 'eval' as const })),
      expectedExceptions: directives.map(() => null),
      generator: qualname,
    });
  }
  return sources.sort((a, b) => a.info.line - b.info.line);
}

/**
 * The def the comment ending at `offset` sits directly above: past the comment lines that follow it,
 * the next line must start a `def` or a decorator at the comment's own indentation.
 */
function functionBelow(root: SyntaxNode, text: string, offset: number, column: number): SyntaxNode | null {
  let lineStart = text.indexOf('\n', offset) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (line.trimStart().startsWith('#') && indent === column) {
      lineStart = lineEnd < 0 ? -1 : lineEnd + 1;
      continue;
    }
    if (indent !== column || !/^(@|def\s|async\s+def\s)/.test(line.trimStart())) return null;
    const start = lineStart + indent;
    for (let node: SyntaxNode | null = root.descendantForIndex(start, start + 1); node !== null; node = node.parent) {
      if (node.startIndex !== start) break;
      if (node.type === 'decorated_definition') return node.childForFieldName('definition');
      if (node.type === 'function_definition') return node;
    }
    return null;
  }
  return null;
}
