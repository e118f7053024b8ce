// The semantic model shared by every rule: functions (and which are generators), scopes, bindings and
// imports, built in one walk over the tree-sitter tree. Rules consult it instead of re-deriving it.

import type { SyntaxNode, Tree } from '../../parser.js';

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
  | 'global'
  | 'nonlocal'
  | 'del'
  | 'other';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The node that binds the name (the identifier for most kinds; the def/class node for those). */
  readonly node: SyntaxNode;
  /** For `name = value` with a single target, the value; otherwise null. */
  readonly value: SyntaxNode | null;
  /** For imports: the module as written (`a.b`, `.`, `..pkg.m`). */
  readonly importModule?: string;
  /** For `from m import name`: the imported name; null for `import m`. */
  readonly importName?: string | null;
}

export interface Scope {
  readonly kind: ScopeKind;
  readonly node: SyntaxNode;
  readonly parent: Scope | null;
  readonly function: FunctionInfo | null;
  readonly bindings: Map<string, Binding[]>;
  readonly globals: Set<string>;
  readonly nonlocals: Set<string>;
}

const SCOPE_OF_COMPREHENSION = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension']);

export class SemanticModel {
  readonly functions: FunctionInfo[] = [];
  readonly moduleScope: Scope;
  private readonly functionsByNodeId = new Map<number, FunctionInfo>();
  private readonly scopesByNodeId = new Map<number, Scope>();

  constructor(
    readonly tree: Tree,
    readonly text: string,
    /** Node types some rule asked for; collected during the same walk (see `nodesOfType`). */
    collectTypes: ReadonlySet<string> = new Set(),
  ) {
    this.moduleScope = newScope('module', tree.rootNode, null, null);
    this.scopesByNodeId.set(tree.rootNode.id, this.moduleScope);
    for (const type of collectTypes) this.collected.set(type, []);
    new ModelBuilder(this).walk(tree.rootNode, this.moduleScope, null, null, '');
  }

  readonly collected = new Map<string, SyntaxNode[]>();

  nodesOfType(type: string): readonly SyntaxNode[] {
    return this.collected.get(type) ?? [];
  }

  /** The FunctionInfo for a `function_definition`, `lambda` or `generator_expression` node. */
  functionForNode(node: SyntaxNode): FunctionInfo | undefined {
    return this.functionsByNodeId.get(node.id);
  }

  /** The innermost function (def, lambda, genexp) whose frame runs `node`, or null at module or class level. */
  enclosingFunction(node: SyntaxNode): FunctionInfo | null {
    for (let current = node.parent; current !== null; current = current.parent) {
      const fn = this.functionsByNodeId.get(current.id);
      if (fn !== undefined) {
        // A default value or decorator belongs to the enclosing frame, not to the function it decorates.
        if (fn.kind === 'def' && !isInside(node, fn.node.childForFieldName('body'))) continue;
        if (fn.kind === 'lambda' && !isInside(node, fn.node.childForFieldName('body'))) continue;
        return fn;
      }
    }
    return null;
  }

  /** The scope that `node` is evaluated in. */
  scopeOf(node: SyntaxNode): Scope {
    for (let current = node.parent; current !== null; current = current.parent) {
      const scope = this.scopesByNodeId.get(current.id);
      if (scope !== undefined) return scope;
    }
    return this.moduleScope;
  }

  /** The bindings `name` resolves to from `scope` (LEGB, class scopes skipped from inner functions). */
  resolve(name: string, scope: Scope): { scope: Scope; bindings: Binding[] } | null {
    let current: Scope | null = scope;
    let first = true;
    while (current !== null) {
      if (current.globals.has(name)) return this.lookupIn(this.moduleScope, name);
      const skip = current.kind === 'class' && !first;
      if (!skip) {
        const found = current.bindings.get(name);
        if (found !== undefined && !current.nonlocals.has(name)) return { scope: current, bindings: found };
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

  /** @internal used by the builder */
  registerFunction(fn: FunctionInfo): void {
    this.functions.push(fn);
    this.functionsByNodeId.set(fn.node.id, fn);
  }

  /** @internal used by the builder */
  registerScope(scope: Scope): void {
    this.scopesByNodeId.set(scope.node.id, scope);
  }
}

function newScope(kind: ScopeKind, node: SyntaxNode, parent: Scope | null, fn: FunctionInfo | null): Scope {
  return { kind, node, parent, function: fn, bindings: new Map(), globals: new Set(), nonlocals: new Set() };
}

export function isInside(node: SyntaxNode, container: SyntaxNode | null): boolean {
  if (container === null) return false;
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

function addBinding(scope: Scope, binding: Binding): void {
  const list = scope.bindings.get(binding.name);
  if (list === undefined) scope.bindings.set(binding.name, [binding]);
  else list.push(binding);
}

/** True for `async def`: tree-sitter-python marks it with a leading anonymous `async` child. */
function isAsyncDef(node: SyntaxNode): boolean {
  return node.firstChild?.type === 'async';
}

class ModelBuilder {
  constructor(private readonly model: SemanticModel) {}

  walk(node: SyntaxNode, scope: Scope, fn: FunctionInfo | null, classNode: SyntaxNode | null, qualPrefix: string): void {
    const bucket = this.model.collected.get(node.type);
    if (bucket !== undefined) bucket.push(node);

    switch (node.type) {
      case 'function_definition':
        return this.enterDef(node, scope, fn, classNode, qualPrefix);
      case 'lambda':
        return this.enterLambda(node, scope, fn, qualPrefix);
      case 'generator_expression':
        return this.enterComprehension(node, scope, fn, qualPrefix, true);
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return this.enterComprehension(node, scope, fn, qualPrefix, false);
      case 'class_definition':
        return this.enterClass(node, scope, fn, qualPrefix);
      case 'yield':
        if (fn !== null) {
          fn.yields.push(node);
          fn.isGenerator = true;
        }
        break;
      case 'import_statement':
      case 'import_from_statement':
        this.bindImport(node, scope);
        break;
      case 'assignment':
        this.bindAssignment(node, scope);
        break;
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier') addBinding(scope, { name: left.text, kind: 'augmentedAssign', node: left, value: null });
        break;
      }
      case 'for_statement':
        this.bindTargets(node.childForFieldName('left'), scope, 'for');
        break;
      case 'with_item': {
        const value = node.childForFieldName('value');
        if (value?.type === 'as_pattern') this.bindTargets(value.childForFieldName('alias'), scope, 'with');
        break;
      }
      case 'except_clause': {
        const value = node.childForFieldName('value');
        if (value?.type === 'as_pattern') this.bindTargets(value.childForFieldName('alias'), scope, 'except');
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name');
        // PEP 572: a walrus in a comprehension binds in the enclosing function scope.
        let target = scope;
        while (target.kind === 'comprehension' && target.parent !== null) target = target.parent;
        if (name !== null) addBinding(target, { name: name.text, kind: 'walrus', node: name, value: node.childForFieldName('value') });
        break;
      }
      case 'global_statement':
      case 'nonlocal_statement':
        for (const child of node.namedChildren) {
          if (child.type !== 'identifier') continue;
          (node.type === 'global_statement' ? scope.globals : scope.nonlocals).add(child.text);
        }
        break;
      default:
        break;
    }
    for (const child of node.namedChildren) this.walk(child, scope, fn, classNode, qualPrefix);
  }

  private enterDef(node: SyntaxNode, scope: Scope, outer: FunctionInfo | null, classNode: SyntaxNode | null, qualPrefix: string): void {
    const nameNode = node.childForFieldName('name');
    const name = nameNode?.text ?? '<anonymous>';
    if (nameNode !== null) addBinding(scope, { name, kind: 'def', node, value: null });
    const decorators = node.parent?.type === 'decorated_definition'
      ? node.parent.namedChildren.filter((c) => c.type === 'decorator').map((d) => d.firstNamedChild ?? d)
      : [];
    const qualname = qualPrefix + name;
    const fn = this.newFunction(node, 'def', name, qualname, isAsyncDef(node), decorators, outer, scope.kind === 'class' ? classNode : null, scope);
    // Parameters' defaults and annotations run in the enclosing scope; the names bind in the new one.
    const parameters = node.childForFieldName('parameters');
    if (parameters !== null) {
      for (const param of parameters.namedChildren) {
        this.bindParameter(param, fn.scope);
        for (const child of param.namedChildren) {
          if (child !== param.childForFieldName('name')) this.walk(child, scope, outer, classNode, qualPrefix);
        }
      }
    }
    const returnType = node.childForFieldName('return_type');
    if (returnType !== null) this.walk(returnType, scope, outer, classNode, qualPrefix);
    const body = node.childForFieldName('body');
    if (body !== null) this.walk(body, fn.scope, fn, null, `${qualname}.<locals>.`);
  }

  private enterLambda(node: SyntaxNode, scope: Scope, outer: FunctionInfo | null, qualPrefix: string): void {
    const fn = this.newFunction(node, 'lambda', '<lambda>', `${qualPrefix}<lambda>`, false, [], outer, null, scope);
    const parameters = node.childForFieldName('parameters');
    if (parameters !== null) {
      for (const param of parameters.namedChildren) {
        this.bindParameter(param, fn.scope);
        for (const child of param.namedChildren) {
          if (child !== param.childForFieldName('name')) this.walk(child, scope, outer, null, qualPrefix);
        }
      }
    }
    const body = node.childForFieldName('body');
    if (body !== null) this.walk(body, fn.scope, fn, null, `${qualPrefix}<lambda>.<locals>.`);
  }

  private enterComprehension(node: SyntaxNode, scope: Scope, outer: FunctionInfo | null, qualPrefix: string, isGenerator: boolean): void {
    // The first iterable is evaluated in the enclosing scope; everything else in the comprehension's own.
    let inner: Scope;
    let innerFn = outer;
    if (isGenerator) {
      const fn = this.newFunction(node, 'genexp', '<genexpr>', `${qualPrefix}<genexpr>`, false, [], outer, null, scope);
      fn.isGenerator = true;
      inner = fn.scope;
      innerFn = fn;
    } else {
      inner = newScope('comprehension', node, scope, outer);
      this.model.registerScope(inner);
    }
    let firstIterableSeen = false;
    for (const child of node.namedChildren) {
      if (child.type === 'for_in_clause') {
        this.bindTargets(child.childForFieldName('left'), inner, 'for');
        for (const part of child.namedChildren) {
          if (part === child.childForFieldName('left')) continue;
          const isFirstIterable = !firstIterableSeen && part === child.childForFieldName('right');
          if (isFirstIterable) this.walk(part, scope, outer, null, qualPrefix);
          else this.walk(part, inner, innerFn, null, `${qualPrefix}<genexpr>.<locals>.`);
        }
        firstIterableSeen = true;
      } else {
        this.walk(child, inner, innerFn, null, `${qualPrefix}<genexpr>.<locals>.`);
      }
    }
  }

  private enterClass(node: SyntaxNode, scope: Scope, fn: FunctionInfo | null, qualPrefix: string): void {
    const nameNode = node.childForFieldName('name');
    const name = nameNode?.text ?? '<anonymous>';
    if (nameNode !== null) addBinding(scope, { name, kind: 'class', node, value: null });
    const superclasses = node.childForFieldName('superclasses');
    if (superclasses !== null) this.walk(superclasses, scope, fn, null, qualPrefix);
    const classScope = newScope('class', node, scope, fn);
    this.model.registerScope(classScope);
    const body = node.childForFieldName('body');
    if (body !== null) this.walk(body, classScope, fn, node, `${qualPrefix}${name}.`);
  }

  private newFunction(
    node: SyntaxNode,
    kind: FunctionKind,
    name: string,
    qualname: string,
    isAsync: boolean,
    decorators: SyntaxNode[],
    parent: FunctionInfo | null,
    enclosingClass: SyntaxNode | null,
    outerScope: Scope,
  ): FunctionInfo {
    const scope = newScope('function', node, outerScope, null);
    const fn: FunctionInfo = {
      node,
      kind,
      name,
      qualname,
      isAsync,
      isGenerator: false,
      yields: [],
      decorators,
      parent,
      enclosingClass,
      scope,
      hasSyntaxError: node.hasError,
    };
    (scope as { function: FunctionInfo | null }).function = fn;
    this.model.registerFunction(fn);
    this.model.registerScope(scope);
    return fn;
  }

  private bindParameter(param: SyntaxNode, scope: Scope): void {
    if (param.type === 'identifier') {
      addBinding(scope, { name: param.text, kind: 'param', node: param, value: null });
      return;
    }
    const name = param.childForFieldName('name') ?? param.namedChildren.find((c) => c.type === 'identifier') ?? null;
    if (name !== null && name.type === 'identifier') addBinding(scope, { name: name.text, kind: 'param', node: name, value: null });
  }

  private bindAssignment(node: SyntaxNode, scope: Scope): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left === null) return;
    if (right === null) {
      // `x: int` alone declares a local without binding a value.
      if (left.type === 'identifier') addBinding(scope, { name: left.text, kind: 'annotation', node: left, value: null });
      return;
    }
    // `a = b = value`: tree-sitter nests the second assignment as the right-hand side.
    const value = right.type === 'assignment' ? null : right;
    if (left.type === 'identifier') addBinding(scope, { name: left.text, kind: 'assign', node: left, value });
    else this.bindTargets(left, scope, 'assign');
  }

  private bindTargets(target: SyntaxNode | null, scope: Scope, kind: BindingKind): void {
    if (target === null) return;
    switch (target.type) {
      case 'identifier':
        addBinding(scope, { name: target.text, kind, node: target, value: null });
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
        for (const child of target.namedChildren) this.bindTargets(child, scope, kind);
        return;
      default:
        // Attribute and subscript targets bind no name.
        return;
    }
  }

  private bindImport(node: SyntaxNode, scope: Scope): void {
    if (node.type === 'import_statement') {
      for (const item of node.childrenForFieldName('name')) {
        if (item.type === 'aliased_import') {
          const module = item.childForFieldName('name')?.text ?? '';
          const alias = item.childForFieldName('alias');
          if (alias !== null) addBinding(scope, { name: alias.text, kind: 'import', node: alias, value: null, importModule: module, importName: null });
        } else {
          // `import a.b` binds `a`; `importModule` keeps the whole dotted name so `a.b.f` can be resolved.
          const first = item.text.split('.')[0] ?? item.text;
          addBinding(scope, { name: first, kind: 'import', node: item, value: null, importModule: item.text, importName: null });
        }
      }
      return;
    }
    const module = node.childForFieldName('module_name')?.text ?? '';
    for (const item of node.childrenForFieldName('name')) {
      if (item.type === 'aliased_import') {
        const imported = item.childForFieldName('name')?.text ?? '';
        const alias = item.childForFieldName('alias');
        if (alias !== null) addBinding(scope, { name: alias.text, kind: 'importFrom', node: alias, value: null, importModule: module, importName: imported });
      } else {
        addBinding(scope, { name: item.text, kind: 'importFrom', node: item, value: null, importModule: module, importName: item.text });
      }
    }
  }
}
