// Queries about `try` statements in generator frames: which parts can be suspended at a `yield`, which
// handlers catch GeneratorExit, and whether control can reach another `yield` after such a handler.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';
import { flowOf, handlerBlock, tryParts, type FunctionFlow, type VisitResult } from './statements.js';

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
 * that contains it. Stops at nested def/lambda/class/genexp boundaries, whose code runs in another frame.
 */
export function enclosingTries(node: SyntaxNode, fn: FunctionInfo): EnclosingTry[] {
  const found: EnclosingTry[] = [];
  let child = node;
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current.startIndex === fn.node.startIndex && current.type === fn.node.type) break;
    if (isFrame(current)) break;
    if (current.type === 'try_statement') {
      const region = regionOf(current, child);
      if (region !== null) found.push({ statement: current, region, handler: region === 'handler' ? child : null });
    }
    child = current;
  }
  return found;
}

function regionOf(statement: SyntaxNode, child: SyntaxNode): TryRegion | null {
  switch (child.type) {
    case 'block':
      return child.startIndex === statement.childForFieldName('body')?.startIndex ? 'body' : null;
    case 'except_clause':
    case 'except_group_clause':
      return 'handler';
    case 'else_clause':
      return 'else';
    case 'finally_clause':
      return 'finally';
    default:
      return null;
  }
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
  const parts = tryParts(statement);
  if (parts.final === null || parts.body === null) return null;
  const flow = flowOf(fn);
  // Everything from the body to the `finally` keyword: body, handlers and `else`.
  const end = parts.final.parent?.startIndex ?? parts.final.startIndex;
  return flow.ownYieldsInRange(parts.body.startIndex, end)[0] ?? null;
}

/**
 * The `try` statements of the function's own frame whose body contains a `yield`: closing the
 * generator while it is suspended there raises GeneratorExit inside that body. Found from the yields
 * upwards, so the cost is proportional to the yields, not the function.
 */
export function suspendableTryBodies(fn: FunctionInfo): SyntaxNode[] {
  const seen = new Set<number>();
  const result: SyntaxNode[] = [];
  for (const yieldNode of fn.yields) {
    for (const { statement, region } of enclosingTries(yieldNode, fn)) {
      if (region !== 'body' || seen.has(statement.startIndex)) continue;
      seen.add(statement.startIndex);
      result.push(statement);
    }
  }
  return result.sort((a, b) => a.startIndex - b.startIndex);
}

/**
 * True when the `except` clause catches GeneratorExit: a bare `except:`, `except GeneratorExit`,
 * `except BaseException` (also as `builtins.X`) or a tuple containing one of them — the builtin, not a
 * local rebinding of the name. `except Exception` does not (GeneratorExit derives from BaseException
 * alone); `except*` clauses are left out because they wrap what they catch in an exception group.
 */
export function catchesGeneratorExit(handler: SyntaxNode, model: SemanticModel): boolean {
  if (handler.type !== 'except_clause') return false;
  if (handler.children.some((child) => child.type === '*')) return false;
  let value = handler.childForFieldName('value');
  if (value === null) {
    // Older grammars leave the value unnamed: the first named child that is not the block.
    value = handler.namedChildren.find((child) => child.type !== 'block' && child.type !== 'comment') ?? null;
  }
  if (value === null) return true;
  if (value.type === 'as_pattern') value = value.firstNamedChild;
  return value !== null && namesGeneratorExitCatcher(value, model);
}

function namesGeneratorExitCatcher(node: SyntaxNode, model: SemanticModel): boolean {
  switch (node.type) {
    case 'identifier':
      return CATCHES_GENERATOR_EXIT.has(node.text) && model.resolve(node.text, model.scopeOf(node)) === null;
    case 'attribute': {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      return object?.type === 'identifier' && object.text === 'builtins' && attribute !== null && CATCHES_GENERATOR_EXIT.has(attribute.text);
    }
    case 'tuple':
    case 'parenthesized_expression':
      return node.namedChildren.some((child) => namesGeneratorExitCatcher(child, model));
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
 * (that is a yield during close, reported by yield-in-finally). Loops are followed: a handler inside a
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
  const insideHandler = (node: SyntaxNode): boolean => node.startIndex >= block.startIndex && node.endIndex <= block.endIndex;
  const mentionsFlag = (node: SyntaxNode | null): boolean => flagPattern !== null && node !== null && flagPattern.test(node.text);

  let reached: SyntaxNode | null = null;
  const visit = (node: SyntaxNode): VisitResult => {
    // A condition that tests a flag the handler set: give the path up (see above).
    if (isCondition(node) && mentionsFlag(node)) return 'stop';
    if (insideHandler(node)) return 'continue';
    const yields = flow.ownYieldsIn(node);
    if (yields.length === 0) return 'continue';
    reached = yields[0] ?? null;
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

/** True for the condition of an `if`, `elif` or `while`. */
function isCondition(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (parent === null || (parent.type !== 'if_statement' && parent.type !== 'elif_clause' && parent.type !== 'while_statement')) return false;
  return parent.childForFieldName('condition')?.startIndex === node.startIndex;
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

function isFrame(node: SyntaxNode): boolean {
  return node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition' || node.type === 'generator_expression';
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
  const seenTries = new Set<number>();
  for (const yieldNode of fn.yields) {
    for (const { statement } of enclosingTries(yieldNode, fn)) {
      if (seenTries.has(statement.startIndex)) continue;
      seenTries.add(statement.startIndex);
      const parts = tryParts(statement);
      const bodySuspension = parts.body === null ? undefined : flow.ownYieldsIn(parts.body)[0];
      if (bodySuspension !== undefined) {
        // Handlers are tried in order: only the first one that catches GeneratorExit ever sees it.
        const handler = parts.handlers.find((candidate) => catchesGeneratorExit(candidate, model));
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
  }
  return [...found.values()].sort((a, b) => a.yieldNode.startIndex - b.yieldNode.startIndex);
}

/** The yields inside `block` that can be the first one reached from the block's start. */
function firstYieldsIn(block: SyntaxNode, flow: FunctionFlow, unknownTest: RegExp | null): SyntaxNode[] {
  const firsts: SyntaxNode[] = [];
  flow.explore([{ kind: 'blockStart', block }], (node) => {
    // Leaving the block (its end, a `break` to an outer loop) ends the search on that path.
    if (node.startIndex < block.startIndex || node.endIndex > block.endIndex) return 'stop';
    // A test of what the handler caught (`if isinstance(e, GeneratorExit): raise`): cannot tell.
    if (unknownTest !== null && isCondition(node) && unknownTest.test(node.text)) return 'stop';
    const first = flow.ownYieldsIn(node)[0];
    if (first === undefined) return 'continue';
    firsts.push(first);
    return 'stop';
  });
  return firsts;
}
