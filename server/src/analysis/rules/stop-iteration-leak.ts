// GEN004 stop-iteration-leak: StopIteration escaping a generator body, which PEP 479 turns into
// RuntimeError — `raise StopIteration` and `next(it)` without a default outside a handler for it.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo } from '../model/semantic.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { dottedName } from '../workspace/summary.js';
import { resolverFor } from '../workspace/resolve.js';
import { argumentShownNonEmpty, callsOf, emptinessChecked, isInfinite, mayBeExhausted, type Exhaustion } from '../flow/exhaustion.js';
import type { RuleContext, RuleDefinition, RuleFix } from './rule.js';

export const stopIterationLeak: RuleDefinition = {
  code: 'GEN004',
  name: 'stop-iteration-leak',
  severity: 'error',
  summary: 'StopIteration escaping a generator body becomes RuntimeError (PEP 479)',
  fixTitle: 'Return from the generator instead of raising StopIteration',
  // The rule reports only at `next` and `StopIteration` occurrences (see `occurrencesOf`).
  triggers: /\b(?:next|StopIteration)\b/,
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

Across functions: an ordinary function of the same file whose body lets StopIteration out (a
\`raise StopIteration\`, or an unguarded \`next()\` on what its caller passes in) is reported where a
generator calls it without a handler, unless the generator tested the argument first; the related
location is the helper's \`raise\` or \`next()\`.`,
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
  },
};

/** The def, lambda or generator expression whose frame evaluates `node`; null at module or class level. */
function frameFunction(node: SyntaxNode, ctx: RuleContext): FunctionInfo | null {
  let child = node;
  for (let current = node.parent; current !== null; current = current.parent) {
    switch (current.type) {
      case 'function_definition':
      case 'lambda': {
        const body = current.childForFieldName('body');
        if (body !== null && body.startIndex <= child.startIndex && child.endIndex <= body.endIndex) return ctx.model.functionForNode(current) ?? null;
        break; // A default value or decorator runs in the enclosing frame.
      }
      case 'class_definition': {
        const body = current.childForFieldName('body');
        if (body !== null && body.startIndex <= child.startIndex && child.endIndex <= body.endIndex) return null;
        break;
      }
      case 'generator_expression': {
        // The first iterable is evaluated in the enclosing frame.
        const firstClause = current.namedChildren.find((c) => c.type === 'for_in_clause');
        const firstIterable = firstClause?.childForFieldName('right') ?? null;
        const inFirstIterable = firstIterable !== null && firstIterable.startIndex <= node.startIndex && node.endIndex <= firstIterable.endIndex;
        if (!inFirstIterable) return ctx.model.functionForNode(current) ?? null;
        break;
      }
      default:
        break;
    }
    child = current;
  }
  return null;
}

function isCheckedGenerator(fn: FunctionInfo | null): fn is FunctionInfo {
  if (fn === null || !fn.isGenerator || fn.hasSyntaxError) return false;
  // `__next__` implements the iterator protocol by raising StopIteration; it is not our concern.
  return fn.name !== '__next__' && fn.name !== '__anext__';
}

const CATCHES_STOP_ITERATION = new Set(['StopIteration', 'Exception', 'BaseException']);

function handlerCatches(clause: SyntaxNode, text: string, names: ReadonlySet<string>): boolean {
  const value = clause.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment') ?? null;
  if (value === null) return true; // bare `except:`
  const target = value.type === 'as_pattern' ? value.firstNamedChild : value;
  if (target === null) return false;
  const candidates = target.type === 'tuple' || target.type === 'parenthesized_expression' ? target.namedChildren : [target];
  return candidates.some((c) => {
    const written = dottedName(text, c);
    return written !== null && names.has(written.replace(/^builtins\./, ''));
  });
}

/**
 * True when a handler between `node` and its frame catches StopIteration: the node is in the body of
 * a `try` with such a handler, or in a `with suppress(StopIteration)` block.
 */
function isGuarded(node: SyntaxNode, frame: SyntaxNode, text: string): boolean {
  let child = node;
  for (let current = node.parent; current !== null && current.id !== frame.id; current = current.parent) {
    if (current.type === 'try_statement') {
      const body = current.childForFieldName('body');
      if (body !== null && body.id === child.id) {
        for (const clause of current.namedChildren) {
          if (clause.type === 'except_clause' && handlerCatches(clause, text, CATCHES_STOP_ITERATION)) return true;
        }
      }
    } else if (current.type === 'with_statement') {
      const body = current.childForFieldName('body');
      if (body !== null && body.id === child.id) {
        const clause = current.namedChildren.find((c) => c.type === 'with_clause');
        const clauseText = clause === undefined ? '' : text.slice(clause.startIndex, clause.endIndex);
        if (/\bsuppress\s*\([^)]*\b(StopIteration|Exception|BaseException)\b/.test(clauseText)) return true;
      }
    }
    child = current;
  }
  return false;
}

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

interface NextSite {
  fn: FunctionInfo;
  iterator: SyntaxNode;
  exhaustion: Exhaustion;
}

/**
 * A `next(it)` without a default, evaluated in `owner`'s own frame, not under a handler for
 * StopIteration, whose iterator may be exhausted there (see `mayBeExhausted`); null otherwise.
 */
function unguardedNext(call: SyntaxNode, owner: FunctionInfo, ctx: RuleContext): NextSite | null {
  const callee = call.childForFieldName('function');
  if (callee === null || callee.type !== 'identifier' || ctx.text.slice(callee.startIndex, callee.endIndex) !== 'next') return null;
  const args = call.childForFieldName('arguments');
  if (args === null || args.type !== 'argument_list') return null;
  const argList = args.namedChildren.filter((c) => c.type !== 'comment');
  // `next(it, default)` cannot raise StopIteration; `next(*args)` is not something we can judge.
  if (argList.length !== 1) return null;
  const iterator = argList[0];
  if (iterator === undefined || iterator.type === 'list_splat' || iterator.type === 'keyword_argument') return null;
  const fn = frameFunction(call, ctx);
  if (fn === null || fn.node.id !== owner.node.id) return null;
  if (!resolverFor(ctx).isBuiltin('next', call)) return null;
  if (isGuarded(call, fn.node, ctx.text)) return null;
  if (isInfinite(iterator, ctx)) return null;
  if (emptinessChecked(iterator, call, definingFunction(fn), ctx)) return null;
  if (insideLoopOver(call, iterator, fn, ctx)) return { fn, iterator, exhaustion: { param: null, unguardedCaller: null } };
  const exhaustion = mayBeExhausted(iterator, fn, ctx);
  return exhaustion === null ? null : { fn, iterator, exhaustion };
}

/**
 * `for n in it: ... next(it)`: the loop takes items from the same iterator, so on the last one the
 * `next()` finds it exhausted, whatever the iterator's origin (twisted's `_tokenize` on a trailing
 * backslash).
 */
function insideLoopOver(call: SyntaxNode, iterator: SyntaxNode, fn: FunctionInfo, ctx: RuleContext): boolean {
  if (iterator.type !== 'identifier' && iterator.type !== 'attribute') return false;
  const written = ctx.text.slice(iterator.startIndex, iterator.endIndex);
  for (let current = call.parent; current !== null && current.id !== fn.node.id; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition') return false;
    if (current.type !== 'for_statement') continue;
    const right = current.childForFieldName('right');
    const body = current.childForFieldName('body');
    if (right === null || body === null || call.startIndex < body.startIndex) continue;
    if (ctx.text.slice(right.startIndex, right.endIndex) === written) return true;
  }
  return false;
}

/** The def a generator expression runs in (its conditions and locals decide), or the function itself. */
function definingFunction(fn: FunctionInfo): FunctionInfo {
  let owner: FunctionInfo = fn;
  while (owner.kind !== 'def' && owner.parent !== null) owner = owner.parent;
  return owner;
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

function stopIterationSite(fn: FunctionInfo, ctx: RuleContext): { site: SyntaxNode; param: string | null } | null {
  const start = fn.node.startIndex;
  const end = fn.node.endIndex;
  for (const name of occurrencesOf(ctx.model, 'StopIteration', start, end)) {
    const parent = name.parent;
    const raise = parent?.type === 'raise_statement' ? parent : parent?.type === 'call' && parent.parent?.type === 'raise_statement' && parent.childForFieldName('function')?.id === name.id ? parent.parent : null;
    if (raise === null || raise.childForFieldName('cause')?.id === name.id) continue;
    if (frameFunction(raise, ctx)?.node.id !== fn.node.id || isGuarded(raise, fn.node, ctx.text)) continue;
    if (!resolverFor(ctx).isBuiltin('StopIteration', raise)) continue;
    return { site: raise, param: null };
  }
  for (const name of occurrencesOf(ctx.model, 'next', start, end)) {
    const call = name.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== name.id) continue;
    // Only a `next()` on what a caller passes in: an iterator the helper finds elsewhere (an
    // attribute, a file) is judged where the helper is, by its own callers' knowledge we lack.
    const site = unguardedNext(call, fn, ctx);
    if (site !== null && site.exhaustion.param !== null) return { site: call, param: site.exhaustion.param };
  }
  return null;
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

function calledOnOwnClass(call: SyntaxNode, helper: FunctionInfo, generator: FunctionInfo): boolean {
  const receiver = call.childForFieldName('function')?.childForFieldName('object');
  if (receiver?.type !== 'identifier' || (receiver.text !== 'self' && receiver.text !== 'cls')) return false;
  return definingFunction(generator).enclosingClass?.id === helper.enclosingClass?.id;
}

function callerTestsArgument(call: SyntaxNode, helper: RaisingHelper, ctx: RuleContext): boolean {
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
