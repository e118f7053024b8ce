// Where StopIteration can leave a function: the frame a node runs in, the handlers that catch
// StopIteration around it, and the unguarded `next()` calls and `raise StopIteration` statements of a
// body. GEN004 asks it about generators; the module summaries ask it about ordinary functions, so that
// a generator calling a raising helper of another module is reported at the call.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo } from '../model/semantic.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { dottedName } from '../workspace/summary.js';
import { resolverFor } from '../workspace/resolve.js';
import { emptinessChecked, isInfinite, mayBeExhausted, type Exhaustion, type ExhaustionContext } from './exhaustion.js';

/** What these queries read: the model and text, and the index and module name for resolving names. */
export type StopIterationContext = ExhaustionContext & { readonly file?: string };

/** The def, lambda or generator expression whose frame evaluates `node`; null at module or class level. */
export function frameFunction(node: SyntaxNode, ctx: StopIterationContext): FunctionInfo | null {
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

export function isCheckedGenerator(fn: FunctionInfo | null): fn is FunctionInfo {
  if (fn === null || !fn.isGenerator || fn.hasSyntaxError) return false;
  // `__next__` implements the iterator protocol by raising StopIteration; it is not our concern.
  return fn.name !== '__next__' && fn.name !== '__anext__';
}

const CATCHES_STOP_ITERATION = new Set(['StopIteration', 'Exception', 'BaseException']);

export function handlerCatches(clause: SyntaxNode, text: string, names: ReadonlySet<string>): boolean {
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
export function isGuarded(node: SyntaxNode, frame: SyntaxNode, text: string): boolean {
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


export interface NextSite {
  fn: FunctionInfo;
  iterator: SyntaxNode;
  exhaustion: Exhaustion;
}

/**
 * A `next(it)` without a default, evaluated in `owner`'s own frame, not under a handler for
 * StopIteration, whose iterator may be exhausted there (see `mayBeExhausted`); null otherwise.
 */
export function unguardedNext(call: SyntaxNode, owner: FunctionInfo, ctx: StopIterationContext): NextSite | null {
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
function insideLoopOver(call: SyntaxNode, iterator: SyntaxNode, fn: FunctionInfo, ctx: StopIterationContext): boolean {
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
export function definingFunction(fn: FunctionInfo): FunctionInfo {
  let owner: FunctionInfo = fn;
  while (owner.kind !== 'def' && owner.parent !== null) owner = owner.parent;
  return owner;
}


export function stopIterationSite(fn: FunctionInfo, ctx: StopIterationContext): { site: SyntaxNode; param: string | null } | null {
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
  const parameters = parameterNames(fn);
  if (parameters.size === 0) return null;
  for (const name of occurrencesOf(ctx.model, 'next', start, end)) {
    const call = name.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== name.id) continue;
    // Only an iterator that mentions a parameter can be one the caller passes in: the text tells, cheaply.
    const argumentsText = ctx.text.slice(call.childForFieldName('arguments')?.startIndex ?? 0, call.endIndex);
    if (![...argumentsText.matchAll(/[A-Za-z_]\w*/g)].some((word) => parameters.has(word[0]))) continue;
    // Only a `next()` on what a caller passes in: an iterator the helper finds elsewhere (an
    // attribute, a file) is judged where the helper is, by its own callers' knowledge we lack.
    const site = unguardedNext(call, fn, ctx);
    if (site !== null && site.exhaustion.param !== null) return { site: call, param: site.exhaustion.param };
  }
  return null;
}

function parameterNames(fn: FunctionInfo): Set<string> {
  const parameters = fn.node.childForFieldName('parameters');
  const names = new Set<string>();
  for (const word of (parameters?.text ?? '').matchAll(/[A-Za-z_]\w*/g)) names.add(word[0]);
  names.delete('self');
  names.delete('cls');
  return names;
}

