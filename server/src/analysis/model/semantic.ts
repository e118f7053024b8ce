// The semantic model shared by every rule: functions (and which are generators), scopes, bindings and
// imports. Rules consult it instead of re-deriving it.
//
// Cost model: every call into the native tree-sitter binding is expensive (walking every node of the
// standard library with a cursor costs as much as parsing it). So the model asks tree-sitter once, with
// `descendantsOfType`, for the few node types that shape frames (defs, lambdas, comprehensions, classes,
// yields), rebuilds their nesting from offsets, and computes name bindings lazily, only when a rule
// resolves a name.

import type { SyntaxNode, Tree } from '../../parser.js';
import { runSteps, type Steps } from '../steps.js';

export type FunctionKind = 'def' | 'lambda' | 'genexp';

/** A frame-owning construct: `def`, `lambda` or generator expression. */
export interface FunctionInfo {
  readonly node: SyntaxNode;
  readonly kind: FunctionKind;
  /** `f`, `<lambda>` or `<genexpr>`. */
  readonly name: string;
  /** CPython's `__qualname__`: `outer.<locals>.inner`, `Node.__iter__`, `<genexpr>`. */
  readonly qualname: string;
  readonly isAsync: boolean;
  /** A `yield` or `yield from` in the function's own body (always true for generator expressions). */
  isGenerator: boolean;
  /** The `yield` nodes of its own body, not those of nested functions, lambdas or classes. */
  readonly yields: SyntaxNode[];
  /** Decorator expressions, outermost first (`@contextmanager` → the `contextmanager` node). */
  readonly decorators: SyntaxNode[];
  readonly parent: FunctionInfo | null;
  /** The class whose body defines this function directly (a method), if any. */
  readonly enclosingClass: SyntaxNode | null;
  readonly scope: Scope;
  /** True when the function's subtree has ERROR or MISSING nodes: rules stay silent about it. */
  readonly hasSyntaxError: boolean;
}

export type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export type BindingKind =
  | 'def'
  | 'class'
  | 'import'
  | 'importFrom'
  | 'assign'
  | 'augmentedAssign'
  | 'annotation'
  | 'param'
  | 'for'
  | 'with'
  | 'except'
  | 'walrus'
  | 'del'
  | 'other';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The node that binds the name (the identifier for most kinds; the def/class node for those). */
  readonly node: SyntaxNode;
  /** For `name = value` with a single target, the value; otherwise null. */
  readonly value: SyntaxNode | null;
  /** For imports: the module as written (`a.b`, `.`, `..pkg.m`); for `import a.b` the whole `a.b`. */
  readonly importModule?: string;
  /** For `from m import name`: the imported name; null for `import m`. */
  readonly importName?: string | null;
}

/** A scope. Its bindings are computed on first access, for all scopes of the file at once. */
export class Scope {
  private readonly ownBindings = new Map<string, Binding[]>();
  private readonly ownGlobals = new Set<string>();
  private readonly ownNonlocals = new Set<string>();

  /** The frame this scope belongs to (a comprehension's is its enclosing function's), or null. */
  function: FunctionInfo | null;

  constructor(
    private readonly model: SemanticModel,
    readonly kind: ScopeKind,
    readonly node: SyntaxNode,
    readonly parent: Scope | null,
    frame: FunctionInfo | null,
  ) {
    this.function = frame;
  }

  /** Every binding of each name in this scope, in document order. */
  get bindings(): ReadonlyMap<string, Binding[]> {
    this.model.ensureBindings();
    return this.ownBindings;
  }

  get globals(): ReadonlySet<string> {
    this.model.ensureBindings();
    return this.ownGlobals;
  }

  get nonlocals(): ReadonlySet<string> {
    this.model.ensureBindings();
    return this.ownNonlocals;
  }

  /** @internal used while bindings are computed */
  addBinding(binding: Binding): void {
    const list = this.ownBindings.get(binding.name);
    if (list === undefined) this.ownBindings.set(binding.name, [binding]);
    else list.push(binding);
  }

  /** @internal used while bindings are computed */
  declare(name: string, declaration: 'global' | 'nonlocal'): void {
    (declaration === 'global' ? this.ownGlobals : this.ownNonlocals).add(name);
  }
}

/** What code at some point of the file runs in: its scope, frame, enclosing class and qualname prefix. */
interface Context {
  scope: Scope;
  fn: FunctionInfo | null;
  classNode: SyntaxNode | null;
  qualPrefix: string;
}

/**
 * A node that opens a scope. Its `inner` context covers only part of its range: a def's parameter
 * defaults, a class's bases and a comprehension's first iterable are evaluated in the `outer` context.
 */
interface Container {
  node: SyntaxNode;
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** A part of the inner range evaluated outside (a comprehension's first iterable), or -1. */
  excludedStart: number;
  excludedEnd: number;
  outer: Context;
  inner: Context;
}

const FUNCTION_TYPES = new Set(['function_definition', 'lambda', 'generator_expression']);
const COMPREHENSION_TYPES = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);
const CONTAINER_TYPES = ['function_definition', 'lambda', 'generator_expression', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'class_definition'];
const BINDING_TYPES = [
  'import_statement',
  'import_from_statement',
  'assignment',
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
  'with_item',
  'except_clause',
  'named_expression',
  'global_statement',
  'nonlocal_statement',
  'delete_statement',
];

/** How many nodes of a query the model handles between two steps (see `SemanticModel.inSteps`). */
const STEP_NODES = 256;

export class SemanticModel {
  readonly functions: FunctionInfo[] = [];
  readonly moduleScope: Scope;
  private readonly functionsByNodeId = new Map<number, FunctionInfo>();
  private readonly scopesByNodeId = new Map<number, Scope>();
  private readonly containersByNodeId = new Map<number, Container>();
  private readonly collected = new Map<string, SyntaxNode[]>();
  private bindingsComputed = false;
  /** The bindings being computed in steps (`bindingSteps`), shared by whoever drives them. */
  private pendingBindings: Steps<void> | null = null;
  /** True while a step of `pendingBindings` runs: a scope's getter then reads what is there so far. */
  private bindingsRunning = false;

  constructor(
    readonly tree: Tree,
    readonly text: string,
    /** Node types some rule asked for; collected in the same native query (see `nodesOfType`). */
    collectTypes: ReadonlySet<string> = new Set(),
    /** Only for `inSteps`, which runs the build itself. */
    deferBuild = false,
  ) {
    const root = tree.rootNode;
    this.moduleScope = new Scope(this, 'module', root, null, null);
    this.scopesByNodeId.set(root.id, this.moduleScope);
    for (const type of collectTypes) this.collected.set(type, []);
    if (!deferBuild) runSteps(this.build(root, collectTypes));
  }

  /**
   * The model built in steps (see `Steps`), one per 256 nodes of its query: the same model as the
   * constructor's. It is incomplete until the steps end, so it must not be handed out before.
   */
  static *inSteps(tree: Tree, text: string, collectTypes: ReadonlySet<string> = new Set()): Steps<SemanticModel> {
    const model = new SemanticModel(tree, text, collectTypes, true);
    yield* model.build(tree.rootNode, collectTypes);
    return model;
  }

  /** Nodes of a type a rule asked for (`RuleDefinition.nodeTypes`), in document order. */
  nodesOfType(type: string): readonly SyntaxNode[] {
    return this.collected.get(type) ?? [];
  }

  /** The FunctionInfo for a `function_definition`, `lambda` or `generator_expression` node. */
  functionForNode(node: SyntaxNode): FunctionInfo | undefined {
    return this.functionsByNodeId.get(node.id);
  }

  /** The innermost function (def, lambda, genexp) whose frame runs `node`, or null at module level. */
  enclosingFunction(node: SyntaxNode): FunctionInfo | null {
    return this.contextAt(node).fn;
  }

  /** The scope that `node` is evaluated in. */
  scopeOf(node: SyntaxNode): Scope {
    return this.contextAt(node).scope;
  }

  /** The bindings `name` resolves to from `scope` (LEGB; class scopes are skipped from inner functions). */
  resolve(name: string, scope: Scope): { scope: Scope; bindings: Binding[] } | null {
    let current: Scope | null = scope;
    let first = true;
    while (current !== null) {
      if (current.globals.has(name)) return this.lookupIn(this.moduleScope, name);
      const skip = current.kind === 'class' && !first;
      if (!skip && !current.nonlocals.has(name)) {
        const found = current.bindings.get(name);
        if (found !== undefined) return { scope: current, bindings: found };
      }
      first = false;
      current = current.parent;
    }
    return null;
  }

  private lookupIn(scope: Scope, name: string): { scope: Scope; bindings: Binding[] } | null {
    const found = scope.bindings.get(name);
    return found === undefined ? null : { scope, bindings: found };
  }

  /** The context of `node`: found through its nearest container ancestor, by offsets. */
  private contextAt(node: SyntaxNode): Context {
    const start = node.startIndex;
    for (let current = node.parent; current !== null; current = current.parent) {
      const container = this.containersByNodeId.get(current.id);
      if (container !== undefined) return contextWithin(container, start);
    }
    return this.moduleContext();
  }

  private moduleContext(): Context {
    return { scope: this.moduleScope, fn: null, classNode: null, qualPrefix: '' };
  }

  /** The eager pass: containers, functions, yields and the node types rules asked for, in one query. */
  private *build(root: SyntaxNode, collectTypes: ReadonlySet<string>): Steps<void> {
    const types = new Set([...CONTAINER_TYPES, 'yield', ...collectTypes]);
    const stack: Container[] = [];
    let count = 0;
    for (const node of root.descendantsOfType([...types])) {
      if (++count % STEP_NODES === 0) yield;
      // `descendantsOfType` also returns keywords that share a type name with a named node (`yield`).
      if (!node.isNamed) continue;
      const start = node.startIndex;
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= start) stack.pop();
      const top = stack[stack.length - 1];
      const ctx = top === undefined ? this.moduleContext() : contextWithin(top, start);
      const type = node.type;
      this.collected.get(type)?.push(node);
      if (type === 'yield') {
        if (ctx.fn !== null) {
          ctx.fn.yields.push(node);
          ctx.fn.isGenerator = true;
        }
        continue;
      }
      const container = this.openContainer(node, type, ctx);
      if (container !== null) {
        stack.push(container);
        this.containersByNodeId.set(node.id, container);
      }
    }
  }

  private openContainer(node: SyntaxNode, type: string, ctx: Context): Container | null {
    const start = node.startIndex;
    const end = node.endIndex;
    if (type === 'class_definition') {
      const name = node.childForFieldName('name')?.text ?? '<anonymous>';
      const body = node.childForFieldName('body');
      const scope = new Scope(this, 'class', node, ctx.scope, ctx.fn);
      this.scopesByNodeId.set(node.id, scope);
      const inner = { scope, fn: ctx.fn, classNode: node, qualPrefix: `${ctx.qualPrefix}${name}.` };
      return { node, start, end, innerStart: body?.startIndex ?? end, innerEnd: body?.endIndex ?? end, excludedStart: -1, excludedEnd: -1, outer: ctx, inner };
    }
    if (COMPREHENSION_TYPES.has(type) || type === 'generator_expression') {
      const firstIterable = node.namedChildren.find((child) => child.type === 'for_in_clause')?.childForFieldName('right') ?? null;
      let inner: Context;
      if (type === 'generator_expression') {
        const fn = this.newFunction(node, 'genexp', '<genexpr>', `${ctx.qualPrefix}<genexpr>`, false, [], ctx);
        fn.isGenerator = true;
        inner = { scope: fn.scope, fn, classNode: null, qualPrefix: `${fn.qualname}.<locals>.` };
      } else {
        // PEP 709 inlines list/set/dict comprehensions into their function: same frame, same qualname prefix.
        const scope = new Scope(this, 'comprehension', node, ctx.scope, ctx.fn);
        this.scopesByNodeId.set(node.id, scope);
        inner = { scope, fn: ctx.fn, classNode: null, qualPrefix: ctx.qualPrefix };
      }
      return {
        node,
        start,
        end,
        innerStart: start,
        innerEnd: end,
        excludedStart: firstIterable?.startIndex ?? -1,
        excludedEnd: firstIterable?.endIndex ?? -1,
        outer: ctx,
        inner,
      };
    }
    const isDef = type === 'function_definition';
    const name = isDef ? (node.childForFieldName('name')?.text ?? '<anonymous>') : '<lambda>';
    const decorators = isDef && node.parent?.type === 'decorated_definition'
      ? node.parent.namedChildren.filter((child) => child.type === 'decorator').map((decorator) => decorator.firstNamedChild ?? decorator)
      : [];
    const isAsync = isDef && node.firstChild?.type === 'async';
    const fn = this.newFunction(node, isDef ? 'def' : 'lambda', name, ctx.qualPrefix + name, isAsync, decorators, ctx);
    const body = node.childForFieldName('body');
    const inner = { scope: fn.scope, fn, classNode: null, qualPrefix: `${fn.qualname}.<locals>.` };
    return { node, start, end, innerStart: body?.startIndex ?? end, innerEnd: body?.endIndex ?? end, excludedStart: -1, excludedEnd: -1, outer: ctx, inner };
  }

  private newFunction(node: SyntaxNode, kind: FunctionKind, name: string, qualname: string, isAsync: boolean, decorators: SyntaxNode[], ctx: Context): FunctionInfo {
    const scope = new Scope(this, 'function', node, ctx.scope, null);
    const fn: FunctionInfo = {
      node,
      kind,
      name,
      qualname,
      isAsync,
      isGenerator: false,
      yields: [],
      decorators,
      parent: ctx.fn,
      enclosingClass: ctx.scope.kind === 'class' ? ctx.classNode : null,
      scope,
      hasSyntaxError: node.hasError,
    };
    scope.function = fn;
    this.functions.push(fn);
    this.functionsByNodeId.set(node.id, fn);
    this.scopesByNodeId.set(node.id, scope);
    return fn;
  }

  /** The lazy pass: every binding of every scope, from one more native query. */
  ensureBindings(): void {
    if (this.bindingsComputed || this.bindingsRunning) return;
    runSteps(this.bindingSteps());
  }

  /**
   * `ensureBindings` in steps (see `Steps`). Whoever drives them first shares the one computation: an
   * `ensureBindings` between two steps (a hover while the analysis runs) finishes it at once, and the
   * analysis' steps then find it done.
   */
  *bindingSteps(): Steps<void> {
    this.pendingBindings ??= this.computeBindings();
    while (!this.bindingsComputed) {
      this.bindingsRunning = true;
      let next: IteratorResult<void, void>;
      try {
        next = this.pendingBindings.next();
      } finally {
        this.bindingsRunning = false;
      }
      if (next.done === true) {
        this.bindingsComputed = true;
        this.pendingBindings = null;
        return;
      }
      yield;
    }
  }

  private *computeBindings(): Steps<void> {
    const stack: Container[] = [];
    let count = 0;
    for (const node of this.tree.rootNode.descendantsOfType([...CONTAINER_TYPES, ...BINDING_TYPES])) {
      if (++count % STEP_NODES === 0) yield;
      const start = node.startIndex;
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= start) stack.pop();
      const top = stack[stack.length - 1];
      const ctx = top === undefined ? this.moduleContext() : contextWithin(top, start);
      const container = this.containersByNodeId.get(node.id);
      if (container !== undefined) {
        stack.push(container);
        this.bindContainer(node, container, ctx);
      } else {
        bindStatement(node, ctx.scope);
      }
    }
  }

  private bindContainer(node: SyntaxNode, container: Container, ctx: Context): void {
    if (node.type === 'function_definition' || node.type === 'class_definition') {
      const name = node.childForFieldName('name');
      if (name !== null) ctx.scope.addBinding({ name: name.text, kind: node.type === 'class_definition' ? 'class' : 'def', node, value: null });
    }
    if (FUNCTION_TYPES.has(node.type) && node.type !== 'generator_expression') {
      const parameters = node.childForFieldName('parameters');
      for (const param of parameters?.namedChildren ?? []) bindParameter(param, container.inner.scope);
    }
  }
}

function contextWithin(container: Container, offset: number): Context {
  const inInner = offset >= container.innerStart && offset < container.innerEnd;
  const inExcluded = offset >= container.excludedStart && offset < container.excludedEnd;
  return inInner && !inExcluded ? container.inner : container.outer;
}

export function isInside(node: SyntaxNode, container: SyntaxNode | null): boolean {
  if (container === null) return false;
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

function bindParameter(param: SyntaxNode, scope: Scope): void {
  if (param.type === 'identifier') {
    scope.addBinding({ name: param.text, kind: 'param', node: param, value: null });
    return;
  }
  const name = param.childForFieldName('name') ?? param.namedChildren.find((child) => child.type === 'identifier') ?? null;
  if (name !== null && name.type === 'identifier') scope.addBinding({ name: name.text, kind: 'param', node: name, value: null });
}

function bindStatement(node: SyntaxNode, scope: Scope): void {
  switch (node.type) {
    case 'import_statement':
    case 'import_from_statement':
      return bindImport(node, scope);
    case 'assignment':
      return bindAssignment(node, scope);
    case 'augmented_assignment': {
      const left = node.childForFieldName('left');
      if (left?.type === 'identifier') scope.addBinding({ name: left.text, kind: 'augmentedAssign', node: left, value: null });
      return;
    }
    case 'for_statement':
    case 'for_in_clause':
      return bindTargets(node.childForFieldName('left'), scope, 'for');
    case 'with_item': {
      const value = node.childForFieldName('value');
      if (value?.type === 'as_pattern') bindTargets(value.childForFieldName('alias'), scope, 'with');
      return;
    }
    case 'except_clause': {
      const value = node.childForFieldName('value') ?? node.namedChildren.find((child) => child.type === 'as_pattern') ?? null;
      if (value?.type === 'as_pattern') bindTargets(value.childForFieldName('alias'), scope, 'except');
      return;
    }
    case 'named_expression': {
      const name = node.childForFieldName('name');
      // PEP 572: a walrus in a comprehension or generator expression binds in the enclosing function.
      let target = scope;
      while ((target.kind === 'comprehension' || target.function?.kind === 'genexp') && target.parent !== null) target = target.parent;
      if (name !== null) target.addBinding({ name: name.text, kind: 'walrus', node: name, value: node.childForFieldName('value') });
      return;
    }
    case 'global_statement':
    case 'nonlocal_statement':
      for (const child of node.namedChildren) {
        if (child.type === 'identifier') scope.declare(child.text, node.type === 'global_statement' ? 'global' : 'nonlocal');
      }
      return;
    case 'delete_statement':
      for (const child of node.namedChildren) bindTargets(child, scope, 'del');
      return;
    default:
      return;
  }
}

function bindAssignment(node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (left === null) return;
  if (right === null) {
    // `x: int` alone declares a local without binding a value.
    if (left.type === 'identifier') scope.addBinding({ name: left.text, kind: 'annotation', node: left, value: null });
    return;
  }
  // `a = b = value`: tree-sitter nests the second assignment as the right-hand side, and visits it too.
  const value = right.type === 'assignment' ? null : right;
  if (left.type === 'identifier') scope.addBinding({ name: left.text, kind: 'assign', node: left, value });
  else bindTargets(left, scope, 'assign');
}

function bindTargets(target: SyntaxNode | null, scope: Scope, kind: BindingKind): void {
  if (target === null) return;
  switch (target.type) {
    case 'identifier':
      scope.addBinding({ name: target.text, kind, node: target, value: null });
      return;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'expression_list':
    case 'as_pattern_target':
    case 'parenthesized_expression':
    case 'list_splat_pattern':
    case 'list_splat':
      for (const child of target.namedChildren) bindTargets(child, scope, kind);
      return;
    default:
      // Attribute and subscript targets bind no name.
      return;
  }
}

function bindImport(node: SyntaxNode, scope: Scope): void {
  if (node.type === 'import_statement') {
    for (const item of node.childrenForFieldName('name')) {
      if (item.type === 'aliased_import') {
        const module = item.childForFieldName('name')?.text ?? '';
        const alias = item.childForFieldName('alias');
        if (alias !== null) scope.addBinding({ name: alias.text, kind: 'import', node: alias, value: null, importModule: module, importName: null });
      } else {
        // `import a.b` binds `a`; `importModule` keeps the whole dotted name so `a.b.f` can be resolved.
        const first = item.text.split('.')[0] ?? item.text;
        scope.addBinding({ name: first, kind: 'import', node: item, value: null, importModule: item.text, importName: null });
      }
    }
    return;
  }
  const module = node.childForFieldName('module_name')?.text ?? '';
  for (const item of node.childrenForFieldName('name')) {
    if (item.type === 'aliased_import') {
      const imported = item.childForFieldName('name')?.text ?? '';
      const alias = item.childForFieldName('alias');
      if (alias !== null) scope.addBinding({ name: alias.text, kind: 'importFrom', node: alias, value: null, importModule: module, importName: imported });
    } else {
      scope.addBinding({ name: item.text, kind: 'importFrom', node: item, value: null, importModule: module, importName: item.text });
    }
  }
}
