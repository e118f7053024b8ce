// Statement-level control flow inside one function's own frame: which statements can follow which,
// how a statement can complete, and where the frame can be suspended. Rules and the hover share it.
//
// Every query stops at nested `def`, `lambda`, class bodies and generator expressions: a `yield` there
// suspends another frame, so it is never one of this function's suspension points (the own-frame
// yields come from `FunctionInfo.yields`, which the semantic model already limits to the own body).

import type { SyntaxNode } from '../../parser.js';
import type { FunctionInfo } from '../model/semantic.js';

/** How a statement can complete; a bit set because most statements have several possibilities. */
export const Exit = {
  normal: 1,
  break: 2,
  continue: 4,
  return: 8,
  raise: 16,
} as const;
export type ExitSet = number;

/** A place in the function's statement structure that the explorer can be at. */
export type FlowPoint =
  | { kind: 'before'; statement: SyntaxNode }
  | { kind: 'after'; statement: SyntaxNode }
  | { kind: 'blockStart'; block: SyntaxNode }
  | { kind: 'blockEnd'; block: SyntaxNode }
  | { kind: 'loopHead'; loop: SyntaxNode };

/**
 * What the explorer does at a node it evaluates (a simple statement, or the header expression of a
 * compound one: a condition, a `for` iterable, a `with` clause, a `match` subject, a whole `finally`
 * block run on the way out of a `break`/`continue`): keep going, end this path, or stop with a hit.
 */
export type VisitResult = 'continue' | 'stop' | 'found';

/**
 * For a node that is the header of a compound statement (the condition of an `if`, `elif` or
 * `while`, a `for` iterable, a `with` clause, a `match` subject): that statement or clause. Passing it
 * spares visitors a `node.parent` call, which tree-sitter answers by walking down from the root.
 */
export interface HeaderOf {
  role: 'condition' | 'iterable' | 'with' | 'subject';
  statement: SyntaxNode;
}

export type Visitor = (node: SyntaxNode, header: HeaderOf | null) => VisitResult;

/** Where a block sits in its compound statement, recorded once per function by the frame index. */
type BlockPart = 'if' | 'loopBody' | 'loopElse' | 'tryBody' | 'handler' | 'tryElse' | 'finally' | 'with' | 'case';

interface BlockRole {
  owner: SyntaxNode;
  part: BlockPart;
}

/** A `try` statement of the function's own frame with its parts. */
export interface TryInfo extends TryParts {
  node: SyntaxNode;
}

interface LoopInfo {
  node: SyntaxNode;
  /** Where the loop's `else` clause starts (a `break` there belongs to an outer loop). */
  elseStart: number;
}

/**
 * The compound statements of one frame, found in a single cursor walk that does not enter nested
 * frames. Queries use offsets against it instead of `node.parent`, which costs a walk from the root
 * per call and made deeply nested code quadratic or worse.
 */
interface FrameIndex {
  tries: TryInfo[];
  loops: LoopInfo[];
  withs: SyntaxNode[];
  /** `[start, end)` of nested def/lambda/class/genexp nodes, which run in other frames. */
  nestedFrames: Array<[number, number]>;
  blockRoles: Map<number, BlockRole>;
}


const FRAME_TYPES = new Set(['function_definition', 'lambda', 'class_definition', 'generator_expression']);
const COMPOUND_TYPES = new Set(['if_statement', 'while_statement', 'for_statement', 'try_statement', 'with_statement', 'match_statement']);
/** How many points one `explore` may visit before it gives up. */
export const EXPLORE_BUDGET = 20_000;

/** Calls that never return normally; a path through them ends. */
const NO_RETURN_CALLS = new Set(['sys.exit', 'exit', 'quit', 'os._exit', 'os.abort']);

/** The statements and headers of one function, with per-function caches so repeated queries stay cheap. */
export class FunctionFlow {
  private readonly yieldStarts: number[];
  private readonly yieldEnds: number[];
  private readonly sortedYields: SyntaxNode[];
  private readonly statementsCache = new Map<number, SyntaxNode[]>();
  /** Statement start offset → its index in its block, so stepping to the next statement is O(1). */
  private readonly indexInBlock = new Map<number, number>();
  /** Statement start offset → the block listing it. */
  private readonly blockOfStatement = new Map<number, SyntaxNode>();
  private frameIndex: FrameIndex | undefined;
  private readonly partsCache = new Map<number, TryParts>();
  private readonly exitsCache = new Map<number, ExitSet>();

  constructor(readonly fn: FunctionInfo) {
    this.sortedYields = [...fn.yields].sort((a, b) => a.startIndex - b.startIndex);
    this.yieldStarts = this.sortedYields.map((node) => node.startIndex);
    this.yieldEnds = this.sortedYields.map((node) => node.endIndex);
  }

  /** The own-frame `yield` nodes inside `node`, in document order. */
  ownYieldsIn(node: SyntaxNode): SyntaxNode[] {
    return this.ownYieldsInRange(node.startIndex, node.endIndex);
  }

  ownYieldsInRange(start: number, end: number): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    // Offsets are compared as plain numbers: reading them from the nodes is a native call each.
    for (let i = lowerBound(this.yieldStarts, start); i < this.sortedYields.length; i++) {
      const candidateStart = this.yieldStarts[i] ?? Infinity;
      if (candidateStart >= end) break;
      const candidate = this.sortedYields[i];
      if (candidate !== undefined && (this.yieldEnds[i] ?? Infinity) <= end) found.push(candidate);
    }
    return found;
  }

  /** The first own-frame yield inside `[start, end)`, without collecting the others. */
  firstOwnYieldInRange(start: number, end: number): SyntaxNode | null {
    for (let i = lowerBound(this.yieldStarts, start); i < this.sortedYields.length; i++) {
      if ((this.yieldStarts[i] ?? Infinity) >= end) return null;
      if ((this.yieldEnds[i] ?? Infinity) <= end) return this.sortedYields[i] ?? null;
    }
    return null;
  }

  /** True when the frame can be suspended at a `yield` (or `yield from`) inside `node`. */
  hasOwnYieldIn(node: SyntaxNode): boolean {
    const i = lowerBound(this.yieldStarts, node.startIndex);
    const candidate = this.sortedYields[i];
    return candidate !== undefined && candidate.startIndex < node.endIndex;
  }

  /** The statements of a block (comments dropped), cached per block. */
  statementsOf(block: SyntaxNode): SyntaxNode[] {
    let statements = this.statementsCache.get(block.startIndex);
    if (statements === undefined) {
      statements = block.namedChildren.filter((child) => child.type !== 'comment');
      this.statementsCache.set(block.startIndex, statements);
      statements.forEach((statement, index) => {
        this.indexInBlock.set(statement.startIndex, index);
        this.blockOfStatement.set(statement.startIndex, block);
      });
    }
    return statements;
  }

  /** The ways `statement` (or a block) can complete; `break`/`continue` refer to the innermost loop around it. */
  exitsOf(statement: SyntaxNode): ExitSet {
    const cached = this.exitsCache.get(statement.id);
    if (cached !== undefined) return cached;
    const exits = this.computeExits(statement);
    this.exitsCache.set(statement.id, exits);
    return exits;
  }

  private computeExits(node: SyntaxNode): ExitSet {
    switch (node.type) {
      case 'block': {
        let exits = 0;
        for (const statement of this.statementsOf(node)) {
          const inner = this.exitsOf(statement);
          exits |= inner & ~Exit.normal;
          if ((inner & Exit.normal) === 0) return exits;
        }
        return exits | Exit.normal;
      }
      case 'return_statement':
        return Exit.return;
      case 'raise_statement':
        return Exit.raise;
      case 'break_statement':
        return Exit.break;
      case 'continue_statement':
        return Exit.continue;
      case 'expression_statement':
        return isNoReturnCall(node.firstNamedChild) ? Exit.raise : Exit.normal;
      case 'if_statement': {
        let exits = this.blockExits(node.childForFieldName('consequence'));
        let hasElse = false;
        for (const alternative of node.childrenForFieldName('alternative')) {
          if (alternative.type === 'elif_clause') exits |= this.blockExits(alternative.childForFieldName('consequence'));
          else {
            hasElse = true;
            exits |= this.blockExits(alternative.childForFieldName('body'));
          }
        }
        return hasElse ? exits : exits | Exit.normal;
      }
      case 'while_statement':
      case 'for_statement': {
        const body = this.blockExits(node.childForFieldName('body'));
        let exits = body & (Exit.return | Exit.raise);
        if ((body & Exit.break) !== 0) exits |= Exit.normal;
        const mayFinish = node.type === 'for_statement' || !isLiteralTrue(node.childForFieldName('condition'));
        if (mayFinish) {
          const orElse = node.childForFieldName('alternative');
          exits |= orElse === null ? Exit.normal : this.blockExits(orElse.childForFieldName('body'));
        }
        return exits;
      }
      case 'try_statement': {
        const parts = this.partsOf(node);
        const body = this.blockExits(parts.body);
        let exits = body & ~Exit.normal;
        if ((body & Exit.normal) !== 0) exits |= parts.orElse === null ? Exit.normal : this.blockExits(parts.orElse);
        // Any statement of the body may raise, so every handler can run.
        for (const handler of parts.handlers) exits |= this.blockExits(handlerBlock(handler));
        if (parts.final !== null) {
          const final = this.blockExits(parts.final);
          // A `finally` that cannot complete replaces whatever the try was doing.
          if ((final & Exit.normal) === 0) return final;
          exits |= final & ~Exit.normal;
        }
        return exits;
      }
      case 'with_statement':
        return this.blockExits(node.childForFieldName('body'));
      case 'match_statement': {
        let exits: ExitSet = Exit.normal;
        for (const clause of matchCases(node)) exits |= this.blockExits(clause.childForFieldName('consequence'));
        return exits;
      }
      default:
        return Exit.normal;
    }
  }

  private blockExits(block: SyntaxNode | null): ExitSet {
    return block === null ? Exit.normal : this.exitsOf(block);
  }

  /**
   * Explores the normal control flow of the function from `starts`, calling `visit` on every node
   * evaluated, each at most once, and returns the node where `visit` said `found` (or null). Exception
   * edges are approximated: entering a `try` may lead to any of its handlers. Paths end at `return`,
   * `raise` and the end of the function; a `break`/`continue` leaving a `try` runs its `finally` first
   * (visited as one node).
   */
  explore(starts: readonly FlowPoint[], visit: Visitor): SyntaxNode | null {
    const work: FlowPoint[] = [...starts];
    const seen = new Set<string>();
    // Generated code can have tens of thousands of statements in one function; past this many steps
    // the query gives up and answers "not found", which keeps every rule on the silent side.
    let budget = EXPLORE_BUDGET;
    while (work.length > 0 && budget-- > 0) {
      const point = work.pop();
      if (point === undefined) break;
      const key = pointKey(point);
      if (seen.has(key)) continue;
      seen.add(key);
      const hit = this.step(point, work, visit);
      if (hit !== null) return hit;
    }
    return null;
  }

  private step(point: FlowPoint, work: FlowPoint[], visit: Visitor): SyntaxNode | null {
    switch (point.kind) {
      case 'blockStart': {
        const first = this.statementsOf(point.block)[0];
        work.push(first === undefined ? { kind: 'blockEnd', block: point.block } : { kind: 'before', statement: first });
        return null;
      }
      case 'after': {
        const block = this.blockOf(point.statement);
        if (block === null) return null;
        const index = this.indexInBlock.get(point.statement.startIndex);
        const next = index === undefined ? undefined : this.statementsOf(block)[index + 1];
        work.push(next === undefined ? { kind: 'blockEnd', block } : { kind: 'before', statement: next });
        return null;
      }
      case 'blockEnd':
        for (const successor of this.successorsOfBlockEnd(point.block)) work.push(successor);
        return null;
      case 'loopHead':
        return this.stepLoopHead(point.loop, work, visit);
      case 'before':
        return this.stepStatement(point.statement, work, visit);
    }
  }

  private stepStatement(statement: SyntaxNode, work: FlowPoint[], visit: Visitor): SyntaxNode | null {
    const evaluate = (node: SyntaxNode | null, header: HeaderOf): VisitResult => (node === null ? 'continue' : visit(node, header));
    switch (statement.type) {
      case 'if_statement': {
        const first = evaluate(statement.childForFieldName('condition'), { role: 'condition', statement });
        if (first !== 'continue') return first === 'found' ? statement : null;
        pushBlock(work, statement.childForFieldName('consequence'));
        let hasElse = false;
        for (const alternative of statement.childrenForFieldName('alternative')) {
          if (alternative.type === 'elif_clause') {
            const verdict = evaluate(alternative.childForFieldName('condition'), { role: 'condition', statement: alternative });
            if (verdict === 'found') return alternative;
            // A `stop` at an elif condition ends the paths through the later branches only.
            if (verdict === 'stop') return null;
            pushBlock(work, alternative.childForFieldName('consequence'));
          } else {
            hasElse = true;
            pushBlock(work, alternative.childForFieldName('body'));
          }
        }
        if (!hasElse) work.push({ kind: 'after', statement });
        return null;
      }
      case 'while_statement':
        work.push({ kind: 'loopHead', loop: statement });
        return null;
      case 'for_statement': {
        // The iterable is evaluated once, before the first iteration.
        const verdict = evaluate(statement.childForFieldName('right'), { role: 'iterable', statement });
        if (verdict !== 'continue') return verdict === 'found' ? statement : null;
        work.push({ kind: 'loopHead', loop: statement });
        return null;
      }
      case 'try_statement': {
        const parts = this.partsOf(statement);
        pushBlock(work, parts.body);
        for (const handler of parts.handlers) pushBlock(work, handlerBlock(handler));
        return null;
      }
      case 'with_statement': {
        const clause = statement.namedChildren.find((child) => child.type === 'with_clause') ?? null;
        const verdict = evaluate(clause, { role: 'with', statement });
        if (verdict !== 'continue') return verdict === 'found' ? statement : null;
        pushBlock(work, statement.childForFieldName('body'));
        return null;
      }
      case 'match_statement': {
        const verdict = evaluate(statement.childForFieldName('subject'), { role: 'subject', statement });
        if (verdict !== 'continue') return verdict === 'found' ? statement : null;
        for (const clause of matchCases(statement)) pushBlock(work, clause.childForFieldName('consequence'));
        work.push({ kind: 'after', statement });
        return null;
      }
      default: {
        const verdict = visit(statement, null);
        if (verdict === 'found') return statement;
        if (verdict === 'stop') return null;
        return this.jump(statement, work, visit);
      }
    }
  }

  /** Where control goes after a simple statement completes the way it must. */
  private jump(statement: SyntaxNode, work: FlowPoint[], visit: Visitor): SyntaxNode | null {
    switch (statement.type) {
      case 'return_statement':
      case 'raise_statement':
        return null;
      case 'break_statement':
      case 'continue_statement': {
        const loop = this.enclosingLoop(statement);
        if (loop === null) return null;
        // `finally` blocks between the statement and its loop run on the way out.
        for (const final of this.finallyBlocksBetween(statement, loop)) {
          const verdict = visit(final, null);
          if (verdict === 'found') return final;
          if (verdict === 'stop') return null;
        }
        work.push(statement.type === 'break_statement' ? { kind: 'after', statement: loop } : { kind: 'loopHead', loop });
        return null;
      }
      case 'expression_statement':
        if (isNoReturnCall(statement.firstNamedChild)) return null;
        work.push({ kind: 'after', statement });
        return null;
      default:
        work.push({ kind: 'after', statement });
        return null;
    }
  }

  private stepLoopHead(loop: SyntaxNode, work: FlowPoint[], visit: Visitor): SyntaxNode | null {
    let mayFinish = true;
    if (loop.type === 'while_statement') {
      const condition = loop.childForFieldName('condition');
      if (condition !== null) {
        const verdict = visit(condition, { role: 'condition', statement: loop });
        if (verdict === 'found') return loop;
        if (verdict === 'stop') return null;
      }
      mayFinish = !isLiteralTrue(condition);
    }
    pushBlock(work, loop.childForFieldName('body'));
    if (mayFinish) {
      const orElse = loop.childForFieldName('alternative');
      if (orElse !== null) pushBlock(work, orElse.childForFieldName('body'));
      else work.push({ kind: 'after', statement: loop });
    }
    return null;
  }

  /** The block that lists `statement`: from the index when known, else from the tree (once). */
  private blockOf(statement: SyntaxNode): SyntaxNode | null {
    this.index();
    let block = this.blockOfStatement.get(statement.startIndex);
    if (block === undefined) {
      const parent = statement.parent;
      if (parent === null) return null;
      this.statementsOf(parent);
      block = parent;
    }
    return block;
  }

  /** Where control goes when a block completes normally; nothing at the end of the function. */
  private successorsOfBlockEnd(block: SyntaxNode): FlowPoint[] {
    const role = this.index().blockRoles.get(block.startIndex);
    // No role: the function body (or code outside the frame), whose end ends the path.
    if (role === undefined) return [];
    const { owner, part } = role;
    switch (part) {
      case 'loopBody':
        return [{ kind: 'loopHead', loop: owner }];
      case 'tryBody':
      case 'handler':
      case 'tryElse': {
        const parts = this.partsOf(owner);
        if (part === 'tryBody' && parts.orElse !== null) return [{ kind: 'blockStart', block: parts.orElse }];
        if (parts.final !== null) return [{ kind: 'blockStart', block: parts.final }];
        return [{ kind: 'after', statement: owner }];
      }
      default:
        return [{ kind: 'after', statement: owner }];
    }
  }

  /** The parts of a `try` statement, cached (each lookup is several native calls). */
  partsOf(statement: SyntaxNode): TryParts {
    let parts = this.partsCache.get(statement.startIndex);
    if (parts === undefined) {
      parts = tryParts(statement);
      this.partsCache.set(statement.startIndex, parts);
    }
    return parts;
  }

  /** The frame index (built on first use by one cursor walk over the function's own code). */
  index(): FrameIndex {
    if (this.frameIndex === undefined) this.frameIndex = this.buildIndex();
    return this.frameIndex;
  }

  private buildIndex(): FrameIndex {
    const index: FrameIndex = { tries: [], loops: [], withs: [], nestedFrames: [], blockRoles: new Map() };
    const root = this.fn.kind === 'def' ? this.fn.node.childForFieldName('body') : null;
    if (root === null) return index;
    this.statementsOf(root);
    const cursor = root.walk();
    for (;;) {
      const type = cursor.nodeType;
      let descend = true;
      if (FRAME_TYPES.has(type)) {
        // Another frame: its statements are not ours (a `yield` there suspends that frame).
        index.nestedFrames.push([cursor.startIndex, cursor.endIndex]);
        descend = false;
      } else if (COMPOUND_TYPES.has(type)) {
        this.indexCompound(cursor.currentNode, index);
      }
      if (descend && cursor.gotoFirstChild()) continue;
      let moved = false;
      while (!moved) {
        if (cursor.gotoNextSibling()) moved = true;
        else if (!cursor.gotoParent()) return index;
      }
    }
  }

  private indexCompound(node: SyntaxNode, index: FrameIndex): void {
    const role = (block: SyntaxNode | null, part: BlockPart, owner: SyntaxNode = node): void => {
      if (block === null) return;
      index.blockRoles.set(block.startIndex, { owner, part });
      // Listing the block records which block each of its statements belongs to.
      this.statementsOf(block);
    };
    switch (node.type) {
      case 'if_statement':
        role(node.childForFieldName('consequence'), 'if');
        for (const alternative of node.childrenForFieldName('alternative')) {
          role(alternative.childForFieldName(alternative.type === 'elif_clause' ? 'consequence' : 'body'), 'if');
        }
        return;
      case 'while_statement':
      case 'for_statement': {
        const orElse = node.childForFieldName('alternative');
        role(node.childForFieldName('body'), 'loopBody');
        role(orElse?.childForFieldName('body') ?? null, 'loopElse');
        index.loops.push({ node, elseStart: orElse?.startIndex ?? Infinity });
        return;
      }
      case 'try_statement': {
        const parts = this.partsOf(node);
        role(parts.body, 'tryBody');
        for (const handler of parts.handlers) role(handlerBlock(handler), 'handler');
        role(parts.orElse, 'tryElse');
        role(parts.final, 'finally');
        index.tries.push({ node, ...parts });
        return;
      }
      case 'with_statement':
        role(node.childForFieldName('body'), 'with');
        index.withs.push(node);
        return;
      case 'match_statement':
        for (const clause of matchCases(node)) role(clause.childForFieldName('consequence'), 'case');
        return;
      default:
        return;
    }
  }

  /** True when `node` runs in this function's own frame (not in a nested def/lambda/class/genexp). */
  isOwnFrame(node: SyntaxNode): boolean {
    const body = this.fn.kind === 'def' ? this.fn.node.childForFieldName('body') : this.fn.node;
    if (body === null || node.startIndex < body.startIndex || node.endIndex > body.endIndex) return false;
    return !this.index().nestedFrames.some(([start, end]) => node.startIndex >= start && node.endIndex <= end);
  }

  /** The `try` statements of the frame that contain `node`, innermost first. */
  triesAround(node: SyntaxNode): TryInfo[] {
    return this.index()
      .tries.filter((info) => info.node.startIndex <= node.startIndex && node.endIndex <= info.node.endIndex && info.node.startIndex !== node.startIndex)
      .sort((a, b) => b.node.startIndex - a.node.startIndex);
  }

  /** The `with` statements of the frame whose body contains `node`, innermost first. */
  withsAround(node: SyntaxNode): SyntaxNode[] {
    return this.index()
      .withs.filter((statement) => statement.startIndex < node.startIndex && node.endIndex <= statement.endIndex)
      .sort((a, b) => b.startIndex - a.startIndex);
  }

  /** The innermost `while`/`for` of the frame whose body contains `node` (a `break` target). */
  enclosingLoop(node: SyntaxNode): SyntaxNode | null {
    let best: LoopInfo | null = null;
    for (const loop of this.index().loops) {
      const inside = loop.node.startIndex < node.startIndex && node.endIndex <= loop.node.endIndex && node.startIndex < loop.elseStart;
      if (inside && (best === null || loop.node.startIndex > best.node.startIndex)) best = loop;
    }
    return best?.node ?? null;
  }

  /** The `finally` blocks a `break`/`continue` at `from` runs before reaching `loop`, innermost first. */
  private finallyBlocksBetween(from: SyntaxNode, loop: SyntaxNode): SyntaxNode[] {
    const blocks: SyntaxNode[] = [];
    for (const info of this.triesAround(from)) {
      if (info.node.startIndex <= loop.startIndex) break;
      const final = info.final;
      if (final !== null && !(from.startIndex >= final.startIndex && from.endIndex <= final.endIndex)) blocks.push(final);
    }
    return blocks;
  }
}

/** The parts of a `try` statement. */
export interface TryParts {
  body: SyntaxNode | null;
  handlers: SyntaxNode[];
  orElse: SyntaxNode | null;
  final: SyntaxNode | null;
}

export function tryParts(statement: SyntaxNode): TryParts {
  const parts: TryParts = { body: statement.childForFieldName('body'), handlers: [], orElse: null, final: null };
  for (const child of statement.namedChildren) {
    if (child.type === 'except_clause' || child.type === 'except_group_clause') parts.handlers.push(child);
    else if (child.type === 'else_clause') parts.orElse = child.childForFieldName('body');
    else if (child.type === 'finally_clause') parts.final = child.namedChildren.find((c) => c.type === 'block') ?? null;
  }
  return parts;
}

/** The block of an `except` clause (it is not a named field in tree-sitter-python). */
export function handlerBlock(handler: SyntaxNode): SyntaxNode | null {
  const children = handler.namedChildren;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child?.type === 'block') return child;
  }
  return null;
}


function matchCases(statement: SyntaxNode): SyntaxNode[] {
  const body = statement.childForFieldName('body');
  return body === null ? [] : body.namedChildren.filter((child) => child.type === 'case_clause');
}

function pushBlock(work: FlowPoint[], block: SyntaxNode | null): void {
  if (block !== null) work.push({ kind: 'blockStart', block });
}

function pointKey(point: FlowPoint): string {
  switch (point.kind) {
    case 'before':
      return `b${point.statement.startIndex}`;
    case 'after':
      return `a${point.statement.startIndex}`;
    case 'blockStart':
      return `s${point.block.startIndex}`;
    case 'blockEnd':
      // Nested blocks can end at the same offset but never start at the same one.
      return `e${point.block.startIndex}`;
    case 'loopHead':
      return `l${point.loop.startIndex}`;
  }
}



/** True for frame boundaries: a nested def, lambda, class or generator expression. */
export function isFrameBoundary(node: SyntaxNode): boolean {
  return FRAME_TYPES.has(node.type);
}

/** `while True:` and `while 1:` never finish on their own. */
export function isLiteralTrue(condition: SyntaxNode | null): boolean {
  if (condition === null) return false;
  if (condition.type === 'true') return true;
  if (condition.type === 'integer') return !/^0+$|^0[xXoObB]0+$/.test(condition.text.replace(/_/g, ''));
  if (condition.type === 'parenthesized_expression') return isLiteralTrue(condition.firstNamedChild);
  return false;
}

/** Helpers that re-raise by name: `six.reraise(*exc_info)`, `raise_exc_info(...)`, `self.fail(...)`. */
const RERAISING_NAME = /^(?:_?re)?raise(?:_\w+)?$|reraise$|^fail$/;

function isNoReturnCall(expression: SyntaxNode | null): boolean {
  if (expression === null || expression.type !== 'call') return false;
  const callee = expression.childForFieldName('function');
  if (callee === null) return false;
  if (NO_RETURN_CALLS.has(callee.text)) return true;
  const last = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee.text;
  return RERAISING_NAME.test(last);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const flows = new WeakMap<FunctionInfo, FunctionFlow>();

/** The cached flow view of a function (one per FunctionInfo, shared by all rules and the hover). */
export function flowOf(fn: FunctionInfo): FunctionFlow {
  let flow = flows.get(fn);
  if (flow === undefined) {
    flow = new FunctionFlow(fn);
    flows.set(fn, flow);
  }
  return flow;
}
