// GEN006 exhausted-reuse: a one-shot iterator (generator object, generator expression, map/filter/zip
// object, `iter()` result) consumed to its end and then consumed again, which sees nothing; and
// `itertools.groupby` groups kept past the step that advances to the next group.

import type { SyntaxNode } from '../../parser.js';
import { analyzeFrame, EXHAUSTED, type FlowOptions } from '../flow/generator-state.js';
import type { FunctionInfo } from '../model/semantic.js';
import { resolverFor, type Resolver } from '../workspace/resolve.js';
import type { RuleContext, RuleDefinition } from './rule.js';

/** Builtins whose result is a one-shot iterator over their arguments. */
const ITERATOR_BUILTINS = new Set(['map', 'filter', 'zip', 'iter', 'enumerate', 'reversed']);
/** itertools functions returning one-shot iterators (not the infinite ones: they are never exhausted). */
const ITERATOR_ITERTOOLS = new Set([
  'itertools.chain', 'itertools.islice', 'itertools.compress', 'itertools.dropwhile', 'itertools.takewhile', 'itertools.filterfalse',
  'itertools.starmap', 'itertools.zip_longest', 'itertools.accumulate', 'itertools.pairwise', 'itertools.batched',
  'itertools.product', 'itertools.permutations', 'itertools.combinations', 'itertools.combinations_with_replacement', 'itertools.groupby',
]);

/** Text that makes a frame worth the dataflow: an assignment of something that may be a one-shot iterator. */
const CANDIDATE_ASSIGNMENT = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?!=)([^\n]*)/gm;

export const exhaustedReuse: RuleDefinition = {
  code: 'GEN006',
  name: 'exhausted-reuse',
  severity: 'warning',
  summary: 'A generator or iterator consumed to its end and then consumed again (the second use sees nothing)',
  fixTitle: null,
  // A name bound to a builtin iterator, an itertools result or a generator expression; or, in a file
  // with a generator function, a call (of it, maybe); or a groupby. Most files have none of these.
  // Reports in a frame that assigns a name it then consumes twice (what `candidateNamesIn` asks of
  // the frame's text first: a definition's text holds its frames'), or that loops over `groupby`.
  reportsInDefinition: (definition) => definition.text.includes('groupby') || mayReuseIn(definition.text),
  triggers: /\bgroupby\b|(?:^|\n)[ \t]*\w+[ \t]*=[ \t]*(?:(?:map|filter|zip|iter|enumerate|reversed|chain|islice|starmap|zip_longest|itertools\.\w+)[ \t]*\(|\([^\n]*\bfor\b)|^(?=[\s\S]*?\byield\b)[\s\S]*?\n[ \t]*\w+[ \t]*=[ \t]*[\w.]+\(/,
  docs: {
    whatItDoes: `Checks for a one-shot iterator that is consumed to its end and then consumed again in the same
function, or in the module's own top-level code (a name that a function called there declares
\`global\` is left alone: the call may rebind it). The iterators followed are the objects the analysis can prove to be one-shot: generator
objects (calls of generator functions of the workspace, and factories that return them), generator
expressions, and the results of \`map\`, \`filter\`, \`zip\`, \`enumerate\`, \`reversed\`, \`iter\` and the finite
\`itertools\` functions, bound to a local name.

Consumers that run the iterator to its end: \`list\`, \`tuple\`, \`set\`, \`frozenset\`, \`dict\`, \`sorted\`,
\`sum\`, \`min\`, \`max\`, \`bytes\`, \`"".join\`, \`f(*it)\`, unpacking (\`a, b = it\`), a list/set/dict
comprehension over it, and a \`for\` loop that cannot \`break\`. A later \`list(it)\`, \`for x in it\`,
\`x in it\`, \`any(it)\`, … is reported when the iterator is exhausted on every path to it (the analysis is
flow-sensitive: a loop that may \`break\` leaves the iterator resumable, and re-binding the name starts
over). \`next(it)\` after exhaustion is not reported: it raises StopIteration, which is often the point.

Also checks \`itertools.groupby\`: each group shares the underlying iterator, so advancing to the next
group empties the previous one. Storing a group (\`groups.append(group)\`, \`by_key[key] = group\`,
\`[group for key, group in groupby(...)]\`) and reading it later sees nothing.`,
    whyIsThisBad: `Generators and iterators are single-pass: once exhausted they stay exhausted, and consuming them
again silently yields nothing — no exception, just an empty list, a zero sum, a \`max()\` ValueError far
from the cause, or a loop that never runs. The bug typically appears when a list is replaced by a
generator expression "for efficiency" and the value is used twice.`,
    example: `def report(rows):
    totals = (row.amount for row in rows)
    print("sum:", sum(totals))
    print("max:", max(totals))  # ValueError: max() arg is an empty sequence

def by_first_letter(words):
    groups = {}
    for letter, group in itertools.groupby(sorted(words), key=lambda w: w[0]):
        groups[letter] = group  # empty by the time it is read
    return groups`,
    useInstead: `def report(rows):
    totals = [row.amount for row in rows]
    print("sum:", sum(totals))
    print("max:", max(totals))

def by_first_letter(words):
    groups = {}
    for letter, group in itertools.groupby(sorted(words), key=lambda w: w[0]):
        groups[letter] = list(group)
    return groups`,
    fixSafety: `No fix is offered: whether to materialise the iterator once (\`list(...)\`, which costs memory) or to
create it again (which repeats its work and its side effects) is the author's choice.`,
    references: [
      'https://docs.python.org/3/glossary.html#term-iterator',
      'https://docs.python.org/3/library/itertools.html#itertools.groupby',
    ],
  },
  checkFunction(fn, ctx) {
    if (fn.kind !== 'def' || fn.hasSyntaxError) return;
    checkReuse(fn.node, candidateNames(fn.node.startIndex, fn.node.endIndex, ctx), ctx);
    checkGroupby(fn, ctx);
  },
  // Module-level code is a frame of its own (the module node, once).
  nodeTypes: ['module'],
  checkNode(module, ctx) {
    if (module.parent !== null) return;
    // The text filter runs on the module's own statements only: its uses are the only ones the
    // module-level dataflow counts, and scanning the whole file once per assigned name was quadratic.
    const names = candidateNamesIn(moduleLevelText(module, ctx), ctx);
    if (names.size === 0) return;
    for (const name of globalsRebound(module, ctx)) names.delete(name);
    checkReuse(module, names, ctx, true);
  },
};

function isDefinition(statement: SyntaxNode): boolean {
  return statement.type === 'function_definition' || statement.type === 'class_definition' || statement.type === 'decorated_definition';
}

/** The text of the module's top-level statements that are not defs or classes, one after another. */
function moduleLevelText(module: SyntaxNode, ctx: RuleContext): string {
  const parts: string[] = [];
  for (const statement of module.namedChildren) if (!isDefinition(statement)) parts.push(ctx.text.slice(statement.startIndex, statement.endIndex));
  return parts.join('\n');
}

/**
 * Names that a function called from module-level code declares `global` (and so may rebind between
 * two module-level uses). Only plain functions called directly there are looked at: they are what the
 * language server's module-level job holds verbatim (a generator function's body runs only when
 * iterated, and the job reduces it to a stub), so the editor and \`check\` agree.
 */
function globalsRebound(module: SyntaxNode, ctx: RuleContext): Set<string> {
  const names = new Set<string>();
  if (!/\bglobal\b/.test(ctx.text)) return names;
  const called = new Set([...moduleLevelText(module, ctx).matchAll(/\b([A-Za-z_]\w*)\s*\(/g)].map((match) => match[1] ?? ''));
  for (const fn of ctx.model.functions) {
    if (fn.parent !== null || fn.kind !== 'def' || fn.isGenerator || fn.enclosingClass !== null || !called.has(fn.name)) continue;
    for (const declaration of ctx.text.slice(fn.node.startIndex, fn.node.endIndex).matchAll(/\bglobal\s+([\w \t,]+)/g)) {
      for (const name of (declaration[1] ?? '').split(',')) names.add(name.trim());
    }
  }
  return names;
}


// ---------------------------------------------------------------------------------------------------
// Consumed twice

interface ReuseOptions {
  options: FlowOptions;
  key: string;
}

const optionsCache = new WeakMap<Resolver, ReuseOptions>();

/** The generator-state dataflow, with map/filter/zip/iter results counted as fresh one-shot objects too. */
function reuseOptions(ctx: RuleContext): ReuseOptions {
  const resolver = resolverFor(ctx);
  const cached = optionsCache.get(resolver);
  if (cached !== undefined) return cached;
  const options: FlowOptions = {
    classifyValue: (value) => (isOneShotIterator(value, ctx) ? 'created' : resolver.creationOf(value)),
    isBuiltin: (name, at) => resolver.isBuiltin(name, at),
  };
  const made = { options, key: `${resolver.flowCacheKey}:reuse` };
  optionsCache.set(resolver, made);
  return made;
}

function isOneShotIterator(value: SyntaxNode, ctx: RuleContext): boolean {
  if (value.type !== 'call') return false;
  const callee = value.childForFieldName('function');
  if (callee === null) return false;
  const resolver = resolverFor(ctx);
  if (callee.type === 'identifier') {
    const name = ctx.text.slice(callee.startIndex, callee.endIndex);
    if (ITERATOR_BUILTINS.has(name) && resolver.isBuiltin(name, value)) {
      // `iter(callable, sentinel)` is one-shot too; `iter(x)` of an iterator returns `x` itself, an alias
      // the dataflow does not follow — but then `x` escaped into the call and is no longer tracked.
      return true;
    }
  }
  const external = resolver.externalName(callee);
  return external !== null && ITERATOR_ITERTOOLS.has(external);
}

/** Names in the frame's text (`[start, end)`) assigned something that may be a one-shot iterator. */
function candidateNames(start: number, end: number, ctx: RuleContext): Set<string> {
  return candidateNamesIn(ctx.text.slice(start, end), ctx);
}

function candidateNamesIn(text: string, ctx: RuleContext): Set<string> {
  const names = new Set<string>();
  let callees: Set<string> | null = null;
  for (const match of text.matchAll(CANDIDATE_ASSIGNMENT)) {
    const [, name, value] = match;
    if (name === undefined || value === undefined || names.has(name)) continue;
    // Two consumptions and the binding: a name written fewer than three times cannot be reused, and
    // without two uses in consuming positions there is nothing to report. Text first: it is cheap.
    if (countWord(text, name, 3) < 3 || consumingUses(text, name) < 2) continue;
    // A parenthesised generator expression, or a call of something that may make a one-shot iterator;
    // the dataflow decides what it really is. (Resolving every call of every function would cost more.)
    if (/^\(.*\bfor\b.*\bin\b/.test(value)) {
      names.add(name);
      continue;
    }
    const callee = /^([\w.]+)\s*\(/.exec(value)?.[1]?.split('.').at(-1);
    if (callee === undefined) continue;
    callees ??= possibleIteratorCallees(ctx);
    if (callees.has(callee)) names.add(name);
  }
  return names;
}

/**
 * The text half of `candidateNamesIn`, with every callee allowed: false when no frame within `text` can
 * have a candidate name (counts in a frame's text never exceed those in a text holding it).
 */
function mayReuseIn(text: string): boolean {
  const counted = new Set<string>();
  for (const match of text.matchAll(CANDIDATE_ASSIGNMENT)) {
    const [, name, value] = match;
    if (name === undefined || value === undefined) continue;
    // The value must look like a call or a generator expression; the counts are the name's, once.
    if (!/^\(.*\bfor\b.*\bin\b/.test(value) && !/^[\w.]+\s*\(/.test(value)) continue;
    if (counted.has(name)) continue;
    counted.add(name);
    if (countWord(text, name, 3) >= 3 && consumingUses(text, name) >= 2) return true;
  }
  return false;
}

const CONSUMING_CALLS = new Set(['list', 'tuple', 'set', 'frozenset', 'dict', 'sorted', 'sum', 'min', 'max', 'any', 'all', 'bytes', 'bytearray', 'join', 'len']);

/**
 * Uses of `name` in the positions that consume an iterator — a consuming builtin's argument, `in name`
 * (a loop or a test), `*name`, the right side of an unpacking — counted up to two by scanning the text
 * around each occurrence (a regular expression per name cost more than the rest of the rule).
 */
function consumingUses(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at >= 0 && count < 2; at = text.indexOf(name, at + name.length)) {
    if (isWordChar(text.charCodeAt(at - 1)) || isWordChar(text.charCodeAt(at + name.length))) continue;
    let before = at - 1;
    while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    const previous = text[before];
    if (previous === '*') count++;
    else if (previous === '(') {
      let end = before - 1;
      while (end >= 0 && isWordChar(text.charCodeAt(end))) end--;
      if (CONSUMING_CALLS.has(text.slice(end + 1, before))) count++;
    } else if (previous === 'n' && text[before - 1] === 'i' && !isWordChar(text.charCodeAt(before - 2))) count++;
    else if (previous === '=' && text[before - 1] !== '=' && /,[^\n=]*$/.test(text.slice(text.lastIndexOf('\n', before) + 1, before))) count++;
  }
  return count;
}

function countWord(text: string, word: string, enough: number): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0 && count < enough; at = text.indexOf(word, at + word.length)) {
    if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + word.length))) count++;
  }
  return count;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const calleeCache = new WeakMap<object, Set<string>>();

/** Last parts of callee names that may return a one-shot iterator: builtins, itertools, this file's generator functions and factories, imported names. */
function possibleIteratorCallees(ctx: RuleContext): Set<string> {
  const cached = calleeCache.get(ctx.model);
  if (cached !== undefined) return cached;
  const names = new Set<string>(ITERATOR_BUILTINS);
  for (const qualified of ITERATOR_ITERTOOLS) names.add(qualified.slice('itertools.'.length));
  const generators = ctx.model.functions.filter((fn) => fn.kind === 'def' && fn.isGenerator).map((fn) => fn.name);
  for (const name of generators) names.add(name);
  // Factories of this file (`def make(): return gen()`), found by their text.
  if (generators.length > 0) {
    const returnsGenerator = new RegExp(`\\breturn\\s+(?:\\(|(?:[\\w.]+\\.)?(?:${generators.map(escapeRegExp).join('|')})\\s*\\()`);
    for (const fn of ctx.model.functions) {
      if (fn.kind === 'def' && !fn.isGenerator && returnsGenerator.test(ctx.text.slice(fn.node.startIndex, fn.node.endIndex))) names.add(fn.name);
    }
  }
  // Imported names may be generator functions of other modules; the resolver decides.
  for (const statement of ctx.model.tree.rootNode.namedChildren) {
    if (statement.type !== 'import_from_statement') continue;
    for (const item of statement.childrenForFieldName('name')) {
      const bound = item.type === 'aliased_import' ? item.childForFieldName('alias') : item;
      if (bound !== null) names.add(ctx.text.slice(bound.startIndex, bound.endIndex).split('.').at(-1) ?? '');
    }
  }
  calleeCache.set(ctx.model, names);
  return names;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The optimistic first pass: every call and generator expression counts as a fresh one-shot iterator,
 * and every builtin name as the builtin. It resolves nothing (no bindings, no module summaries), and
 * what it reports is a superset of what the real classification reports (more names tracked, more
 * consuming uses, never a state the real pass could not also reach on a binding it tracks), so the
 * real pass — which resolves callees, and through them may summarise other modules — runs only for the
 * names the first pass would report. In most frames that is none.
 */
const OPTIMISTIC_OPTIONS: FlowOptions = {
  classifyValue: (value) => {
    let node = value;
    while (node.type === 'parenthesized_expression' && node.namedChildCount === 1 && node.firstNamedChild !== null) node = node.firstNamedChild;
    return node.type === 'call' || node.type === 'generator_expression' ? 'created' : null;
  },
  isBuiltin: () => true,
};
const OPTIMISTIC_MODULE_OPTIONS: FlowOptions = { ...OPTIMISTIC_OPTIONS, ignoreNestedFrames: true };

/**
 * `atModuleLevel`: the frame is the module's, whose names functions may read (they can advance an
 * iterator, never refill it) without changing the answer; the caller has dropped the names they
 * rebind. So the module-level analysis depends on module-level code alone, as the editor's job does.
 */
function checkReuse(frame: SyntaxNode, names: ReadonlySet<string>, ctx: RuleContext, atModuleLevel = false): void {
  if (names.size === 0) return;
  const suspects = new Set<string>();
  const optimistic = atModuleLevel ? OPTIMISTIC_MODULE_OPTIONS : OPTIMISTIC_OPTIONS;
  for (const use of analyzeFrame(ctx.model, frame, optimistic, atModuleLevel ? 'reuse-optimistic-module' : 'reuse-optimistic', names).allUses()) {
    if (use.mask === EXHAUSTED && consumesAgain(use, ctx)) suspects.add(use.name);
  }
  if (suspects.size === 0) return;
  const reuse = reuseOptions(ctx);
  const options = atModuleLevel ? { ...reuse.options, ignoreNestedFrames: true } : reuse.options;
  const flow = analyzeFrame(ctx.model, frame, options, atModuleLevel ? `${reuse.key}:module` : reuse.key, suspects);
  if (flow.tracked.size === 0) return;
  const lastExhaustion = new Map<string, SyntaxNode>();
  for (const use of flow.allUses()) {
    if (use.mask === EXHAUSTED && consumesAgain(use, ctx)) {
      const first = lastExhaustion.get(use.name);
      ctx.report({
        node: consumerOf(use.node),
        message: `\`${use.name}\` is a one-shot iterator that is already exhausted here: this consumes nothing (it was run to its end${first === undefined ? ' earlier' : ` on line ${first.startPosition.row + 1}`}); materialise it once with \`list(...)\`, or create it again`,
        ...(first === undefined ? {} : { related: [{ node: consumerOf(first), message: `\`${use.name}\` consumed to its end here` }] }),
      });
    }
    if (use.effect === 'exhaust') lastExhaustion.set(use.name, use.node);
  }
}

/** A use that takes items from the iterator (`next(it)` aside: on an exhausted one it raises, often on purpose). */
function consumesAgain(use: { effect: string; node: SyntaxNode }, ctx: RuleContext): boolean {
  return use.effect === 'exhaust' || (use.effect === 'primeMaybeExhausting' && !isNextCall(use.node, ctx));
}

function isNextCall(node: SyntaxNode, ctx: RuleContext): boolean {
  const call = node.parent?.parent;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
  return callee?.type === 'identifier' && ctx.text.slice(callee.startIndex, callee.endIndex) === 'next';
}

/** The expression that consumes the iterator: `list(g)`, `x in g`, the `for` header; else the name itself. */
function consumerOf(node: SyntaxNode): SyntaxNode {
  const parent = node.parent;
  if (parent === null) return node;
  if (parent.type === 'argument_list' && parent.parent?.type === 'call') return parent.parent;
  if (parent.type === 'comparison_operator') return parent;
  return node;
}

// ---------------------------------------------------------------------------------------------------
// groupby groups kept past the next step

function checkGroupby(fn: FunctionInfo, ctx: RuleContext): void {
  const text = ctx.text.slice(fn.node.startIndex, fn.node.endIndex);
  if (!text.includes('groupby')) return;
  const resolver = resolverFor(ctx);
  for (const loop of groupbyLoops(fn, ctx)) {
    const group = groupTarget(loop.node.childForFieldName('left'));
    const right = loop.node.childForFieldName('right');
    if (group === null || right === null || right.type !== 'call' || resolver.externalName(right.childForFieldName('function')) !== 'itertools.groupby') continue;
    const groupName = ctx.text.slice(group.startIndex, group.endIndex);
    const body = loop.body;
    if (body === null) continue;
    for (const stored of storedGroups(body, groupName, ctx)) {
      ctx.report({
        node: stored,
        message: `\`${groupName}\` is a group of \`itertools.groupby\`, which shares the underlying iterator: once the loop takes the next group it is empty, so keeping it for later keeps nothing; store \`list(${groupName})\` instead`,
      });
    }
  }
}

interface GroupbyLoop {
  node: SyntaxNode;
  /** The loop's body, or for a comprehension the element expression (and dict value). */
  body: SyntaxNode | null;
}

/** `for k, g in groupby(...)` statements and comprehension clauses in the function's own frame. */
function groupbyLoops(fn: FunctionInfo, ctx: RuleContext): GroupbyLoop[] {
  const loops: GroupbyLoop[] = [];
  const text = ctx.text;
  for (let at = text.indexOf('groupby', fn.node.startIndex); at >= 0 && at < fn.node.endIndex; at = text.indexOf('groupby', at + 7)) {
    const node = ctx.model.tree.rootNode.descendantForIndex(at, at + 7);
    let current: SyntaxNode | null = node;
    for (let steps = 0; current !== null && steps < 6; steps++, current = current.parent) {
      if (current.type === 'for_statement') {
        loops.push({ node: current, body: current.childForFieldName('body') });
        break;
      }
      if (current.type === 'for_in_clause') {
        const comprehension = current.parent;
        // A generator expression hands each element on as it is produced: its consumer may use the group in time.
        if (comprehension !== null && (comprehension.type === 'list_comprehension' || comprehension.type === 'dictionary_comprehension' || comprehension.type === 'set_comprehension')) {
          loops.push({ node: current, body: comprehension.childForFieldName('body') });
        }
        break;
      }
    }
  }
  return loops.filter((loop) => ctx.model.enclosingFunction(loop.node)?.node.id === fn.node.id);
}

/** The second name of `k, g` / `(k, g)` in a loop target. */
function groupTarget(left: SyntaxNode | null): SyntaxNode | null {
  if (left === null) return null;
  const parts = left.namedChildren.filter((c) => c.type !== 'comment');
  if ((left.type !== 'pattern_list' && left.type !== 'tuple_pattern') || parts.length !== 2) return null;
  const second = parts[1];
  return second?.type === 'identifier' ? second : null;
}

/**
 * Places where the bare group object is kept beyond the current step: appended or added to a
 * container, stored under a subscript, or the element of a list/set/dict comprehension (alone or in a
 * tuple). Anything that consumes it (`list(g)`, `sum(g)`, `for x in g`) is fine.
 */
function storedGroups(body: SyntaxNode, groupName: string, ctx: RuleContext): SyntaxNode[] {
  const text = ctx.text;
  const found: SyntaxNode[] = [];
  const isGroup = (node: SyntaxNode | null | undefined): boolean => {
    if (node === null || node === undefined) return false;
    if (node.type === 'identifier') return text.slice(node.startIndex, node.endIndex) === groupName;
    if (node.type === 'tuple' || node.type === 'parenthesized_expression') return node.namedChildren.some((c) => c.type === 'identifier' && text.slice(c.startIndex, c.endIndex) === groupName);
    return false;
  };
  if (body.type !== 'block') {
    // A comprehension's element: `g`, `(k, g)`, or a dict comprehension's value.
    const element = body.type === 'pair' ? body.childForFieldName('value') : body;
    if (isGroup(element)) found.push(body);
    return found;
  }
  for (let at = text.indexOf(groupName, body.startIndex); at >= 0 && at < body.endIndex; at = text.indexOf(groupName, at + groupName.length)) {
    const node = ctx.model.tree.rootNode.descendantForIndex(at, at + groupName.length);
    if (node.type !== 'identifier' || node.startIndex !== at || node.endIndex !== at + groupName.length) continue;
    const holder = node.parent?.type === 'tuple' ? node.parent : node;
    const parent = holder.parent;
    if (parent?.type === 'argument_list') {
      const call = parent.parent;
      const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute') : null;
      const methodName = method === null || method === undefined ? '' : text.slice(method.startIndex, method.endIndex);
      if ((methodName === 'append' || methodName === 'add' || methodName === 'insert') && call !== null && call !== undefined) found.push(call);
    } else if (parent?.type === 'assignment' && parent.childForFieldName('right')?.id === holder.id && parent.childForFieldName('left')?.type === 'subscript') {
      found.push(parent);
    }
  }
  return found;
}
