// Which resources a generator frame holds while it is suspended at a `yield`: acquisitions (`open`,
// sockets, connections, processes, temporary files, locks) that are live at a yield and not protected by
// `with`, `try/finally` or an ExitStack. The suspended-resource rule and the hover both use it.
//
// Only acquisitions the analysis can follow are considered: `name = open(...)` as a statement, a `for`
// loop or generator expression iterating over `open(...)` directly, and `lock.acquire()` as a
// statement. Anything else (an attribute target, an argument to another call, an aliased name, a name
// that escapes to the caller) is ownership the analysis cannot track, so it stays silent.

import type { SyntaxNode } from '../../parser.js';
import type { Binding, FunctionInfo, SemanticModel } from '../model/semantic.js';
import { enclosingTries, escapeRegExp } from './exceptions.js';
import { flowOf, type HeaderOf, type VisitResult } from './statements.js';

export type ResourceKind = 'file' | 'socket' | 'connection' | 'process' | 'temporary file' | 'temporary directory' | 'directory iterator' | 'memory map' | 'URL response' | 'lock';

interface Acquirer {
  kind: ResourceKind;
  /** True when `with CALL as name:` binds the same object the call returns and closes it on exit. */
  withBindsResult: boolean;
}

/** Fully qualified callables that hand out a resource that must be closed. */
const ACQUIRERS: ReadonlyMap<string, Acquirer> = new Map<string, Acquirer>([
  ['builtins.open', { kind: 'file', withBindsResult: true }],
  ['io.open', { kind: 'file', withBindsResult: true }],
  ['io.FileIO', { kind: 'file', withBindsResult: true }],
  ['codecs.open', { kind: 'file', withBindsResult: true }],
  ['gzip.open', { kind: 'file', withBindsResult: true }],
  ['gzip.GzipFile', { kind: 'file', withBindsResult: true }],
  ['bz2.open', { kind: 'file', withBindsResult: true }],
  ['bz2.BZ2File', { kind: 'file', withBindsResult: true }],
  ['lzma.open', { kind: 'file', withBindsResult: true }],
  ['lzma.LZMAFile', { kind: 'file', withBindsResult: true }],
  ['tarfile.open', { kind: 'file', withBindsResult: true }],
  ['zipfile.ZipFile', { kind: 'file', withBindsResult: true }],
  ['os.fdopen', { kind: 'file', withBindsResult: true }],
  ['socket.socket', { kind: 'socket', withBindsResult: true }],
  ['socket.create_connection', { kind: 'socket', withBindsResult: true }],
  ['socket.create_server', { kind: 'socket', withBindsResult: true }],
  // `with conn:` on a sqlite3 connection commits or rolls back but does not close it.
  ['sqlite3.connect', { kind: 'connection', withBindsResult: false }],
  // `with Popen(...)` also waits for the process, which changes behaviour.
  ['subprocess.Popen', { kind: 'process', withBindsResult: false }],
  ['tempfile.TemporaryFile', { kind: 'temporary file', withBindsResult: true }],
  ['tempfile.NamedTemporaryFile', { kind: 'temporary file', withBindsResult: true }],
  ['tempfile.SpooledTemporaryFile', { kind: 'temporary file', withBindsResult: true }],
  // `with TemporaryDirectory() as d` binds the path, not the object.
  ['tempfile.TemporaryDirectory', { kind: 'temporary directory', withBindsResult: false }],
  ['os.scandir', { kind: 'directory iterator', withBindsResult: true }],
  ['mmap.mmap', { kind: 'memory map', withBindsResult: true }],
  ['urllib.request.urlopen', { kind: 'URL response', withBindsResult: true }],
]);

/** The last names of the acquirers, for a cheap text prefilter before any tree access. */
const CANDIDATE_CALL = /\b(?:open|open_file|ClientSession|FileIO|GzipFile|BZ2File|LZMAFile|ZipFile|fdopen|socket|create_connection|create_server|connect|Popen|TemporaryFile|NamedTemporaryFile|SpooledTemporaryFile|TemporaryDirectory|scandir|mmap|urlopen|acquire)\s*\(/g;

/** The same names without the global flag: does a file contain any candidate call at all? */
export const RESOURCE_CALL_TRIGGER = new RegExp(CANDIDATE_CALL.source);

/** Above this many candidate calls in one function, the function is not analysed. */
const MAX_CANDIDATES_PER_FUNCTION = 100;

/** Lazy wrappers whose iteration keeps iterating the wrapped resource: `for i, line in enumerate(open(p))`. */
const ITERATION_WRAPPERS = new Set(['builtins.enumerate', 'builtins.iter', 'csv.reader', 'csv.DictReader']);

/** Resources that close themselves when iterated to the end. */
const CLOSES_WHEN_EXHAUSTED = new Set<ResourceKind>(['directory iterator']);

/** Builtins that iterate their single argument to the end before returning. */
const FULL_CONSUMERS = new Set(['builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.frozenset', 'builtins.dict', 'builtins.sorted', 'builtins.sum', 'builtins.max', 'builtins.min']);

/** True when the generator expression is the sole argument of a call that exhausts it immediately. */
function isConsumedAtOnce(genexp: SyntaxNode, model: SemanticModel): boolean {
  let call = genexp.parent;
  if (call?.type === 'argument_list') {
    if (call.namedChildCount !== 1) return false;
    call = call.parent;
  }
  if (call?.type !== 'call') return false;
  const callee = call.childForFieldName('function');
  if (callee === null) return false;
  // `"".join(...)` consumes everything too.
  if (callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'join') return true;
  return FULL_CONSUMERS.has(qualifiedName(callee, model) ?? '');
}

/** Methods that end a resource's life (or hand it to something that will). */
const RELEASE_METHODS = ['close', 'release', 'shutdown', 'detach', 'cleanup', 'terminate', 'kill', 'wait', 'communicate', '__exit__'];

/** Methods whose argument becomes owned by the receiver (a container, an ExitStack, a registry). */
const TAKING_METHODS = new Set(['append', 'appendleft', 'add', 'extend', 'insert', 'put', 'put_nowait', 'register', 'enter_context', 'push', 'callback', 'setdefault', 'update', 'closing']);

export interface SuspendedResource {
  /** The acquiring call (`open(p)`) or, for a lock, the `lock.acquire()` call. */
  acquisition: SyntaxNode;
  /** The first yield at which the resource is live and unprotected (for a generator expression, its element). */
  yieldNode: SyntaxNode;
  /** For the hover: "file `f` from `open(...)`". */
  description: string;
  kind: ResourceKind;
  /** The variable holding it, when it is held in one. */
  name: string | null;
  /** For `name = CALL` acquisitions: the statement, which a `with` can replace. */
  statement: SyntaxNode | null;
  /** True when `with CALL as name:` means the same thing as the assignment plus closing. */
  withBindsResult: boolean;
}

const cache = new WeakMap<FunctionInfo, SuspendedResource[]>();

/**
 * The resources `fn` (a generator function or generator expression) holds while suspended at a yield
 * without `with`, `try/finally` or an ExitStack to release them when the generator is closed. One entry
 * per acquisition, with the first such yield. Nested def/lambda/class/genexp bodies are other frames:
 * their yields and acquisitions are not `fn`'s (a generator expression is analysed as its own function).
 */
export function suspendedResources(fn: FunctionInfo, model: SemanticModel): SuspendedResource[] {
  let result = cache.get(fn);
  if (result === undefined) {
    result = fn.isGenerator && !fn.hasSyntaxError ? findSuspendedResources(fn, model) : [];
    cache.set(fn, result);
  }
  return result;
}

function findSuspendedResources(fn: FunctionInfo, model: SemanticModel, untilAclose = false): SuspendedResource[] {
  if (fn.kind === 'genexp') return untilAclose ? [] : genexpResource(fn, model);
  const found: SuspendedResource[] = [];
  const text = model.text.slice(fn.node.startIndex, fn.node.endIndex);
  const matches = [...text.matchAll(CANDIDATE_CALL)];
  // Each candidate costs scans of the function; generated code with hundreds of them is skipped
  // rather than analysed in quadratic time (the rule stays silent, never wrong).
  if (matches.length > MAX_CANDIDATES_PER_FUNCTION) return [];
  for (const match of matches) {
    const offset = fn.node.startIndex + (match.index ?? 0);
    const call = callAt(model, offset);
    if (call === null || !ownsFrame(call, fn)) continue;
    const resource = classifyAcquisition(call, fn, model, untilAclose);
    if (resource !== null) found.push(resource);
  }
  return found;
}

/** The call whose callee's last name starts at `offset`, if any. */
function callAt(model: SemanticModel, offset: number): SyntaxNode | null {
  const name = model.tree.rootNode.descendantForIndex(offset);
  if (name.type !== 'identifier') return null;
  let callee = name;
  if (callee.parent?.type === 'attribute' && callee.parent.childForFieldName('attribute')?.startIndex === callee.startIndex) callee = callee.parent;
  const call = callee.parent;
  if (call === null || call.type !== 'call' || call.childForFieldName('function')?.startIndex !== callee.startIndex) return null;
  return call;
}

/** True when `node` runs in `fn`'s own frame, not in a nested def, lambda, class or generator expression. */
function ownsFrame(node: SyntaxNode, fn: FunctionInfo): boolean {
  return flowOf(fn).isOwnFrame(node);
}

function classifyAcquisition(call: SyntaxNode, fn: FunctionInfo, model: SemanticModel, untilAclose: boolean): SuspendedResource | null {
  const callee = call.childForFieldName('function');
  if (callee === null) return null;
  if (callee.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'acquire') return lockResource(call, callee, fn, model, untilAclose);
  const acquirer = acquirerOf(callee, model);
  if (acquirer === undefined) return null;
  const loop = iteratingLoop(call, model);
  if (loop !== null) return loopResource(call, loop, acquirer, fn, model);
  const parent = call.parent;
  if (parent?.type !== 'assignment' || parent.childForFieldName('right')?.startIndex !== call.startIndex) return null;
  const target = parent.childForFieldName('left');
  const statement = parent.parent;
  // Only `name = CALL` as a whole statement; `self.f = open()`, `a = b = open()`, tuples: not followed.
  if (target?.type !== 'identifier' || statement?.type !== 'expression_statement' || parent.childForFieldName('type') !== null) return null;
  return namedResource(call, target.text, statement, acquirer, fn, model, untilAclose);
}

/** `for x in CALL:` (possibly `enumerate(CALL)`, `csv.reader(CALL)`): the loop holds the resource. */
function iteratingLoop(call: SyntaxNode, model: SemanticModel): SyntaxNode | null {
  let iterable = call;
  const outer = call.parent?.parent;
  if (call.parent?.type === 'argument_list' && outer?.type === 'call') {
    const wrapper = outer.childForFieldName('function');
    if (isIterationWrapper(wrapper, model) && outer.childForFieldName('arguments')?.firstNamedChild?.startIndex === call.startIndex) {
      iterable = outer;
    }
  }
  const loop = iterable.parent;
  if (loop?.type === 'for_statement' && loop.childForFieldName('right')?.startIndex === iterable.startIndex) return loop;
  return null;
}

function loopResource(call: SyntaxNode, loop: SyntaxNode, acquirer: Acquirer, fn: FunctionInfo, model: SemanticModel): SuspendedResource | null {
  const body = loop.childForFieldName('body');
  if (body === null) return null;
  // Nothing inside the loop can close an object it has no name for, so any yield in the body counts.
  const yieldNode = flowOf(fn).firstOwnYieldInRange(body.startIndex, body.endIndex);
  if (yieldNode === null) return null;
  return {
    acquisition: call,
    yieldNode,
    description: `${acquirer.kind} from \`${calleeText(call, model)}\` iterated by the \`for\` loop`,
    kind: acquirer.kind,
    name: null,
    statement: null,
    withBindsResult: acquirer.withBindsResult,
  };
}

function genexpResource(fn: FunctionInfo, model: SemanticModel): SuspendedResource[] {
  const clause = fn.node.namedChildren.find((child) => child.type === 'for_in_clause');
  let iterable = clause?.childForFieldName('right') ?? null;
  if (iterable === null || iterable.type !== 'call') return [];
  const wrapper = iterable.childForFieldName('function');
  if (isIterationWrapper(wrapper, model)) {
    const inner = iterable.childForFieldName('arguments')?.firstNamedChild ?? null;
    if (inner === null || inner.type !== 'call') return [];
    iterable = inner;
  }
  const callee = iterable.childForFieldName('function');
  const acquirer = acquirerOf(callee, model);
  const element = fn.node.childForFieldName('body');
  if (acquirer === undefined || element === null) return [];
  // `dict(e for e in os.scandir(p))`: consumed to the end at once, and a scandir iterator closes
  // itself when exhausted. (A file does not, so the same shape over `open()` is still reported.)
  if (CLOSES_WHEN_EXHAUSTED.has(acquirer.kind) && isConsumedAtOnce(fn.node, model)) return [];
  return [{
    acquisition: iterable,
    yieldNode: element,
    description: `${acquirer.kind} from \`${calleeText(iterable, model)}\``,
    kind: acquirer.kind,
    name: null,
    statement: null,
    withBindsResult: acquirer.withBindsResult,
  }];
}

/** `lock.acquire()` as a statement: held until `lock.release()`. */
function lockResource(call: SyntaxNode, callee: SyntaxNode, fn: FunctionInfo, model: SemanticModel, untilAclose: boolean): SuspendedResource | null {
  const statement = call.parent;
  const receiver = callee.childForFieldName('object');
  if (statement?.type !== 'expression_statement' || receiver === null) return null;
  if (receiver.type !== 'identifier' && receiver.type !== 'attribute') return null;
  // A lock the frame made itself and never hands out: nobody else can wait for it.
  if (receiver.type === 'identifier' && isPrivateLocal(receiver.text, fn, model, statement)) return null;
  // With arguments the call may time out or not block, and its result would matter; not followed.
  if ((call.childForFieldName('arguments')?.namedChildCount ?? 0) > 0) return null;
  const lock = receiver.text;
  const release = new RegExp(`${escapeRegExp(lock)}\\s*\\.\\s*release\\s*\\(`);
  const mention = new RegExp(`${escapeRegExp(lock)}\\b`);
  const yieldNode = firstUnreleasedYield(fn, statement, (text) => release.test(text), mention, untilAclose);
  if (yieldNode === null) return null;
  return { acquisition: call, yieldNode, description: `lock \`${lock}\``, kind: 'lock', name: null, statement: null, withBindsResult: false };
}

/**
 * True when `name` is a local of `fn` bound only by assignments of a call made in its own frame (`lock =
 * locks.Lock()`), never a parameter, global or capture, and the object never escapes (see `nameEscapes`).
 */
function isPrivateLocal(name: string, fn: FunctionInfo, model: SemanticModel, use: SyntaxNode): boolean {
  const found = model.resolve(name, fn.scope);
  if (found === null || found.scope !== fn.scope) return false;
  if (!found.bindings.every((binding) => binding.kind === 'assign' && binding.value?.type === 'call' && ownsFrame(binding.node, fn))) return false;
  return !nameEscapes(name, fn, model, use);
}

function namedResource(call: SyntaxNode, name: string, statement: SyntaxNode, acquirer: Acquirer, fn: FunctionInfo, model: SemanticModel, untilAclose: boolean): SuspendedResource | null {
  if (nameEscapes(name, fn, model, statement)) return null;
  const escaped = escapeRegExp(name);
  // `f.close()`, `close(fd)` / `os.close(fd)`, `del f`, and rebinding `f` all end this object's life here.
  const releases = new RegExp(
    `(?<![\\w.])${escaped}\\s*\\.\\s*(?:${RELEASE_METHODS.join('|')})\\s*\\(|\\b(?:${RELEASE_METHODS.join('|')})\\s*\\(\\s*${escaped}\\b|\\bdel\\b[^\\n]*(?<![\\w.])${escaped}\\b|(?<![\\w.])${escaped}\\s*=(?!=)`,
  );
  const mention = new RegExp(`(?<![\\w.])${escaped}\\b`);
  const yieldNode = firstUnreleasedYield(fn, statement, (text) => releases.test(text), mention, untilAclose);
  if (yieldNode === null) return null;
  return {
    acquisition: call,
    yieldNode,
    description: `${acquirer.kind} \`${name}\` from \`${calleeText(call, model)}\``,
    kind: acquirer.kind,
    name,
    statement,
    withBindsResult: acquirer.withBindsResult,
  };
}

/**
 * Follows the flow from just after `statement` and returns the first own-frame yield reached before
 * the resource is released on that path and not covered by a `finally` (or a handler catching
 * GeneratorExit) that mentions it (`untilAclose`: covered or not — code that runs only when the
 * generator is closed). Release tests are textual and generous on purpose: a mention in a
 * comment or a conditional `close()` counts as a release, which can only make the rule quieter.
 */
function firstUnreleasedYield(fn: FunctionInfo, statement: SyntaxNode, releases: (text: string) => boolean, mention: RegExp, untilAclose: boolean): SyntaxNode | null {
  const flow = flowOf(fn);
  const textOf = (node: SyntaxNode): string => node.text;
  let reached: SyntaxNode | null = null;
  const visit = (node: SyntaxNode, header: HeaderOf | null): VisitResult => {
    if (releases(textOf(node))) return 'stop';
    // `if f is not None: f.close()` releases on the paths that matter (where there is something to
    // close); a test that does not look at the resource leaves the other branch open.
    const test = header?.role === 'condition' && header.statement.type !== 'while_statement' ? header.statement : null;
    if (test !== null && mention.test(textOf(node)) && releases(textOf(test))) return 'stop';
    for (const yieldNode of flow.ownYieldsIn(node)) {
      if (!untilAclose && isProtectedAt(yieldNode, fn, mention)) continue;
      reached = yieldNode;
      return 'found';
    }
    return 'continue';
  };
  flow.explore([{ kind: 'after', statement }], visit);
  return reached;
}

/** True when closing the generator at `yieldNode` runs code that mentions the resource. */
function isProtectedAt(yieldNode: SyntaxNode, fn: FunctionInfo, mention: RegExp): boolean {
  for (const { statement, region } of enclosingTries(yieldNode, fn)) {
    if (region === 'finally') continue;
    for (const child of statement.namedChildren) {
      if (child.type === 'finally_clause' && mention.test(child.text)) return true;
      if (region === 'body' && child.type === 'except_clause' && mention.test(child.text) && catchesGeneratorExitLoosely(child)) return true;
    }
  }
  for (const statement of flowOf(fn).withsAround(yieldNode)) {
    const clause = statement.namedChildren.find((child) => child.type === 'with_clause');
    if (clause !== undefined && mention.test(clause.text)) return true;
  }
  return false;
}

/** Handler test without a model: the names only (a rebound `BaseException` would only make us quieter). */
function catchesGeneratorExitLoosely(handler: SyntaxNode): boolean {
  const header = handler.text.split(':', 1)[0] ?? '';
  return /^except\s*$/.test(header.trim()) || /\b(?:GeneratorExit|BaseException)\b/.test(header);
}

/**
 * True when the object bound to `name` may be owned by someone else: it is returned, yielded, stored
 * in an attribute, container or another name, handed to an ExitStack or a `with`, captured by a nested
 * function, or declared global/nonlocal. Then closing it is not this frame's job.
 */
function nameEscapes(name: string, fn: FunctionInfo, model: SemanticModel, acquisition: SyntaxNode): boolean {
  // The body only: the function's own name, parameters' defaults and decorators are outside its frame.
  const body = fn.node.childForFieldName('body') ?? fn.node;
  const text = model.text.slice(body.startIndex, body.endIndex);
  const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(name)}(?!\\w)`, 'g');
  const root = model.tree.rootNode;
  for (const match of text.matchAll(pattern)) {
    const node = root.descendantForIndex(body.startIndex + (match.index ?? 0));
    if (node.type !== 'identifier' || node.text !== name) continue;
    if (node.startIndex >= acquisition.startIndex && node.endIndex <= acquisition.endIndex) continue;
    if (!ownsFrame(node, fn)) return true;
    if (occurrenceEscapes(node)) return true;
  }
  return false;
}

function occurrenceEscapes(node: SyntaxNode): boolean {
  let occurrence = node;
  let parent = node.parent;
  // `x = f or g`, `(f)`: the value flows through.
  while (parent !== null && (parent.type === 'parenthesized_expression' || parent.type === 'boolean_operator' || parent.type === 'conditional_expression')) {
    occurrence = parent;
    parent = parent.parent;
  }
  if (parent === null) return false;
  switch (parent.type) {
    case 'attribute': {
      if (parent.childForFieldName('object')?.startIndex !== occurrence.startIndex) return false;
      const attribute = parent.childForFieldName('attribute')?.text ?? '';
      const called = parent.parent?.type === 'call' && parent.parent.childForFieldName('function')?.startIndex === parent.startIndex;
      // `atexit.register(f.close)`, `stack.callback(f.close)`: someone else will close it.
      return !called && RELEASE_METHODS.includes(attribute);
    }
    case 'keyword_argument':
    case 'argument_list': {
      const list = parent.type === 'argument_list' ? parent : parent.parent;
      const call = list?.parent;
      if (call?.type !== 'call') return false;
      const callee = call.childForFieldName('function');
      const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : callee?.text ?? '';
      // A container method, an ExitStack, `closing(f)` or a class wrapping it takes ownership.
      return TAKING_METHODS.has(last) || /^[A-Z]/.test(last);
    }
    case 'return_statement':
    case 'tuple':
    case 'list':
    case 'set':
    case 'pair':
    case 'expression_list':
    case 'global_statement':
    case 'nonlocal_statement':
    case 'with_item':
    case 'as_pattern':
      return true;
    case 'yield':
      // `yield f` hands it to the consumer; `yield from f` iterates it in this frame.
      return !parent.children.some((child) => child.type === 'from');
    case 'assignment':
      return parent.childForFieldName('right')?.startIndex === occurrence.startIndex;
    default:
      return false;
  }
}

/** The last segment of a callee (`open`, `socket` in `socket.socket`), read without resolving anything. */
function lastName(callee: SyntaxNode): string {
  if (callee.type === 'identifier') return callee.text;
  if (callee.type === 'attribute') return callee.childForFieldName('attribute')?.text ?? '';
  return '';
}

const ACQUIRER_LAST_NAMES = new Set([...ACQUIRERS.keys()].map((name) => name.slice(name.lastIndexOf('.') + 1)));
const WRAPPER_LAST_NAMES = new Set([...ITERATION_WRAPPERS].map((name) => name.slice(name.lastIndexOf('.') + 1)));

/**
 * The acquirer a callee names, or undefined. The last name is checked first: resolving a name can make
 * the model compute every binding of the file, which most files never need.
 */
function acquirerOf(callee: SyntaxNode | null, model: SemanticModel): Acquirer | undefined {
  if (callee === null || !ACQUIRER_LAST_NAMES.has(lastName(callee))) return undefined;
  return ACQUIRERS.get(qualifiedName(callee, model) ?? '');
}

function isIterationWrapper(callee: SyntaxNode | null, model: SemanticModel): boolean {
  return callee !== null && WRAPPER_LAST_NAMES.has(lastName(callee)) && ITERATION_WRAPPERS.has(qualifiedName(callee, model) ?? '');
}

/** `open`, `socket.socket`, ... as written, for messages. */
function calleeText(call: SyntaxNode, model: SemanticModel): string {
  const callee = call.childForFieldName('function');
  return callee === null ? 'call' : `${model.text.slice(callee.startIndex, callee.endIndex)}(...)`;
}

/**
 * The fully qualified name a callee refers to through the module's imports (`open` → `builtins.open`,
 * `sock.socket` after `import socket as sock` → `socket.socket`), or null when it is something local.
 */
export function qualifiedName(callee: SyntaxNode, model: SemanticModel): string | null {
  const parts: string[] = [];
  let base = callee;
  while (base.type === 'attribute') {
    const attribute = base.childForFieldName('attribute');
    const object = base.childForFieldName('object');
    if (attribute === null || object === null) return null;
    parts.unshift(attribute.text);
    base = object;
  }
  if (base.type !== 'identifier') return null;
  const name = base.text;
  const resolved = model.resolve(name, model.scopeOf(base));
  if (resolved === null) {
    // After `from m import *` an unbound name may come from `m` (`open` is `os.open` in os.py).
    return hasStarImport(model) ? null : ['builtins', name, ...parts].join('.');
  }
  const prefix = importedAs(name, resolved.bindings);
  return prefix === null ? null : [prefix, ...parts].join('.');
}

const starImports = new WeakMap<SemanticModel, boolean>();

function hasStarImport(model: SemanticModel): boolean {
  let found = starImports.get(model);
  if (found === undefined) {
    found = /^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\*/m.test(model.text);
    starImports.set(model, found);
  }
  return found;
}

function importedAs(name: string, bindings: readonly Binding[]): string | null {
  let result: string | null = null;
  for (const binding of bindings) {
    let qualified: string | null = null;
    const module = binding.importModule;
    if (module === undefined || module.startsWith('.')) return null;
    if (binding.kind === 'import') qualified = module.split('.')[0] === name ? name : module;
    else if (binding.kind === 'importFrom' && binding.importName !== undefined && binding.importName !== null) qualified = `${module}.${binding.importName}`;
    // Two bindings that disagree (a conditional import of two things): unknown.
    if (qualified === null || (result !== null && result !== qualified)) return null;
    result = qualified;
  }
  return result;
}

/** Async acquirers whose `async with` closes what they opened. */
const ASYNC_ACQUIRERS: ReadonlyMap<string, ResourceKind> = new Map<string, ResourceKind>([
  ['aiofiles.open', 'file'],
  ['anyio.open_file', 'file'],
  ['trio.open_file', 'file'],
  ['aiohttp.ClientSession', 'connection'],
  ['aiosqlite.connect', 'connection'],
  ['asyncpg.connect', 'connection'],
]);

/** A resource an async generator holds in a `with`/`async with` across a `yield`. */
export interface AsyncHeldResource {
  acquisition: SyntaxNode;
  yieldNode: SyntaxNode;
  description: string;
}

/**
 * The resources an async generator opens in a `with` or `async with` statement whose body can suspend
 * at a `yield`. Such a `with` closes them only when the generator is closed: a consumer that stops early
 * without `contextlib.aclosing()` leaves that to the event loop's finaliser, which runs `aclose()` some
 * iterations later (or never, once the loop is gone). Nested frames are not entered.
 */
const untilAcloseCache = new WeakMap<FunctionInfo, SuspendedResource[]>();

/**
 * For an async generator: the resources that a `finally`, a GeneratorExit handler or a `with` releases
 * only when the generator is closed — which, for an abandoned async generator, is when the event loop's
 * finaliser runs `aclose()` (some iterations later, or never once the loop stops). The resources
 * `suspendedResources` already reports are left out. `with CALL` items are `asyncGeneratorHeldResources`'.
 */
export function asyncGeneratorResourcesReleasedOnClose(fn: FunctionInfo, model: SemanticModel): SuspendedResource[] {
  if (!fn.isAsync || !fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError) return [];
  let result = untilAcloseCache.get(fn);
  if (result === undefined) {
    const unprotected = new Set(suspendedResources(fn, model).map((resource) => resource.acquisition.id));
    result = findSuspendedResources(fn, model, true).filter((resource) => !unprotected.has(resource.acquisition.id));
    untilAcloseCache.set(fn, result);
  }
  return result;
}

export function asyncGeneratorHeldResources(fn: FunctionInfo, model: SemanticModel): AsyncHeldResource[] {
  if (!fn.isAsync || !fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError) return [];
  const flow = flowOf(fn);
  const found: AsyncHeldResource[] = [];
  for (const statement of flow.index().withs) {
    const body = statement.childForFieldName('body');
    const yieldNode = body === null ? null : flow.firstOwnYieldInRange(body.startIndex, body.endIndex);
    if (yieldNode === null) continue;
    const clause = statement.namedChildren.find((child) => child.type === 'with_clause');
    for (const item of clause?.namedChildren ?? []) {
      if (item.type !== 'with_item') continue;
      let value = item.childForFieldName('value');
      if (value?.type === 'as_pattern') value = value.firstNamedChild;
      if (value?.type === 'await') value = value.firstNamedChild;
      if (value?.type !== 'call') continue;
      const callee = value.childForFieldName('function');
      if (callee === null) continue;
      const kind = acquirerOf(callee, model)?.kind ?? ASYNC_ACQUIRERS.get(qualifiedName(callee, model) ?? '');
      if (kind === undefined) continue;
      found.push({ acquisition: value, yieldNode, description: `${kind} from \`${calleeText(value, model)}\`` });
    }
  }
  return found;
}
