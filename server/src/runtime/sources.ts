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
  if (kinds.has('main')) {
    const main = mainSource(root);
    if (main !== null) sources.push(main);
  }
  if (!kinds.has('doctest') && !kinds.has('directive')) return sources;
  const functions = generatorFunctions(root);
  if (kinds.has('doctest')) sources.push(...doctestSources(root, functions, moduleName));
  if (kinds.has('directive')) sources.push(...directiveSources(root, text, functions, moduleName));
  return sources;
}

/**
 * The text a source's trace depends on, for caching: the document with comments left out (they cannot
 * change a run, and lines stay where they are), and for a source that does not run as `__main__` also
 * the body of the `__main__` block (it does not run), plus what runs after the module.
 */
export function traceInput(tree: Tree, text: string, source: TraceSource): string {
  const skipped: [number, number][] = tree.rootNode.descendantsOfType('comment').map((node) => [node.startIndex, node.endIndex]);
  if (source.moduleName !== '__main__') {
    for (const statement of tree.rootNode.namedChildren) {
      const body = isMainGuard(statement) ? statement.childForFieldName('consequence') : null;
      if (body !== null) skipped.push([body.startIndex, body.endIndex]);
    }
  }
  skipped.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of skipped) {
    if (start < at) continue;
    parts.push(text.slice(at, start), keepLineBreaks(text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return `${source.moduleName}\0${JSON.stringify(source.followUps)}\0${parts.join('')}`;
}

function keepLineBreaks(text: string): string {
  return text.replace(/[^\r\n]+/g, '');
}

function mainSource(root: SyntaxNode): TraceSource | null {
  const statements = root.namedChildren;
  const guard = statements.find(isMainGuard);
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

interface GeneratorFunction {
  node: SyntaxNode;
  qualname: string;
  /** The `def` line or its first decorator's, 0-based: where directives are looked for above. */
  headerRow: number;
}

/** Every generator function (`def` whose own body yields), with CPython's `__qualname__`. */
function generatorFunctions(root: SyntaxNode): GeneratorFunction[] {
  // One native query per node type, nesting rebuilt from offsets: `node.parent` walks down from the root.
  const scopes = root.descendantsOfType(['function_definition', 'class_definition', 'lambda']).sort((a, b) => a.startIndex - b.startIndex);
  const qualnames = new Map<number, string>();
  const stack: SyntaxNode[] = [];
  const ownerOf = new Map<number, SyntaxNode | null>();
  for (const scope of scopes) {
    while (stack.length > 0 && stack[stack.length - 1]!.endIndex <= scope.startIndex) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    ownerOf.set(scope.id, parent);
    const name = scope.type === 'lambda' ? '<lambda>' : (scope.childForFieldName('name')?.text ?? '?');
    const prefix = parent === null ? '' : parent.type === 'class_definition' ? `${qualnames.get(parent.id)}.` : `${qualnames.get(parent.id)}.<locals>.`;
    qualnames.set(scope.id, prefix + name);
    stack.push(scope);
  }
  const generators = new Set<number>();
  for (const yieldNode of root.descendantsOfType('yield')) {
    const owner = innermost(scopes, yieldNode.startIndex);
    if (owner !== null && owner.type === 'function_definition') generators.add(owner.id);
  }
  const decorators = new Map<number, number>();
  for (const decorated of root.descendantsOfType('decorated_definition')) {
    const definition = decorated.childForFieldName('definition');
    if (definition !== null) decorators.set(definition.id, decorated.startPosition.row);
  }
  return scopes
    .filter((scope) => generators.has(scope.id))
    .map((node) => ({ node, qualname: qualnames.get(node.id) ?? '?', headerRow: decorators.get(node.id) ?? node.startPosition.row }));
}

/** The innermost scope (sorted by start) whose range holds `offset`. */
function innermost(scopes: readonly SyntaxNode[], offset: number): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  for (const scope of scopes) {
    if (scope.startIndex > offset) break;
    if (scope.endIndex > offset) found = scope;
  }
  return found;
}

function doctestSources(root: SyntaxNode, functions: readonly GeneratorFunction[], moduleName: string): TraceSource[] {
  const sources: TraceSource[] = [];
  const ordinals = new Map<string, number>();
  const add = (owner: string, label: string, generator: string | null, docstring: SyntaxNode | null): void => {
    if (docstring === null) return;
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
  add(moduleName, `doctest of module ${moduleName}`, null, docstringOf(root));
  for (const fn of functions) add(fn.qualname, `doctest of ${fn.qualname}`, fn.qualname, docstringOf(fn.node.childForFieldName('body')));
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

function directiveSources(root: SyntaxNode, text: string, functions: readonly GeneratorFunction[], moduleName: string): TraceSource[] {
  if (functions.length === 0) return [];
  // Comments alone on their line (not after code), by row.
  const commentByRow = new Map<number, SyntaxNode>();
  for (const comment of root.descendantsOfType('comment')) {
    const lineStart = text.lastIndexOf('\n', comment.startIndex - 1) + 1;
    if (text.slice(lineStart, comment.startIndex).trim() === '') commentByRow.set(comment.startPosition.row, comment);
  }
  const sources: TraceSource[] = [];
  for (const fn of functions) {
    // The directives in the run of comment lines right above the function (or its decorators).
    const directives: { expression: string; line: number }[] = [];
    for (let row = fn.headerRow - 1; row >= 0; row--) {
      const comment = commentByRow.get(row);
      if (comment === undefined || comment.startPosition.column !== fn.node.startPosition.column) break;
      const match = DIRECTIVE.exec(comment.text);
      if (match !== null) directives.unshift({ expression: match[1]!, line: row + 1 });
    }
    if (directives.length === 0) continue;
    const first = directives[0]!;
    const more = directives.length > 1 ? ` (and ${directives.length - 1} more)` : '';
    sources.push({
      info: { kind: 'directive', id: `directive:${fn.qualname}`, label: `# yieldlens: trace ${first.expression}${more}`, line: first.line },
      moduleName,
      followUps: directives.map(({ expression, line }) => ({ code: expression, line, mode: 'eval' as const })),
      expectedExceptions: directives.map(() => null),
      generator: fn.qualname,
    });
  }
  return sources;
}
