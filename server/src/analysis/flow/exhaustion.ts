// "Can this iterator run out here?" for GEN004: follows an iterator expression back to where it comes
// from (a parameter, a local, an attribute, a call) and answers yes unless the code shows it cannot —
// an infinite source, a non-empty literal, a test of the container earlier in the function, or, for a
// private helper's parameter, callers that all test what they pass.

import type { SyntaxNode } from '../../parser.js';
import type { Binding, FunctionInfo, SemanticModel } from '../model/semantic.js';
import type { WorkspaceIndex } from '../workspace/index.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { resolverFor } from '../workspace/resolve.js';

export interface ExhaustionContext {
  readonly model: SemanticModel;
  readonly text: string;
  readonly index: WorkspaceIndex | undefined;
  readonly moduleName: string | undefined;
}

/** Why an iterator may run out, with the caller that does not guard it when the reason is a private helper's parameter. */
export interface Exhaustion {
  /** The parameter of the function the iterator comes from, if it does. */
  readonly param: string | null;
  /** A call of a private helper that passes an argument not shown to be non-empty. */
  readonly unguardedCaller: SyntaxNode | null;
}

const MAY_RUN_OUT: Exhaustion = { param: null, unguardedCaller: null };

const INFINITE_ITERATORS = new Set(['itertools.count', 'itertools.cycle', 'itertools.repeat']);

/** For each lazy builtin wrapper, the arguments whose exhaustion ends it. */
const WRAPPING_BUILTINS = new Map<string, (args: SyntaxNode[]) => SyntaxNode[]>([
  ['iter', (args) => (args.length === 1 ? args : [])],
  ['enumerate', (args) => args.slice(0, 1)],
  ['reversed', (args) => args.slice(0, 1)],
  ['sorted', (args) => args.slice(0, 1)],
  ['list', (args) => args.slice(0, 1)],
  ['tuple', (args) => args.slice(0, 1)],
  ['zip', (args) => args],
  ['map', (args) => args.slice(1)],
]);

const LITERAL_CONTAINERS = new Set(['list', 'tuple', 'set', 'dictionary', 'string', 'concatenated_string']);

const MAX_DEPTH = 8;

function positionalArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.filter((a) => a.type !== 'comment' && a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
}

function unparenthesized(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1 && current.firstNamedChild !== null) current = current.firstNamedChild;
  return current;
}

/** A literal container with at least one element (a string with at least one character). */
function isNonEmptyLiteral(node: SyntaxNode, text: string): boolean {
  if (!LITERAL_CONTAINERS.has(node.type)) return false;
  if (node.type === 'string' || node.type === 'concatenated_string') return !/^[a-zA-Z]*("|'){1,3}\1*$/.test(text.slice(node.startIndex, node.endIndex).replace(/("""|'''|"|')$/, '$1'));
  return node.namedChildren.some((c) => c.type !== 'comment');
}

/**
 * Whether `iterator`, evaluated where it is written inside `fn`, can be shown to run out: it comes
 * from a parameter (the caller may pass an empty iterable; for a private helper, only when a caller
 * passes an argument it did not test), an element of one, an attribute (`next(self.file)`), a file,
 * a finite `islice`/`repeat(x, n)`, or a generator function of this file that can return — directly or
 * through lazy wrappers (`iter`, `enumerate`, `zip`, `map`, `csv.reader`). Null when the code shows it
 * cannot (an infinite source, a non-empty literal, a generator that never returns) and when its origin
 * is unknown (the result of some other call, a value unpacked from a tuple): the author may know it
 * holds enough items, which the analysis cannot check.
 */
export function mayBeExhausted(iterator: SyntaxNode, fn: FunctionInfo, ctx: ExhaustionContext, depth = 0, seen: Set<number> = new Set()): Exhaustion | null {
  if (depth > MAX_DEPTH) return null;
  const node = unparenthesized(iterator);
  const text = ctx.text;
  if (LITERAL_CONTAINERS.has(node.type)) return isNonEmptyLiteral(node, text) ? null : MAY_RUN_OUT;
  if (node.type === 'call') return callMayBeExhausted(node, fn, ctx, depth, seen);
  if (node.type === 'attribute') return attributeMayBeExhausted(node, ctx);
  if (node.type !== 'identifier') return null;
  const name = text.slice(node.startIndex, node.endIndex);
  const found = ctx.model.resolve(name, ctx.model.scopeOf(node));
  if (found === null || found.bindings.length === 0) return null;
  let result: Exhaustion | null = null;
  let judgedAny = false;
  for (const binding of found.bindings) {
    // A binding met again (`it = iter(it)`) adds nothing to what its other bindings say.
    if (seen.has(binding.node.id)) continue;
    seen.add(binding.node.id);
    judgedAny = true;
    const judged = bindingMayBeExhausted(binding, name, found.scope.function, fn, ctx, depth, seen);
    // Every binding must be shown to run out; one that cannot, or of unknown origin, silences.
    if (judged === null) return null;
    result = result === null || (result.param === null && judged.param !== null) ? judged : result;
  }
  // Every binding was met before, on the way here: the bindings being judged further out decide.
  return judgedAny ? result : MAY_RUN_OUT;
}

/**
 * `self.lines`, `cls.source`, `param.items`: state of the object the method works on, or of what a
 * caller passed — a file at its end, an iterator some other method drained. An attribute of anything
 * else (a module, a local built by some call) is of unknown origin.
 */
function attributeMayBeExhausted(node: SyntaxNode, ctx: ExhaustionContext): Exhaustion | null {
  if (isInfiniteAttribute(node, ctx)) return null;
  const object = node.childForFieldName('object');
  if (object?.type !== 'identifier') return null;
  const name = object.text;
  const found = ctx.model.resolve(name, ctx.model.scopeOf(object));
  if (found === null || !found.bindings.every((b) => b.kind === 'param')) return null;
  const owner = found.scope.function;
  // The receiver of a method is what the method works on; another parameter is what a caller gave.
  if (name === 'self' || name === 'cls') return MAY_RUN_OUT;
  return owner === null ? null : paramMayBeExhausted(name, owner, ctx);
}

function bindingMayBeExhausted(binding: Binding, name: string, owner: FunctionInfo | null, fn: FunctionInfo, ctx: ExhaustionContext, depth: number, seen: Set<number>): Exhaustion | null {
  switch (binding.kind) {
    case 'param':
      return paramMayBeExhausted(name, owner, ctx);
    case 'assign':
      return binding.value === null ? null : mayBeExhausted(binding.value, fn, ctx, depth + 1, seen);
    case 'for': {
      // `for row in rows: r = iter(row)`: an element of a container that may run out may itself be empty.
      const loop = enclosingOfType(binding.node, ['for_statement', 'for_in_clause']);
      const iterable = loop?.childForFieldName('right') ?? null;
      return iterable === null ? null : mayBeExhausted(iterable, fn, ctx, depth + 1, seen);
    }
    case 'with': {
      // `with open(path) as f`: a file may be empty.
      const item = enclosingOfType(binding.node, ['with_item']);
      const value = item?.childForFieldName('value') ?? null;
      const opened = value?.type === 'as_pattern' ? value.firstNamedChild : value;
      return opened !== null && opened !== undefined && isOpenCall(opened, ctx) ? MAY_RUN_OUT : null;
    }
    default:
      return null;
  }
}

function enclosingOfType(node: SyntaxNode, types: readonly string[]): SyntaxNode | null {
  for (let current = node.parent, steps = 0; current !== null && steps < 8; current = current.parent, steps++) if (types.includes(current.type)) return current;
  return null;
}

function isOpenCall(node: SyntaxNode, ctx: ExhaustionContext): boolean {
  if (node.type !== 'call') return false;
  const callee = node.childForFieldName('function');
  if (callee?.type === 'identifier' && callee.text === 'open') return resolverFor(ctx).isBuiltin('open', node);
  const external = resolverFor(ctx).externalName(callee);
  return external === 'io.open' || external === 'codecs.open' || external === 'gzip.open' || external === 'bz2.open';
}

function callMayBeExhausted(call: SyntaxNode, fn: FunctionInfo, ctx: ExhaustionContext, depth: number, seen: Set<number>): Exhaustion | null {
  const text = ctx.text;
  const callee = call.childForFieldName('function');
  const positional = positionalArguments(call);
  const resolver = resolverFor(ctx);
  if (callee?.type === 'identifier') {
    const builtin = text.slice(callee.startIndex, callee.endIndex);
    if (resolver.isBuiltin(builtin, call)) {
      if (builtin === 'open') return MAY_RUN_OUT;
      const wrapped = WRAPPING_BUILTINS.get(builtin);
      if (wrapped === undefined) return null;
      // A wrapper runs out when one of what it wraps does.
      let first: Exhaustion | null = null;
      for (const arg of wrapped(positional)) {
        const judged = mayBeExhausted(arg, fn, ctx, depth + 1, seen);
        if (judged !== null && first === null) first = judged;
      }
      return first;
    }
  }
  if (isInfiniteCall(call, ctx)) return null;
  const external = resolver.externalName(callee);
  if (external === 'csv.reader' || external === 'csv.DictReader') return positional[0] === undefined ? null : mayBeExhausted(positional[0], fn, ctx, depth + 1, seen);
  if (external === 'itertools.repeat') return MAY_RUN_OUT;
  if (external === 'itertools.islice') {
    // `islice(it, stop)` and `islice(it, start, stop)` stop; `islice(it, start, None)` runs as long as `it`.
    const stop = positional.length === 2 ? positional[1] : positional[2];
    if (stop !== undefined && stop.type !== 'none') return MAY_RUN_OUT;
    return positional[0] === undefined ? null : mayBeExhausted(positional[0], fn, ctx, depth + 1, seen);
  }
  const generator = calledGeneratorFunction(call, ctx);
  if (generator !== null) return neverReturns(generator, ctx) ? null : MAY_RUN_OUT;
  return null;
}

/** The same-file def a call calls, when it can be found: a function by name, or `self.method(...)`. */
function calledGeneratorFunction(call: SyntaxNode, ctx: ExhaustionContext): FunctionInfo | null {
  const callee = call.childForFieldName('function');
  if (callee === null) return null;
  const resolved = resolverFor(ctx).resolveCall(call);
  if (resolved.kind === 'function' && resolved.module === null && resolved.node !== null) {
    const fn = ctx.model.functionForNode(resolved.node);
    return fn?.isGenerator === true ? fn : null;
  }
  if (callee.type !== 'attribute') return null;
  const object = callee.childForFieldName('object');
  const attribute = callee.childForFieldName('attribute');
  if (object?.type !== 'identifier' || attribute === null) return null;
  const receiver = ctx.text.slice(object.startIndex, object.endIndex);
  if (receiver !== 'self' && receiver !== 'cls') return null;
  const method = ctx.text.slice(attribute.startIndex, attribute.endIndex);
  const classNode = enclosingClassOf(call);
  if (classNode === null) return null;
  const found = ctx.model.functions.find((f) => f.kind === 'def' && f.enclosingClass?.id === classNode.id && f.name === method);
  return found?.isGenerator === true ? found : null;
}

function enclosingClassOf(node: SyntaxNode): SyntaxNode | null {
  for (let current = node.parent; current !== null; current = current.parent) if (current.type === 'class_definition') return current;
  return null;
}

const neverReturnsCache = new WeakMap<SyntaxNode, boolean>();

/**
 * A generator whose body ends in `while True:` (or `while 1:`) without a `break` of that loop and has
 * no `return`: it can only stop by an exception, so `next()` on it never raises StopIteration.
 */
export function neverReturns(fn: FunctionInfo, ctx: Pick<ExhaustionContext, 'text'>): boolean {
  const cached = neverReturnsCache.get(fn.node);
  if (cached !== undefined) return cached;
  const body = fn.node.childForFieldName('body');
  const last = body?.namedChildren.filter((c) => c.type !== 'comment').at(-1) ?? null;
  let result = false;
  if (body !== null && last !== null && last.type === 'while_statement') {
    const condition = last.childForFieldName('condition');
    const conditionText = condition === null ? '' : ctx.text.slice(condition.startIndex, condition.endIndex);
    if (conditionText === 'True' || conditionText === '1') result = !containsOwnJump(body, last);
  }
  neverReturnsCache.set(fn.node, result);
  return result;
}

/** A `return` anywhere in the frame, or a `break` that leaves `loop` itself (not a nested loop). */
function containsOwnJump(body: SyntaxNode, loop: SyntaxNode): boolean {
  const visit = (node: SyntaxNode, loopDepth: number): boolean => {
    for (const child of node.namedChildren) {
      switch (child.type) {
        case 'function_definition':
        case 'class_definition':
        case 'lambda':
          continue;
        case 'return_statement':
          return true;
        case 'break_statement':
          if (loopDepth === 1) return true;
          continue;
        case 'for_statement':
        case 'while_statement':
          if (visit(child, child.id === loop.id ? 1 : loopDepth > 0 ? loopDepth + 1 : 0)) return true;
          continue;
        default:
          if (visit(child, loopDepth)) return true;
      }
    }
    return false;
  };
  return visit(body, 0);
}

/** `_helper` (not a dunder) defined with `def`. */
export function isPrivateHelper(fn: FunctionInfo | null): boolean {
  if (fn === null || fn.kind !== 'def') return false;
  return fn.name.startsWith('_') && !(fn.name.startsWith('__') && fn.name.endsWith('__'));
}

/**
 * A parameter may hold an empty iterable, unless the function is a private helper whose every caller
 * in this file passes something it tested (or a non-empty literal). A helper with no caller here
 * is called from elsewhere, out of sight: silent.
 */
function paramMayBeExhausted(name: string, owner: FunctionInfo | null, ctx: ExhaustionContext): Exhaustion | null {
  if (owner === null || owner.kind !== 'def') return { param: name, unguardedCaller: null };
  if (!isPrivateHelper(owner)) return { param: name, unguardedCaller: null };
  const callers = callsOf(owner, ctx);
  if (callers.length === 0) return null;
  const position = parameterPosition(owner, name);
  if (position === null) return null;
  for (const call of callers) {
    const argument = argumentFor(call, position, name);
    // An omitted argument takes the default; star arguments cannot be matched: neither is judged.
    if (argument === null) continue;
    if (!argumentShownNonEmpty(argument, call, ctx)) return { param: name, unguardedCaller: call };
  }
  return null;
}

/** The 0-based position of a parameter among those a call passes (after `self`/`cls` for a method). */
function parameterPosition(fn: FunctionInfo, name: string): { index: number; skipsReceiver: boolean } | null {
  const parameters = fn.node.childForFieldName('parameters')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  const names = parameters.map((p) => (p.type === 'identifier' ? p.text : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier'))?.text ?? ''));
  const index = names.indexOf(name);
  if (index < 0 || parameters[index]?.type === 'list_splat_pattern' || parameters[index]?.type === 'dictionary_splat_pattern') return null;
  const isStatic = fn.decorators.some((d) => d.text === 'staticmethod');
  const skipsReceiver = fn.enclosingClass !== null && !isStatic;
  return { index, skipsReceiver };
}

/** Calls of `fn` in this file: `name(...)` for a function, `x.name(...)` for a method. */
export function callsOf(fn: FunctionInfo, ctx: ExhaustionContext): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  for (const occurrence of occurrencesOf(ctx.model, fn.name)) {
    const parent = occurrence.parent;
    if (parent === null) continue;
    if (fn.enclosingClass === null && parent.type === 'call' && parent.childForFieldName('function')?.id === occurrence.id) {
      const found = ctx.model.resolve(fn.name, ctx.model.scopeOf(occurrence));
      if (found?.bindings.some((b) => b.node.id === fn.node.id) === true) calls.push(parent);
    } else if (fn.enclosingClass !== null && parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === occurrence.id) {
      // A method's callers are looked for in its class only (`self._helper(...)`): elsewhere the
      // receiver could be anything with a method of that name.
      if (occurrence.startIndex < fn.enclosingClass.startIndex || occurrence.endIndex > fn.enclosingClass.endIndex) continue;
      const call = parent.parent;
      if (call?.type === 'call' && call.childForFieldName('function')?.id === parent.id) calls.push(call);
    }
  }
  return calls;
}

function argumentFor(call: SyntaxNode, position: { index: number; skipsReceiver: boolean }, name: string): SyntaxNode | null {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return null;
  const callee = call.childForFieldName('function');
  // `Class.method(obj, xs)` passes the receiver explicitly; `self.method(xs)` does not.
  const receiverIsBound = callee?.type === 'attribute' && position.skipsReceiver && !/^[A-Z]/.test(callee.childForFieldName('object')?.text ?? '');
  const index = receiverIsBound ? position.index - 1 : position.index;
  for (const arg of args) {
    if (arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === name) return arg.childForFieldName('value');
  }
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  return positional[index] ?? null;
}

/**
 * What a caller passes is shown to be non-empty: a non-empty literal (or a local bound only to one),
 * or an expression tested in a condition earlier in the caller (`if ips: _find_address_range(ips)`).
 */
export function argumentShownNonEmpty(argument: SyntaxNode, call: SyntaxNode, ctx: ExhaustionContext): boolean {
  const caller = ctx.model.enclosingFunction(call);
  const node = unparenthesized(argument);
  if (isNonEmptyLiteral(node, ctx.text)) return true;
  if (caller !== null && node.type === 'identifier') {
    const found = ctx.model.resolve(node.text, ctx.model.scopeOf(node));
    if (found !== null && found.bindings.length > 0 && found.bindings.every((b) => b.kind === 'assign' && b.value !== null && isNonEmptyLiteral(unparenthesized(b.value), ctx.text))) return true;
  }
  if (caller === null) return false;
  const sources = [ctx.text.slice(node.startIndex, node.endIndex)];
  // `iter(xs)` or `sorted(xs)` passed on: a test of `xs` counts.
  if (node.type === 'call') for (const arg of positionalArguments(node).slice(0, 1)) sources.push(ctx.text.slice(arg.startIndex, arg.endIndex));
  return testedBefore(sources, call.startIndex, caller, ctx);
}

/** One of the texts is part of a condition tested before `offset` in `fn` (an `if`, `while`, `assert`). */
export function testedBefore(sources: readonly string[], offset: number, fn: FunctionInfo, ctx: ExhaustionContext): boolean {
  for (const condition of conditionsOf(fn, ctx)) {
    if (condition.start >= offset) break;
    for (const source of sources) if (source !== '' && containsWord(condition.text, source)) return true;
  }
  return false;
}

/** `itertools.count()`, `cycle(...)`, `repeat(x)` without `times`: iterators that never raise StopIteration. */
export function isInfiniteCall(value: SyntaxNode | null, ctx: ExhaustionContext): boolean {
  if (value === null || value.type !== 'call') return false;
  const name = resolverFor(ctx).externalName(value.childForFieldName('function'));
  if (name === 'itertools.chain') {
    // `chain([first], repeat(x))` never ends when its last part does not.
    const parts = positionalArguments(value);
    const last = parts.at(-1);
    return parts.length === (value.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment').length ?? -1) && last !== undefined && isInfiniteCall(last, ctx);
  }
  if (name === null || !INFINITE_ITERATORS.has(name)) return false;
  if (name !== 'itertools.repeat') return true;
  const args = value.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return args.length === 1 && args[0]?.type !== 'keyword_argument' && args[0]?.type !== 'list_splat';
}

export function isInfinite(iterator: SyntaxNode, ctx: ExhaustionContext): boolean {
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
function isInfiniteAttribute(iterator: SyntaxNode, ctx: ExhaustionContext): boolean {
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
export function emptinessChecked(iterator: SyntaxNode, call: SyntaxNode, fn: FunctionInfo, ctx: ExhaustionContext): boolean {
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
  if (iterator.type === 'attribute') sources.push(text.slice(iterator.startIndex, iterator.endIndex));
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
function conditionsOf(fn: FunctionInfo, ctx: ExhaustionContext): { start: number; text: string }[] {
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

