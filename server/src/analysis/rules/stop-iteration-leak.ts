// GEN004 stop-iteration-leak: StopIteration escaping a generator body, which PEP 479 turns into
// RuntimeError — `raise StopIteration` and `next(it)` without a default outside a handler for it.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo } from '../model/semantic.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { dottedName } from '../workspace/summary.js';
import { resolverFor } from '../workspace/resolve.js';
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

A \`next(it)\` is reported when the iterator can be shown to run out: it comes from a parameter of the
generator (\`next(items)\`, \`next(iter(items))\`, \`it = iter(items); next(it)\`, or a lazy wrapper of
one: \`enumerate\`, \`zip\`, \`map\`, \`filter\`, \`reversed\`, \`csv.reader\` — the caller may pass an
empty iterable, or an odd number of items to a pairing loop; parameters of private \`_helpers\` do
not count, as their callers in the same module usually guarantee the input), or from a finite
\`itertools.repeat(x, n)\` or \`islice\`. An iterator over something built elsewhere — a closure
variable, an attribute, a local container, a tokenizer that always ends with a marker — is often known
by its author to hold enough items, which the analysis cannot check, so it stays silent there.

It also stays silent where the iterator cannot run out or where the code shows it checked: \`next()\` on
\`itertools.count()\`, \`itertools.cycle(...)\` or \`itertools.repeat(x)\` without \`times\` (however they were
imported, directly or through a name or attribute bound only to them), and \`next(iter(x))\` or
\`next(it)\` with \`it = iter(x)\` when \`x\` was tested earlier in the function (\`if x:\`,
\`if not x: return\`, \`assert len(x) > 1\`, …).`,
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

const INFINITE_ITERATORS = new Set(['itertools.count', 'itertools.cycle', 'itertools.repeat']);

function checkNextCall(call: SyntaxNode, owner: FunctionInfo, ctx: RuleContext): void {
  const callee = call.childForFieldName('function');
  if (callee === null || callee.type !== 'identifier' || ctx.text.slice(callee.startIndex, callee.endIndex) !== 'next') return;
  const args = call.childForFieldName('arguments');
  if (args === null || args.type !== 'argument_list') return;
  const argList = args.namedChildren.filter((c) => c.type !== 'comment');
  // `next(it, default)` cannot raise StopIteration; `next(*args)` is not something we can judge.
  if (argList.length !== 1) return;
  const iterator = argList[0];
  if (iterator === undefined || iterator.type === 'list_splat' || iterator.type === 'keyword_argument') return;
  const fn = frameFunction(call, ctx);
  if (fn === null || fn.node.id !== owner.node.id) return;
  const resolver = resolverFor(ctx);
  if (!resolver.isBuiltin('next', call)) return;
  if (isGuarded(call, fn.node, ctx.text)) return;
  if (isInfinite(iterator, ctx)) return;
  if (emptinessChecked(iterator, call, fn, ctx)) return;
  if (!mayRunOut(iterator, fn, ctx, 0)) return;
  const where = fn.kind === 'genexp' ? 'a generator expression' : `generator \`${fn.name}\``;
  const iteratorText = ctx.text.slice(iterator.startIndex, iterator.endIndex);
  ctx.report({
    node: call,
    message: `\`next(${iteratorText})\` in ${where} is not guarded: when the iterator is exhausted, StopIteration becomes RuntimeError (generator raised StopIteration, PEP 479); catch StopIteration or pass a default`,
    ...(fn.kind === 'def' ? nextFix(call, ctx) : {}),
  });
}

/**
 * `_helper` (not a dunder): its callers are in the same module and typically guarantee the input is
 * non-empty (`if ips: _find_address_range(ips)`), a precondition the analysis cannot see. For a
 * generator expression, the function it runs in decides.
 */
function isPrivateHelper(fn: FunctionInfo): boolean {
  let owner: FunctionInfo | null = fn;
  while (owner !== null && owner.kind !== 'def') owner = owner.parent;
  if (owner === null) return false;
  return owner.name.startsWith('_') && !(owner.name.startsWith('__') && owner.name.endsWith('__'));
}

/** For each lazy builtin wrapper, the arguments whose exhaustion ends it. */
const WRAPPING_BUILTINS = new Map<string, (args: SyntaxNode[]) => SyntaxNode[]>([
  ['iter', (args) => (args.length === 1 ? args : [])],
  ['enumerate', (args) => args.slice(0, 1)],
  ['reversed', (args) => args.slice(0, 1)],
  ['zip', (args) => args],
  ['map', (args) => args.slice(1)],
  ['filter', (args) => args.slice(1, 2)],
]);

const FINITE_ITERATOR_FACTORIES = new Set(['itertools.islice']);

/**
 * Whether the iterator can be shown to run out: it comes from a parameter of the generator (the caller
 * decides what it holds, an empty iterable included), or from a finite `repeat(x, n)`/`islice`. An
 * iterator over something built elsewhere (a closure variable, an attribute, a local container) is
 * often known to its author to be non-empty, which this analysis cannot check: it stays silent there.
 */
function mayRunOut(iterator: SyntaxNode, fn: FunctionInfo, ctx: RuleContext, depth: number): boolean {
  if (depth > 4) return false;
  const text = ctx.text;
  if (iterator.type === 'call') {
    const callee = iterator.childForFieldName('function');
    const args = iterator.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
    const resolver = resolverFor(ctx);
    const builtin = callee?.type === 'identifier' ? text.slice(callee.startIndex, callee.endIndex) : null;
    if (builtin !== null && resolver.isBuiltin(builtin, iterator)) {
      // Lazy wrappers run out when what they wrap does: `iter(xs)`, `enumerate(xs)`, `zip(xs, ys)`, `map(f, xs)`.
      const wrapped = WRAPPING_BUILTINS.get(builtin);
      if (wrapped !== undefined) return wrapped(positional).some((arg) => mayRunOut(arg, fn, ctx, depth + 1));
    }
    const name = resolver.externalName(callee);
    if (name === 'csv.reader' || name === 'csv.DictReader') return positional[0] !== undefined && mayRunOut(positional[0], fn, ctx, depth + 1);
    if (name === 'itertools.repeat') return args.length === 2 || args.some((a) => a.type === 'keyword_argument');
    return name !== null && FINITE_ITERATOR_FACTORIES.has(name);
  }
  if (iterator.type !== 'identifier') return false;
  const found = ctx.model.resolve(text.slice(iterator.startIndex, iterator.endIndex), ctx.model.scopeOf(iterator));
  if (found === null || found.bindings.length === 0) return false;
  // The generator's own parameters; for a generator expression, those of the function it runs in.
  const ownScope = found.scope === fn.scope || (fn.kind === 'genexp' && found.scope.kind === 'function' && found.scope.function?.kind === 'def');
  if (!ownScope) return false;
  return found.bindings.every((binding) => {
    if (binding.kind === 'param') return !isPrivateHelper(fn);
    if (binding.kind === 'assign' && binding.value !== null) return mayRunOut(binding.value, fn, ctx, depth + 1);
    return false;
  });
}

/** `itertools.count()`, `cycle(...)`, `repeat(x)` without `times`: iterators that never raise StopIteration. */
function isInfiniteCall(value: SyntaxNode | null, ctx: RuleContext): boolean {
  if (value === null || value.type !== 'call') return false;
  const name = resolverFor(ctx).externalName(value.childForFieldName('function'));
  if (name === null || !INFINITE_ITERATORS.has(name)) return false;
  if (name !== 'itertools.repeat') return true;
  const args = value.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return args.length === 1 && args[0]?.type !== 'keyword_argument' && args[0]?.type !== 'list_splat';
}

function isInfinite(iterator: SyntaxNode, ctx: RuleContext): boolean {
  if (iterator.type === 'call') return isInfiniteCall(iterator, ctx);
  if (iterator.type === 'identifier') {
    const name = ctx.text.slice(iterator.startIndex, iterator.endIndex);
    const found = ctx.model.resolve(name, ctx.model.scopeOf(iterator));
    if (found === null || found.bindings.length === 0) return false;
    return found.bindings.every((b) => b.kind === 'assign' && isInfiniteCall(b.value, ctx));
  }
  if (iterator.type === 'attribute') return isInfiniteAttribute(iterator, ctx);
  return false;
}

const attributeCache = new WeakMap<object, Map<string, boolean>>();

/**
 * `self._ids` / `cls._ids` / `Klass._ids` where every assignment to that attribute in the class
 * (`self._ids = count()` in any method, `_ids = count()` in the class body) makes an infinite iterator.
 */
function isInfiniteAttribute(iterator: SyntaxNode, ctx: RuleContext): boolean {
  const object = iterator.childForFieldName('object');
  const attribute = iterator.childForFieldName('attribute');
  if (object === null || attribute === null || object.type !== 'identifier') return false;
  const attrName = ctx.text.slice(attribute.startIndex, attribute.endIndex);
  let classNode: SyntaxNode | null = null;
  for (let current = iterator.parent; current !== null; current = current.parent) {
    if (current.type === 'class_definition') {
      classNode = current;
      break;
    }
  }
  if (classNode === null) return false;
  let perModel = attributeCache.get(ctx.model);
  if (perModel === undefined) {
    perModel = new Map();
    attributeCache.set(ctx.model, perModel);
  }
  const key = `${classNode.id}:${attrName}`;
  const cached = perModel.get(key);
  if (cached !== undefined) return cached;
  let seen = 0;
  let allInfinite = true;
  const cursor = classNode.walk();
  const text = ctx.text;
  const classBody = classNode.childForFieldName('body');
  for (let more = cursor.gotoFirstChild(); more;) {
    if (cursor.nodeType === 'assignment' || cursor.nodeType === 'augmented_assignment') {
      const node = cursor.currentNode;
      const left = node.childForFieldName('left');
      const leftText = left === null ? '' : text.slice(left.startIndex, left.endIndex);
      const isClassLevel = left?.type === 'identifier' && leftText === attrName && node.parent?.parent?.id === classBody?.id;
      const isInstance = left?.type === 'attribute' && /^(self|cls|\w+)\.(\w+)$/.exec(leftText)?.[2] === attrName;
      if (isClassLevel || isInstance) {
        seen++;
        if (node.type !== 'assignment' || !isInfiniteCall(node.childForFieldName('right'), ctx)) allInfinite = false;
      }
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || cursor.currentDepth === 0) {
        more = false;
        break;
      }
    }
  }
  const result = seen > 0 && allInfinite;
  perModel.set(key, result);
  return result;
}

/**
 * `next(iter(x))` or `next(it)` with `it = iter(x)` where `x` (or `it`) appears in an `if`, `elif`,
 * `while` or `assert` condition earlier in the function: the code checked the iterable is not empty,
 * which the analysis cannot verify but should not contradict.
 */
function emptinessChecked(iterator: SyntaxNode, call: SyntaxNode, fn: FunctionInfo, ctx: RuleContext): boolean {
  const sources: string[] = [];
  const text = ctx.text;
  const iterArgument = (node: SyntaxNode | null): SyntaxNode | null => {
    if (node === null || node.type !== 'call') return null;
    const callee = node.childForFieldName('function');
    if (callee === null || callee.type !== 'identifier' || text.slice(callee.startIndex, callee.endIndex) !== 'iter') return null;
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    return args.length === 1 ? args[0] ?? null : null;
  };
  const direct = iterArgument(iterator);
  if (direct !== null) sources.push(text.slice(direct.startIndex, direct.endIndex));
  if (iterator.type === 'identifier') {
    const name = text.slice(iterator.startIndex, iterator.endIndex);
    sources.push(name);
    const bindings = fn.scope.bindings.get(name) ?? [];
    for (const binding of bindings) {
      const source = iterArgument(binding.value);
      if (source !== null) sources.push(text.slice(source.startIndex, source.endIndex));
    }
  }
  if (sources.length === 0) return false;
  const conditions = conditionsOf(fn, ctx);
  for (const condition of conditions) {
    if (condition.start >= call.startIndex) break;
    for (const source of sources) {
      if (containsWord(condition.text, source)) return true;
    }
  }
  return false;
}

function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack.charCodeAt(at - 1);
    const after = haystack.charCodeAt(at + needle.length);
    const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
    if ((at === 0 || !isWord(before)) && (Number.isNaN(after) || !isWord(after))) return true;
    from = at + 1;
  }
}

const conditionCache = new WeakMap<SyntaxNode, { start: number; text: string }[]>();
const CONDITION_HOLDERS = new Set(['if_statement', 'elif_clause', 'while_statement', 'assert_statement', 'conditional_expression']);

/** The conditions tested in the function's own body, in source order (computed once per function). */
function conditionsOf(fn: FunctionInfo, ctx: RuleContext): { start: number; text: string }[] {
  const cached = conditionCache.get(fn.node);
  if (cached !== undefined) return cached;
  const result: { start: number; text: string }[] = [];
  const cursor = fn.node.walk();
  for (let more = cursor.gotoFirstChild(); more;) {
    if (CONDITION_HOLDERS.has(cursor.nodeType)) {
      const node = cursor.currentNode;
      const condition = node.type === 'assert_statement' ? node : node.type === 'conditional_expression' ? node.namedChildren[1] ?? null : node.childForFieldName('condition');
      if (condition !== null) result.push({ start: condition.startIndex, text: ctx.text.slice(condition.startIndex, condition.endIndex) });
    }
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || cursor.currentDepth === 0) {
        more = false;
        break;
      }
    }
  }
  result.sort((a, b) => a.start - b.start);
  conditionCache.set(fn.node, result);
  return result;
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
