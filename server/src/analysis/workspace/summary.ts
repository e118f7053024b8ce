// Per-module summaries for the workspace index: plain, serialisable data (it crosses worker threads)
// about each module's functions and top-level names, so rules in other files can ask "is `collector` a
// generator function?" or "does `@coroutine` prime the generator it returns?".

import type { SyntaxNode } from '../../parser.js';
import { analyzeFrame, EXHAUSTED, SUSPENDED, type FlowOptions } from '../flow/generator-state.js';
import { suspendedResources } from '../flow/resources.js';
import { stopIterationSite } from '../flow/stop-iteration.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';
import { OCCURRENCE_LIMIT, occurrencesOf } from './occurrences.js';

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
  /** A generator that holds a resource (file, socket, lock…) across a yield without `with`/`finally` (GEN005's analysis). */
  acquiresResources: boolean;
  /** A generator each of whose yields is a statement of its own (no `x = yield`, no `yield from`): values sent to it are dropped (GEN007). */
  discardsSentValues: boolean;
  /**
   * A module-level ordinary function whose body lets StopIteration out (GEN004 reports where a generator
   * of another module calls it without a handler): where, and the parameter the exhausted iterator comes
   * from (a caller that tests its argument is silent). Null for every other function.
   */
  stopIteration: StopIterationEscape | null;
}

export interface StopIterationEscape {
  kind: 'raise' | 'next';
  /** 1-based line and UTF-16 column of the `raise` or `next(...)`. */
  line: number;
  column: number;
  param: string | null;
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
  /** Modules star-imported at module level (`from .core import *`), whose public names this one re-exports. */
  starImports: string[];
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
  // Read from the module's own statements rather than the model's bindings: those are computed
  // lazily for the whole file, which the index (built over every file) would otherwise always pay for.
  const collected = new Map<string, ModuleBinding[]>();
  const starImports: string[] = [];
  collectModuleBindings(model, model.tree.rootNode, moduleName, isPackageInit, collected, starImports);
  const bindings: Record<string, ModuleBinding> = {};
  for (const [name, list] of collected) {
    const first = list[0];
    // `import pkg` and `import pkg.mod` both bind `pkg` to the same module: one binding in effect.
    const sameModule = list.every((b) => b.kind === 'module' && b.module === name);
    bindings[name] = first !== undefined && (list.length === 1 || sameModule) ? first : { kind: 'other' };
  }
  return { file, moduleName, isPackageInit, functions, bindings, imports: collectImports(model, moduleName, isPackageInit), starImports };
}

const NESTED_BLOCK_STATEMENTS = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'finally_clause', 'with_statement', 'for_statement', 'while_statement', 'block']);

function addModuleBinding(collected: Map<string, ModuleBinding[]>, name: string, binding: ModuleBinding): void {
  const list = collected.get(name);
  if (list === undefined) collected.set(name, [binding]);
  else list.push(binding);
}

/** Module-level bindings, including those inside `if`/`try`/`with`/loops at module level (not in defs or classes). */
function collectModuleBindings(model: SemanticModel, container: SyntaxNode, moduleName: string | null, isPackageInit: boolean, collected: Map<string, ModuleBinding[]>, starImports: string[]): void {
  const text = model.text;
  const nameOf = (node: SyntaxNode): string => text.slice(node.startIndex, node.endIndex);
  for (const statement of container.namedChildren) {
    switch (statement.type) {
      case 'import_statement':
        for (const item of statement.childrenForFieldName('name')) {
          if (item.type === 'aliased_import') {
            const module = item.childForFieldName('name');
            const alias = item.childForFieldName('alias');
            if (module !== null && alias !== null) addModuleBinding(collected, nameOf(alias), { kind: 'module', module: nameOf(module) });
          } else {
            const first = nameOf(item).split('.')[0] ?? '';
            addModuleBinding(collected, first, { kind: 'module', module: first });
          }
        }
        break;
      case 'import_from_statement': {
        const moduleNode = statement.childForFieldName('module_name');
        const module = moduleNode === null ? null : absoluteModule(nameOf(moduleNode), moduleName, isPackageInit);
        if (module !== null && statement.namedChildren.some((c) => c.type === 'wildcard_import')) starImports.push(module);
        for (const item of statement.childrenForFieldName('name')) {
          const imported = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
          const bound = item.type === 'aliased_import' ? item.childForFieldName('alias') : item;
          if (imported === null || bound === null) continue;
          addModuleBinding(collected, nameOf(bound), module === null ? { kind: 'other' } : { kind: 'importFrom', module, name: nameOf(imported) });
        }
        break;
      }
      case 'expression_statement': {
        const assignment = statement.firstNamedChild;
        if (assignment?.type === 'assignment') {
          const left = assignment.childForFieldName('left');
          const right = assignment.childForFieldName('right');
          if (left?.type === 'identifier') addModuleBinding(collected, nameOf(left), right === null || right.type === 'assignment' ? { kind: 'other' } : describeValue(text, right));
          else for (const name of identifiersIn(left)) addModuleBinding(collected, nameOf(name), { kind: 'other' });
        } else if (assignment?.type === 'augmented_assignment') {
          const left = assignment.childForFieldName('left');
          if (left?.type === 'identifier') addModuleBinding(collected, nameOf(left), { kind: 'other' });
        }
        break;
      }
      case 'decorated_definition':
      case 'function_definition':
      case 'class_definition': {
        const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        const name = definition?.childForFieldName('name');
        if (definition === null || definition === undefined || name === null || name === undefined) break;
        const qualname = nameOf(name);
        addModuleBinding(collected, qualname, definition.type === 'class_definition' ? { kind: 'class', qualname } : { kind: 'function', qualname });
        break;
      }
      default:
        if (NESTED_BLOCK_STATEMENTS.has(statement.type)) {
          // Loop and `with ... as` targets rebind names too; they make those names unknowable.
          if (statement.type === 'for_statement') for (const name of identifiersIn(statement.childForFieldName('left'))) addModuleBinding(collected, nameOf(name), { kind: 'other' });
          collectModuleBindings(model, statement, moduleName, isPackageInit, collected, starImports);
        }
        break;
    }
  }
}

function identifiersIn(node: SyntaxNode | null): SyntaxNode[] {
  if (node === null) return [];
  if (node.type === 'identifier') return [node];
  if (node.type === 'attribute' || node.type === 'subscript') return [];
  return node.namedChildren.flatMap(identifiersIn);
}

function describeValue(text: string, value: SyntaxNode): ModuleBinding {
  const target = dottedName(text, value);
  if (target !== null) return { kind: 'alias', target };
  if (value.type === 'call') {
    const decorator = dottedName(text, value.childForFieldName('function'));
    const args = value.childForFieldName('arguments')?.namedChildren ?? [];
    const decorated = args.length === 1 && args[0] !== undefined ? dottedName(text, args[0]) : null;
    if (decorator !== null && decorated !== null) return { kind: 'decorated', decorator, target: decorated };
  }
  return { kind: 'other' };
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

function collectImports(model: SemanticModel, moduleName: string | null, isPackageInit: boolean): string[] {
  const imports = new Set<string>();
  const text = model.text;
  const addWithParents = (module: string): void => {
    const parts = module.split('.');
    for (let i = 1; i <= parts.length; i++) imports.add(parts.slice(0, i).join('.'));
  };
  // Imports anywhere count (a function-level import still makes this module depend on that one); the
  // `import` keyword is found by text search, cheaper than visiting every statement.
  for (const keyword of occurrencesOf(model, 'import', 0, text.length, 'import', Number.POSITIVE_INFINITY)) {
    const statement = keyword.parent;
    if (statement?.type === 'import_statement') {
      for (const item of statement.childrenForFieldName('name')) {
        const module = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        if (module !== null) addWithParents(text.slice(module.startIndex, module.endIndex));
      }
    } else if (statement?.type === 'import_from_statement') {
      const moduleNode = statement.childForFieldName('module_name');
      const module = moduleNode === null ? null : absoluteModule(text.slice(moduleNode.startIndex, moduleNode.endIndex), moduleName, isPackageInit);
      if (module === null) continue;
      addWithParents(module);
      for (const item of statement.childrenForFieldName('name')) {
        const imported = item.type === 'aliased_import' ? item.childForFieldName('name') : item;
        if (imported !== null) imports.add(`${module}.${text.slice(imported.startIndex, imported.endIndex)}`);
      }
    }
  }
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
const lineStartsCache = new WeakMap<SemanticModel, number[]>();

/** The 1-based line of an offset, from line starts computed once per file (cheaper than `startPosition`). */
function lineOf(model: SemanticModel, offset: number): number {
  let starts = lineStartsCache.get(model);
  if (starts === undefined) {
    starts = [0];
    const text = model.text;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    lineStartsCache.set(model, starts);
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

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
    line: lineOf(model, fn.node.startIndex),
    isGenerator: fn.isGenerator,
    isAsync: fn.isAsync,
    decorators: fn.decorators.map((d) => dottedName(model.text, d)),
    primesReturnedGenerator: false,
    returnsGenerator: false,
    returnedCallee: null,
    returnedPrimed: false,
    // The resource analysis starts with a text prefilter, so asking costs little for most generators.
    acquiresResources: fn.isGenerator && !fn.hasSyntaxError && suspendedResources(fn, model).length > 0,
    discardsSentValues: fn.isGenerator && !fn.hasSyntaxError && fn.kind === 'def' && fn.yields.length > 0 && fn.yields.every(isDiscardedYield),
    stopIteration: null,
  };
  // Cached before the questions below: answering them may resolve a call of this very function.
  perModel.set(fn.node.id, summary);
  if (!fn.isGenerator && !fn.hasSyntaxError && fn.kind === 'def') {
    describeReturns(model, fn, summary);
    summary.stopIteration = stopIterationEscape(model, fn);
  }
  return summary;
}

/** `FunctionSummary.stopIteration`: asked only of module-level functions whose text mentions `next` or StopIteration. */
function stopIterationEscape(model: SemanticModel, fn: FunctionInfo): StopIterationEscape | null {
  if (fn.parent !== null || fn.enclosingClass !== null || fn.name === '__next__') return null;
  // A decorator may call the function under a handler, or not call it at all: what a caller gets is not known.
  if (fn.decorators.length > 0) return null;
  if (!/\b(?:next|StopIteration)\b/.test(model.text.slice(fn.node.startIndex, fn.node.endIndex))) return null;
  // Without the index: a summary describes the module alone (the same answer in every run).
  const found = stopIterationSite(fn, { model, text: model.text, index: undefined, moduleName: undefined });
  if (found === null) return null;
  const offset = found.site.startIndex;
  const line = lineOf(model, offset);
  const lineStart = model.text.lastIndexOf('\n', offset - 1) + 1;
  return { kind: found.site.type === 'raise_statement' ? 'raise' : 'next', line, column: offset - lineStart + 1, param: found.param };
}

/** `yield` or `yield value` as a whole statement: what `send` passes in becomes the value of an expression nobody reads. */
function isDiscardedYield(node: SyntaxNode): boolean {
  // `yield from` hands sent values on to the subiterator; tree-sitter spells it as a yield with a `from` child.
  if (node.children.some((c) => c.type === 'from')) return false;
  return node.parent?.type === 'expression_statement';
}

/** Looks for priming decorators and generator factories; cheap text checks keep this off most functions. */
function describeReturns(model: SemanticModel, fn: FunctionInfo, summary: FunctionSummary): void {
  // The text checks run on the whole definition (header included) before any tree access.
  const source = model.text.slice(fn.node.startIndex, fn.node.endIndex);
  const primes = /\bnext\s*\(|\.send\s*\(\s*None\s*\)|\.__next__\s*\(/.test(source);
  // Without priming, only `return callee(...)` or `return (x for ...)` can make a factory.
  if (!primes && !/\breturn\s+[A-Za-z_][\w.]*\s*\(|\breturn\s*\(/.test(source)) return;
  const body = fn.node.childForFieldName('body');
  if (body === null) return;
  const returns = ownReturns(model, fn.node, body);
  if (returns.length === 0) return;
  const values = returns.map((r) => r.firstNamedChild);

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
    } else if (value.type === 'identifier' && primes) {
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
function ownReturns(model: SemanticModel, fn: SyntaxNode, body: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  // The `return` keyword is an anonymous node whose parent is the statement.
  const keywords = occurrencesOf(model, 'return', body.startIndex, body.endIndex, 'return');
  // Past the limit some returns would be unseen: "every return does X" could not be claimed.
  if (keywords.length >= OCCURRENCE_LIMIT) return [];
  for (const keyword of keywords) {
    const statement = keyword.parent;
    if (statement === null || statement.type !== 'return_statement') continue;
    if (ownerFrame(statement)?.id === fn.id) found.push(statement);
  }
  return found;
}

/** The def, lambda or class whose body contains `node`. */
function ownerFrame(node: SyntaxNode): SyntaxNode | null {
  for (let current = node.parent; current !== null; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition') return current;
  }
  return null;
}

/**
 * The dotted callee when `name = callee(...)` is the only assignment to `name` in the function's own
 * body (other kinds of rebinding make the flow analysis answer "unknown" anyway).
 */
function singleAssignedCall(model: SemanticModel, fn: FunctionInfo, name: SyntaxNode): string | null {
  const body = fn.node.childForFieldName('body');
  if (body === null) return null;
  const text = model.text;
  let callee: string | null = null;
  let assignments = 0;
  const occurrences = occurrencesOf(model, text.slice(name.startIndex, name.endIndex), body.startIndex, body.endIndex);
  if (occurrences.length >= OCCURRENCE_LIMIT) return null;
  for (const occurrence of occurrences) {
    const parent = occurrence.parent;
    if (parent?.type !== 'assignment' || parent.childForFieldName('left')?.id !== occurrence.id) continue;
    if (ownerFrame(parent)?.id !== fn.node.id) continue;
    assignments++;
    const value = parent.childForFieldName('right');
    callee = value?.type === 'call' ? dottedName(text, value.childForFieldName('function')) : null;
  }
  return assignments === 1 ? callee : null;
}

function stateAtReturn(model: SemanticModel, frame: SyntaxNode, returned: SyntaxNode, callee: string, isCreation: (node: SyntaxNode) => boolean): 'created' | 'started' | 'unknown' {
  const options: FlowOptions = {
    classifyValue: (node) => (isCreation(node) ? 'created' : null),
    // Summaries are built for every file: resolving names would force the model's lazy bindings. A
    // priming decorator that shadows `next` is not worth that cost.
    isBuiltin: () => true,
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
/** The def named `name` among the direct statements of `body`, when there is exactly one. */
function nestedDef(model: SemanticModel, body: SyntaxNode, name: string): FunctionInfo | undefined {
  let found: FunctionInfo | undefined;
  let count = 0;
  for (const statement of body.namedChildren) {
    const definition = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    if (definition?.type !== 'function_definition') continue;
    const nameNode = definition.childForFieldName('name');
    if (nameNode === null || model.text.slice(nameNode.startIndex, nameNode.endIndex) !== name) continue;
    count++;
    found = model.functionForNode(definition);
  }
  return count === 1 ? found : undefined;
}

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
  const wrapper = nestedDef(model, body, wrapperName);
  if (wrapper === undefined || wrapper.isGenerator) return false;
  const wrapperBody = wrapper.node.childForFieldName('body');
  const wrapperStatement = wrapper.node.parent?.type === 'decorated_definition' ? wrapper.node.parent : wrapper.node;
  // Only a wrapper defined directly in the decorator's body (not in a branch) is recognised.
  if (wrapperBody === null || wrapperStatement.parent === null || wrapperStatement.parent.id !== body.id) return false;
  const wrapperReturns = ownReturns(model, wrapper.node, wrapperBody);
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
