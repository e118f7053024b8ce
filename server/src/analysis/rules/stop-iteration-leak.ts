// GEN004 stop-iteration-leak: StopIteration escaping a generator body, which PEP 479 turns into
// RuntimeError — `raise StopIteration` and `next(it)` without a default outside a handler for it.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo } from '../model/semantic.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { resolverFor, type CalleeResolution } from '../workspace/resolve.js';
import { absoluteModule, isPackageInitPath } from '../workspace/summary.js';
import { argumentShownNonEmpty, callsOf } from '../flow/exhaustion.js';
import { definingFunction, frameFunction, isCheckedGenerator, isGuarded, stopIterationSite, unguardedNext } from '../flow/stop-iteration.js';
import type { RuleContext, RuleDefinition, RuleFix } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

export const stopIterationLeak: RuleDefinition = {
  code: 'GEN004',
  name: 'stop-iteration-leak',
  severity: 'error',
  summary: 'StopIteration escaping a generator body becomes RuntimeError (PEP 479)',
  fixTitle: 'Return from the generator instead of raising StopIteration',
  // The rule reports only at `next` and `StopIteration` occurrences (see `occurrencesOf`).
  triggers: /\b(?:next|StopIteration)\b|^(?=[\s\S]*?\byield\b)[\s\S]*?\bimport\b/,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: `Checks for StopIteration that can escape a generator's body: \`raise StopIteration\` (or
\`raise StopIteration(value)\`) and \`next(it)\` without a default value that is not inside a \`try\` whose
handlers catch StopIteration (\`except StopIteration\`, \`except Exception\`, \`except BaseException\`, a
tuple containing one of those, or a bare \`except:\`) or a \`with contextlib.suppress(StopIteration)\`.

It applies to generator functions (async ones too) and generator expressions, never to ordinary
functions and never to \`__next__\` methods, where raising StopIteration is the iterator protocol.

A \`next(it)\` is reported when the iterator can be shown to run out there:
- it is taken from inside a \`for\` loop over the same iterator (\`for c in chars: ... next(chars)\`):
  on the last item the \`next()\` finds it exhausted;
- it comes from a parameter (\`next(items)\`, \`next(iter(items))\`, \`it = iter(it); next(it)\`), an
  element of one (\`for row in rows: next(iter(row))\`), an attribute of the receiver or of a
  parameter (\`next(self.lines)\`, \`next(source.items)\`), a file (\`with open(p) as f: next(f)\`), a
  finite \`repeat(x, n)\` or \`islice(it, n)\`, or a generator function or method of the same file
  that can return (\`it = self._lines()\`) — directly or through lazy wrappers (\`enumerate\`, \`zip\`,
  \`map\`, \`reversed\`, \`csv.reader\`).

It stays silent where the code shows the iterator cannot run out: \`next()\` on \`itertools.count()\`,
\`cycle(...)\`, \`repeat(x)\` without \`times\`, a \`chain(...)\` ending in one of those, a generator of
the same file that never returns (its body ends in \`while True:\` without \`break\` or \`return\`), a
non-empty literal; where the container or iterator was tested earlier in the function (\`if x:\`,
\`if not x: return\`, \`assert len(x) > 1\`, …); and, for a parameter of a private \`_helper\`, where
every caller in the file tests what it passes or passes a non-empty literal (the standard library's
\`ipaddress._find_address_range\`, called under \`if ips:\`). When one caller does not, the finding is
at the helper's \`next()\` and names that call. An iterator of unknown origin — what some other
library's call returned, a value unpacked from a tuple, a closure or module variable — may be known to
its author to hold enough items, which the analysis cannot check: silent.

Across functions: an ordinary function whose body lets StopIteration out (a \`raise StopIteration\`,
or an unguarded \`next()\` on what its caller passes in) is reported where a generator calls it without
a handler, unless the generator tested the argument first; the related location is the helper's
\`raise\` or \`next()\`. The helper may be in the same file, or a module-level function of another
module of the workspace, called as \`helper(...)\` after \`from mod import helper\` (aliases and package
re-exports followed) or as \`mod.helper(...)\` after \`import mod\`; a name the file also binds some
other way (an assignment, a parameter, a def) is not followed, nor is a CapWords name (a class) or a
helper of another module with a decorator (which may catch StopIteration). Methods are followed only
within their class. A helper that calls another raising helper is not followed further.`,
    whyIsThisBad: `Since Python 3.7 (PEP 479) a StopIteration that propagates out of a generator's frame is replaced by
\`RuntimeError: generator raised StopIteration\`. Code written for the old behaviour, where the
exception quietly ended the generator, now crashes the consumer — typically only on the input that
exhausts the iterator early (an empty file, an odd number of items), so tests often miss it.`,
    example: `def pairs(items):
    it = iter(items)
    for first in it:
        second = next(it)  # RuntimeError on an odd number of items
        yield first, second

def take(n, items):
    for i, item in enumerate(items):
        if i == n:
            raise StopIteration  # RuntimeError
        yield item`,
    useInstead: `def pairs(items):
    it = iter(items)
    for first in it:
        try:
            second = next(it)
        except StopIteration:
            return
        yield first, second

def take(n, items):
    for i, item in enumerate(items):
        if i == n:
            return
        yield item`,
    fixSafety: `\`raise StopIteration\` and \`raise StopIteration()\` become \`return\`, and \`raise StopIteration(value)\`
becomes \`return value\`: this is exactly what the code did before PEP 479, so the fix is safe. An
unguarded \`next(it)\` in a simple statement on its own line is wrapped in
\`try: ... except StopIteration: return\` — also the pre-PEP 479 behaviour; the fix is marked unsafe
because ending the generator silently may hide that the input was shorter than expected. No fix is
offered inside generator expressions or compound expressions.`,
    references: [
      'https://peps.python.org/pep-0479/',
      'https://docs.python.org/3/library/exceptions.html#StopIteration',
      'https://docs.python.org/3/library/functions.html#next',
    ],
  },
  // Per generator, the rule searches its text for `next` and `StopIteration` (see `occurrencesOf`):
  // far cheaper than being handed every call and raise of the file.
  checkFunction(fn, ctx) {
    if (!isCheckedGenerator(fn)) return;
    const start = fn.node.startIndex;
    const end = fn.node.endIndex;
    for (const name of occurrencesOf(ctx.model, 'StopIteration', start, end)) {
      const parent = name.parent;
      if (parent?.type === 'raise_statement') checkRaise(parent, fn, ctx);
      else if (parent?.type === 'call' && parent.parent?.type === 'raise_statement' && parent.childForFieldName('function')?.id === name.id) checkRaise(parent.parent, fn, ctx);
    }
    for (const name of occurrencesOf(ctx.model, 'next', start, end)) {
      const call = name.parent;
      if (call?.type === 'call' && call.childForFieldName('function')?.id === name.id) checkNextCall(call, fn, ctx);
    }
    checkHelperCalls(fn, ctx);
    checkImportedHelperCalls(fn, ctx);
  },
};

function checkRaise(node: SyntaxNode, owner: FunctionInfo, ctx: RuleContext): void {
  const exception = node.namedChildren.find((c) => c.type !== 'comment') ?? null;
  if (exception === null) return;
  const cause = node.childForFieldName('cause');
  if (cause !== null && cause.id === exception.id) return;
  const isBareName = exception.type === 'identifier' && ctx.text.slice(exception.startIndex, exception.endIndex) === 'StopIteration';
  const callee = exception.type === 'call' ? exception.childForFieldName('function') : null;
  const isCall = callee !== null && callee.type === 'identifier' && ctx.text.slice(callee.startIndex, callee.endIndex) === 'StopIteration';
  if (!isBareName && !isCall) return;
  // A local class or variable called StopIteration is something else.
  if (!resolverFor(ctx).isBuiltin('StopIteration', node)) return;
  const fn = frameFunction(node, ctx);
  // Occurrences inside a nested def or generator expression belong to that frame's own check.
  if (fn === null || fn.node.id !== owner.node.id || fn.kind !== 'def') return;
  if (isGuarded(node, fn.node, ctx.text)) return;
  ctx.report({
    node,
    message: `\`raise StopIteration\` in generator \`${fn.name}\` becomes RuntimeError (generator raised StopIteration, PEP 479); use \`return\` to end the generator`,
    ...raiseFix(node, exception, cause, ctx),
  });
}

function raiseFix(node: SyntaxNode, exception: SyntaxNode, cause: SyntaxNode | null, ctx: RuleContext): { fix: RuleFix } | Record<string, never> {
  if (cause !== null) return {};
  let returned = '';
  if (exception.type === 'call') {
    const args = exception.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    if (args.length > 1) return {};
    const arg = args[0];
    if (arg !== undefined) {
      if (arg.type === 'keyword_argument' || arg.type === 'list_splat' || arg.type === 'dictionary_splat') return {};
      returned = ` ${ctx.text.slice(arg.startIndex, arg.endIndex)}`;
    }
  }
  // An async generator cannot `return value`; only a bare `return` is offered there.
  const fn = ctx.model.enclosingFunction(node);
  if (fn?.isAsync === true && returned !== '') return {};
  return {
    fix: {
      title: 'Replace `raise StopIteration` with `return`',
      applicability: 'safe',
      edits: [{ startIndex: node.startIndex, endIndex: node.endIndex, newText: `return${returned}` }],
    },
  };
}

function checkNextCall(call: SyntaxNode, owner: FunctionInfo, ctx: RuleContext): void {
  const site = unguardedNext(call, owner, ctx);
  if (site === null) return;
  const fn = site.fn;
  const where = fn.kind === 'genexp' ? 'a generator expression' : `generator \`${fn.name}\``;
  const iteratorText = ctx.text.slice(site.iterator.startIndex, site.iterator.endIndex);
  const caller = site.exhaustion.unguardedCaller;
  const callerNote = caller === null ? '' : ` (the call on line ${caller.startPosition.row + 1} passes an argument it does not test)`;
  ctx.report({
    node: call,
    message: `\`next(${iteratorText})\` in ${where} is not guarded: when the iterator is exhausted, StopIteration becomes RuntimeError (generator raised StopIteration, PEP 479)${callerNote}; catch StopIteration or pass a default`,
    ...(caller === null ? {} : { related: [{ node: caller, message: 'called here with an argument that may be empty' }] }),
    ...(fn.kind === 'def' ? nextFix(call, ctx) : {}),
  });
}

// ---------------------------------------------------------------------------------------------------
// Interprocedural: an ordinary function of this file whose body lets StopIteration out (an unguarded
// `next()` or `raise StopIteration`), called from a generator without a handler around the call.

interface RaisingHelper {
  fn: FunctionInfo;
  /** The `next(...)` call or `raise` statement StopIteration comes from. */
  site: SyntaxNode;
  /** The helper's parameter the iterator comes from, if it does: a caller that tests its argument is silent. */
  param: string | null;
  /** The helper's calls in this file, found once (on first use). */
  calls?: SyntaxNode[];
}

const helperCache = new WeakMap<object, RaisingHelper[]>();

/** The file's ordinary functions (not generators, not `__next__`) that can raise StopIteration. */
function raisingHelpers(ctx: RuleContext): RaisingHelper[] {
  const cached = helperCache.get(ctx.model);
  if (cached !== undefined) return cached;
  const helpers: RaisingHelper[] = [];
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'def' || fn.isGenerator || fn.hasSyntaxError || fn.name === '__next__' || fn.name === '__anext__') continue;
    // Nested functions are reached only through their enclosing one; lambdas have no name to call.
    if (fn.parent !== null) continue;
    const site = stopIterationSite(fn, ctx);
    if (site !== null) helpers.push({ fn, ...site });
  }
  helperCache.set(ctx.model, helpers);
  return helpers;
}

function checkHelperCalls(generator: FunctionInfo, ctx: RuleContext): void {
  const helpers = raisingHelpers(ctx);
  if (helpers.length === 0) return;
  for (const helper of helpers) {
    if (helper.fn.node.id === generator.node.id) continue;
    helper.calls ??= callsOf(helper.fn, ctx);
    for (const call of helper.calls) {
      if (call.startIndex < generator.node.startIndex || call.endIndex > generator.node.endIndex) continue;
      const frame = frameFunction(call, ctx);
      if (frame === null || frame.node.id !== generator.node.id) continue;
      // A method is only known to be this one when called on `self`/`cls` from the same class.
      if (helper.fn.enclosingClass !== null && !calledOnOwnClass(call, helper.fn, generator)) continue;
      if (isGuarded(call, generator.node, ctx.text)) continue;
      if (helper.param !== null && callerTestsArgument(call, helper, ctx)) continue;
      const line = helper.site.startPosition.row + 1;
      const what = helper.site.type === 'raise_statement' ? '`raise StopIteration`' : '`next()` without a default';
      const where = generator.kind === 'genexp' ? 'a generator expression' : `generator \`${generator.name}\``;
      ctx.report({
        node: call,
        message: `\`${helper.fn.name}()\` can raise StopIteration (${what} on line ${line}); called in ${where} without a handler, it becomes RuntimeError (generator raised StopIteration, PEP 479)`,
        related: [{ node: helper.site, message: `StopIteration can escape \`${helper.fn.name}\` here` }],
      });
    }
  }
}

// Across modules: a function of another workspace module whose summary says StopIteration can leave it
// (`FunctionSummary.stopIteration`), called in a generator as `helper(...)` after `from mod import
// helper` or as `mod.helper(...)` after `import mod`. The names come from the module-level import
// statements, and a call is resolved through the index from the import itself, not through the model's
// bindings: most files that import anything never needed those, and computing them for every such file
// cost more than the rest of the rule. A name the file binds in any other way is left alone.

/** A name bound by a module-level import: the module and path inside it that the name stands for. */
interface ImportedName {
  name: string;
  module: string;
  path: string[];
  /** Whether the file binds the name some other way too (`reboundInText`), asked on its first call in a generator. */
  rebound?: boolean;
}

const importedNamesCache = new WeakMap<object, ImportedName[]>();

/** The names this file's module-level imports bind (`helper`, `mod`, an alias), each bound only there. */
function importedNames(ctx: RuleContext): ImportedName[] {
  const cached = importedNamesCache.get(ctx.model);
  if (cached !== undefined) return cached;
  const isPackageInit = isPackageInitPath(ctx.file);
  const found = new Map<string, ImportedName | null>();
  const add = (name: string, target: ImportedName | null): void => {
    // Bound by two imports (`try: from a import f except ImportError: from b import f`): not followed.
    found.set(name, found.has(name) ? null : target);
  };
  for (const statement of ctx.model.tree.rootNode.namedChildren) {
    if (statement.type === 'import_statement') {
      for (const item of statement.childrenForFieldName('name')) {
        if (item.type === 'aliased_import') {
          const module = item.childForFieldName('name');
          const alias = item.childForFieldName('alias');
          if (module !== null && alias !== null) add(alias.text, { name: alias.text, module: module.text, path: [] });
        } else {
          const first = item.text.split('.')[0] ?? '';
          // `import a.b` and `import a.c` both bind `a` to the same module.
          if (found.get(first)?.module !== first) add(first, { name: first, module: first, path: [] });
        }
      }
    } else if (statement.type === 'import_from_statement') {
      const moduleNode = statement.childForFieldName('module_name');
      const module = moduleNode === null ? null : absoluteModule(moduleNode.text, ctx.moduleName, isPackageInit);
      for (const item of statement.childrenForFieldName('name')) {
        const imported = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        const bound = item.type === 'aliased_import' ? item.childForFieldName('alias') : item;
        if (imported === null || bound === null) continue;
        add(bound.text, module === null ? null : { name: bound.text, module, path: [imported.text] });
      }
    }
  }
  const names: ImportedName[] = [];
  for (const target of found.values()) if (target !== null) names.push(target);
  importedNamesCache.set(ctx.model, names);
  return names;
}

/**
 * Whether the file's text binds `name` other than by an import: an assignment, a def or class, a loop
 * or `with`/`except` target, a parameter, `global`. Judged from the text, conservatively: a lookalike
 * in a string makes the rule silent for that name, never noisy.
 */
function reboundInText(text: string, name: string): boolean {
  const word = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = [
    `\\b(?:def|class|for|global|nonlocal|as)\\s+(?:[\\w, ]*,\\s*)?${word}\\b`, // def/class/loop/with/except/global
    `(?:^|[^\\w.])${word}\\s*(?::[^=\\n]*)?(?:[-+*/%&|^@]|\\*\\*|//|<<|>>)?=(?!=)`, // assignment, annotated, augmented
    `\\b${word}\\s*,[^\\n=]*=(?!=)`, // first of an unpacking target
    `\\bdef\\s+\\w+\\s*\\([^)]*\\b${word}\\b`, // a parameter (or a default value mentioning it)
    `\\blambda\\b[^:\\n]*\\b${word}\\b`, // a lambda parameter
    `\\(${word}\\s*:=`, // a walrus
  ];
  const binding = new RegExp(forms.join('|'), 'gm');
  for (const match of text.matchAll(binding)) {
    // The import statements themselves (`import a as name`) are what binds it legitimately.
    // So is a comment (a `#` before the match on its line).
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const line = text.slice(lineStart, match.index + match[0].length);
    if (!/^\s*(?:import|from)\s/.test(line) && !text.slice(lineStart, match.index).includes('#')) return true;
  }
  return false;
}

const resolvedCalls = new WeakMap<object, Map<string, CalleeResolution>>();

function checkImportedHelperCalls(generator: FunctionInfo, ctx: RuleContext): void {
  const index = ctx.index;
  if (index === undefined) return;
  const names = importedNames(ctx);
  if (names.length === 0) return;
  let resolved = resolvedCalls.get(ctx.model);
  if (resolved === undefined) {
    resolved = new Map();
    resolvedCalls.set(ctx.model, resolved);
  }
  for (const imported of names) {
    for (const occurrence of occurrencesOf(ctx.model, imported.name, generator.node.startIndex, generator.node.endIndex)) {
      const found = calledAt(occurrence);
      if (found === null) continue;
      const { call, attributes } = found;
      const frame = frameFunction(call, ctx);
      if (frame === null || frame.node.id !== generator.node.id) continue;
      if (isGuarded(call, generator.node, ctx.text)) continue;
      imported.rebound ??= reboundInText(ctx.text, imported.name);
      if (imported.rebound) break;
      const path = [...imported.path, ...attributes];
      // `Name(...)` is by convention a class (or a constant's call): never a module-level helper with a
      // summary. Skipping it spares summarising the module it comes from, which costs a parse.
      const called = path[path.length - 1] ?? imported.name;
      if (/^[A-Z]/.test(called)) continue;
      const key = `${imported.module}\0${path.join('.')}`;
      let callee = resolved.get(key);
      if (callee === undefined) {
        const symbol = index.resolveSymbol(imported.module, path);
        callee = symbol.kind === 'function' ? { kind: 'function', module: symbol.module, summary: symbol.summary, node: null } : { kind: 'unknown' };
        resolved.set(key, callee);
      }
      if (callee.kind !== 'function' || callee.module === null) continue;
      const escape = callee.summary.stopIteration;
      if (escape === null || escape === undefined) continue;
      if (escape.param !== null && anyArgumentTested(call, ctx)) continue;
      const helperFile = index.module(callee.module)?.file;
      if (helperFile === undefined) continue;
      const what = escape.kind === 'raise' ? '`raise StopIteration`' : '`next()` without a default';
      const where = generator.kind === 'genexp' ? 'a generator expression' : `generator \`${generator.name}\``;
      const helperName = `${callee.module}.${callee.summary.qualname}`;
      ctx.report({
        node: call,
        message: `\`${helperName}()\` can raise StopIteration (${what} on line ${escape.line} of its module); called in ${where} without a handler, it becomes RuntimeError (generator raised StopIteration, PEP 479)`,
        related: [{ file: helperFile, line: escape.line, column: escape.column, message: `StopIteration can escape \`${callee.summary.qualname}\` here` }],
      });
    }
  }
}

/** The call whose callee is `name` itself or an attribute chain on it (`mod.helper(...)`, `pkg.mod.helper(...)`), with the chain's attributes. */
function calledAt(name: SyntaxNode): { call: SyntaxNode; attributes: string[] } | null {
  let callee = name;
  const attributes: string[] = [];
  for (let parent = name.parent; parent?.type === 'attribute' && parent.childForFieldName('object')?.id === callee.id; parent = parent.parent) {
    const attribute = parent.childForFieldName('attribute');
    if (attribute === null) return null;
    attributes.push(attribute.text);
    callee = parent;
  }
  const call = callee.parent;
  return call?.type === 'call' && call.childForFieldName('function')?.id === callee.id ? { call, attributes } : null;
}

function calledOnOwnClass(call: SyntaxNode, helper: FunctionInfo, generator: FunctionInfo): boolean {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (receiver?.type !== 'identifier' || (receiver.text !== 'self' && receiver.text !== 'cls')) return false;
  return definingFunction(generator).enclosingClass?.id === helper.enclosingClass?.id;
}

function callerTestsArgument(call: SyntaxNode, _helper: RaisingHelper, ctx: RuleContext): boolean {
  return anyArgumentTested(call, ctx);
}

function anyArgumentTested(call: SyntaxNode, ctx: RuleContext): boolean {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'keyword_argument') ?? [];
  // Which argument feeds the parameter is worked out by `argumentShownNonEmpty` for private helpers;
  // here any positional argument that the caller tested, or a non-empty literal, counts.
  return args.some((arg) => argumentShownNonEmpty(arg, call, ctx));
}


function nextFix(call: SyntaxNode, ctx: RuleContext): { fix: RuleFix } | Record<string, never> {
  // Only a simple statement that is exactly `next(it)` or `name = next(it)` on its own line.
  const expr = call.parent;
  if (expr === null) return {};
  let statement: SyntaxNode | null = null;
  if (expr.type === 'expression_statement') statement = expr;
  else if (expr.type === 'assignment' && expr.childForFieldName('right')?.id === call.id && expr.parent?.type === 'expression_statement') statement = expr.parent;
  if (statement === null || statement.parent?.type !== 'block') return {};
  const text = ctx.text;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  if (!/^[ \t]*$/.test(indent)) return {};
  const lineEnd = text.indexOf('\n', statement.endIndex);
  const restOfLine = text.slice(statement.endIndex, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  if (restOfLine.trim() !== '' || text.slice(statement.startIndex, statement.endIndex).includes('\n')) return {};
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indent.includes('\t') ? '\t' : '    ';
  const original = text.slice(statement.startIndex, statement.endIndex);
  const newText = `try:${eol}${indent}${unit}${original}${eol}${indent}except StopIteration:${eol}${indent}${unit}return`;
  return {
    fix: {
      title: 'Catch StopIteration and return',
      applicability: 'unsafe',
      edits: [{ startIndex: statement.startIndex, endIndex: statement.endIndex, newText }],
    },
  };
}
