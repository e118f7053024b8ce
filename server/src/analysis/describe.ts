// Plain-data descriptions of generators for the editor's hover: what a generator function yields,
// receives through `send`, returns and holds across yields, and what is known about a generator object
// at a point. Pure (tree and model in, data out); the language server turns it into markdown.

import type { SyntaxNode } from '../parser.js';
import type { Binding, FunctionInfo, SemanticModel } from './model/semantic.js';
import type { FunctionSummary } from './workspace/summary.js';
import type { WorkspaceIndex } from './workspace/index.js';

/** Where a generator object stands, in CPython's terms (`inspect.getgeneratorstate`). */
export type GeneratorObjectState = 'created' | 'suspended' | 'exhausted' | 'unknown';

export interface ReceivedValue {
  /** `x` for `x = yield ...`; the enclosing expression's text when the value is used some other way. */
  target: string;
  line: number;
}

export interface HeldResource {
  /** The acquisition as written (`open(path)`). */
  text: string;
  line: number;
}

export interface GeneratorFunctionDescription {
  kind: 'function';
  name: string;
  qualname: string;
  isAsync: boolean;
  /** The `def` header without its colon, whitespace collapsed (`def pairs(items)`). */
  signature: string;
  /** Distinct yielded expressions as written (`None` for a bare `yield`). */
  yields: string[];
  /** Distinct `yield from` operands. */
  delegatesTo: string[];
  /** Where values sent with `send()` end up; empty when every yield discards them. */
  receives: ReceivedValue[];
  /** Distinct return values as written (`None` when it only falls off the end or returns bare). */
  returns: string[];
  /** Resources live across a yield; null when the analysis that knows them is not available. */
  resources: HeldResource[] | null;
}

/** A generator function known only from the workspace index (defined in another module). */
export interface ImportedGeneratorDescription {
  kind: 'imported-function';
  name: string;
  module: string;
  summary: FunctionSummary;
}

export interface GeneratorObjectDescription {
  kind: 'object';
  name: string;
  /** The expression that created the object (`counter(0, 3)`, `(x for x in xs)`). */
  origin: string;
  originLine: number;
  /** The generator function's name when the object comes from a call. */
  functionName: string | null;
  state: GeneratorObjectState;
}

export type Description = GeneratorFunctionDescription | ImportedGeneratorDescription | GeneratorObjectDescription;

/** Optional analyses that other modules provide; the description degrades to "unknown" without them. */
export interface DescribeHelpers {
  index?: WorkspaceIndex;
  moduleName?: string;
  /** Resources acquired in `fn` that are live across one of its yields. */
  suspendedResources?: (fn: FunctionInfo, model: SemanticModel) => readonly HeldResource[];
  /** The state of the generator object bound to `name` just before `at` runs. */
  generatorStateAt?: (model: SemanticModel, name: SyntaxNode, at: SyntaxNode) => GeneratorObjectState;
}

/** What the identifier at `offset` (UTF-16) names, when it is a generator function or a generator object. */
export function describeAt(model: SemanticModel, offset: number, helpers: DescribeHelpers = {}): { node: SyntaxNode; description: Description } | null {
  const node = model.tree.rootNode.namedDescendantForIndex(offset, offset);
  if (node.type !== 'identifier') return null;
  const parent = node.parent;
  if (parent !== null && parent.type === 'function_definition' && parent.childForFieldName('name')?.id === node.id) {
    const fn = model.functionForNode(parent);
    return fn !== undefined && fn.isGenerator ? { node, description: describeGeneratorFunction(fn, model, helpers) } : null;
  }
  // `obj.attr`: only the object part is a name; attributes are not resolved.
  if (parent !== null && parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return null;
  const resolved = model.resolve(node.text, model.scopeOf(node));
  if (resolved === null) return null;
  const binding = bindingInEffect(resolved.bindings, node);
  if (binding === null) return null;
  const described = describeBinding(model, binding, node, helpers);
  return described === null ? null : { node, description: described };
}

export function describeGeneratorFunction(fn: FunctionInfo, model: SemanticModel, helpers: DescribeHelpers = {}): GeneratorFunctionDescription {
  const yields: string[] = [];
  const delegatesTo: string[] = [];
  const receives: ReceivedValue[] = [];
  for (const yieldNode of fn.yields) {
    const isDelegation = yieldNode.children.some((child) => child.type === 'from');
    const operand = yieldNode.namedChildren[0];
    if (isDelegation) {
      if (operand !== undefined) addDistinct(delegatesTo, collapse(operand.text));
      // `yield from` forwards sent values to the subgenerator; the result is its return value.
      continue;
    }
    addDistinct(yields, operand === undefined ? 'None' : collapse(operand.text));
    const received = receivedValue(yieldNode);
    if (received !== null) receives.push(received);
  }
  const returns: string[] = [];
  const body = fn.node.childForFieldName('body');
  if (body !== null) {
    for (const statement of ownNodesOfType(body, 'return_statement')) {
      const value = statement.namedChildren[0];
      addDistinct(returns, value === undefined ? 'None' : collapse(value.text));
    }
  }
  if (returns.length === 0) returns.push('None');
  const resources = helpers.suspendedResources === undefined ? null : [...helpers.suspendedResources(fn, model)];
  return {
    kind: 'function',
    name: fn.name,
    qualname: fn.qualname,
    isAsync: fn.isAsync,
    signature: signatureOf(fn, model),
    yields,
    delegatesTo,
    receives,
    returns,
    resources,
  };
}

/** Where the value of a (non-delegating) yield expression goes; null when it is discarded. */
function receivedValue(yieldNode: SyntaxNode): ReceivedValue | null {
  let expression = yieldNode;
  while (expression.parent !== null && expression.parent.type === 'parenthesized_expression') expression = expression.parent;
  const parent = expression.parent;
  if (parent === null || parent.type === 'expression_statement') return null;
  const line = yieldNode.startPosition.row + 1;
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('right')?.id === expression.id) {
    return { target: collapse(parent.childForFieldName('left')?.text ?? parent.text), line };
  }
  return { target: truncate(collapse(parent.text), 60), line };
}

/** The binding that is in effect at `use`: the last one in source order before it, else the first. */
function bindingInEffect(bindings: readonly Binding[], use: SyntaxNode): Binding | null {
  let best: Binding | null = null;
  for (const binding of bindings) {
    if (binding.node.startIndex <= use.startIndex) best = binding;
  }
  return best ?? bindings[0] ?? null;
}

function describeBinding(model: SemanticModel, binding: Binding, use: SyntaxNode, helpers: DescribeHelpers): Description | null {
  if (binding.kind === 'def') {
    const fn = model.functionForNode(binding.node);
    return fn !== undefined && fn.isGenerator ? describeGeneratorFunction(fn, model, helpers) : null;
  }
  if (binding.kind === 'importFrom') {
    const summary = importedFunction(binding, helpers);
    return summary === null ? null : { kind: 'imported-function', name: binding.name, module: summary.module, summary: summary.summary };
  }
  if (binding.kind !== 'assign' && binding.kind !== 'walrus') return null;
  const value = binding.value === null ? null : unparenthesize(binding.value);
  if (value === null) return null;
  let functionName: string | null = null;
  if (value.type === 'call') {
    const callee = value.childForFieldName('function');
    if (callee === null || callee.type !== 'identifier') return null;
    const calleeResolved = model.resolve(callee.text, model.scopeOf(callee));
    const calleeBinding = calleeResolved === null ? null : bindingInEffect(calleeResolved.bindings, callee);
    if (calleeBinding === null) return null;
    const isGeneratorFunction = calleeBinding.kind === 'def'
      ? model.functionForNode(calleeBinding.node)?.isGenerator === true
      : calleeBinding.kind === 'importFrom' && importedFunction(calleeBinding, helpers)?.summary.isGenerator === true;
    if (!isGeneratorFunction) return null;
    functionName = callee.text;
  } else if (value.type !== 'generator_expression') {
    return null;
  }
  const state = helpers.generatorStateAt === undefined ? 'unknown' : helpers.generatorStateAt(model, binding.node, use);
  return {
    kind: 'object',
    name: binding.name,
    origin: truncate(collapse(value.text), 80),
    originLine: value.startPosition.row + 1,
    functionName,
    state,
  };
}

/** The index's summary of `from module import name`, for generator functions only. */
function importedFunction(binding: Binding, helpers: DescribeHelpers): { module: string; summary: FunctionSummary } | null {
  if (helpers.index === undefined || binding.importModule === undefined || binding.importName === undefined || binding.importName === null) return null;
  const module = absoluteModule(binding.importModule, helpers.moduleName);
  if (module === null) return null;
  const summary = helpers.index.module(module)?.functions[binding.importName];
  return summary !== undefined && summary.isGenerator ? { module, summary } : null;
}

/** `..pkg.m` from inside `a.b.c` is `a.pkg.m` (the importing module's package, minus one level per extra dot). */
function absoluteModule(written: string, importer: string | undefined): string | null {
  const dots = /^\.*/.exec(written)?.[0].length ?? 0;
  if (dots === 0) return written;
  if (importer === undefined) return null;
  const base = importer.split('.').slice(0, -dots);
  const rest = written.slice(dots);
  const parts = rest === '' ? base : [...base, rest];
  return parts.length === 0 ? null : parts.join('.');
}

/** Nodes of a type inside `root` that belong to the same frame (nested defs, lambdas, classes skipped). */
function ownNodesOfType(root: SyntaxNode, type: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.type === type) found.push(node);
    for (const child of node.namedChildren) {
      if (child.type === 'function_definition' || child.type === 'lambda' || child.type === 'class_definition') continue;
      stack.push(child);
    }
  }
  return found.sort((a, b) => a.startIndex - b.startIndex);
}

function signatureOf(fn: FunctionInfo, model: SemanticModel): string {
  const body = fn.node.childForFieldName('body');
  if (fn.kind !== 'def' || body === null) return fn.qualname;
  return collapse(model.text.slice(fn.node.startIndex, body.startIndex)).replace(/:\s*$/, '');
}

function unparenthesize(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1) current = current.namedChildren[0] ?? current;
  return current;
}

function addDistinct(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
