// Queries about `try` statements in generator frames: which parts can be suspended at a `yield`, which
// handlers catch GeneratorExit, and whether control can reach another `yield` after such a handler.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, Scope, SemanticModel } from '../model/semantic.js';
import { Exit, flowOf, handlerBlock, type FunctionFlow, type HeaderOf, type VisitResult } from './statements.js';

/** The exception classes whose handlers catch GeneratorExit (it derives from BaseException only). */
const CATCHES_GENERATOR_EXIT = new Set(['GeneratorExit', 'BaseException']);

/** Where a `yield` sits relative to a `try` statement of the same frame. */
export type TryRegion = 'body' | 'handler' | 'else' | 'finally';

export interface EnclosingTry {
  statement: SyntaxNode;
  region: TryRegion;
  /** For `handler`: the `except` clause. */
  handler: SyntaxNode | null;
}

/**
 * The `try` statements around `node` within its own frame, innermost first, with the region of each
 * that contains it. Only the frame's own statements are indexed, so a `try` outside a nested
 * def/lambda/class/genexp never counts for code inside it (that code runs in another frame).
 */
export function enclosingTries(node: SyntaxNode, fn: FunctionInfo): EnclosingTry[] {
  const found: EnclosingTry[] = [];
  for (const info of flowOf(fn).triesAround(node)) {
    const within = (block: SyntaxNode | null): boolean => block !== null && block.startIndex <= node.startIndex && node.endIndex <= block.endIndex;
    if (within(info.body)) found.push({ statement: info.node, region: 'body', handler: null });
    else if (within(info.orElse)) found.push({ statement: info.node, region: 'else', handler: null });
    else if (within(info.final)) found.push({ statement: info.node, region: 'finally', handler: null });
    else {
      const handler = info.handlers.find((candidate) => candidate.startIndex <= node.startIndex && node.endIndex <= candidate.endIndex);
      if (handler !== undefined) found.push({ statement: info.node, region: 'handler', handler });
    }
  }
  return found;
}

/** True when the frame can be suspended at a yield in the `try` body (the part its handlers guard). */
export function isTryBodySuspendable(statement: SyntaxNode, fn: FunctionInfo): boolean {
  const body = statement.childForFieldName('body');
  return body !== null && flowOf(fn).hasOwnYieldIn(body);
}

/**
 * The first yield at which the frame can be suspended while the `finally` of `statement` is still
 * pending: in the body, a handler or the `else` clause. Closing the generator there runs the `finally`.
 */
export function suspensionBeforeFinally(statement: SyntaxNode, fn: FunctionInfo): SyntaxNode | null {
  const parts = flowOf(fn).partsOf(statement);
  if (parts.final === null || parts.body === null) return null;
  const flow = flowOf(fn);
  // Everything from the body to the `finally` block: body, handlers and `else`.
  return flow.firstOwnYieldInRange(parts.body.startIndex, parts.final.startIndex);
}

/**
 * The `try` statements of the function's own frame whose body contains a `yield`: closing the
 * generator while it is suspended there raises GeneratorExit inside that body.
 */
export function suspendableTryBodies(fn: FunctionInfo): SyntaxNode[] {
  const flow = flowOf(fn);
  return flow
    .index()
    .tries.filter((info) => info.body !== null && flow.hasOwnYieldIn(info.body))
    .map((info) => info.node)
    .sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * The first yield in the body of `statement` at which closing the generator raises a GeneratorExit
 * that leaves the body, so that the statement's handlers see it; null when there is none. A yield
 * inside an inner `try` whose first handler catching GeneratorExit cannot re-raise (it returns or
 * carries on) does not count: that handler absorbs the exception before it gets out.
 */
export function generatorExitEntry(statement: SyntaxNode, fn: FunctionInfo, model: SemanticModel): SyntaxNode | null {
  const flow = flowOf(fn);
  const body = flow.partsOf(statement).body;
  if (body === null) return null;
  for (const yieldNode of flow.ownYieldsInRange(body.startIndex, body.endIndex)) {
    const absorber = innermostAbsorber(yieldNode, fn, model);
    // Absorbers nest, so only the innermost matters: inside this body it stops the exception here.
    if (absorber === null || absorber.startIndex < body.startIndex) return yieldNode;
  }
  return null;
}

const absorbers = new WeakMap<FunctionInfo, Map<number, SyntaxNode | null>>();

/**
 * The innermost `try` whose body contains `yieldNode` and whose first handler catching GeneratorExit
 * cannot re-raise: closing the generator at that yield ends there. Cached per yield.
 */
function innermostAbsorber(yieldNode: SyntaxNode, fn: FunctionInfo, model: SemanticModel): SyntaxNode | null {
  let cache = absorbers.get(fn);
  if (cache === undefined) {
    cache = new Map();
    absorbers.set(fn, cache);
  }
  const cached = cache.get(yieldNode.startIndex);
  if (cached !== undefined) return cached;
  const flow = flowOf(fn);
  let found: SyntaxNode | null = null;
  for (const inner of flow.triesAround(yieldNode)) {
    if (inner.body === null || !(inner.body.startIndex <= yieldNode.startIndex && yieldNode.endIndex <= inner.body.endIndex)) continue;
    const handler = inner.handlers.find((candidate) => catchesGeneratorExit(candidate, model, fn.scope));
    const block = handler === undefined ? null : handlerBlock(handler);
    if (block !== null && (flow.exitsOf(block) & Exit.raise) === 0) {
      found = inner.node;
      break;
    }
  }
  cache.set(yieldNode.startIndex, found);
  return found;
}

/**
 * True when the `except` clause catches GeneratorExit: a bare `except:`, `except GeneratorExit`,
 * `except BaseException` (also as `builtins.X`) or a tuple containing one of them — the builtin, not a
 * local rebinding of the name. `except Exception` does not (GeneratorExit derives from BaseException
 * alone); `except*` clauses are left out because they wrap what they catch in an exception group.
 */
export function catchesGeneratorExit(handler: SyntaxNode, model: SemanticModel, scope: Scope = model.scopeOf(handler)): boolean {
  if (handler.type !== 'except_clause') return false;
  if (handler.children.some((child) => child.type === '*')) return false;
  let value = handler.childForFieldName('value');
  if (value === null) {
    // Older grammars leave the value unnamed: the first named child that is not the block.
    value = handler.namedChildren.find((child) => child.type !== 'block' && child.type !== 'comment') ?? null;
  }
  if (value === null) return true;
  if (value.type === 'as_pattern') value = value.firstNamedChild;
  return value !== null && namesGeneratorExitCatcher(value, model, scope);
}

function namesGeneratorExitCatcher(node: SyntaxNode, model: SemanticModel, scope: Scope): boolean {
  switch (node.type) {
    case 'identifier':
      return CATCHES_GENERATOR_EXIT.has(node.text) && model.resolve(node.text, scope) === null;
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      return object?.type === 'identifier' && object.text === 'builtins' && attribute !== null && CATCHES_GENERATOR_EXIT.has(attribute.text);
    }
    case 'tuple':
    case 'parenthesized_expression':
      return node.namedChildren.some((child) => namesGeneratorExitCatcher(child, model, scope));
    default:
      // A name bound to a tuple, a call, ...: the analysis cannot tell, so it says no.
      return false;
  }
}

/** Human-readable form of the clause for messages: `except GeneratorExit`, `except:`... */
export function describeHandler(handler: SyntaxNode): string {
  const block = handlerBlock(handler);
  const header = handler.text.slice(0, block === null ? undefined : block.startIndex - handler.startIndex);
  const clause = header.replace(/#[^\n]*/g, '').replace(/\s+/g, ' ').replace(/\s*:\s*$/, '').trim();
  // A bare clause keeps its colon so that it reads as `except:` in messages.
  return clause === 'except' || clause === '' ? 'except:' : clause;
}

/**
 * The `yield` that control can reach after `handler` (an `except` clause of a generator's `try`)
 * completes without re-raising or returning, or null. Yields inside the handler itself are not counted
 * (that is a yield during close, reported by yield-in-finally), nor yields in `finally` blocks around
 * the handler, which run even when it re-raises. Loops are followed: a handler inside a
 * `while True:` whose body yields loops back to that yield. Where the code tests a flag that the
 * handler sets (`closed = True` ... `while not closed:`), the path is given up: the analysis cannot
 * tell which way the test goes, and false positives are worse than misses.
 */
export function yieldReachableAfterHandler(handler: SyntaxNode, fn: FunctionInfo): SyntaxNode | null {
  const block = handlerBlock(handler);
  if (block === null) return null;
  const flow = flowOf(fn);
  // The handler's `as` name and GeneratorExit itself count as flags too: `if isinstance(e,
  // GeneratorExit): raise` inspects what was caught, and the analysis does not evaluate the test.
  const flags = [...assignedNames(block, flow), ...inspectionNames(handler)];
  const flagPattern = flags.length === 0 ? null : new RegExp(`(?<![\\w.])(?:${flags.map(escapeRegExp).join('|')})(?!\\w)`);
  // Offsets as plain numbers: each read from a node is a native call, and this runs per visited node.
  const [handlerStart, handlerEnd] = [block.startIndex, block.endIndex];
  // `finally` blocks around the handler run whether or not it re-raises: their yields are
  // yield-in-finally's findings, not a consequence of swallowing GeneratorExit.
  const pendingFinals: Array<[number, number]> = [];
  for (const around of enclosingTries(handler, fn)) {
    const final = around.region === 'finally' ? null : flow.partsOf(around.statement).final;
    if (final !== null) pendingFinals.push([final.startIndex, final.endIndex]);
  }
  const within = (start: number, end: number, [from, to]: [number, number]): boolean => start >= from && end <= to;
  const mentionsFlag = (node: SyntaxNode | null): boolean => flagPattern !== null && node !== null && flagPattern.test(node.text);

  let reached: SyntaxNode | null = null;
  const visit = (node: SyntaxNode, header: HeaderOf | null): VisitResult => {
    // A condition that tests a flag the handler set: give the path up (see above).
    if (header?.role === 'condition' && mentionsFlag(node)) return 'stop';
    const [start, end] = [node.startIndex, node.endIndex];
    if (within(start, end, [handlerStart, handlerEnd]) || pendingFinals.some((range) => within(start, end, range))) return 'continue';
    const first = flow.firstOwnYieldInRange(start, end);
    if (first === null) return 'continue';
    reached = first;
    return 'found';
  };
  flow.explore([{ kind: 'blockStart', block }], visit);
  return reached;
}

/** The names through which a handler can inspect what it caught: its `as` name and GeneratorExit. */
function inspectionNames(handler: SyntaxNode): string[] {
  const names = ['GeneratorExit', 'exc_info'];
  const value = handler.childForFieldName('value');
  const alias = value?.type === 'as_pattern' ? value.childForFieldName('alias')?.firstNamedChild ?? null : null;
  if (alias?.type === 'identifier') names.push(alias.text);
  return names;
}

function inspectionPattern(handler: SyntaxNode): RegExp {
  return new RegExp(`(?<![\\w])(?:${inspectionNames(handler).map(escapeRegExp).join('|')})(?!\\w)`);
}

/** Names (and dotted attribute targets such as `self.closed`) assigned in a block: possible flags. */
function assignedNames(block: SyntaxNode, flow: FunctionFlow): string[] {
  const names = new Set<string>();
  const visitStatement = (statement: SyntaxNode): void => {
    if (statement.type === 'expression_statement') {
      for (const expression of statement.namedChildren) {
        if (expression.type !== 'assignment' && expression.type !== 'augmented_assignment') continue;
        const left = expression.childForFieldName('left');
        if (left !== null && (left.type === 'identifier' || left.type === 'attribute')) names.add(left.text);
      }
      return;
    }
    for (const child of statement.namedChildren) {
      if (child.type === 'block') for (const inner of flow.statementsOf(child)) visitStatement(inner);
      else if (child.type.endsWith('_clause')) visitStatement(child);
    }
  };
  for (const statement of flow.statementsOf(block)) visitStatement(statement);
  return [...names];
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A `yield` that can run while the generator is being closed, and why. */
export interface ClosingYield {
  yieldNode: SyntaxNode;
  /** `finally`: the `finally` block of `statement`; `handler`: a handler catching GeneratorExit. */
  region: 'finally' | 'handler';
  statement: SyntaxNode;
  handler: SyntaxNode | null;
  /** A yield where the generator can be suspended with that `finally` or handler pending. */
  suspension: SyntaxNode;
}

/**
 * The yields that can run while the generator is being closed: in a `finally` block whose `try` can be
 * suspended before it, or in a handler catching GeneratorExit whose `try` body can be suspended. Only
 * the first yield on each path through the block counts: once it has run during `close()`, CPython has
 * raised RuntimeError, and a later close throws GeneratorExit at that yield, so the yields after it do
 * not run during a close. Nested frames are not entered (their yields are not in `fn.yields`).
 */
export function closingYields(fn: FunctionInfo, model: SemanticModel): ClosingYield[] {
  const flow = flowOf(fn);
  const found = new Map<number, ClosingYield>();
  for (const { node: statement, ...parts } of flow.index().tries) {
    const bodySuspension = generatorExitEntry(statement, fn, model);
    if (bodySuspension !== null) {
      // Handlers are tried in order: only the first one that catches GeneratorExit ever sees it.
      const handler = parts.handlers.find((candidate) => catchesGeneratorExit(candidate, model, fn.scope));
      const block = handler === undefined ? null : handlerBlock(handler);
      if (handler !== undefined && block !== null) {
        for (const first of firstYieldsIn(block, flow, inspectionPattern(handler))) {
          if (!found.has(first.startIndex)) found.set(first.startIndex, { yieldNode: first, region: 'handler', statement, handler, suspension: bodySuspension });
        }
      }
    }
    const suspension = suspensionBeforeFinally(statement, fn);
    if (suspension !== null && parts.final !== null) {
      for (const first of firstYieldsIn(parts.final, flow, null)) {
        if (!found.has(first.startIndex)) found.set(first.startIndex, { yieldNode: first, region: 'finally', statement, handler: null, suspension });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.yieldNode.startIndex - b.yieldNode.startIndex);
}

/** The yields inside `block` that can be the first one reached from the block's start. */
function firstYieldsIn(block: SyntaxNode, flow: FunctionFlow, unknownTest: RegExp | null): SyntaxNode[] {
  const firsts: SyntaxNode[] = [];
  flow.explore([{ kind: 'blockStart', block }], (node, header) => {
    // Leaving the block (its end, a `break` to an outer loop) ends the search on that path.
    if (node.startIndex < block.startIndex || node.endIndex > block.endIndex) return 'stop';
    // A test of what the handler caught (`if isinstance(e, GeneratorExit): raise`): cannot tell.
    if (unknownTest !== null && header?.role === 'condition' && unknownTest.test(node.text)) return 'stop';
    const first = flow.firstOwnYieldInRange(node.startIndex, node.endIndex);
    if (first === null) return 'continue';
    firsts.push(first);
    return 'stop';
  });
  return firsts;
}
