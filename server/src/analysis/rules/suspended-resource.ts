// GEN005 suspended-resource: a resource acquired in a generator that is live across a `yield` without
// `with`, `try/finally` or an ExitStack, so an abandoned generator keeps it open until garbage collection.

import { asyncGeneratorHeldResources, asyncGeneratorResourcesReleasedOnClose, RESOURCE_CALL_TRIGGER, suspendedResources, type SuspendedResource } from '../flow/index.js';
import { contextManagerDriver } from '../flow/context-managers.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { isVisibleWith } from '../model/visible.js';
import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';
import type { OffsetEdit, RuleContext, RuleDefinition, RuleFix } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

const FIX_TITLE = 'Open the resource in a `with` statement';

export const suspendedResource: RuleDefinition = {
  code: 'GEN005',
  name: 'suspended-resource',
  severity: 'warning',
  summary: 'Resource held open across a `yield` without `with` or `try/finally`',
  fixTitle: FIX_TITLE,
  // Needs a call of something that acquires a resource (a generator expression needs no `yield`).
  triggers: RESOURCE_CALL_TRIGGER,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: [
      'Checks generators for resources that are still open while the generator is suspended at a',
      '`yield` and that nothing closes if the generator is abandoned there: files (`open`, `io.open`,',
      '`gzip.open`, ...), sockets (`socket.socket`, `socket.create_connection`), `sqlite3.connect`',
      'connections, `subprocess.Popen`, `tempfile` files and directories, `os.scandir`, `mmap.mmap`,',
      '`urllib.request.urlopen` responses, and locks taken with `lock.acquire()`. This includes a `for`',
      'loop that yields while iterating `open(...)` directly, and generator expressions over `open(...)`.',
      '',
      'A resource is protected when it is opened in a `with` statement (or handed to `contextlib.closing`,',
      'an `ExitStack` or a `with` later), when the `yield` is inside a `try` whose `finally` (or',
      'GeneratorExit handler) refers to it, or when it is closed or released before the next `yield`.',
      'A resource that is returned, yielded to the consumer, stored in an attribute or a container, or',
      'captured by a nested function is owned elsewhere and not reported. Async generators are checked',
      'too. Resources acquired in a nested function belong to that function.',
      '',
      'In an async generator a `with` or `async with` around the `yield` is not enough, and neither is a',
      '`try/finally`: closing an abandoned async generator needs the event loop, so a resource opened there',
      '(`open`, sockets, `aiofiles.open`, `aiohttp.ClientSession`, ...) stays open until the loop\'s finaliser',
      'runs `aclose()`, some iterations later or never (ruff\'s ASYNC119 reports the `with` form; the',
      '`finally` form, `f = open(p)` then `try: yield ... finally: f.close()`, is the same delay). It is reported unless the generator is',
      'an `@asynccontextmanager`, a pytest fixture or trio\'s `@as_safe_channel`, or every call of it in',
      'its own class and in module-level code is wrapped in `contextlib.aclosing(...)` (calls inside other',
      'functions are not looked at).',
    ].join('\n'),
    whyIsThisBad: [
      'A consumer may stop iterating a generator at any `yield`: `break`, an exception, `next()` called',
      'once, `itertools.islice`, `zip` with a shorter iterable. The suspended frame then keeps its locals,',
      'so the file, socket or connection stays open until the generator object is garbage-collected, which',
      'on PyPy, in reference cycles or when the generator is kept alive can be much later (a lock stays',
      'held, a file descriptor leaks, a temporary file is not deleted, `ResourceWarning: unclosed file` is',
      'printed). With `with` or `try/finally`, closing the generator (explicitly or by garbage collection)',
      'raises GeneratorExit at the `yield` and the cleanup runs at once.',
    ].join('\n'),
    example: [
      'def read_lines(path):',
      '    f = open(path)',
      '    for line in f:',
      '        yield line.rstrip("\\n")',
      '    f.close()  # never runs if the consumer stops early',
      '',
      'first_line = next(read_lines("data.txt"))  # the file stays open',
    ].join('\n'),
    useInstead: [
      'def read_lines(path):',
      '    with open(path) as f:',
      '        for line in f:',
      '            yield line.rstrip("\\n")',
    ].join('\n'),
    fixSafety: [
      'The fix replaces `name = open(...)` by `with open(...) as name:` and indents the rest of the block',
      'under it, dropping the `name.close()` lines at that block\'s level (the `with` closes it); it is offered only when the name is not used after that block, is not rebound, and no',
      'multi-line string would be re-indented, and only for acquisitions whose `with` binds and closes the',
      'same object (not for `sqlite3.connect`, `subprocess.Popen`, `tempfile.TemporaryDirectory` or locks).',
      'It is safe when the resource is used only through its own methods and iteration. It is marked',
      'unsafe when the resource is passed to another call (for example `csv.reader(f)`) or used in another',
      'way: something built from it may outlive the block and would then see it closed. No fix is offered in an',
      'async generator, where a `with` across the `yield` is not enough.',
    ].join('\n'),
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator.close',
      'https://docs.python.org/3/reference/compound_stmts.html#the-with-statement',
      'https://docs.python.org/3/library/contextlib.html#contextlib.closing',
      'https://peps.python.org/pep-0533/',
      'https://docs.python.org/3/library/contextlib.html#contextlib.aclosing',
      'https://docs.astral.sh/ruff/rules/yield-in-context-manager-in-async-generator/',
    ],
  },
  checkFunction(fn: FunctionInfo, ctx: RuleContext): void {
    if (!fn.isGenerator || fn.hasSyntaxError) return;
    for (const resource of suspendedResources(fn, ctx.model)) {
      const line = resource.yieldNode.startPosition.row + 1;
      const what = capitalize(resource.description);
      const message = resource.kind === 'lock'
        ? `${what} is still held at the \`yield\` on line ${line}: if the consumer stops early it is never released`
        : fn.kind === 'genexp'
          ? `${what} is held open by the suspended generator expression: if the consumer stops early it stays open until garbage collection`
          : `${what} is still open at the \`yield\` on line ${line}: if the consumer stops early it stays open until garbage collection`;
      // In an async generator a `with` across the `yield` is still reported (closing needs the event loop).
      const fix = fn.isAsync ? null : withFix(resource, fn, ctx.model);
      ctx.report({
        node: resource.acquisition,
        message,
        related: [{ node: resource.yieldNode, message: fn.kind === 'genexp' ? 'each element is produced here' : 'the generator can be suspended here' }],
        ...(fix === null ? {} : { fix }),
      });
    }
    if (fn.isAsync && fn.kind === 'def' && !isClosedByItsDriver(fn, ctx.model)) {
      for (const held of asyncGeneratorHeldResources(fn, ctx.model)) {
        ctx.report({
          node: held.acquisition,
          message: `${capitalize(held.description)} is held in a \`with\` across the \`yield\` on line ${held.yieldNode.startPosition.row + 1} of an async generator: if the consumer stops early without \`contextlib.aclosing()\`, it stays open until the event loop finalises the generator`,
          related: [{ node: held.yieldNode, message: 'the async generator can be suspended here' }],
        });
      }
      for (const released of asyncGeneratorResourcesReleasedOnClose(fn, ctx.model)) {
        const line = released.yieldNode.startPosition.row + 1;
        const what = capitalize(released.description);
        ctx.report({
          node: released.acquisition,
          message: `${what} is ${released.kind === 'lock' ? 'held' : 'open'} at the \`yield\` on line ${line} of an async generator, and the \`finally\` (or \`with\`) that releases it runs only when the generator is closed: if the consumer stops early without \`contextlib.aclosing()\`, that waits until the event loop finalises the generator`,
          related: [{ node: released.yieldNode, message: 'the async generator can be suspended here' }],
        });
      }
    }
  },
};

/**
 * True when something closes the async generator when its consumer is done: an
 * `@asynccontextmanager` or fixture decorator, trio's `@as_safe_channel`, or every call of it that
 * every analysis of the function sees — in its own top-level statement (its class) and in module-level
 * code; the language server analyses a definition without the other definitions — being wrapped in
 * `aclosing(...)`.
 */
function isClosedByItsDriver(fn: FunctionInfo, model: SemanticModel): boolean {
  if (contextManagerDriver(fn, model) !== null) return true;
  if (fn.decorators.some((decorator) => /\bas_safe_channel\b/.test(decorator.text))) return true;
  const calls = occurrencesOf(model, fn.name).filter((name) => isVisibleWith(name, fn, model)).filter((name) => {
    let callee: SyntaxNode = name;
    if (name.parent?.type === 'attribute' && name.parent.childForFieldName('attribute')?.id === name.id) callee = name.parent;
    return callee.parent?.type === 'call' && callee.parent.childForFieldName('function')?.id === callee.id;
  });
  return calls.length > 0 && calls.every((name) => /\baclosing\s*\(\s*$/.test(model.text.slice(Math.max(0, name.startIndex - 40), name.startIndex).replace(/(?:self|cls|[\w.]+)\.$/, '')));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * `name = CALL` followed by the rest of its block → `with CALL as name:` with that rest indented one
 * level. Null when the rewrite could change meaning in ways the analysis cannot check.
 */
function withFix(resource: SuspendedResource, fn: FunctionInfo, model: SemanticModel): RuleFix | null {
  const { statement, name } = resource;
  if (statement === null || name === null || !resource.withBindsResult) return null;
  const block = statement.parent;
  if (block === null || block.type !== 'block') return null;
  const text = model.text;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  // `if x: f = open(p)` on one line, or `a; f = open(p)`: no clean place to put the `with`.
  if (!/^[ \t]*$/.test(indent)) return null;
  const lineEnd = text.indexOf('\n', statement.endIndex);
  const restOfLine = text.slice(statement.endIndex, lineEnd === -1 ? text.length : lineEnd);
  if (!/^[ \t]*(#.*)?\r?$/.test(restOfLine) || lineEnd === -1) return null;

  const rangeStart = lineEnd + 1;
  const rangeEnd = block.endIndex;
  if (rangeEnd <= rangeStart) return null;
  const rest = text.slice(rangeStart, rangeEnd);
  // Re-indenting would change the value of a multi-line string.
  if (/"""|'''/.test(rest)) return null;

  // Every other use of the name must lie inside the block after the statement, and it must not be rebound there.
  let passedToCall = false;
  const pattern = new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g');
  // The body only: the function's own name and its parameters' defaults are not uses.
  const body = fn.node.childForFieldName('body') ?? fn.node;
  for (const match of text.slice(body.startIndex, body.endIndex).matchAll(pattern)) {
    const offset = body.startIndex + (match.index ?? 0);
    const node = model.tree.rootNode.descendantForIndex(offset);
    if (node.type !== 'identifier') continue;
    if (offset >= statement.startIndex && offset < statement.endIndex) continue;
    if (offset < rangeStart || offset >= rangeEnd) return null;
    const parent = node.parent;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.startIndex === node.startIndex) return null;
    const isReceiver = parent?.type === 'attribute' && parent.childForFieldName('object')?.startIndex === node.startIndex;
    const isIterated = parent?.type === 'for_statement' || (parent?.type === 'yield' && parent.children.some((c) => c.type === 'from'));
    if (!isReceiver && !isIterated) passedToCall = true;
  }

  const unit = indent.includes('\t') ? '\t' : '    ';
  const call = resource.acquisition;
  const edits: OffsetEdit[] = [
    { startIndex: statement.startIndex, endIndex: statement.endIndex, newText: `with ${text.slice(call.startIndex, call.endIndex)} as ${name}:` },
  ];
  const redundantCloses = redundantCloseLines(block, statement, name, text);
  for (let at = rangeStart; at < rangeEnd; ) {
    const next = text.indexOf('\n', at);
    const end = next === -1 ? text.length : next;
    if (redundantCloses.has(at)) {
      edits.push({ startIndex: at, endIndex: next === -1 ? end : next + 1, newText: '' });
    } else if (text.slice(at, end).trim() !== '') {
      edits.push({ startIndex: at, endIndex: at, newText: unit });
    }
    if (next === -1) break;
    at = next + 1;
  }
  return { title: FIX_TITLE, applicability: passedToCall ? 'unsafe' : 'safe', edits };
}

/**
 * The starts of the lines that hold nothing but `name.close()` at the level of the block the `with` takes over:
 * the `with` closes the resource itself, so these calls would only repeat it inside the new block.
 */
function redundantCloseLines(block: SyntaxNode, statement: SyntaxNode, name: string, text: string): Set<number> {
  const starts = new Set<number>();
  for (const child of block.namedChildren) {
    if (child.startIndex <= statement.startIndex || child.type !== 'expression_statement') continue;
    if (child.text.replace(/\s+/g, '') !== `${name}.close()`) continue;
    const lineStart = text.lastIndexOf('\n', child.startIndex - 1) + 1;
    const lineEnd = text.indexOf('\n', child.endIndex);
    const before = text.slice(lineStart, child.startIndex);
    const after = text.slice(child.endIndex, lineEnd === -1 ? text.length : lineEnd);
    if (/^[ \t]*$/.test(before) && /^[ \t]*(#.*)?\r?$/.test(after)) starts.add(lineStart);
  }
  return starts;
}
