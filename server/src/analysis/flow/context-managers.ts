// Generator functions that are driven as context managers (`@contextmanager`, `@asynccontextmanager`)
// or as pytest fixtures, and the two questions their rules ask: can the frame yield twice on one path
// (GEN008), and which cleanup after a `yield` is skipped when an exception is thrown in there (GEN009).
//
// Both questions follow the frame's own statements (`FunctionFlow.explore`), so nested def, lambda,
// class and generator expression bodies are never entered: their yields suspend other frames.

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';
import { catchesGeneratorExit, enclosingTries } from './exceptions.js';
import { qualifiedName } from './resources.js';
import { flowOf, handlerBlock, type FlowPoint, type HeaderOf, type VisitResult } from './statements.js';

/**
 * How the generator is driven. `contextmanager`: `next()` to enter, then `next()` on a normal exit or
 * `throw()` of the `with` body's exception (also `asynccontextmanager`). `fixture`: pytest calls `next()`
 * for the set-up and `next()` again for the teardown whatever the test did, and fails when it yields again.
 */
export type DriverKind = 'contextmanager' | 'fixture';

export interface ContextManagerDriver {
  kind: DriverKind;
  /** The decorator as written (`contextlib.contextmanager`, `pytest.fixture`), for messages. */
  decorator: string;
  /** The decorator expression. */
  node: SyntaxNode;
}

const CONTEXT_MANAGER_DECORATORS = new Map<string, DriverKind>([
  ['contextlib.contextmanager', 'contextmanager'],
  ['contextlib.asynccontextmanager', 'contextmanager'],
  ['contextlib2.contextmanager', 'contextmanager'],
  ['contextlib2.asynccontextmanager', 'contextmanager'],
  ['pytest.fixture', 'fixture'],
  ['pytest.yield_fixture', 'fixture'],
  ['pytest_asyncio.fixture', 'fixture'],
]);

/** Last names of those decorators: a cheap test before resolving anything. */
const DECORATOR_LAST_NAMES = new Set([...CONTEXT_MANAGER_DECORATORS.keys()].map((name) => name.slice(name.lastIndexOf('.') + 1)));

/** Text that must occur in a file for either rule to report there. */
export const CONTEXT_MANAGER_TRIGGER = /\b(?:contextmanager|asynccontextmanager|fixture|yield_fixture)\b/;

/**
 * The decorator that makes `fn` a context manager or a pytest fixture, resolved through the module's
 * imports (`from contextlib import contextmanager as cm`, `import contextlib as cl`), or null. A
 * decorator call (`@pytest.fixture(scope="module")`) counts as its callee.
 */
export function contextManagerDriver(fn: FunctionInfo, model: SemanticModel): ContextManagerDriver | null {
  if (fn.kind !== 'def' || !fn.isGenerator) return null;
  for (const decorator of fn.decorators) {
    const callee = decorator.type === 'call' ? decorator.childForFieldName('function') : decorator;
    if (callee === null || (callee.type !== 'identifier' && callee.type !== 'attribute')) continue;
    // An attribute must end in one of the names; a bare name may be an alias (`contextmanager as cm`).
    if (callee.type === 'attribute' && !DECORATOR_LAST_NAMES.has(callee.childForFieldName('attribute')?.text ?? '')) continue;
    const qualified = qualifiedName(callee, model);
    const kind = qualified === null ? undefined : CONTEXT_MANAGER_DECORATORS.get(qualified);
    if (kind !== undefined) return { kind, decorator: callee.text, node: decorator };
  }
  return null;
}

/** The statement of the frame that contains `node` (a direct child of a block), or null. */
function statementOf(node: SyntaxNode, fn: FunctionInfo): SyntaxNode | null {
  const body = fn.node.childForFieldName('body');
  let current: SyntaxNode | null = node;
  // Bounded: a yield sits a few levels below its statement; deeper nesting is not worth following.
  for (let depth = 0; current !== null && depth < 40; depth++) {
    const parent: SyntaxNode | null = current.parent;
    if (parent === null) return null;
    if (parent.type === 'block') return current.type === 'expression_statement' || SIMPLE_STATEMENTS.has(current.type) ? current : null;
    if (body !== null && parent.startIndex === body.startIndex && parent.endIndex === body.endIndex) return null;
    current = parent;
  }
  return null;
}

/** Statements a yield can be part of and after which control simply goes on (not compound headers). */
const SIMPLE_STATEMENTS = new Set(['expression_statement', 'return_statement']);

/** A second `yield` reachable after a first one. */
export interface RepeatedYield {
  /** The yield reached again (the looping yield itself, or a later one). */
  second: SyntaxNode;
  first: SyntaxNode;
  /** True when the path goes through an exception thrown in at the first yield. */
  afterThrow: boolean;
}

/**
 * The yields that can run after another yield on one path of a context-manager generator: the normal
 * path after each yield (what `next()` resumes) and, for `contextmanager`, the paths through the
 * handlers around it (what `throw()` resumes). One entry per second yield. Conditions that test a name
 * the frame assigns, or that contradict a condition guarding the first yield (`if x: yield` … `if not x:
 * yield`), end the path: the analysis cannot tell which way they go, and false positives are worse
 * than misses.
 */
export function repeatedYields(fn: FunctionInfo, driver: DriverKind, model: SemanticModel): RepeatedYield[] {
  const flow = flowOf(fn);
  const found = new Map<number, RepeatedYield>();
  const assigned = assignedNamesPattern(fn, model);
  for (const first of fn.yields) {
    const statement = statementOf(first, fn);
    if (statement === null || !flow.isOwnFrame(first)) continue;
    const guards = guardsOf(statement, fn);
    const search = (starts: FlowPoint[], afterThrow: boolean): void => {
      const visit = (node: SyntaxNode, header: HeaderOf | null): VisitResult => {
        if (header?.role === 'condition' && (assigned?.test(node.text) === true || contradictsGuard(node, guards))) return 'stop';
        const second = flow.firstOwnYieldInRange(node.startIndex, node.endIndex);
        if (second === null) return 'continue';
        if (!found.has(second.startIndex)) found.set(second.startIndex, { second, first, afterThrow });
        return 'stop';
      };
      flow.explore(starts, visit);
    };
    search([{ kind: 'after', statement }], false);
    if (driver === 'contextmanager') {
      const handlers = handlersReachedByThrow(first, fn);
      if (handlers.length > 0) search(handlers.map((block) => ({ kind: 'blockStart', block })), true);
    }
  }
  return [...found.values()].sort((a, b) => a.second.startIndex - b.second.startIndex);
}

/** The handler blocks an exception thrown in at `yieldNode` can enter: those of the `try` bodies around it. */
function handlersReachedByThrow(yieldNode: SyntaxNode, fn: FunctionInfo): SyntaxNode[] {
  const blocks: SyntaxNode[] = [];
  for (const { statement, region } of enclosingTries(yieldNode, fn)) {
    if (region !== 'body') continue;
    for (const handler of flowOf(fn).partsOf(statement).handlers) {
      const block = handlerBlock(handler);
      // A `with` body's exception is never GeneratorExit: such a handler is GEN002's business.
      if (block !== null && !catchesOnlyGeneratorExit(handler)) blocks.push(block);
    }
  }
  return blocks;
}

function catchesOnlyGeneratorExit(handler: SyntaxNode): boolean {
  const header = handler.text.split(':', 1)[0] ?? '';
  return /^except\s*\(?\s*GeneratorExit\s*\)?(\s+as\s+\w+)?\s*$/.test(header.trim());
}

/**
 * A pattern matching the names (and attribute targets) the frame assigns anywhere, including the
 * targets of `x = yield` and `for` loops: a condition mentioning one can go either way.
 */
function assignedNamesPattern(fn: FunctionInfo, model: SemanticModel): RegExp | null {
  const names = new Set<string>();
  for (const [name, bindings] of fn.scope.bindings) {
    if (bindings.some((binding) => binding.kind !== 'param' && binding.kind !== 'def' && binding.kind !== 'class' && binding.kind !== 'import' && binding.kind !== 'importFrom')) names.add(name);
  }
  for (const name of fn.scope.globals) names.add(name);
  for (const name of fn.scope.nonlocals) names.add(name);
  const body = fn.node.childForFieldName('body');
  if (body !== null) {
    // `self.done = True`: attribute targets are flags as well.
    for (const match of model.text.slice(body.startIndex, body.endIndex).matchAll(/([A-Za-z_][\w.]*\.[A-Za-z_]\w*)\s*(?:[-+*/|&]?=)(?!=)/g)) {
      if (match[1] !== undefined) names.add(match[1]);
    }
  }
  if (names.size === 0) return null;
  return new RegExp(`(?<![\\w.])(?:${[...names].map(escapeRegExp).join('|')})(?!\\w)`);
}

interface Guard {
  /** The condition's text, normalised. */
  text: string;
  /** True when the yield is in the branch taken when the condition is true. */
  positive: boolean;
}

/** The conditions of the `if` statements whose consequence or `else` holds the yield. */
function guardsOf(statement: SyntaxNode, fn: FunctionInfo): Guard[] {
  const guards: Guard[] = [];
  let child: SyntaxNode = statement;
  for (let current = statement.parent; current !== null && current.id !== fn.node.id; current = current.parent) {
    if (current.type === 'if_statement' || current.type === 'elif_clause') {
      const condition = current.childForFieldName('condition');
      const consequence = current.childForFieldName('consequence');
      if (condition !== null && consequence !== null && consequence.startIndex <= child.startIndex && child.endIndex <= consequence.endIndex) {
        guards.push({ text: normalise(condition.text), positive: true });
      } else if (condition !== null && current.type === 'if_statement') {
        const otherwise = current.childrenForFieldName('alternative').find((clause) => clause.type === 'else_clause');
        if (otherwise !== undefined && otherwise.startIndex <= child.startIndex && child.endIndex <= otherwise.endIndex) guards.push({ text: normalise(condition.text), positive: false });
      }
    }
    child = current;
  }
  return guards;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^\((.*)\)$/, '$1').trim();
}

/**
 * True when `condition` cannot hold on a path where the yield's guards held: the negation of a
 * positive guard (`not x` after `if x:`), the guard itself after its `else`, or `s == a` after
 * `if s == b:` with two different literals.
 */
function contradictsGuard(condition: SyntaxNode, guards: readonly Guard[]): boolean {
  if (guards.length === 0) return false;
  const text = normalise(condition.text);
  const negated = /^not (.*)$/.exec(text)?.[1];
  for (const guard of guards) {
    if (guard.positive && (negated === guard.text || /^not (.*)$/.exec(guard.text)?.[1] === text)) return true;
    if (!guard.positive && text === guard.text) return true;
    if (guard.positive) {
      const [subjectA, literalA] = equalityTest(text);
      const [subjectB, literalB] = equalityTest(guard.text);
      if (subjectA !== null && subjectA === subjectB && literalA !== literalB) return true;
    }
  }
  return false;
}

/** `subject == literal` (or `is`) split into its parts, else nulls. */
function equalityTest(text: string): [string | null, string | null] {
  const match = /^([\w.]+) (?:==|is) ("[^"]*"|'[^']*'|-?\d+|None|True|False)$/.exec(text);
  return match === null ? [null, null] : [match[1] ?? null, match[2] ?? null];
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------
// GEN009: cleanup after the yield that the throw path skips.

/** A cleanup statement after a yield that does not run when the `with` body raises. */
export interface UnprotectedCleanup {
  yieldNode: SyntaxNode;
  /** The cleanup statements, in document order. */
  cleanups: { statement: SyntaxNode; description: string }[];
  /** The statement of the yield, when it sits directly in the function body (a fix can wrap it). */
  yieldStatement: SyntaxNode | null;
}

/**
 * For each yield of a `contextmanager` generator: the statements after it, on the normal path, that
 * clean up (see `cleanupDescription`) and that an exception thrown in at the yield skips: not in a
 * `finally` around the yield, and the yield not in a `try` body with a handler catching everything
 * (`except:`, `except BaseException`, `except Exception`; it re-raises or falls through to the cleanup).
 */
export function unprotectedCleanups(fn: FunctionInfo, model: SemanticModel): UnprotectedCleanup[] {
  const flow = flowOf(fn);
  const result: UnprotectedCleanup[] = [];
  const body = fn.node.childForFieldName('body');
  for (const yieldNode of fn.yields) {
    const statement = statementOf(yieldNode, fn);
    if (statement === null || !flow.isOwnFrame(yieldNode)) continue;
    if (throwReachesCode(yieldNode, fn, model)) continue;
    const finals = finallyBlocksAround(yieldNode, fn);
    // A `with` around the yield may suppress the exception (its manager is not known): code after the
    // `with` statement may then run on the throw path too, so only code inside it is judged.
    const innermostWith = flow.withsAround(yieldNode)[0];
    const judged: [number, number] = innermostWith === undefined ? [0, Infinity] : [innermostWith.startIndex, innermostWith.endIndex];
    const context = new CleanupContext(fn, model, yieldNode);
    const cleanups: { statement: SyntaxNode; description: string }[] = [];
    const seen = new Set<number>();
    const consider = (node: SyntaxNode): void => {
      if (seen.has(node.startIndex)) return;
      seen.add(node.startIndex);
      if (finals.some(([start, end]) => node.startIndex >= start && node.endIndex <= end)) return;
      if (node.startIndex < judged[0] || node.endIndex > judged[1]) return;
      if (endsByRaising(node, fn)) return;
      const description = context.describe(node);
      if (description !== null) cleanups.push({ statement: node, description });
    };
    flow.explore([{ kind: 'after', statement }], (node, header) => {
      if (flow.firstOwnYieldInRange(node.startIndex, node.endIndex) !== null) return 'stop';
      if (header !== null) return 'continue';
      // A `finally` block run on the way out of a `break` is visited whole.
      if (node.type === 'block') forEachSimpleStatement(node, flow, consider);
      else consider(node);
      // The explorer ends a path at `return` and `raise`; the `finally` blocks they leave still run.
      if (node.type === 'return_statement' || node.type === 'raise_statement') {
        for (const info of flow.triesAround(node)) {
          const final = info.final;
          const holdsYield = info.node.startIndex <= yieldNode.startIndex && yieldNode.endIndex <= info.node.endIndex;
          if (final === null || holdsYield || (node.startIndex >= final.startIndex && node.endIndex <= final.endIndex)) continue;
          forEachSimpleStatement(final, flow, consider);
        }
      }
      return 'continue';
    });
    if (cleanups.length === 0) continue;
    cleanups.sort((a, b) => a.statement.startIndex - b.statement.startIndex);
    const direct = body !== null && statement.parent?.startIndex === body.startIndex && statement.parent.endIndex === body.endIndex;
    result.push({ yieldNode, cleanups, yieldStatement: direct ? statement : null });
  }
  return result;
}

/**
 * True when the statement is in a block (of the frame) that ends with `raise`: error handling that
 * propagates another failure (`if self._exception: self.close(); raise exception`), not the cleanup the
 * success path owes.
 */
function endsByRaising(statement: SyntaxNode, fn: FunctionInfo): boolean {
  const block = statement.parent;
  if (block === null || block.type !== 'block' || block.id === fn.node.childForFieldName('body')?.id) return false;
  const statements = flowOf(fn).statementsOf(block);
  return statements[statements.length - 1]?.type === 'raise_statement';
}

/** Calls `visit` on every simple statement of `block`, descending into its compound statements. */
function forEachSimpleStatement(block: SyntaxNode, flow: ReturnType<typeof flowOf>, visit: (statement: SyntaxNode) => void): void {
  for (const statement of flow.statementsOf(block)) {
    if (statement.type === 'function_definition' || statement.type === 'class_definition' || statement.type === 'decorated_definition') continue;
    let compound = false;
    for (const child of statement.namedChildren) {
      if (child.type === 'block') {
        compound = true;
        forEachSimpleStatement(child, flow, visit);
      } else if (child.type.endsWith('_clause')) {
        for (const inner of child.namedChildren) {
          if (inner.type === 'block') {
            compound = true;
            forEachSimpleStatement(inner, flow, visit);
          }
        }
      }
    }
    if (!compound) visit(statement);
  }
}

/** `[start, end)` of the `finally` blocks whose `try` (body, handlers or else) holds the yield. */
function finallyBlocksAround(yieldNode: SyntaxNode, fn: FunctionInfo): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const { statement, region } of enclosingTries(yieldNode, fn)) {
    if (region === 'finally') continue;
    const final = flowOf(fn).partsOf(statement).final;
    if (final !== null) ranges.push([final.startIndex, final.endIndex]);
  }
  return ranges;
}

/**
 * True when an exception thrown in at the yield reaches the code after it anyway, or reaches a handler
 * that the author wrote for it: the yield is in the body of a `try` with a catch-all handler, or in a
 * `with contextlib.suppress(...)`.
 */
function throwReachesCode(yieldNode: SyntaxNode, fn: FunctionInfo, model: SemanticModel): boolean {
  for (const { statement, region } of enclosingTries(yieldNode, fn)) {
    if (region !== 'body') continue;
    for (const handler of flowOf(fn).partsOf(statement).handlers) {
      if (catchesGeneratorExit(handler, model, fn.scope) || catchesException(handler)) return true;
    }
  }
  for (const statement of flowOf(fn).withsAround(yieldNode)) {
    const clause = statement.namedChildren.find((child) => child.type === 'with_clause');
    if (clause !== undefined && /\bsuppress\s*\(/.test(clause.text)) return true;
  }
  return false;
}

function catchesException(handler: SyntaxNode): boolean {
  const block = handlerBlock(handler);
  const header = handler.text.slice(0, block === null ? undefined : block.startIndex - handler.startIndex);
  return /^except\s*\(?[^:]*(?<![\w.])Exception\b/.test(header.trim());
}

/** Method names that end a resource's life. */
const CLOSING_METHODS = new Set(['close', 'aclose', 'release', 'unlink', 'terminate', 'kill', 'shutdown', 'cleanup', 'communicate', 'unlock', 'rmtree', 'disconnect', 'dispose', 'destroy', 'stop']);

/** Functions that remove or end something, whatever their arguments. */
const REMOVING_FUNCTIONS = new Set(['os.unlink', 'os.remove', 'os.rmdir', 'os.removedirs', 'shutil.rmtree', 'os.close', 'os.kill', 'os.killpg']);

/** Functions that set process-wide state; called after the yield with a value saved before, they restore it. */
const STATE_SETTERS = new Set([
  'os.chdir', 'os.fchdir', 'os.umask', 'signal.signal', 'signal.setitimer', 'signal.alarm', 'sys.setrecursionlimit', 'sys.settrace', 'sys.setprofile',
  'sys.setswitchinterval', 'sys.set_int_max_str_digits', 'threading.settrace', 'threading.setprofile', 'socket.setdefaulttimeout',
  'locale.setlocale', 'gc.set_debug', 'gc.set_threshold', 'logging.disable', 'decimal.setcontext', 'asyncio.set_event_loop',
  'asyncio.set_event_loop_policy', 'builtins.setattr', 'builtins.delattr', 'os.putenv', 'os.unsetenv', 'sys.setdlopenflags',
]);

/** Prefixes of a call that does something and of the call that undoes it (`addObserver` / `removeObserver`). */
const UNDO_PAIRS: ReadonlyArray<[string, string]> = [
  ['add', 'remove'], ['add', 'del'], ['add', 'discard'], ['register', 'unregister'], ['install', 'uninstall'], ['connect', 'disconnect'],
  ['start', 'stop'], ['enable', 'disable'], ['disable', 'enable'], ['acquire', 'release'], ['lock', 'unlock'], ['push', 'pop'],
  ['subscribe', 'unsubscribe'], ['attach', 'detach'], ['activate', 'deactivate'], ['mount', 'unmount'], ['mount', 'umount'],
  ['patch', 'unpatch'], ['set', 'unset'], ['set', 'reset'], ['suspend', 'resume'], ['pause', 'resume'], ['pause', 'unpause'],
  ['block', 'unblock'], ['hook', 'unhook'], ['freeze', 'unfreeze'], ['open', 'close'], ['insert', 'remove'], ['insert', 'pop'],
  ['append', 'remove'], ['append', 'pop'], ['enter', 'exit'], ['setup', 'teardown'], ['listen', 'unlisten'], ['watch', 'unwatch'],
  ['bind', 'unbind'], ['load', 'unload'], ['link', 'unlink'], ['create', 'delete'], ['create', 'destroy'], ['create', 'remove'],
];

/** What the frame did before the yield, for telling cleanup from work that commits a result. */
class CleanupContext {
  /** Local names bound before the yield (parameters included), with the value of a plain assignment. */
  private readonly before = new Map<string, SyntaxNode | null>();
  /** Receiver text → the method names called on it before the yield (`gc` → `disable`). */
  private readonly callsBefore = new Map<string, string[]>();
  /** Assignment and `del` targets that are not plain locals (`sys.stdout`, `os.environ["X"]`, globals), before the yield. */
  private readonly stateSetBefore = new Set<string>();
  private readonly globals: ReadonlySet<string>;

  constructor(
    private readonly fn: FunctionInfo,
    private readonly model: SemanticModel,
    private readonly yieldNode: SyntaxNode,
  ) {
    const yieldStart = yieldNode.startIndex;
    this.globals = new Set([...fn.scope.globals, ...fn.scope.nonlocals]);
    for (const [name, bindings] of fn.scope.bindings) {
      for (const binding of bindings) {
        if (binding.node.startIndex >= yieldStart) continue;
        this.before.set(name, binding.kind === 'assign' ? binding.value : this.before.get(name) ?? null);
      }
    }
    const body = fn.node.childForFieldName('body');
    if (body !== null) this.scanBefore(body, yieldStart);
  }

  /** Records calls and state assignments of the frame's statements that start before the yield. */
  private scanBefore(block: SyntaxNode, yieldStart: number): void {
    const flow = flowOf(this.fn);
    for (const statement of flow.statementsOf(block)) {
      if (statement.startIndex >= yieldStart) return;
      if (statement.type === 'expression_statement') {
        const expression = unwrapAwait(statement.firstNamedChild);
        if (expression?.type === 'call') this.recordCall(expression);
        else if (expression?.type === 'assignment' || expression?.type === 'augmented_assignment') {
          const target = expression.childForFieldName('left');
          if (target !== null && this.isState(target)) this.stateSetBefore.add(normalise(target.text));
          const value = unwrapAwait(expression.childForFieldName('right'));
          if (value?.type === 'call') this.recordCall(value);
        }
        continue;
      }
      for (const child of statement.namedChildren) {
        if (child.type === 'block') this.scanBefore(child, yieldStart);
        else if (child.type.endsWith('_clause')) for (const inner of child.namedChildren) if (inner.type === 'block') this.scanBefore(inner, yieldStart);
      }
    }
  }

  private recordCall(call: SyntaxNode): void {
    const callee = call.childForFieldName('function');
    if (callee?.type !== 'attribute') return;
    const receiver = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute');
    if (receiver === null || method === null) return;
    const key = normalise(receiver.text);
    const list = this.callsBefore.get(key);
    if (list === undefined) this.callsBefore.set(key, [method.text]);
    else list.push(method.text);
  }

  /** An assignment target that is not a plain local: an attribute, a subscript, a global or nonlocal. */
  private isState(target: SyntaxNode): boolean {
    if (target.type === 'attribute' || target.type === 'subscript') return true;
    return target.type === 'identifier' && this.globals.has(target.text);
  }

  /** Why `statement` is cleanup (for the message), or null when it is not. */
  describe(statement: SyntaxNode): string | null {
    if (statement.type === 'delete_statement') {
      const targets = statement.namedChildren.flatMap((child) => (child.type === 'expression_list' ? child.namedChildren : [child]));
      return targets.some((target) => this.isState(target) && this.wasSet(target)) ? `\`${oneLine(statement.text)}\`` : null;
    }
    if (statement.type !== 'expression_statement') return null;
    const expression = unwrapAwait(statement.firstNamedChild);
    if (expression === null) return null;
    if (expression.type === 'assignment') return this.describeAssignment(expression) ? `\`${oneLine(statement.text)}\`` : null;
    if (expression.type === 'call') return this.describeCall(expression, statement) ? `\`${oneLine(statement.text)}\`` : null;
    return null;
  }

  private wasSet(target: SyntaxNode): boolean {
    const text = normalise(target.text);
    if (this.stateSetBefore.has(text)) return true;
    // `os.environ["X"] = v` before, `del os.environ["X"]` after: same subscript text.
    return false;
  }

  /** `sys.stdout = saved` (saved from it before the yield), `self.busy = False` (set before the yield). */
  private describeAssignment(assignment: SyntaxNode): boolean {
    const target = assignment.childForFieldName('left');
    const value = assignment.childForFieldName('right');
    if (target === null || value === null || !this.isState(target)) return false;
    const targetText = normalise(target.text);
    if (value.type === 'identifier' && this.isSavedFrom(value.text, target)) return true;
    return this.stateSetBefore.has(targetText) && (isLiteral(value) || (value.type === 'identifier' && this.before.has(value.text)));
  }

  /** True when `name` was bound before the yield from an expression that reads `target`'s state. */
  private isSavedFrom(name: string, target: SyntaxNode): boolean {
    const value = this.before.get(name);
    if (value === undefined || value === null) return false;
    const object = target.type === 'subscript' ? target.childForFieldName('value') : target;
    const wanted = normalise((object ?? target).text);
    const text = normalise(value.text);
    if (new RegExp(`(?<![\\w.])${escapeRegExp(wanted)}(?!\\w)`).test(text)) return true;
    // `old = getattr(obj, "attr")` saved `obj.attr`.
    const owner = target.type === 'attribute' ? target.childForFieldName('object')?.text : undefined;
    return owner !== undefined && new RegExp(`^getattr\\(\\s*${escapeRegExp(normalise(owner))}\\s*,`).test(text);
  }

  private describeCall(call: SyntaxNode, statement: SyntaxNode): boolean {
    const callee = call.childForFieldName('function');
    if (callee === null) return false;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((arg) => arg.type !== 'comment');
    if (callee.type === 'attribute') {
      const receiver = callee.childForFieldName('object');
      const method = callee.childForFieldName('attribute')?.text ?? '';
      if (receiver === null) return false;
      const receiverText = normalise(receiver.text);
      if (CLOSING_METHODS.has(method) && this.isBoundBefore(receiver)) return true;
      const earlier = this.callsBefore.get(receiverText) ?? [];
      if (earlier.some((done) => undoes(done, method))) return true;
      // `os.environ["X"] = "1"` before, `os.environ.pop("X")` after.
      if ((method === 'pop' || method === 'clear') && [...this.stateSetBefore].some((text) => text.startsWith(`${receiverText}[`))) return true;
      // `os.environ.update(saved)` with `saved = dict(os.environ)` before the yield.
      if ((method === 'update' || method === 'extend') && args.some((arg) => arg.type === 'identifier' && this.isSavedFrom(arg.text, receiver))) return true;
    }
    const qualified = callee.type === 'identifier' || callee.type === 'attribute' ? qualifiedName(callee, this.model) : null;
    if (qualified === null) return false;
    if (REMOVING_FUNCTIONS.has(qualified)) return true;
    if (STATE_SETTERS.has(qualified)) return args.some((arg) => this.isSavedValue(arg, statement));
    return false;
  }

  /** A local bound before the yield, or `self.x` whose value was set before it in this frame. */
  private isBoundBefore(receiver: SyntaxNode): boolean {
    if (receiver.type === 'identifier') return this.before.has(receiver.text);
    return this.stateSetBefore.has(normalise(receiver.text));
  }

  /**
   * An argument carrying state saved before the yield: a local bound before it, or the variable of a
   * `for` loop (after the yield) over something bound before it (`for name, value in saved.items():`).
   */
  private isSavedValue(arg: SyntaxNode, statement: SyntaxNode): boolean {
    if (arg.type === 'identifier') {
      if (this.before.has(arg.text) && !this.isBoundAfterYield(arg.text)) return true;
      for (let current = statement.parent; current !== null && current.id !== this.fn.node.id; current = current.parent) {
        if (current.type !== 'for_statement') continue;
        const left = current.childForFieldName('left');
        const right = current.childForFieldName('right');
        if (left === null || right === null || !new RegExp(`(?<![\\w.])${escapeRegExp(arg.text)}(?!\\w)`).test(left.text)) continue;
        const roots = right.text.match(/[A-Za-z_]\w*/g) ?? [];
        return roots.some((root) => this.before.has(root));
      }
      return false;
    }
    return arg.type === 'keyword_argument' && arg.childForFieldName('value') !== null && this.isSavedValue(arg.childForFieldName('value') as SyntaxNode, statement);
  }

  private isBoundAfterYield(name: string): boolean {
    const bindings = this.fn.scope.bindings.get(name) ?? [];
    return bindings.some((binding) => binding.node.startIndex > this.yieldNode.startIndex && binding.kind !== 'param');
  }
}

function unwrapAwait(node: SyntaxNode | null): SyntaxNode | null {
  if (node?.type === 'await') return node.namedChildren[0] ?? null;
  return node;
}

function isLiteral(node: SyntaxNode): boolean {
  return ['none', 'true', 'false', 'integer', 'float', 'string', 'concatenated_string', 'list', 'dictionary', 'tuple', 'set'].includes(node.type) || (node.type === 'unary_operator' && node.namedChildren[0]?.type === 'integer');
}

/** True when method `undo` undoes `done` (`addObserver` → `removeObserver`, `disable` → `enable`). */
function undoes(done: string, undo: string): boolean {
  const a = done.replace(/_/g, '').toLowerCase();
  const b = undo.replace(/_/g, '').toLowerCase();
  for (const [doPrefix, undoPrefix] of UNDO_PAIRS) {
    if (a.startsWith(doPrefix) && b.startsWith(undoPrefix) && a.slice(doPrefix.length) === b.slice(undoPrefix.length)) return true;
  }
  return false;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
