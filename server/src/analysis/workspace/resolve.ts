// Answers, for rules and the hover, "what does this call expression call?" — a generator function of
// this file or of another workspace module, a priming decorator or factory, a builtin, something outside
// the workspace, or unknown — and "does this expression make a (started) generator object?".

import type { SyntaxNode } from '../../parser.js';
import { analyzeFrame, generatorMaskAt, maskToState, type CreationKind, type FlowOptions, type GeneratorState, type StateMask, analysedFrameOf } from '../flow/generator-state.js';
import type { SemanticModel } from '../model/semantic.js';
import type { SymbolResolution, WorkspaceIndex } from './index.js';
import { absoluteModule, dottedName, isPackageInitPath, summarizeFunction, type FunctionSummary } from './summary.js';

/** What a call's callee is. `module` is null for a function of the file being analysed. */
export type CalleeResolution =
  | { kind: 'function'; module: string | null; summary: FunctionSummary; node: SyntaxNode | null }
  | { kind: 'builtin'; name: string }
  | { kind: 'class' }
  | { kind: 'module'; module: string }
  | { kind: 'decorated'; decorator: CalleeResolution; target: CalleeResolution }
  /** Outside the workspace: `itertools.count` however it was imported. */
  | { kind: 'external'; qualifiedName: string }
  | { kind: 'unknown' };

export interface ResolverContext {
  readonly model: SemanticModel;
  readonly index: WorkspaceIndex | undefined;
  readonly moduleName: string | undefined;
  readonly file?: string;
}

const BUILTIN_NAMES = new Set([
  'next', 'iter', 'list', 'tuple', 'set', 'frozenset', 'dict', 'sorted', 'sum', 'min', 'max', 'any', 'all', 'print', 'repr',
  'str', 'id', 'type', 'isinstance', 'bool', 'hash', 'callable', 'format', 'enumerate', 'zip', 'map', 'filter', 'reversed',
  'range', 'len', 'open', 'bytes', 'bytearray', 'int', 'float', 'object', 'staticmethod', 'classmethod', 'property',
  'super', 'getattr', 'setattr', 'hasattr', 'vars', 'dir', 'abs', 'round', 'divmod', 'pow', 'chr', 'ord', 'input',
]);

/** Decorators that leave a function's call result alone. */
const TRANSPARENT_DECORATORS = new Set(['staticmethod', 'classmethod']);

const MAX_DEPTH = 10;

const resolverCache = new WeakMap<SemanticModel, Resolver[]>();

/**
 * The resolver for a file (one per model and index: its caches live as long as the model). A model
 * is asked both with the run's index (rules) and without one (its module summary), so a few are kept.
 */
export function resolverFor(ctx: ResolverContext): Resolver {
  let cached = resolverCache.get(ctx.model);
  if (cached === undefined) {
    cached = [];
    resolverCache.set(ctx.model, cached);
  }
  const known = cached.find((resolver) => resolver.index === ctx.index && resolver.moduleName === ctx.moduleName);
  if (known !== undefined) return known;
  const resolver = new Resolver(ctx.model, ctx.index, ctx.moduleName, ctx.file);
  // The language server replaces its index's identity rarely; a short list never grows without bound.
  if (cached.length >= 4) cached.shift();
  cached.push(resolver);
  return resolver;
}

export class Resolver {
  readonly flowOptions: FlowOptions;
  /** The same analysis for async generator objects (`agen()` of an `async def` with `yield`). */
  readonly asyncFlowOptions: FlowOptions;
  private readonly isPackageInit: boolean;
  /** Distinguishes flow caches of resolvers with different indexes for the same model. */
  private readonly cacheKey: string;

  /** The key under which this resolver's generator-state results are cached (for `analyzeFrame`). */
  get flowCacheKey(): string {
    return this.cacheKey;
  }
  private static nextKey = 0;

  constructor(
    readonly model: SemanticModel,
    readonly index: WorkspaceIndex | undefined,
    readonly moduleName: string | undefined,
    file?: string,
  ) {
    this.isPackageInit = file !== undefined && isPackageInitPath(file);
    this.cacheKey = `resolver${Resolver.nextKey++}`;
    this.flowOptions = {
      classifyValue: (value) => this.creationOf(value),
      isBuiltin: (name, at) => this.isBuiltin(name, at),
    };
    this.asyncFlowOptions = {
      classifyValue: (value) => this.asyncCreationOf(value),
      isBuiltin: (name, at) => this.isBuiltin(name, at),
    };
  }

  /** True when `name` at `at` is the builtin (not shadowed by any binding in an enclosing scope). */
  isBuiltin(name: string, at: SyntaxNode): boolean {
    return this.model.resolve(name, this.model.scopeOf(at)) === null;
  }

  /** What the callee of a `call` node is. */
  resolveCall(call: SyntaxNode): CalleeResolution {
    return this.resolveExpression(call.childForFieldName('function'), 0);
  }

  /** What an identifier or attribute chain names, from where it is written. */
  resolveExpression(expr: SyntaxNode | null, depth = 0): CalleeResolution {
    if (expr === null || depth > MAX_DEPTH) return { kind: 'unknown' };
    const dotted = dottedName(this.model.text, expr);
    if (dotted === null) return { kind: 'unknown' };
    return this.resolveDottedAt(dotted, expr, depth);
  }

  private resolveDottedAt(dotted: string, at: SyntaxNode, depth: number): CalleeResolution {
    const [head, ...rest] = dotted.split('.');
    if (head === undefined) return { kind: 'unknown' };
    const found = this.model.resolve(head, this.model.scopeOf(at));
    if (found === null) {
      if (rest.length === 0 && BUILTIN_NAMES.has(head)) return { kind: 'builtin', name: head };
      return { kind: 'unknown' };
    }
    // A name bound more than once (`try: from a import f / except ImportError: def f()`) is not followed.
    // `import pkg` and `import pkg.mod` both bind `pkg` to the same module: one binding in effect.
    const sameModule = found.bindings.every((b) => b.kind === 'import' && b.node.type === 'dotted_name' && (b.importModule ?? '').split('.')[0] === head);
    if (found.bindings.length !== 1 && !sameModule) return { kind: 'unknown' };
    const binding = found.bindings[0];
    if (binding === undefined) return { kind: 'unknown' };
    switch (binding.kind) {
      case 'def': {
        if (rest.length > 0) return { kind: 'unknown' };
        const fn = this.model.functionForNode(binding.node);
        return fn === undefined ? { kind: 'unknown' } : { kind: 'function', module: null, summary: summarizeFunction(this.model, fn), node: fn.node };
      }
      case 'class':
        return rest.length === 0 ? { kind: 'class' } : { kind: 'unknown' };
      case 'import': {
        const written = binding.importModule ?? '';
        const module = binding.node.type === 'dotted_name' ? written.split('.')[0] ?? written : written;
        return this.resolveInWorkspace(module, rest, depth);
      }
      case 'importFrom': {
        const module = absoluteModule(binding.importModule ?? '', this.moduleName, this.isPackageInit);
        const name = binding.importName;
        if (module === null || name === undefined || name === null || name === '*') return { kind: 'unknown' };
        return this.resolveInWorkspace(module, [name, ...rest], depth);
      }
      case 'assign': {
        // Only module-level aliases are followed: a local may be reassigned in ways a lookup cannot see.
        if (found.scope !== this.model.moduleScope || binding.value === null) return { kind: 'unknown' };
        const value = binding.value;
        const target = dottedName(this.model.text, value);
        if (target !== null) return this.resolveDottedAt([target, ...rest].join('.'), value, depth + 1);
        if (value.type === 'call' && rest.length === 0) {
          const args = value.childForFieldName('arguments')?.namedChildren ?? [];
          if (args.length !== 1 || args[0] === undefined) return { kind: 'unknown' };
          return { kind: 'decorated', decorator: this.resolveExpression(value.childForFieldName('function'), depth + 1), target: this.resolveExpression(args[0], depth + 1) };
        }
        return { kind: 'unknown' };
      }
      default:
        return { kind: 'unknown' };
    }
  }

  private resolveInWorkspace(module: string, path: string[], depth: number): CalleeResolution {
    if (this.index === undefined) return { kind: 'external', qualifiedName: [module, ...path].join('.') };
    return this.fromSymbol(this.index.resolveSymbol(module, path), depth);
  }

  private fromSymbol(symbol: SymbolResolution, depth: number): CalleeResolution {
    switch (symbol.kind) {
      case 'function':
        return { kind: 'function', module: symbol.module, summary: symbol.summary, node: null };
      case 'class':
        return { kind: 'class' };
      case 'module':
        return { kind: 'module', module: symbol.module };
      case 'external':
        return { kind: 'external', qualifiedName: symbol.qualifiedName };
      case 'decorated':
        return {
          kind: 'decorated',
          decorator: this.resolveInModule(symbol.module, symbol.decorator, depth + 1),
          target: this.resolveInModule(symbol.module, symbol.target, depth + 1),
        };
      case 'unknown':
        return { kind: 'unknown' };
    }
  }

  /** A dotted name as written in another workspace module (a decorator or factory callee there). */
  private resolveInModule(module: string, dotted: string, depth: number): CalleeResolution {
    if (this.index === undefined || depth > MAX_DEPTH) return { kind: 'unknown' };
    const parts = dotted.split('.');
    const head = parts[0] ?? '';
    const summary = this.index.module(module);
    if (summary !== undefined && summary.bindings?.[head] === undefined && parts.length === 1 && BUILTIN_NAMES.has(head)) return { kind: 'builtin', name: head };
    return this.fromSymbol(this.index.resolveSymbol(module, parts), depth);
  }

  /** The qualified name outside the workspace a callee stands for (`itertools.count`), if any. */
  externalName(expr: SyntaxNode | null): string | null {
    const resolved = this.resolveExpression(expr);
    return resolved.kind === 'external' ? resolved.qualifiedName : null;
  }

  /** What calling this callee returns: a fresh generator object, a started one, or not known (null). */
  callResult(callee: CalleeResolution, depth = 0): CreationKind | null {
    if (depth > MAX_DEPTH) return null;
    switch (callee.kind) {
      case 'function':
        return this.functionCallResult(callee, depth);
      case 'decorated': {
        const decorator = callee.decorator;
        if (decorator.kind !== 'function' || !decorator.summary.primesReturnedGenerator) return null;
        const target = this.callResult(callee.target, depth + 1);
        return target === null ? null : 'started';
      }
      default:
        return null;
    }
  }

  private functionCallResult(callee: Extract<CalleeResolution, { kind: 'function' }>, depth: number): CreationKind | null {
    const summary = callee.summary;
    if (summary.isAsync) return null; // An async generator has `asend`, not `send`; not ours.
    let primed = false;
    if (summary.decorators.length > 0) {
      const decoratorNodes = callee.node === null ? null : this.model.functionForNode(callee.node)?.decorators ?? null;
      for (let i = 0; i < summary.decorators.length; i++) {
        const written = summary.decorators[i];
        if (written === null || written === undefined) return null;
        if (TRANSPARENT_DECORATORS.has(written)) continue;
        const decorator = decoratorNodes !== null
          ? this.resolveExpression(decoratorNodes[i] ?? null, depth + 1)
          : callee.module !== null ? this.resolveInModule(callee.module, written, depth + 1) : { kind: 'unknown' as const };
        if (decorator.kind === 'builtin' && TRANSPARENT_DECORATORS.has(decorator.name)) continue;
        if (decorator.kind !== 'function' || !decorator.summary.primesReturnedGenerator) return null;
        primed = true;
      }
    }
    if (summary.isGenerator) return primed ? 'started' : 'created';
    if (primed) return null;
    if (summary.returnsGenerator) return 'created';
    if (summary.returnedCallee !== null) {
      const inner = callee.node !== null
        ? this.resolveReturnedCallee(callee.node, summary.returnedCallee, depth + 1)
        : callee.module !== null ? this.resolveInModule(callee.module, summary.returnedCallee, depth + 1) : { kind: 'unknown' as const };
      const kind = this.callResult(inner, depth + 1);
      if (kind === null) return null;
      return summary.returnedPrimed ? 'started' : kind;
    }
    return null;
  }

  /**
   * For a generator factory (`def make(): return gen()`, `FunctionSummary.returnedCallee`), what the
   * callee it returns the result of is; unknown for anything else. Rules that ask about the generator
   * function behind a factory (GEN007) follow it with this.
   */
  returnedCalleeOf(callee: CalleeResolution, depth = 0): CalleeResolution {
    if (callee.kind !== 'function' || callee.summary.isGenerator || callee.summary.returnedCallee === null || depth > MAX_DEPTH) return { kind: 'unknown' };
    const returned = callee.summary.returnedCallee;
    if (callee.node !== null) return this.resolveReturnedCallee(callee.node, returned, depth + 1);
    return callee.module !== null ? this.resolveInModule(callee.module, returned, depth + 1) : { kind: 'unknown' };
  }

  /** Resolves a factory's returned callee as written inside that (same-file) function's body. */
  private resolveReturnedCallee(functionNode: SyntaxNode, dotted: string, depth: number): CalleeResolution {
    const body = functionNode.childForFieldName('body');
    const anchor = body?.firstNamedChild ?? null;
    if (anchor === null) return { kind: 'unknown' };
    return this.resolveDottedAt(dotted, anchor, depth);
  }

  /** Whether evaluating `value` gives a fresh generator object, an already started one, or neither. */
  creationOf(value: SyntaxNode): CreationKind | null {
    let node = value;
    while (node.type === 'parenthesized_expression' && node.namedChildCount === 1 && node.firstNamedChild !== null) node = node.firstNamedChild;
    if (node.type === 'generator_expression') return 'created';
    if (node.type !== 'call') return null;
    const callee = node.childForFieldName('function');
    if (callee === null || (callee.type !== 'identifier' && callee.type !== 'attribute')) return null;
    return this.callResult(this.resolveCall(node));
  }

  /**
   * Whether evaluating `value` gives a fresh async generator object: a call of an async generator
   * function of this file or the workspace, not decorated (a decorator may wrap it in anything).
   */
  asyncCreationOf(value: SyntaxNode): CreationKind | null {
    let node = value;
    while (node.type === 'parenthesized_expression' && node.namedChildCount === 1 && node.firstNamedChild !== null) node = node.firstNamedChild;
    if (node.type !== 'call') return null;
    const callee = node.childForFieldName('function');
    if (callee === null || (callee.type !== 'identifier' && callee.type !== 'attribute')) return null;
    const resolved = this.resolveCall(node);
    if (resolved.kind !== 'function') return null;
    const summary = resolved.summary;
    return summary.isAsync && summary.isGenerator && summary.decorators.every((written) => written !== null && TRANSPARENT_DECORATORS.has(written)) ? 'created' : null;
  }

  /** The async generator analysis's state set at a use (see `maskAt`). */
  asyncMaskAt(identifier: SyntaxNode): StateMask | undefined {
    return generatorMaskAt(this.model, identifier, this.asyncFlowOptions, `${this.cacheKey}:async`);
  }

  /** The generator-state analysis for the frame running `node`, with this resolver's idea of creation. */
  maskAt(identifier: SyntaxNode): StateMask | undefined {
    return generatorMaskAt(this.model, identifier, this.flowOptions, this.cacheKey);
  }

  stateAt(identifier: SyntaxNode): GeneratorState {
    return maskToState(this.maskAt(identifier));
  }

  /** Names tracked as generator objects in the frame running `node` (for hover and tests). */
  trackedNamesAt(node: SyntaxNode): ReadonlySet<string> {
    const frame = analysedFrameOf(node);
    return frame === null ? new Set() : analyzeFrame(this.model, frame, this.flowOptions, this.cacheKey).tracked;
  }
}
