// Plain-data descriptions of generators for the editor's hover: what a generator function yields,
// receives through `send`, returns and holds across yields, and what is known about a generator object
// at a point. Pure (tree and model in, data out); the language server turns it into markdown.

import type { SyntaxNode } from '../parser.js';
import { CREATED, EXHAUSTED, SUSPENDED, type StateMask } from './flow/generator-state.js';
import { suspendedResources } from './flow/index.js';
import type { Binding, FunctionInfo, SemanticModel } from './model/semantic.js';
import { resolverFor, type Resolver } from './workspace/resolve.js';
import type { FunctionSummary } from './workspace/summary.js';
import type { WorkspaceIndex } from './workspace/index.js';

/**
 * Where a generator object stands, in CPython's terms (`inspect.getgeneratorstate`): `started` when it
 * is suspended on some paths and exhausted on others, `unknown` when a path may leave it unstarted or
 * the analysis lost track of it.
 */
export type GeneratorObjectState = 'created' | 'suspended' | 'exhausted' | 'started' | 'unknown';

export interface ReceivedValue {
  /**
   * How the sent value is used: `assigned` to a target (`x = yield`), passed as an `argument` to a call
   * (`out.append((yield))`), `returned`, or used in an `expression` (`(yield) + 1`).
   */
  how: 'assigned' | 'argument' | 'returned' | 'expression';
  /** `x` when assigned; the call (`out.append()`) when an argument; the expression's text otherwise. */
  target: string;
  line: number;
}

export interface HeldResource {
  /** What and where from, as the resource analysis words it ("file `f` from `open(...)`"). */
  text: string;
  line: number;
}

export interface GeneratorFunctionDescription {
  kind: 'function';
  name: string;
  qualname: string;
  /** The module that defines it and the line of its `def`, when it is not the module being described. */
  definedIn?: { module: string; line: number };
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
  /** Resources live across a yield without `with` or `try/finally` to release them. */
  resources: HeldResource[];
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

/** What the description needs beyond the model: the workspace, for names imported from other modules. */
export interface DescribeContext {
  index?: WorkspaceIndex;
  moduleName?: string;
  file?: string;
  /**
   * The model of another workspace module (by dotted name), so a generator function imported from it is
   * described as fully as on its definition; null when its source is not at hand.
   */
  modelOf?: (moduleName: string) => SemanticModel | null;
}

/** What the identifier at `offset` (UTF-16) names, when it is a generator function or a generator object. */
export function describeAt(model: SemanticModel, offset: number, context: DescribeContext = {}): { node: SyntaxNode; description: Description } | null {
  let node = model.tree.rootNode.namedDescendantForIndex(offset, offset);
  // A cursor just after a name (`g|)`) still means the name, as editors place it when hovering a word's end.
  if (node.type !== 'identifier' && offset > 0) node = model.tree.rootNode.namedDescendantForIndex(offset - 1, offset - 1);
  if (node.type !== 'identifier') return null;
  const parent = node.parent;
  if (parent !== null && parent.type === 'function_definition' && parent.childForFieldName('name')?.id === node.id) {
    const fn = model.functionForNode(parent);
    return fn !== undefined && fn.isGenerator ? { node, description: describeGeneratorFunction(fn, model) } : null;
  }
  // `obj.attr`: only the object part is a name; attributes are not resolved.
  if (parent !== null && parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return null;
  const resolver = resolverFor({ model, index: context.index, moduleName: context.moduleName, ...(context.file === undefined ? {} : { file: context.file }) });
  const described = describeName(model, resolver, node, context);
  return described === null ? null : { node, description: described };
}

function describeName(model: SemanticModel, resolver: Resolver, node: SyntaxNode, context: DescribeContext): Description | null {
  const callee = resolver.resolveExpression(node);
  if (callee.kind === 'function' && callee.summary.isGenerator) {
    if (callee.module === null) {
      const fn = callee.node === null ? undefined : model.functionForNode(callee.node);
      return fn === undefined ? null : describeGeneratorFunction(fn, model);
    }
    // The defining module's own model, when the host has its source: the same summary as on the def.
    const other = context.modelOf?.(callee.module) ?? null;
    const fn = other?.functions.find((each) => each.isGenerator && each.kind === 'def' && each.qualname === callee.summary.qualname);
    if (other !== null && fn !== undefined) {
      return { ...describeGeneratorFunction(fn, other), definedIn: { module: callee.module, line: fn.node.startPosition.row + 1 } };
    }
    return { kind: 'imported-function', name: node.text, module: callee.module, summary: callee.summary };
  }
  const resolved = model.resolve(node.text, model.scopeOf(node));
  const binding = resolved === null ? null : bindingInEffect(resolved.bindings, node);
  if (binding === null || (binding.kind !== 'assign' && binding.kind !== 'walrus') || binding.value === null) return null;
  const value = unparenthesize(binding.value);
  const creation = resolver.creationOf(value);
  if (creation === null) return null;
  const calleeNode = value.type === 'call' ? value.childForFieldName('function') : null;
  // The binding itself (`g = gen()`) is not a use: the state is the one the object is created in.
  const isBindingSite = binding.node.id === node.id;
  const state: GeneratorObjectState = isBindingSite ? (creation === 'created' ? 'created' : 'suspended') : stateOf(resolver.maskAt(node));
  return {
    kind: 'object',
    name: binding.name,
    origin: truncate(collapse(value.text), 80),
    originLine: value.startPosition.row + 1,
    functionName: calleeNode === null ? null : collapse(calleeNode.text),
    state,
  };
}

function stateOf(mask: StateMask | undefined): GeneratorObjectState {
  if (mask === CREATED) return 'created';
  if (mask === SUSPENDED) return 'suspended';
  if (mask === EXHAUSTED) return 'exhausted';
  if (mask === (SUSPENDED | EXHAUSTED)) return 'started';
  return 'unknown';
}

export function describeGeneratorFunction(fn: FunctionInfo, model: SemanticModel): GeneratorFunctionDescription {
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
  const resources = suspendedResources(fn, model).map((resource) => ({ text: resource.description, line: resource.acquisition.startPosition.row + 1 }));
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
    return { how: 'assigned', target: collapse(parent.childForFieldName('left')?.text ?? parent.text), line };
  }
  // `out.append((yield))`: the argument list's text would be the raw `((yield))`; the call says more.
  const argumentOf = parent.type === 'keyword_argument' ? parent.parent : parent;
  if (argumentOf !== null && argumentOf.type === 'argument_list' && argumentOf.parent?.type === 'call') {
    const callee = collapse(argumentOf.parent.childForFieldName('function')?.text ?? '');
    const keyword = parent.type === 'keyword_argument' ? `${parent.childForFieldName('name')?.text ?? ''}=…` : '';
    return { how: 'argument', target: truncate(`${callee}(${keyword})`, 60), line };
  }
  if (parent.type === 'return_statement') return { how: 'returned', target: 'return', line };
  return { how: 'expression', target: truncate(collapse(parent.text), 60), line };
}

/** The binding that is in effect at `use`: the last one in source order before it, else the first. */
function bindingInEffect(bindings: readonly Binding[], use: SyntaxNode): Binding | null {
  let best: Binding | null = null;
  for (const binding of bindings) {
    if (binding.node.startIndex <= use.startIndex) best = binding;
  }
  return best ?? bindings[0] ?? null;
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
