// Intra-frame dataflow answering "has this generator object been advanced on every path here?": a
// small abstract interpreter over one frame's statements (module or def body) that tracks, for each
// local bound to a fresh generator object, the set of states it can be in at each use.

import type { SyntaxNode } from '../../parser.js';
import type { SemanticModel } from '../model/semantic.js';

/** What a hover shows: CPython's `inspect.getgeneratorstate` folded to what a static analysis can know. */
export type GeneratorState = 'created' | 'started' | 'exhausted' | 'unknown';

/**
 * The states a variable can be in at a point, as a bit set: `GEN_CREATED`, suspended, closed/exhausted,
 * or `OTHER` (not known to be one of our generator objects: escaped, rebound, aliased, never assigned).
 */
export type StateMask = number;
export const CREATED = 1;
export const SUSPENDED = 2;
export const EXHAUSTED = 4;
export const OTHER = 8;
const STARTED = SUSPENDED | EXHAUSTED;
const GENERATOR_BITS = CREATED | STARTED;

/** What evaluating an expression gives, as far as generator objects go. */
export type CreationKind = 'created' | 'started';

export interface FlowOptions {
  /**
   * Classifies a value bound to a name: a fresh generator object (`gen()`, a generator expression), one
   * that is already started (`primed_gen()` of a priming decorator), or anything else (null).
   */
  classifyValue(value: SyntaxNode): CreationKind | null;
  /** True when `next` (or another builtin name) is not shadowed at `node`. */
  isBuiltin(name: string, node: SyntaxNode): boolean;
  /**
   * Keep tracking a name that nested defs, lambdas and classes use or declare global/nonlocal: for a
   * question their code cannot change the answer to (GEN006's "exhausted": other code may advance the
   * object, never refill it; a rebinding the caller rules out itself).
   */
  ignoreNestedFrames?: boolean;
}

/** The result for one frame: the state set recorded at every use of a tracked name. */
export interface FrameFlow {
  /** Names bound to a generator object somewhere in the frame and not captured, global or nonlocal. */
  readonly tracked: ReadonlySet<string>;
  /** The state set just before the use evaluates (undefined: not a tracked use, or analysis gave up). */
  maskAt(identifier: SyntaxNode): StateMask | undefined;
  /** The state set of `name` when control first reaches a `for`/`while` statement (from before it, not its back edge). */
  loopEntryMask(loop: SyntaxNode, name: string): StateMask | undefined;
  /** What each tracked use of `name` inside `[start, end)` does, in source order. */
  effectsIn(name: string, start: number, end: number): UseEffect[];
  /** Every tracked use in source order, with what it does and the state set just before it. */
  allUses(): readonly TrackedUse[];
}

export interface TrackedUse {
  readonly node: SyntaxNode;
  readonly name: string;
  readonly effect: UseEffect;
  readonly mask: StateMask;
}

/** How a use affects the object: primes it, sends to it, consumes it, hands it on, … */
export type UseEffect = Effect;

export function maskToState(mask: StateMask | undefined): GeneratorState {
  if (mask === undefined || mask === 0 || (mask & OTHER) !== 0) return 'unknown';
  if (mask === CREATED) return 'created';
  if ((mask & CREATED) !== 0) return 'unknown';
  return mask === EXHAUSTED ? 'exhausted' : 'started';
}

/** True when the set says "a generator object of ours, possibly not started, never anything else". */
export function mayBeUnstarted(mask: StateMask | undefined): boolean {
  return mask !== undefined && (mask & OTHER) === 0 && (mask & CREATED) !== 0;
}

const EMPTY_FLOW: FrameFlow = { tracked: new Set(), maskAt: () => undefined, loopEntryMask: () => undefined, effectsIn: () => [], allUses: () => [] };

// ---------------------------------------------------------------------------------------------------
// The frame's statements as a small structured IR, built once per frame and interpreted repeatedly
// (loops iterate to a fixpoint), so tree-sitter nodes are not re-materialised on every pass.

type Effect =
  | 'bindCreated'
  | 'bindStarted'
  | 'bindOther'
  | 'prime'
  | 'primeMaybeExhausting'
  | 'send'
  | 'throw'
  | 'close'
  | 'exhaust'
  | 'neutral'
  | 'escape';

interface Use {
  readonly node: SyntaxNode;
  readonly name: string;
  readonly nodeId: number;
  readonly start: number;
  readonly effect: Effect;
  /** Inside a conditional expression, the right operand of `and`/`or`, or a comprehension body. */
  readonly conditional: boolean;
}

type Stmt =
  | { t: 'simple'; uses: Use[]; jump: 'return' | 'raise' | 'break' | 'continue' | null }
  | { t: 'if'; branches: { cond: Use[]; body: Stmt[] }[]; orelse: Stmt[] | null }
  | { t: 'while'; nodeId: number; cond: Use[]; infinite: boolean; body: Stmt[]; orelse: Stmt[] | null }
  | { t: 'for'; nodeId: number; iter: Use[]; iterVar: string | null; target: Use[]; body: Stmt[]; orelse: Stmt[] | null }
  | { t: 'try'; body: Stmt[]; handlers: { head: Use[]; catchAll: boolean; body: Stmt[] }[]; orelse: Stmt[] | null; final: Stmt[] | null }
  | { t: 'with'; items: Use[]; suppresses: boolean; body: Stmt[] }
  | { t: 'match'; subject: Use[]; cases: Stmt[][]; exhaustive: boolean };

type State = Map<string, StateMask>;

/** Caps the interpreter's work on pathological frames (deep loop nests re-run their bodies). */
const STATEMENT_BUDGET = 50_000;

/**
 * Frames bigger than this (statements seen while looking for candidates, or tracked uses) are not
 * analysed: tree-sitter's `parent` walks down from the root past every earlier sibling, so per-use
 * work in a block of a hundred thousand statements would make the analysis quadratic. Such frames are
 * generated code; every use there is "unknown".
 */
const FRAME_STATEMENT_LIMIT = 20_000;
const FRAME_USE_LIMIT = 5_000;

class FrameTooLarge extends Error {}

class BudgetExceeded extends Error {}

const flowCache = new WeakMap<SemanticModel, Map<string, FrameFlow>>();

/**
 * Analyses one frame: `frameNode` is the `module` node or a `function_definition`. Results are cached
 * per model, frame and `cacheKey` (callers with different `options` must pass different keys).
 */
export function analyzeFrame(model: SemanticModel, frameNode: SyntaxNode, options: FlowOptions, cacheKey = 'default', onlyNames?: ReadonlySet<string>): FrameFlow {
  let perModel = flowCache.get(model);
  if (perModel === undefined) {
    perModel = new Map();
    flowCache.set(model, perModel);
  }
  // Variables do not interact, so analysing a subset of names gives the same answer for each of them.
  const key = `${cacheKey}:${frameNode.id}:${onlyNames === undefined ? '*' : [...onlyNames].sort().join(',')}`;
  const cached = perModel.get(key);
  if (cached !== undefined) return cached;
  const flow = computeFrame(model, frameNode, options, onlyNames);
  perModel.set(key, flow);
  return flow;
}

function frameBody(frameNode: SyntaxNode): SyntaxNode | null {
  if (frameNode.type === 'module') return frameNode;
  if (frameNode.type === 'function_definition') return frameNode.childForFieldName('body');
  return null;
}

/**
 * Whether the frame's own code is broken. For the module, a def or class with a syntax error inside
 * is another frame's problem: the language server analyses module-level code without the definitions
 * it does not reference, and must find what a whole-file analysis finds.
 */
function frameHasError(body: SyntaxNode): boolean {
  if (!body.hasError) return false;
  if (body.type !== 'module') return true;
  return body.namedChildren.some((statement) => statement.hasError && statement.type !== 'function_definition' && statement.type !== 'class_definition' && statement.type !== 'decorated_definition');
}

function computeFrame(model: SemanticModel, frameNode: SyntaxNode, options: FlowOptions, onlyNames: ReadonlySet<string> | undefined): FrameFlow {
  const body = frameBody(frameNode);
  if (body === null || frameHasError(body)) return EMPTY_FLOW;
  let candidates: Set<string>;
  let builder: IrBuilder;
  try {
    candidates = findCandidates(model, body, options, onlyNames);
    if (candidates.size === 0) return EMPTY_FLOW;
    builder = new IrBuilder(model, body, candidates, options);
  } catch (error) {
    if (error instanceof FrameTooLarge) return EMPTY_FLOW;
    throw error;
  }
  if (builder.tracked.size === 0) return EMPTY_FLOW;
  const program = builder.block(body);
  const interpreter = new Interpreter();
  try {
    interpreter.block(program, new Map());
  } catch (error) {
    if (error instanceof BudgetExceeded) return { ...EMPTY_FLOW, tracked: builder.tracked };
    throw error;
  }
  const recorded = interpreter.recorded;
  const positions = builder.useIds;
  return {
    tracked: builder.tracked,
    maskAt(identifier: SyntaxNode): StateMask | undefined {
      if (!positions.has(identifier.id)) return undefined;
      return recorded.get(identifier.id) ?? 0;
    },
    loopEntryMask(loop: SyntaxNode, name: string): StateMask | undefined {
      const state = interpreter.loopEntries.get(loop.id);
      if (state === undefined || !builder.tracked.has(name)) return undefined;
      return state.get(name) ?? OTHER;
    },
    effectsIn(name: string, start: number, end: number): UseEffect[] {
      return builder.usesBetween(start, end).filter((use) => use.name === name).map((use) => use.effect);
    },
    allUses(): readonly TrackedUse[] {
      return builder.usesBetween(0, Number.MAX_SAFE_INTEGER).map((use) => ({ node: use.node, name: use.name, effect: use.effect, mask: recorded.get(use.nodeId) ?? 0 }));
    },
  };
}

const COMPOUND_WITH_BLOCKS = new Set([
  'if_statement',
  'elif_clause',
  'else_clause',
  'for_statement',
  'while_statement',
  'try_statement',
  'except_clause',
  'except_group_clause',
  'finally_clause',
  'with_statement',
  'match_statement',
  'case_clause',
  'block',
]);

/** Names assigned a generator object by a plain `name = value` in the frame's own statements. */
function findCandidates(model: SemanticModel, body: SyntaxNode, options: FlowOptions, onlyNames: ReadonlySet<string> | undefined): Set<string> {
  const names = new Set<string>();
  let statements = 0;
  const visit = (node: SyntaxNode): void => {
    statements += node.namedChildCount;
    if (statements > FRAME_STATEMENT_LIMIT) throw new FrameTooLarge();
    for (const child of node.namedChildren) {
      if (child.type === 'expression_statement') {
        const expr = child.firstNamedChild;
        if (expr?.type !== 'assignment') continue;
        const left = expr.childForFieldName('left');
        const right = expr.childForFieldName('right');
        if (left?.type !== 'identifier' || right === null) continue;
        const name = model.text.slice(left.startIndex, left.endIndex);
        // Classifying a value resolves names, which is costly: only for the names asked about.
        if (names.has(name) || (onlyNames !== undefined && !onlyNames.has(name))) continue;
        if (options.classifyValue(right) !== null) names.add(name);
      } else if (COMPOUND_WITH_BLOCKS.has(child.type)) {
        // Defs and classes are not descended into: their assignments bind their own locals.
        visit(child);
      }
    }
  };
  visit(body);
  return names;
}

const FRAME_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);
const PATTERN_CONTAINERS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'list_splat_pattern', 'as_pattern_target', 'tuple', 'list', 'parenthesized_expression', 'expression_list']);

const UNPACKING_TARGETS = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list']);
/** Builtins that consume an iterable argument to the end. */
const EXHAUSTING_BUILTINS = new Set(['list', 'tuple', 'set', 'frozenset', 'dict', 'sorted', 'sum', 'min', 'max', 'bytes', 'bytearray']);
/** Builtins that may stop early: the generator is started, maybe not exhausted. */
const PARTIAL_BUILTINS = new Set(['any', 'all']);
/** Builtins that look at an object without advancing it or keeping a reference. */
const NEUTRAL_BUILTINS = new Set(['print', 'repr', 'str', 'id', 'type', 'isinstance', 'bool', 'hash', 'callable', 'format']);
/** Attributes whose read neither advances the generator nor hands it to other code. */
const NEUTRAL_ATTRIBUTES = new Set(['gi_frame', 'gi_running', 'gi_code', 'gi_yieldfrom', 'gi_suspended', '__name__', '__qualname__']);

class IrBuilder {
  readonly tracked: Set<string>;
  /** Every tracked use, sorted by position. */
  private readonly uses: Use[] = [];
  readonly useIds = new Set<number>();
  private readonly text: string;
  /** The node of the analysed frame's scope (the module, or the function definition). */
  private readonly frameScopeNodeId: number;

  constructor(
    private readonly model: SemanticModel,
    body: SyntaxNode,
    candidates: Set<string>,
    private readonly options: FlowOptions,
  ) {
    this.text = model.text;
    this.tracked = new Set(candidates);
    this.frameScopeNodeId = body.type === 'module' ? body.id : body.parent?.id ?? -1;
    const occurrences = this.collectOccurrences(body, candidates);
    for (const node of occurrences) {
      const name = this.text.slice(node.startIndex, node.endIndex);
      if (!this.tracked.has(name)) continue;
      const classified = this.classify(node);
      if (classified === null) continue;
      this.uses.push({ node, name, nodeId: node.id, start: node.startIndex, effect: classified.effect, conditional: classified.conditional });
      this.useIds.add(node.id);
    }
  }

  /**
   * Finds the identifier occurrences of candidate names with one cursor walk. A name that is also used
   * inside a nested def, lambda, class or generator expression, or declared global/nonlocal, is dropped:
   * that code can advance the object at times this frame-local analysis cannot see.
   */
  private collectOccurrences(body: SyntaxNode, candidates: Set<string>): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    const cursor = body.walk();
    // Depths at which we entered nested frames; a stack so we know when we leave them.
    const nestedFrameDepths: number[] = [];
    let depth = 0;
    const text = this.text;
    for (;;) {
      const type = cursor.nodeType;
      if (type === 'identifier') {
        const name = text.slice(cursor.startIndex, cursor.endIndex);
        if (candidates.has(name)) {
          if (found.length > FRAME_USE_LIMIT) throw new FrameTooLarge();
          if (nestedFrameDepths.length === 0) found.push(cursor.currentNode);
          else if (this.options.ignoreNestedFrames !== true && this.isCapture(cursor.currentNode, name)) this.tracked.delete(name);
        }
      } else if ((type === 'global_statement' || type === 'nonlocal_statement') && (this.options.ignoreNestedFrames !== true || nestedFrameDepths.length === 0)) {
        for (const child of cursor.currentNode.namedChildren) this.tracked.delete(text.slice(child.startIndex, child.endIndex));
      }
      const entersFrame = depth > 0 && (FRAME_TYPES.has(type) || type === 'generator_expression');
      if (cursor.gotoFirstChild()) {
        if (entersFrame) nestedFrameDepths.push(depth);
        depth++;
        continue;
      }
      for (;;) {
        if (cursor.gotoNextSibling()) break;
        if (!cursor.gotoParent()) return found;
        depth--;
        if (nestedFrameDepths.length > 0 && nestedFrameDepths[nestedFrameDepths.length - 1] === depth) nestedFrameDepths.pop();
        if (depth === 0) return found;
      }
    }
  }

  /**
   * A use in a nested frame that refers to this frame's variable (a closure or a class body reading
   * it). A nested function's own local of the same name is another variable.
   */
  private isCapture(node: SyntaxNode, name: string): boolean {
    const found = this.model.resolve(name, this.model.scopeOf(node));
    return found === null || found.scope.node.id === this.frameScopeNodeId || found.scope.kind === 'class';
  }

  private classify(node: SyntaxNode): { effect: Effect; conditional: boolean } | null {
    const parent = node.parent;
    if (parent === null) return null;
    const effect = this.effectOf(node, parent);
    if (effect === null) return null;
    return { effect, conditional: isConditionallyEvaluated(node) };
  }

  private isField(parent: SyntaxNode, field: string, node: SyntaxNode): boolean {
    const child = parent.childForFieldName(field);
    return child !== null && child.startIndex === node.startIndex && child.endIndex === node.endIndex;
  }

  private effectOf(node: SyntaxNode, parent: SyntaxNode): Effect | null {
    switch (parent.type) {
      case 'attribute': {
        if (this.isField(parent, 'attribute', node)) return null; // `x.g`: an attribute name, not our variable.
        const attribute = parent.childForFieldName('attribute');
        const name = attribute === null ? '' : this.text.slice(attribute.startIndex, attribute.endIndex);
        const call = parent.parent;
        const isCalled = call !== null && call.type === 'call' && this.isField(call, 'function', parent);
        if (!isCalled) return NEUTRAL_ATTRIBUTES.has(name) ? 'neutral' : 'escape';
        const args = call.childForFieldName('arguments');
        const argList = args?.namedChildren ?? [];
        // The async generator's methods (`asend`, `__anext__`, `athrow`, `aclose`) act as their
        // synchronous counterparts once awaited; the resolver tracks async generators separately.
        switch (name) {
          case 'send':
          case 'asend':
            if (argList.length !== 1 || argList[0]?.type === 'keyword_argument' || argList[0]?.type === 'list_splat') return 'escape';
            return argList[0]?.type === 'none' ? 'prime' : 'send';
          case '__next__':
          case '__anext__':
            return 'prime';
          case 'throw':
          case 'athrow':
            return 'throw';
          case 'close':
          case 'aclose':
            return 'close';
          default:
            return 'escape';
        }
      }
      case 'keyword_argument':
        if (this.isField(parent, 'name', node)) return null; // `f(g=...)`: a parameter name.
        return 'escape';
      case 'assignment':
        if (this.isField(parent, 'left', node)) {
          const right = parent.childForFieldName('right');
          if (right === null || right.type === 'assignment') return 'bindOther';
          const kind = this.options.classifyValue(right);
          return kind === 'created' ? 'bindCreated' : kind === 'started' ? 'bindStarted' : 'bindOther';
        }
        // `a, b = g` runs the generator to its end; `h = g` is an alias: the analysis stops following the object.
        if (this.isField(parent, 'right', node) && UNPACKING_TARGETS.has(parent.childForFieldName('left')?.type ?? '')) return 'exhaust';
        return 'escape';
      case 'named_expression':
        if (this.isField(parent, 'name', node)) {
          const value = parent.childForFieldName('value');
          const kind = value === null ? null : this.options.classifyValue(value);
          return kind === 'created' ? 'bindCreated' : kind === 'started' ? 'bindStarted' : 'bindOther';
        }
        return 'escape';
      case 'augmented_assignment':
      case 'delete_statement':
      case 'function_definition':
      case 'class_definition':
      case 'dotted_name':
      case 'aliased_import':
      case 'import_statement':
      case 'import_from_statement':
      case 'global_statement':
      case 'nonlocal_statement':
        return 'bindOther';
      case 'for_statement':
        if (this.isField(parent, 'left', node)) return 'bindOther';
        return 'exhaust'; // `for x in g`: handled by the loop itself; this marks the use.
      case 'for_in_clause':
        if (this.isField(parent, 'left', node)) return 'bindOther';
        // A list comprehension consumes at once; a generator expression keeps a reference for later.
        return parent.parent?.type === 'generator_expression' ? 'escape' : 'exhaust';
      case 'argument_list': {
        const call = parent.parent;
        if (call === null || call.type !== 'call') return 'escape';
        const callee = call.childForFieldName('function');
        if (callee === null) return 'escape';
        const args = parent.namedChildren;
        const isFirst = args[0]?.startIndex === node.startIndex;
        if (callee.type === 'identifier') {
          const calleeName = this.text.slice(callee.startIndex, callee.endIndex);
          if (!this.options.isBuiltin(calleeName, call)) return 'escape';
          if ((calleeName === 'next' || calleeName === 'anext') && isFirst) return args.length === 1 ? 'prime' : 'primeMaybeExhausting';
          if (EXHAUSTING_BUILTINS.has(calleeName) && isFirst) return 'exhaust';
          if (PARTIAL_BUILTINS.has(calleeName) && isFirst) return 'primeMaybeExhausting';
          if (NEUTRAL_BUILTINS.has(calleeName)) return 'neutral';
          return 'escape';
        }
        if (callee.type === 'attribute') {
          const attribute = callee.childForFieldName('attribute');
          const attr = attribute === null ? '' : this.text.slice(attribute.startIndex, attribute.endIndex);
          if ((attr === 'getgeneratorstate' || attr === 'getgeneratorlocals') && isFirst) return 'neutral';
          const object = callee.childForFieldName('object');
          if (attr === 'join' && isFirst && (object?.type === 'string')) return 'exhaust';
        }
        return 'escape';
      }
      case 'list_splat':
        return parent.parent?.type === 'argument_list' ? 'exhaust' : 'escape';
      case 'comparison_operator':
        // `x in g` advances the generator until it finds `x`, to its end when it does not.
        return isMembershipOperand(parent, node, this.text) ? 'primeMaybeExhausting' : 'neutral';
      case 'expression_statement':
      case 'not_operator':
        return 'neutral';
      case 'boolean_operator':
      case 'if_statement':
      case 'elif_clause':
      case 'while_statement':
      case 'conditional_expression':
        // Truth tests: a generator object is always true and testing it does not advance it. Any other
        // position (the value of `x or g`) hands the object on.
        return this.isField(parent, 'condition', node) || parent.type === 'boolean_operator' && isTruthTested(parent) ? 'neutral' : 'escape';
      default:
        if (PATTERN_CONTAINERS.has(parent.type) && isBindingTarget(parent)) return 'bindOther';
        return 'escape';
    }
  }

  usesBetween(start: number, end: number): Use[] {
    return this.usesIn(start, end);
  }

  /** The uses whose position lies in `[start, end)`. */
  private usesIn(start: number, end: number): Use[] {
    const uses = this.uses;
    let low = 0;
    let high = uses.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((uses[mid]?.start ?? 0) < start) low = mid + 1;
      else high = mid;
    }
    const result: Use[] = [];
    for (let i = low; i < uses.length; i++) {
      const use = uses[i];
      if (use === undefined || use.start >= end) break;
      result.push(use);
    }
    return result;
  }

  private usesOf(node: SyntaxNode | null): Use[] {
    return node === null ? [] : this.usesIn(node.startIndex, node.endIndex);
  }

  block(node: SyntaxNode): Stmt[] {
    const result: Stmt[] = [];
    for (const child of node.namedChildren) {
      const stmt = this.statement(child);
      if (stmt !== null) result.push(stmt);
    }
    return result;
  }

  private blockOf(node: SyntaxNode | null): Stmt[] {
    if (node === null) return [];
    const body = node.type === 'block' ? node : node.childForFieldName('body') ?? node.namedChildren.find((c) => c.type === 'block') ?? null;
    return body === null ? [] : this.block(body);
  }

  private statement(node: SyntaxNode): Stmt | null {
    switch (node.type) {
      case 'comment':
        return null;
      case 'return_statement':
        return { t: 'simple', uses: this.usesOf(node), jump: 'return' };
      case 'raise_statement':
        return { t: 'simple', uses: this.usesOf(node), jump: 'raise' };
      case 'break_statement':
        return { t: 'simple', uses: [], jump: 'break' };
      case 'continue_statement':
        return { t: 'simple', uses: [], jump: 'continue' };
      case 'if_statement': {
        const branches = [{ cond: this.usesOf(node.childForFieldName('condition')), body: this.blockOf(node.childForFieldName('consequence')) }];
        let orelse: Stmt[] | null = null;
        for (const alternative of node.childrenForFieldName('alternative')) {
          if (alternative.type === 'elif_clause') {
            branches.push({ cond: this.usesOf(alternative.childForFieldName('condition')), body: this.blockOf(alternative.childForFieldName('consequence')) });
          } else {
            orelse = this.blockOf(alternative);
          }
        }
        return { t: 'if', branches, orelse };
      }
      case 'while_statement': {
        const condition = node.childForFieldName('condition');
        const infinite = condition !== null && (condition.type === 'true' || (condition.type === 'integer' && this.text.slice(condition.startIndex, condition.endIndex) === '1'));
        const alternative = node.childForFieldName('alternative');
        return { t: 'while', nodeId: node.id, cond: this.usesOf(condition), infinite, body: this.blockOf(node.childForFieldName('body')), orelse: alternative === null ? null : this.blockOf(alternative) };
      }
      case 'for_statement': {
        const right = node.childForFieldName('right');
        const iterVar = right?.type === 'identifier' && this.uses.some((u) => u.start === right.startIndex) ? this.text.slice(right.startIndex, right.endIndex) : null;
        const alternative = node.childForFieldName('alternative');
        return {
          t: 'for',
          nodeId: node.id,
          iter: this.usesOf(right),
          iterVar,
          target: this.usesOf(node.childForFieldName('left')),
          body: this.blockOf(node.childForFieldName('body')),
          orelse: alternative === null ? null : this.blockOf(alternative),
        };
      }
      case 'try_statement': {
        const handlers: { head: Use[]; catchAll: boolean; body: Stmt[] }[] = [];
        let orelse: Stmt[] | null = null;
        let final: Stmt[] | null = null;
        for (const child of node.namedChildren) {
          if (child.type === 'except_clause' || child.type === 'except_group_clause') {
            const value = child.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment') ?? null;
            handlers.push({ head: this.usesOf(value), catchAll: value === null || catchesEverything(value, this.text), body: this.blockOf(child) });
          } else if (child.type === 'else_clause') {
            orelse = this.blockOf(child);
          } else if (child.type === 'finally_clause') {
            final = this.blockOf(child);
          }
        }
        return { t: 'try', body: this.blockOf(node.childForFieldName('body')), handlers, orelse, final };
      }
      case 'with_statement': {
        const clause = node.namedChildren.find((c) => c.type === 'with_clause') ?? null;
        const clauseText = clause === null ? '' : this.text.slice(clause.startIndex, clause.endIndex);
        // Only `suppress(...)` is assumed to swallow exceptions; ordinary context managers re-raise them.
        const suppresses = /\bsuppress\s*\(/.test(clauseText);
        return { t: 'with', items: this.usesOf(clause), suppresses, body: this.blockOf(node.childForFieldName('body')) };
      }
      case 'match_statement': {
        const cases: Stmt[][] = [];
        let exhaustive = false;
        const body = node.childForFieldName('body');
        for (const child of body?.namedChildren ?? []) {
          if (child.type !== 'case_clause') continue;
          cases.push(this.blockOf(child.childForFieldName('consequence')));
          // `case _:` or `case name:` without a guard matches everything: no fall-through past the match.
          const pattern = child.namedChildren.find((c) => c.type === 'case_pattern');
          const patternText = pattern === undefined ? '' : this.text.slice(pattern.startIndex, pattern.endIndex);
          if (/^[A-Za-z_]\w*$/.test(patternText) && child.childForFieldName('guard') === null) exhaustive = true;
        }
        return { t: 'match', subject: this.usesOf(node.childForFieldName('subject')), cases, exhaustive };
      }
      case 'decorated_definition':
      case 'function_definition':
      case 'class_definition':
        // Evaluates decorators and defaults here and binds the name; the body is another frame.
        return { t: 'simple', uses: this.usesOf(node), jump: null };
      default:
        return { t: 'simple', uses: assignmentOrder(node, this.usesOf(node)), jump: null };
    }
  }
}

/**
 * Uses in evaluation order: in `x = f(x)` the right side runs before the target is bound, so the
 * uses inside an assignment's target come after the others (source order would bind first).
 */
function assignmentOrder(statement: SyntaxNode, uses: Use[]): Use[] {
  if (statement.type !== 'expression_statement' || uses.length < 2) return uses;
  const assignment = statement.firstNamedChild;
  if (assignment?.type !== 'assignment' && assignment?.type !== 'augmented_assignment') return uses;
  const left = assignment.childForFieldName('left');
  if (left === null) return uses;
  const inTarget = (use: Use): boolean => use.start >= left.startIndex && use.start < left.endIndex;
  return [...uses.filter((use) => !inTarget(use)), ...uses.filter(inTarget)];
}

/** The right operand of `in` / `not in` in a comparison. */
function isMembershipOperand(comparison: SyntaxNode, node: SyntaxNode, text: string): boolean {
  const operands = comparison.namedChildren;
  const index = operands.findIndex((c) => c.startIndex === node.startIndex && c.endIndex === node.endIndex);
  if (index <= 0) return false;
  const before = operands[index - 1];
  if (before === undefined) return false;
  return /^\s*(?:not\s+)?in\s*$/.test(text.slice(before.endIndex, node.startIndex));
}

/** `g and x` in an `if` condition: the operand is only truth-tested when the whole is a condition. */
function isTruthTested(booleanOperator: SyntaxNode): boolean {
  let current: SyntaxNode = booleanOperator;
  for (;;) {
    const parent = current.parent;
    if (parent === null) return false;
    if (parent.type === 'boolean_operator' || parent.type === 'not_operator' || parent.type === 'parenthesized_expression') {
      current = parent;
      continue;
    }
    return parent.type === 'if_statement' || parent.type === 'elif_clause' || parent.type === 'while_statement';
  }
}

/** True when a tuple/list/pattern containing the name sits on the binding side of a statement. */
function isBindingTarget(container: SyntaxNode): boolean {
  let current: SyntaxNode = container;
  for (;;) {
    const parent = current.parent;
    if (parent === null) return false;
    if (PATTERN_CONTAINERS.has(parent.type)) {
      current = parent;
      continue;
    }
    const left = parent.type === 'assignment' || parent.type === 'for_statement' || parent.type === 'for_in_clause' ? parent.childForFieldName('left') : null;
    if (left !== null && left.startIndex === current.startIndex && left.endIndex === current.endIndex) return true;
    return parent.type === 'as_pattern' || parent.type === 'delete_statement' || parent.type === 'augmented_assignment';
  }
}

/** Whether the expression may be skipped on some executions of its statement. */
function isConditionallyEvaluated(node: SyntaxNode): boolean {
  let child = node;
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current.type === 'for_in_clause' && isFirstIterable(current, child)) {
      // `[f(x) for x in g]`: the first iterable is evaluated once, always; go on from the comprehension.
      const comprehension = current.parent;
      if (comprehension === null) return false;
      child = comprehension;
      current = comprehension;
      continue;
    }
    switch (current.type) {
      case 'conditional_expression':
        // `a if cond else b`: only the condition (the second named child) always runs.
        if (current.namedChildren[1]?.startIndex !== child.startIndex) return true;
        break;
      case 'boolean_operator':
        if (current.childForFieldName('left')?.startIndex !== child.startIndex) return true;
        break;
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return true;
      case 'expression_statement':
      case 'block':
      case 'module':
        return false;
      default:
        break;
    }
    child = current;
  }
  return false;
}

function isFirstIterable(clause: SyntaxNode, child: SyntaxNode): boolean {
  const right = clause.childForFieldName('right');
  if (right === null || right.startIndex !== child.startIndex || right.endIndex !== child.endIndex) return false;
  const first = clause.parent?.namedChildren.find((c) => c.type === 'for_in_clause');
  return first !== undefined && first.startIndex === clause.startIndex;
}

const CATCH_ALL = new Set(['Exception', 'BaseException']);

function catchesEverything(value: SyntaxNode, text: string): boolean {
  const target = value.type === 'as_pattern' ? value.firstNamedChild : value;
  if (target === null) return false;
  const names = target.type === 'tuple' || target.type === 'parenthesized_expression' ? target.namedChildren : [target];
  return names.some((n) => CATCH_ALL.has(text.slice(n.startIndex, n.endIndex)));
}

// ---------------------------------------------------------------------------------------------------
// The interpreter. A state maps each tracked name to its state set; an absent name is OTHER. `null` is
// "unreachable". Joins are unions, so loops reach a fixpoint in a few passes.

function join(a: State | null, b: State | null): State | null {
  if (a === null) return b === null ? null : new Map(b);
  if (b === null) return new Map(a);
  const result = new Map(a);
  for (const [name, mask] of b) result.set(name, (result.get(name) ?? OTHER) | mask);
  for (const [name, mask] of a) if (!b.has(name)) result.set(name, mask | OTHER);
  return result;
}

function sameState(a: State | null, b: State | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const [name, mask] of a) if (b.get(name) !== mask) return false;
  return true;
}

function applyEffect(mask: StateMask, effect: Effect): StateMask {
  const other = mask & OTHER;
  const isGenerator = (mask & GENERATOR_BITS) !== 0;
  switch (effect) {
    case 'bindCreated':
      return CREATED;
    case 'bindStarted':
      return SUSPENDED;
    case 'bindOther':
    case 'escape':
      return OTHER;
    case 'prime':
    case 'send':
    case 'throw':
      // Execution only continues normally when the generator yielded: it is suspended now.
      return other | (isGenerator || other !== 0 ? SUSPENDED : 0);
    case 'primeMaybeExhausting':
      return other | STARTED;
    case 'close':
    case 'exhaust':
      return other | EXHAUSTED;
    case 'neutral':
      return mask;
  }
}

interface LoopFrame {
  breaks: State | null;
  continues: State | null;
}

interface ExceptionSink {
  state: State | null;
}

class Interpreter {
  readonly recorded = new Map<number, StateMask>();
  /** Loop statement → the joined states in which control reaches it from before the loop. */
  readonly loopEntries = new Map<number, State>();
  private readonly loops: LoopFrame[] = [];
  private readonly sinks: ExceptionSink[] = [];
  private steps = 0;

  block(stmts: readonly Stmt[], state: State | null): State | null {
    let current = state;
    for (const stmt of stmts) {
      if (current === null) return null; // The rest of the block is unreachable.
      current = this.statement(stmt, current);
    }
    return current;
  }

  /** Applies a statement's (or header's) uses in source order, recording each use's incoming set. */
  private applyUses(uses: readonly Use[], state: State): State {
    if (uses.length === 0) {
      // Any statement can raise; with no tracked use in it, a handler sees exactly this state.
      this.raiseExactly(state);
      return state;
    }
    const before = state;
    const after = new Map(state);
    for (const use of uses) {
      const mask = after.get(use.name) ?? OTHER;
      this.recorded.set(use.nodeId, (this.recorded.get(use.nodeId) ?? 0) | mask);
      const next = applyEffect(mask, use.effect);
      after.set(use.name, use.conditional ? mask | next : next);
    }
    this.raiseFrom(before, after);
    return after;
  }

  /**
   * The statement may raise part-way: a handler sees the state before or after it. Where the two
   * differ the handler cannot know which, so the name gets OTHER there (never a guessed "created").
   */
  private raiseFrom(before: State, after: State): void {
    const sink = this.sinks[this.sinks.length - 1];
    if (sink === undefined) return;
    const merged = new Map(before);
    for (const [name, mask] of after) {
      const old = before.get(name) ?? OTHER;
      merged.set(name, old === mask ? mask : old | mask | OTHER);
    }
    sink.state = join(sink.state, merged);
  }

  private raiseExactly(state: State): void {
    const sink = this.sinks[this.sinks.length - 1];
    if (sink !== undefined) sink.state = join(sink.state, state);
  }

  private recordLoopEntry(nodeId: number, state: State): void {
    this.loopEntries.set(nodeId, join(this.loopEntries.get(nodeId) ?? null, state) ?? state);
  }

  private tick(): void {
    if (++this.steps > STATEMENT_BUDGET) throw new BudgetExceeded();
  }

  private statement(stmt: Stmt, state: State): State | null {
    this.tick();
    switch (stmt.t) {
      case 'simple': {
        const after = this.applyUses(stmt.uses, state);
        switch (stmt.jump) {
          case null:
            return after;
          case 'return':
            return null;
          case 'raise':
            this.raiseExactly(after);
            return null;
          case 'break': {
            const loop = this.loops[this.loops.length - 1];
            if (loop !== undefined) loop.breaks = join(loop.breaks, after);
            return null;
          }
          case 'continue': {
            const loop = this.loops[this.loops.length - 1];
            if (loop !== undefined) loop.continues = join(loop.continues, after);
            return null;
          }
        }
        return after;
      }
      case 'if': {
        let fallthrough: State | null = state;
        let out: State | null = null;
        for (const branch of stmt.branches) {
          if (fallthrough === null) break;
          const tested = this.applyUses(branch.cond, fallthrough);
          out = join(out, this.block(branch.body, tested));
          fallthrough = tested;
        }
        if (fallthrough !== null) out = join(out, stmt.orelse === null ? fallthrough : this.block(stmt.orelse, fallthrough));
        return out;
      }
      case 'while': {
        this.recordLoopEntry(stmt.nodeId, state);
        let entry: State = state;
        let exit: State | null = null;
        let frame: LoopFrame = { breaks: null, continues: null };
        for (;;) {
          const tested = this.applyUses(stmt.cond, entry);
          frame = { breaks: null, continues: null };
          this.loops.push(frame);
          const bodyOut = this.block(stmt.body, tested);
          this.loops.pop();
          const nextEntry = join(join(state, bodyOut), frame.continues) ?? state;
          exit = stmt.infinite ? null : tested;
          if (sameState(nextEntry, entry)) break;
          entry = nextEntry;
          this.tick();
        }
        const afterElse = exit === null || stmt.orelse === null ? exit : this.block(stmt.orelse, exit);
        return join(afterElse, frame.breaks);
      }
      case 'for': {
        this.recordLoopEntry(stmt.nodeId, state);
        const evaluated = this.applyUses(stmt.iter, state);
        let entry: State = evaluated;
        let frame: LoopFrame = { breaks: null, continues: null };
        for (;;) {
          let bodyIn: State = new Map(entry);
          if (stmt.iterVar !== null) bodyIn.set(stmt.iterVar, SUSPENDED | ((entry.get(stmt.iterVar) ?? OTHER) & OTHER));
          bodyIn = this.applyUses(stmt.target, bodyIn);
          frame = { breaks: null, continues: null };
          this.loops.push(frame);
          const bodyOut = this.block(stmt.body, bodyIn);
          this.loops.pop();
          const nextEntry = join(join(evaluated, bodyOut), frame.continues) ?? evaluated;
          if (sameState(nextEntry, entry)) break;
          entry = nextEntry;
          this.tick();
        }
        // The loop ends normally when the iterable is exhausted (or was empty).
        const exhausted = new Map(entry);
        if (stmt.iterVar !== null) exhausted.set(stmt.iterVar, EXHAUSTED | ((entry.get(stmt.iterVar) ?? OTHER) & OTHER));
        const afterElse = stmt.orelse === null ? exhausted : this.block(stmt.orelse, exhausted);
        return join(afterElse, frame.breaks);
      }
      case 'try': {
        const sink: ExceptionSink = { state: null };
        const capture: LoopFrame | null = stmt.final === null ? null : { breaks: null, continues: null };
        const outerLoop = this.loops[this.loops.length - 1];
        if (capture !== null && outerLoop !== undefined) this.loops.push(capture);
        this.sinks.push(sink);
        const bodyOut = this.block(stmt.body, state);
        this.sinks.pop();
        const handlerSink: ExceptionSink = { state: null };
        if (stmt.final !== null) this.sinks.push(handlerSink);
        let out = stmt.orelse === null ? bodyOut : this.block(stmt.orelse, bodyOut);
        const catchesAll = stmt.handlers.some((h) => h.catchAll);
        if (sink.state !== null) {
          for (const handler of stmt.handlers) {
            out = join(out, this.block(handler.body, this.applyUses(handler.head, sink.state)));
          }
        }
        if (stmt.final !== null) this.sinks.pop();
        if (capture !== null && outerLoop !== undefined) this.loops.pop();
        const escaping = join(catchesAll ? null : sink.state, handlerSink.state);
        if (stmt.final === null) {
          if (escaping !== null) this.raiseExactly(escaping);
          return out;
        }
        // The finally clause runs on every way out: normally, on an exception, and on break/continue.
        if (escaping !== null) {
          const afterFinally = this.block(stmt.final, escaping);
          if (afterFinally !== null) this.raiseExactly(afterFinally);
        }
        if (capture !== null && outerLoop !== undefined) {
          if (capture.breaks !== null) outerLoop.breaks = join(outerLoop.breaks, this.block(stmt.final, capture.breaks));
          if (capture.continues !== null) outerLoop.continues = join(outerLoop.continues, this.block(stmt.final, capture.continues));
        }
        return out === null ? null : this.block(stmt.final, out);
      }
      case 'with': {
        const entered = this.applyUses(stmt.items, state);
        if (!stmt.suppresses) return this.block(stmt.body, entered);
        const sink: ExceptionSink = { state: null };
        this.sinks.push(sink);
        const out = this.block(stmt.body, entered);
        this.sinks.pop();
        return join(out, sink.state);
      }
      case 'match': {
        const subject = this.applyUses(stmt.subject, state);
        let out: State | null = stmt.exhaustive ? null : subject; // Without a catch-all case, none may match.
        for (const body of stmt.cases) out = join(out, this.block(body, subject));
        return out;
      }
    }
  }
}

/**
 * The frame whose code evaluates `node`: the innermost `function_definition` body, or the module.
 * Lambdas, generator expressions and class bodies are not analysed (null): their uses are opaque.
 */
export function analysedFrameOf(node: SyntaxNode): SyntaxNode | null {
  let child = node;
  for (let current = node.parent; current !== null; current = current.parent) {
    switch (current.type) {
      case 'function_definition': {
        const body = current.childForFieldName('body');
        if (body !== null && body.startIndex <= child.startIndex && child.endIndex <= body.endIndex) return current;
        break; // A default value or decorator: evaluated in the enclosing frame.
      }
      case 'lambda':
      case 'class_definition':
        return null;
      case 'generator_expression': {
        // The first iterable runs in the enclosing frame; everything else in the genexp's own.
        const firstClause = current.namedChildren.find((c) => c.type === 'for_in_clause');
        const firstIterable = firstClause?.childForFieldName('right');
        if (firstIterable === undefined || firstIterable === null || !(firstIterable.startIndex <= node.startIndex && node.endIndex <= firstIterable.endIndex)) return null;
        break;
      }
      case 'module':
        return current;
      default:
        break;
    }
    child = current;
  }
  return null;
}

/**
 * The state of the generator object a name refers to at this use, for the editor's hover:
 * `'created'`, `'started'`, `'exhausted'` where the analysis knows it on every path, else `'unknown'`.
 */
export function generatorStateAt(model: SemanticModel, identifier: SyntaxNode, options: FlowOptions, cacheKey = 'default'): GeneratorState {
  return maskToState(generatorMaskAt(model, identifier, options, cacheKey));
}

/** The raw state set at a use (undefined when the name is not a tracked generator variable there). */
export function generatorMaskAt(model: SemanticModel, identifier: SyntaxNode, options: FlowOptions, cacheKey = 'default'): StateMask | undefined {
  if (identifier.type !== 'identifier') return undefined;
  const frame = analysedFrameOf(identifier);
  if (frame === null) return undefined;
  const name = model.text.slice(identifier.startIndex, identifier.endIndex);
  return analyzeFrame(model, frame, options, cacheKey, new Set([name])).maskAt(identifier);
}
