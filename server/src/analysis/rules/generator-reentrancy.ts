// GEN010 generator-reentrancy: a generator body that resumes its own generator object (through a
// module global, a closure cell, or an attribute set to it), which CPython refuses with "ValueError:
// generator already executing".

import type { SyntaxNode } from '../../parser.js';
import { flowOf } from '../flow/statements.js';
import { isInside, type FunctionInfo, type SemanticModel } from '../model/semantic.js';
import { isVisibleWith } from '../model/visible.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import type { RuleContext, RuleDefinition } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

/** Builtins that iterate their first argument (each resumes the generator). */
const ITERATING_BUILTINS = new Set(['next', 'list', 'tuple', 'set', 'frozenset', 'dict', 'sorted', 'sum', 'min', 'max', 'any', 'all', 'enumerate', 'zip', 'map', 'filter']);
/** Methods that resume (or close) a generator. */
const RESUMING_METHODS = new Set(['send', 'throw', 'close', '__next__']);
/**
 * An async generator's: each returns an awaitable that resumes it when awaited (creating one does
 * nothing), and CPython 3.13 refuses it while the body runs with this message.
 */
const ASYNC_RESUMING_METHODS = new Map([
  ['asend', 'anext(): asynchronous generator is already running'],
  ['__anext__', 'anext(): asynchronous generator is already running'],
  ['athrow', 'athrow(): asynchronous generator is already running'],
  ['aclose', 'aclose(): asynchronous generator is already running'],
]);
const ANEXT_RUNNING = 'anext(): asynchronous generator is already running';

export const generatorReentrancy: RuleDefinition = {
  code: 'GEN010',
  name: 'generator-reentrancy',
  severity: 'error',
  summary: 'Generator body resumes its own generator object (ValueError: generator already executing)',
  fixTitle: null,
  triggers: /\byield\b/,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: [
      'Checks generator functions whose body resumes the very generator object it is running in:',
      '`next(g)`, `g.send(...)`, `g.throw(...)`, `g.close()`, `g.__next__()`, `for x in g`, `yield from g` or',
      'an iterating builtin (`list(g)`, `sum(g)`, ...), where `g` is',
      '',
      '- a module global bound once, to the only call of this generator function in module-level code;',
      '- a variable of the enclosing function (a closure cell) bound once, to the only call of this nested',
      '  generator function there;',
      '- an attribute `self.x` assigned once in the class, to `self.method()`, the only call of this',
      '  generator method there.',
      '',
      'With more than one such call the object running is not known, and the rule stays silent. Code in',
      'nested functions, lambdas and classes runs in other frames (possibly later) and is not considered.',
      '',
      'Async generators are checked the same way: an awaited `g.asend(...)`, `g.athrow(...)`,',
      '`g.aclose()`, `g.__anext__()` or `anext(g)`, or `async for x in g`, on the async generator object',
      'the body runs in. Making the awaitable without awaiting it resumes nothing and is not reported.',
    ].join('\n'),
    whyIsThisBad: [
      'While a generator runs, its frame is executing: CPython refuses to resume it again from inside and',
      'raises `ValueError: generator already executing`, whether the resumption is `next()`, `send()`,',
      '`throw()`, `close()` or iteration. The body usually meant to yield a value to its consumer, or to',
      'resume another generator. For an async generator CPython 3.13 raises `RuntimeError: anext():',
      'asynchronous generator is already running` (`athrow()`, `aclose()` for those methods).',
    ].join('\n'),
    example: [
      'def pump():',
      '    while True:',
      '        item = yield',
      '        if item is None:',
      '            next(pipeline)  # resumes itself: ValueError',
      '',
      'pipeline = pump()',
      'next(pipeline)',
    ].join('\n'),
    useInstead: [
      'def pump():',
      '    while True:',
      '        item = yield',
      '        if item is None:',
      '            continue  # wait for the next value instead',
      '',
      'pipeline = pump()',
      'next(pipeline)',
    ].join('\n'),
    fixSafety: 'There is no automatic fix: what the body should do instead depends on what it means.',
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator-iterator-methods',
      'https://peps.python.org/pep-0255/#specification-generators-and-exception-propagation',
    ],
  },
  checkFunction(fn: FunctionInfo, ctx: RuleContext): void {
    if (!fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError) return;
    // Most generators are never assigned from a call of themselves: a text test first, because
    // resolving names computes every binding of the file.
    if (!mayHoldItself(fn, ctx.model)) return;
    const self = selfReference(fn, ctx.model);
    if (self === null) return;
    for (const { node: resumption, error } of resumptions(fn, self, ctx.model)) {
      const written = resumption.type === 'identifier' || resumption.type === 'attribute' ? `${fn.isAsync ? 'async ' : ''}for ... in ${self.text}` : oneLine(resumption.text);
      const what = fn.isAsync ? 'asynchronous generator object' : 'generator object';
      ctx.report({
        node: resumption,
        message: `\`${written}\` resumes \`${self.text}\`, the ${what} this body is running in (${error})`,
        related: [{ node: self.creation, message: `\`${self.text}\` is this ${what}, created here` }],
      });
    }
  },
};

/** Per file: the names assigned `name = f(...)` anywhere, by the called name `f`. */
const assignedCalls = new WeakMap<SemanticModel, Map<string, Set<string>>>();

/**
 * True when the text has `x = name(...)` (or `self.x = self.name(...)`) with `x` mentioned in the
 * function's body: a cheap necessary condition for `selfReference`.
 */
function mayHoldItself(fn: FunctionInfo, model: SemanticModel): boolean {
  let byCallee = assignedCalls.get(model);
  if (byCallee === undefined) {
    byCallee = new Map();
    // Statements only (line starts): every assignment `selfReference` accepts is one.
    for (const match of model.text.matchAll(/^[ \t]*(?:self\.)?([A-Za-z_]\w*)[ \t]*=[ \t]*(?:self\.)?([A-Za-z_]\w*)[ \t]*\(/gm)) {
      const [, target, callee] = match;
      if (target === undefined || callee === undefined) continue;
      const targets = byCallee.get(callee);
      if (targets === undefined) byCallee.set(callee, new Set([target]));
      else targets.add(target);
    }
    assignedCalls.set(model, byCallee);
  }
  const targets = byCallee.get(fn.name);
  const body = fn.node.childForFieldName('body');
  if (targets === undefined || body === null) return false;
  const bodyText = model.text.slice(body.startIndex, body.endIndex);
  return [...targets].some((target) => new RegExp(`(?<![\\w])${target}(?!\\w)`).test(bodyText));
}

interface SelfReference {
  /** How the body names its own object: `g`, or `self.x`. */
  text: string;
  kind: 'name' | 'attribute';
  /** The name, or the attribute's name. */
  name: string;
  /** The call that creates the object. */
  creation: SyntaxNode;
  /** For a name: the identifier the creation is assigned to. */
  target: SyntaxNode | null;
}

/** The variable or attribute through which `fn`'s body can reach its own generator object, if any. */
function selfReference(fn: FunctionInfo, model: SemanticModel): SelfReference | null {
  if (fn.enclosingClass !== null) return attributeReference(fn, model);
  const owner = fn.parent === null ? model.moduleScope : fn.parent.kind === 'def' ? fn.parent.scope : null;
  if (owner === null) return null;
  // Only code every analysis of this function sees (the language server analyses a definition with
  // the module-level code, not with the other definitions): the enclosing function, or the module-level
  // statements. A module-level generator may have other instances made elsewhere; its body still runs
  // as this one whenever this one is resumed.
  const calls = fn.parent === null
    ? callsOf(fn.name, model.tree.rootNode, model).filter((call) => isVisibleWith(call, fn, model) && !isInside(call, fn.node))
    : callsOf(fn.name, fn.parent.node, model);
  if (calls.length !== 1) return null;
  const call = calls[0] as SyntaxNode;
  const assignment = call.parent;
  const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === call.id ? assignment.childForFieldName('left') : null;
  if (target?.type !== 'identifier') return null;
  const bindings = owner.bindings.get(target.text) ?? [];
  if (bindings.length !== 1 || bindings[0]?.node.id !== target.id) return null;
  // The definition the call resolves to must be this function.
  const defined = owner.bindings.get(fn.name) ?? [];
  if (defined.length !== 1 || defined[0]?.node.id !== fn.node.id) return null;
  return { text: target.text, kind: 'name', name: target.text, creation: call, target };
}

/** `self.x = self.method()` for the generator method `method`, assigned and called once in the module. */
function attributeReference(fn: FunctionInfo, model: SemanticModel): SelfReference | null {
  const classNode = fn.enclosingClass;
  const parameters = fn.node.childForFieldName('parameters')?.namedChildren ?? [];
  const first = parameters[0];
  if (classNode === null || first?.type !== 'identifier' || first.text !== 'self') return null;
  const calls = occurrencesOf(model, fn.name, classNode.startIndex, classNode.endIndex).filter((name) => {
    const attribute = name.parent;
    return attribute?.type === 'attribute' && attribute.childForFieldName('attribute')?.id === name.id && attribute.parent?.type === 'call';
  });
  if (calls.length !== 1) return null;
  const attribute = calls[0]?.parent as SyntaxNode;
  const call = attribute.parent as SyntaxNode;
  if (attribute.childForFieldName('object')?.text !== 'self' || call.startIndex < classNode.startIndex || call.endIndex > classNode.endIndex) return null;
  const assignment = call.parent;
  const target = assignment?.type === 'assignment' && assignment.childForFieldName('right')?.id === call.id ? assignment.childForFieldName('left') : null;
  if (target?.type !== 'attribute' || target.childForFieldName('object')?.text !== 'self') return null;
  const name = target.childForFieldName('attribute')?.text ?? '';
  // Assigned exactly once in the class (any object's `.name = ...` there counts against it).
  const classText = model.text.slice(classNode.startIndex, classNode.endIndex);
  const assignments = [...classText.matchAll(new RegExp(`\\.\\s*${name}\\s*(?:=(?!=)|:[^=\\n]*=(?!=))`, 'g'))];
  if (name === '' || assignments.length !== 1) return null;
  return { text: `self.${name}`, kind: 'attribute', name, creation: call, target: null };
}

/** Calls of the plain name `name(...)` inside `container`. */
function callsOf(name: string, container: SyntaxNode, model: SemanticModel): SyntaxNode[] {
  return occurrencesOf(model, name, container.startIndex, container.endIndex).flatMap((identifier) => {
    const call = identifier.parent;
    return call?.type === 'call' && call.childForFieldName('function')?.id === identifier.id ? [call] : [];
  });
}

interface Resumption {
  node: SyntaxNode;
  /** What CPython 3.13 raises there. */
  error: string;
}

/** The resuming uses of the self reference in `fn`'s own frame. */
function resumptions(fn: FunctionInfo, self: SelfReference, model: SemanticModel): Resumption[] {
  const body = fn.node.childForFieldName('body');
  if (body === null) return [];
  const flow = flowOf(fn);
  const found: Resumption[] = [];
  for (const identifier of occurrencesOf(model, self.name, body.startIndex, body.endIndex)) {
    if (!flow.isOwnFrame(identifier)) continue;
    let reference: SyntaxNode = identifier;
    if (self.kind === 'attribute') {
      const attribute = identifier.parent;
      if (attribute?.type !== 'attribute' || attribute.childForFieldName('attribute')?.id !== identifier.id || attribute.childForFieldName('object')?.text !== 'self') continue;
      reference = attribute;
    } else {
      const parent = identifier.parent;
      // `x.g` is another object's attribute; the name must also be the module's (or closure's) variable here.
      if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === identifier.id) continue;
      const resolved = model.resolve(self.name, model.scopeOf(identifier));
      if (resolved === null || resolved.scope === fn.scope) continue;
      if (!resolved.bindings.some((binding) => binding.node.id === self.target?.id)) continue;
    }
    const use = fn.isAsync ? asyncResumingUse(reference, model) : resumingUse(reference, model);
    if (use !== null) found.push(use);
  }
  return found;
}

/**
 * For an async generator: an awaited `asend`/`athrow`/`aclose`/`__anext__` call or `anext(...)`, or an
 * `async for` over it. An awaitable made and not awaited resumes nothing; `next()`, `list()`, a plain
 * `for` on an async generator are TypeErrors, not resumptions.
 */
function asyncResumingUse(reference: SyntaxNode, model: SemanticModel): Resumption | null {
  const parent = reference.parent;
  if (parent === null) return null;
  const awaited = (call: SyntaxNode | null | undefined): boolean => call?.type === 'call' && call.parent?.type === 'await';
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === reference.id) {
    const error = ASYNC_RESUMING_METHODS.get(parent.childForFieldName('attribute')?.text ?? '');
    const call = parent.parent;
    if (error === undefined || call?.type !== 'call' || call.childForFieldName('function')?.id !== parent.id || !awaited(call)) return null;
    return { node: call.parent ?? call, error: `RuntimeError: ${error}` };
  }
  if (parent.type === 'argument_list' && parent.namedChildren[0]?.id === reference.id) {
    const call = parent.parent;
    const callee = call?.childForFieldName('function');
    if (call?.type !== 'call' || callee?.type !== 'identifier' || callee.text !== 'anext' || model.resolve('anext', model.scopeOf(callee)) !== null || !awaited(call)) return null;
    return { node: call.parent ?? call, error: `RuntimeError: ${ANEXT_RUNNING}` };
  }
  const isAsyncFor = parent.type === 'for_statement' && parent.children.some((child) => child.type === 'async');
  if (isAsyncFor && parent.childForFieldName('right')?.id === reference.id) return { node: reference, error: `RuntimeError: ${ANEXT_RUNNING}` };
  return null;
}

const EXECUTING = 'ValueError: generator already executing';

/** The call, loop or `yield from` that resumes the object `reference` names, or null. */
function resumingUse(reference: SyntaxNode, model: SemanticModel): Resumption | null {
  const node = resumingNode(reference, model);
  return node === null ? null : { node, error: EXECUTING };
}

function resumingNode(reference: SyntaxNode, model: SemanticModel): SyntaxNode | null {
  const parent = reference.parent;
  if (parent === null) return null;
  if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === reference.id) {
    const method = parent.childForFieldName('attribute')?.text ?? '';
    const call = parent.parent;
    return RESUMING_METHODS.has(method) && call?.type === 'call' && call.childForFieldName('function')?.id === parent.id ? call : null;
  }
  if (parent.type === 'argument_list' && parent.namedChildren[0]?.id === reference.id) {
    const call = parent.parent;
    const callee = call?.childForFieldName('function');
    if (call?.type === 'call' && callee?.type === 'identifier' && ITERATING_BUILTINS.has(callee.text) && model.resolve(callee.text, model.scopeOf(callee)) === null) return call;
    return null;
  }
  const isAsyncFor = parent.type === 'for_statement' && parent.children.some((child) => child.type === 'async');
  if (parent.type === 'for_statement' && !isAsyncFor && parent.childForFieldName('right')?.id === reference.id) return reference;
  if (parent.type === 'yield' && parent.children.some((child) => child.type === 'from')) return parent;
  return null;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 50 ? `${line.slice(0, 47)}...` : line;
}
