// Per-module summaries for the workspace index: plain, serialisable data (it crosses worker threads)
// about each module's functions and top-level names, so rules in other files can ask "is `collector` a
// generator function?" or "does `@coroutine` prime the generator it returns?".

import type { SyntaxNode } from '../../parser.js';
import { analyzeFrame, EXHAUSTED, SUSPENDED, type FlowOptions } from '../flow/generator-state.js';
import type { Binding, FunctionInfo, SemanticModel } from '../model/semantic.js';

export interface FunctionSummary {
  /** Name as bound in the module (`collector`) or qualname for methods (`Reader.rows`). */
  qualname: string;
  line: number;
  isGenerator: boolean;
  isAsync: boolean;
  /**
   * Decorators as dotted names (`coroutine`, `utils.coroutine`), outermost first; null for one that is
   * not a plain dotted name (a call such as `@lru_cache()`), which makes the result unknowable.
   */
  decorators: (string | null)[];
  /** A decorator that returns a wrapper whose calls return the decorated generator already started. */
  primesReturnedGenerator: boolean;
  /** Not a generator itself, but every return returns a new generator expression. */
  returnsGenerator: boolean;
  /** Not a generator itself; every return returns the result of calling this dotted name (a factory). */
  returnedCallee: string | null;
  /** With `returnedCallee`: the factory advances the object (`next(g)`) before returning it. */
  returnedPrimed: boolean;
  /** Acquires a resource (file, socket, lock…) that is live across a yield. Not computed yet. */
  acquiresResources: boolean;
}

/** What a module-level name is bound to, when it is bound exactly once. */
export type ModuleBinding =
  | { kind: 'function'; qualname: string }
  | { kind: 'class'; qualname: string }
  /** `import a.b as c` (module `a.b`) or `import a.b` (binds `a`: module `a`). Absolute. */
  | { kind: 'module'; module: string }
  /** `from m import name [as alias]`, `m` made absolute. */
  | { kind: 'importFrom'; module: string; name: string }
  /** `f = other.name` at module level. */
  | { kind: 'alias'; target: string }
  /** `primed = coroutine(raw)`: a decorator applied by hand. */
  | { kind: 'decorated'; decorator: string; target: string }
  | { kind: 'other' };

export interface ModuleSummary {
  file: string;
  /** Dotted module name (`pkg.mod`), or null when it could not be derived. */
  moduleName: string | null;
  isPackageInit: boolean;
  /** Module-level functions and class methods, keyed by qualname. */
  functions: Record<string, FunctionSummary>;
  /** Module-level names and what they are bound to (re-exports included). */
  bindings: Record<string, ModuleBinding>;
  /** Absolute dotted names of the modules this one imports (and, for `from m import x`, `m.x`). */
  imports: string[];
}

export function isPackageInitPath(file: string): boolean {
  return /(^|[\\/])__init__\.pyi?$/.test(file);
}

export function summarizeModule(file: string, moduleName: string | null, model: SemanticModel): ModuleSummary {
  const isPackageInit = isPackageInitPath(file);
  const functions: Record<string, FunctionSummary> = {};
  for (const fn of model.functions) {
    if (fn.kind !== 'def' || fn.qualname.includes('<locals>')) continue;
    functions[fn.qualname] = summarizeFunction(model, fn);
  }
  const bindings: Record<string, ModuleBinding> = {};
  for (const [name, list] of model.moduleScope.bindings) {
    // `import pkg` and `import pkg.mod` both bind `pkg` to the same module: one binding in effect.
    const sameModule = list.every((b) => b.kind === 'import' && b.node.type === 'dotted_name' && (b.importModule ?? '').split('.')[0] === name);
    const first = list[0];
    bindings[name] = first !== undefined && (list.length === 1 || sameModule) ? describeBinding(model, first, moduleName, isPackageInit) : { kind: 'other' };
  }
  return { file, moduleName, isPackageInit, functions, bindings, imports: collectImports(model, moduleName, isPackageInit) };
}

/**
 * Makes an import's module absolute: `.mod` in `pkg.sub` is `pkg.mod`; in `pkg/__init__.py` (module
 * `pkg`) it is `pkg.mod`. Null when the relative import climbs above the top-level package.
 */
export function absoluteModule(written: string, moduleName: string | null | undefined, isPackageInit: boolean): string | null {
  if (!written.startsWith('.')) return written;
  if (moduleName === null || moduleName === undefined) return null;
  const dots = /^\.*/.exec(written)?.[0].length ?? 0;
  const rest = written.slice(dots);
  const parts = moduleName.split('.');
  if (!isPackageInit) parts.pop();
  for (let i = 1; i < dots; i++) {
    if (parts.length === 0) return null;
    parts.pop();
  }
  if (rest !== '') parts.push(rest);
  return parts.length === 0 ? null : parts.join('.');
}

function describeBinding(model: SemanticModel, binding: Binding, moduleName: string | null, isPackageInit: boolean): ModuleBinding {
  switch (binding.kind) {
    case 'def': {
      const fn = model.functionForNode(binding.node);
      return fn === undefined ? { kind: 'other' } : { kind: 'function', qualname: fn.qualname };
    }
    case 'class':
      return { kind: 'class', qualname: binding.name };
    case 'import': {
      const written = binding.importModule ?? '';
      // `import a.b` binds `a` (the node is the dotted name); `import a.b as c` binds `c` to `a.b`.
      const module = binding.node.type === 'dotted_name' ? written.split('.')[0] ?? written : written;
      return { kind: 'module', module };
    }
    case 'importFrom': {
      const module = absoluteModule(binding.importModule ?? '', moduleName, isPackageInit);
      if (module === null || binding.importName === undefined || binding.importName === null || binding.importName === '*') return { kind: 'other' };
      return { kind: 'importFrom', module, name: binding.importName };
    }
    case 'assign': {
      const value = binding.value;
      if (value === null) return { kind: 'other' };
      const target = dottedName(model.text, value);
      if (target !== null) return { kind: 'alias', target };
      if (value.type === 'call') {
        const decorator = dottedName(model.text, value.childForFieldName('function'));
        const args = value.childForFieldName('arguments')?.namedChildren ?? [];
        const decorated = args.length === 1 && args[0] !== undefined ? dottedName(model.text, args[0]) : null;
        if (decorator !== null && decorated !== null) return { kind: 'decorated', decorator, target: decorated };
      }
      return { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}

function collectImports(model: SemanticModel, moduleName: string | null, isPackageInit: boolean): string[] {
  const imports = new Set<string>();
  const addWithParents = (module: string): void => {
    const parts = module.split('.');
    for (let i = 1; i <= parts.length; i++) imports.add(parts.slice(0, i).join('.'));
  };
  // Imports in any scope count: a function-level import still makes this module depend on that one.
  const visit = (scopeBindings: ReadonlyMap<string, Binding[]>): void => {
    for (const list of scopeBindings.values()) {
      for (const binding of list) {
        if (binding.kind === 'import' && binding.importModule !== undefined) addWithParents(binding.importModule);
        if (binding.kind === 'importFrom' && binding.importModule !== undefined) {
          const module = absoluteModule(binding.importModule, moduleName, isPackageInit);
          if (module === null) continue;
          addWithParents(module);
          if (binding.importName !== undefined && binding.importName !== null && binding.importName !== '*') imports.add(`${module}.${binding.importName}`);
        }
      }
    }
  };
  visit(model.moduleScope.bindings);
  for (const fn of model.functions) visit(fn.scope.bindings);
  if (moduleName !== null) imports.delete(moduleName);
  return [...imports].sort();
}

/** `a`, `a.b.c` for identifiers and attribute chains of identifiers; null for anything else. */
export function dottedName(text: string, node: SyntaxNode | null | undefined): string | null {
  if (node === null || node === undefined) return null;
  if (node.type === 'identifier') return text.slice(node.startIndex, node.endIndex);
  if (node.type === 'attribute') {
    const object = dottedName(text, node.childForFieldName('object'));
    const attribute = node.childForFieldName('attribute');
    if (object === null || attribute === null) return null;
    return `${object}.${text.slice(attribute.startIndex, attribute.endIndex)}`;
  }
  return null;
}

const summaryCache = new WeakMap<SemanticModel, Map<number, FunctionSummary>>();

/** The summary of one def (any nesting level), cached per model. */
export function summarizeFunction(model: SemanticModel, fn: FunctionInfo): FunctionSummary {
  let perModel = summaryCache.get(model);
  if (perModel === undefined) {
    perModel = new Map();
    summaryCache.set(model, perModel);
  }
  const cached = perModel.get(fn.node.id);
  if (cached !== undefined) return cached;
  const summary: FunctionSummary = {
    qualname: fn.qualname,
    line: fn.node.startPosition.row + 1,
    isGenerator: fn.isGenerator,
    isAsync: fn.isAsync,
    decorators: fn.decorators.map((d) => dottedName(model.text, d)),
    primesReturnedGenerator: false,
    returnsGenerator: false,
    returnedCallee: null,
    returnedPrimed: false,
    acquiresResources: false,
  };
  if (!fn.isGenerator && !fn.hasSyntaxError && fn.kind === 'def') describeReturns(model, fn, summary);
  perModel.set(fn.node.id, summary);
  return summary;
}

/** Looks for priming decorators and generator factories; cheap text checks keep this off most functions. */
function describeReturns(model: SemanticModel, fn: FunctionInfo, summary: FunctionSummary): void {
  const body = fn.node.childForFieldName('body');
  if (body === null) return;
  const source = model.text.slice(body.startIndex, body.endIndex);
  if (!/\breturn\b/.test(source)) return;
  const returns = ownReturns(body);
  if (returns.length === 0) return;
  const values = returns.map((r) => r.firstNamedChild);

  const primes = /\bnext\s*\(|\.send\s*\(\s*None\s*\)|\.__next__\s*\(/.test(source);
  if (primes && isPrimingDecorator(model, fn, body, values)) {
    summary.primesReturnedGenerator = true;
    return;
  }
  if (values.every((v) => v?.type === 'generator_expression')) {
    summary.returnsGenerator = true;
    return;
  }
  // A factory: `return gen(...)`, or `g = gen(...); next(g); return g`.
  let callee: string | null = null;
  let primed: boolean | null = null;
  for (const value of values) {
    if (value === null || value === undefined) return;
    let thisCallee: string | null;
    let thisPrimed: boolean;
    if (value.type === 'call') {
      thisCallee = dottedName(model.text, value.childForFieldName('function'));
      thisPrimed = false;
    } else if (value.type === 'identifier') {
      const assigned = singleAssignedCall(model, fn, value);
      if (assigned === null) return;
      thisCallee = assigned;
      const state = stateAtReturn(model, fn.node, value, assigned, (node) => node.type === 'call' && dottedName(model.text, node.childForFieldName('function')) === assigned);
      if (state === 'created') thisPrimed = false;
      else if (state === 'started') thisPrimed = true;
      else return;
    } else {
      return;
    }
    if (thisCallee === null || (callee !== null && callee !== thisCallee) || (primed !== null && primed !== thisPrimed)) return;
    callee = thisCallee;
    primed = thisPrimed;
  }
  summary.returnedCallee = callee;
  summary.returnedPrimed = primed ?? false;
}

/** `return` statements of the function's own body (not of nested defs, lambdas or classes). */
function ownReturns(body: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const cursor = body.walk();
  let depth = 0;
  for (;;) {
    const type = cursor.nodeType;
    if (type === 'return_statement') found.push(cursor.currentNode);
    const isFrame = depth > 0 && (type === 'function_definition' || type === 'class_definition' || type === 'lambda');
    if (!isFrame && cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    for (;;) {
      if (cursor.gotoNextSibling()) break;
      if (!cursor.gotoParent()) return found;
      depth--;
      if (depth === 0) return found;
    }
  }
}

/** The dotted callee when `name` has exactly one binding in the function and it is `name = callee(...)`. */
function singleAssignedCall(model: SemanticModel, fn: FunctionInfo, name: SyntaxNode): string | null {
  const bindings = fn.scope.bindings.get(model.text.slice(name.startIndex, name.endIndex));
  if (bindings === undefined || bindings.length !== 1) return null;
  const value = bindings[0]?.value;
  if (value === null || value === undefined || value.type !== 'call') return null;
  return dottedName(model.text, value.childForFieldName('function'));
}

function stateAtReturn(model: SemanticModel, frame: SyntaxNode, returned: SyntaxNode, callee: string, isCreation: (node: SyntaxNode) => boolean): 'created' | 'started' | 'unknown' {
  const options: FlowOptions = {
    classifyValue: (node) => (isCreation(node) ? 'created' : null),
    isBuiltin: (name, at) => model.resolve(name, model.scopeOf(at)) === null,
  };
  // The classifier depends on the callee, so the cache key does too.
  const mask = analyzeFrame(model, frame, options, `calls-of:${callee}`).maskAt(returned);
  if (mask === undefined) return 'unknown';
  if (mask === 1) return 'created';
  if (mask !== 0 && (mask & ~(SUSPENDED | EXHAUSTED)) === 0) return 'started';
  return 'unknown';
}

/**
 * `def coroutine(func): @wraps(func) def start(*a, **k): g = func(*a, **k); next(g); return g; return start`:
 * the decorator returns a nested def that calls the decorated function, advances the result on every
 * path, and returns it.
 */
function isPrimingDecorator(model: SemanticModel, fn: FunctionInfo, body: SyntaxNode, values: (SyntaxNode | null)[]): boolean {
  const parameters = fn.node.childForFieldName('parameters')?.namedChildren ?? [];
  const first = parameters[0];
  if (first === undefined || first.type !== 'identifier') return false;
  const decorated = model.text.slice(first.startIndex, first.endIndex);
  let wrapperName: string | null = null;
  for (const value of values) {
    if (value === null || value.type !== 'identifier') return false;
    const name = model.text.slice(value.startIndex, value.endIndex);
    if (wrapperName !== null && wrapperName !== name) return false;
    wrapperName = name;
  }
  if (wrapperName === null) return false;
  const bindings = fn.scope.bindings.get(wrapperName);
  if (bindings === undefined || bindings.length !== 1 || bindings[0]?.kind !== 'def') return false;
  const wrapper = model.functionForNode(bindings[0].node);
  if (wrapper === undefined || wrapper.isGenerator) return false;
  const wrapperBody = wrapper.node.childForFieldName('body');
  const wrapperStatement = wrapper.node.parent?.type === 'decorated_definition' ? wrapper.node.parent : wrapper.node;
  // Only a wrapper defined directly in the decorator's body (not in a branch) is recognised.
  if (wrapperBody === null || wrapperStatement.parent === null || wrapperStatement.parent.id !== body.id) return false;
  const wrapperReturns = ownReturns(wrapperBody);
  if (wrapperReturns.length === 0) return false;
  const isCallOfDecorated = (node: SyntaxNode): boolean =>
    node.type === 'call' && dottedName(model.text, node.childForFieldName('function')) === decorated;
  for (const ret of wrapperReturns) {
    const value = ret.firstNamedChild;
    if (value === null || value.type !== 'identifier') return false;
    if (stateAtReturn(model, wrapper.node, value, decorated, isCallOfDecorated) !== 'started') return false;
  }
  return true;
}
