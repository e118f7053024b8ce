// The only module that loads the Python grammar: the native tree-sitter binding first, and where its binary
// does not load (no prebuild for the platform, a libstdc++ older than the prebuild needs, install scripts
// skipped) web-tree-sitter with the grammar package's WASM build. Everything else sees the types below.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Zero-based row and column; columns count UTF-16 code units with both bindings (a JavaScript string is parsed as UTF-16). */
export interface Point {
  row: number;
  column: number;
}

/** An edit in UTF-16 offsets and points, as `Tree.edit` takes it before an incremental re-parse. */
export interface Edit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

/**
 * A node of the syntax tree: the members that the native binding and web-tree-sitter both provide with the
 * same meaning (offsets in UTF-16 code units). A member used anywhere must be declared here, so that code
 * written against one binding cannot reach a member the other lacks.
 */
export interface SyntaxNode {
  readonly tree: Tree;
  readonly id: number;
  readonly type: string;
  readonly typeId: number;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly isError: boolean;
  readonly hasError: boolean;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  readonly parent: SyntaxNode | null;
  readonly children: SyntaxNode[];
  readonly namedChildren: SyntaxNode[];
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly firstChild: SyntaxNode | null;
  readonly lastChild: SyntaxNode | null;
  readonly firstNamedChild: SyntaxNode | null;
  readonly lastNamedChild: SyntaxNode | null;
  readonly nextSibling: SyntaxNode | null;
  readonly previousSibling: SyntaxNode | null;
  readonly nextNamedSibling: SyntaxNode | null;
  readonly previousNamedSibling: SyntaxNode | null;
  child(index: number): SyntaxNode | null;
  namedChild(index: number): SyntaxNode | null;
  childForFieldName(fieldName: string): SyntaxNode | null;
  childrenForFieldName(fieldName: string): SyntaxNode[];
  /** The field name of the child at `index`; undefined when it has none (as the native binding answers). */
  fieldNameForChild(index: number): string | null | undefined;
  descendantsOfType(types: string | string[], startPosition?: Point, endPosition?: Point): SyntaxNode[];
  /** The smallest node spanning the range; the root when nothing smaller does (never null for an in-range offset). */
  descendantForIndex(start: number, end?: number): SyntaxNode;
  namedDescendantForIndex(start: number, end?: number): SyntaxNode;
  walk(): TreeCursor;
}

/** A cursor over a subtree: the cheapest way to visit every node (no node object per step). */
export interface TreeCursor {
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly currentNode: SyntaxNode;
  readonly currentDepth: number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
}

export interface Tree {
  readonly rootNode: SyntaxNode;
  edit(edit: Edit): void;
}

export type ParserKind = 'native' | 'wasm';

/** Which parser runs, and why, for the one line the CLI and the language server log about it. */
export interface ParserInfo {
  kind: ParserKind;
  /** "native tree-sitter 0.25.1" or "web-tree-sitter (WASM)". */
  description: string;
  /** Why the native binding is not used: its load error, or YIELDLENS_PARSER=wasm. Null when native runs. */
  fallbackReason: string | null;
  /** True when YIELDLENS_PARSER chose the parser (the user asked for it: nothing to warn about). */
  forced: boolean;
}

/** Neither binding loads (or the one YIELDLENS_PARSER names does not): the message says which and why. */
export class ParserUnavailableError extends Error {
  override readonly name = 'ParserUnavailableError';
}

/** The environment variable that forces one binding: `native` or `wasm`. */
export const PARSER_ENV = 'YIELDLENS_PARSER';

/** A part of the text to parse (`parsePart`): UTF-16 offsets, and points whose rows end at `\n`. */
export interface TextRange {
  startIndex: number;
  endIndex: number;
  startPosition: Point;
  endPosition: Point;
}

interface LoadedBinding {
  info: ParserInfo;
  parse(text: string, oldTree: Tree | undefined, ranges?: readonly TextRange[]): Tree;
}

let loading: Promise<ParserInfo> | undefined;
let loaded: LoadedBinding | undefined;
const require = createRequire(import.meta.url);

/**
 * Loads the grammar once per thread; every entry point (CLI, worker thread, language server, test setup)
 * awaits it before the first `parsePython`. Concurrent and repeated calls share one load. Rejects with a
 * `ParserUnavailableError` when no parser can be loaded.
 */
export function loadParser(env: NodeJS.ProcessEnv = process.env): Promise<ParserInfo> {
  loading ??= chooseBinding(env).then((binding) => {
    loaded = binding;
    return binding.info;
  });
  return loading;
}

/** The parser `loadParser` loaded, or null before it finished. */
export function parserInfo(): ParserInfo | null {
  return loaded?.info ?? null;
}

/** One line for stderr or the server log: which parser runs, and why when it is not the native one. */
export function describeParser(info: ParserInfo): string {
  if (info.fallbackReason === null) return `parser: ${info.description}`;
  return `parser: ${info.description}, because ${info.fallbackReason}`;
}

/**
 * Parses Python source. With `oldTree` (already `edit`ed to match `text`), tree-sitter reuses the
 * unchanged parts, which is what keeps the language server's keystroke latency low.
 */
export function parsePython(text: string, oldTree?: Tree): Tree {
  // A guard against a missing `await loadParser()`: a programming error that must fail loudly in tests.
  if (loaded === undefined) throw new Error('parsePython called before loadParser() finished: await loadParser() at the entry point');
  if (oldTree === undefined) accountFreshTree(text.length);
  return loaded.parse(text, oldTree);
}

/**
 * Parses only `ranges` of `text` (tree-sitter's included ranges, in order and not overlapping): the
 * rest is invisible to the parser, and every node keeps its offset and point in the whole text. The
 * root spans the included code only. `analysis/partial.ts` chooses the ranges.
 */
export function parsePythonRanges(text: string, ranges: readonly TextRange[]): Tree {
  if (loaded === undefined) throw new Error('parsePythonRanges called before loadParser() finished: await loadParser() at the entry point');
  // No ranges would mean "the whole text" to tree-sitter.
  if (ranges.length === 0) throw new Error('parsePythonRanges needs at least one range');
  accountFreshTree(ranges.reduce((sum, range) => sum + range.endIndex - range.startIndex, 0));
  return loaded.parse(text, undefined, ranges);
}

/**
 * Source characters parsed from scratch since the last full collection. A tree's memory is outside V8's
 * heap (about 20 bytes per character with the native binding, in the WASM module's heap with the other)
 * and is released only when the collector finalises the tree, but V8 does not know it is there: a
 * `check` of site-packages kept over a gigabyte of dead trees between its rare full collections (1.62 GB
 * peak RSS; 0.77 GB with a collection every 200 files). So after every `FRESH_PARSE_BUDGET` characters a
 * full collection runs at the next turn of the event loop, which bounds the dead trees at about 80 MB a
 * thread (a `check` yields after each chunk of files). Incremental re-parses (the
 * editor's keystrokes) share most of their old tree and are not counted.
 */
let freshCharsSinceCollection = 0;
const FRESH_PARSE_BUDGET = 4 * 1024 * 1024;

let collectionScheduled = false;

function accountFreshTree(chars: number): void {
  freshCharsSinceCollection += chars;
  if (freshCharsSinceCollection < FRESH_PARSE_BUDGET || collectionScheduled) return;
  // At the next turn of the event loop rather than now: not between an editor's keystroke and its
  // diagnostics, and the trees of the work in hand are garbage by then (the finalizers run at the turn
  // after, see `collectDeadTrees`).
  collectionScheduled = true;
  setImmediate(() => {
    collectionScheduled = false;
    collectDeadTrees();
  });
}

/**
 * A full collection now, for the end of a batch of parses (the language server's indexing), so that the
 * trees it dropped are freed rather than held until V8 next collects. The native binding's finalizers,
 * which free them, run only at the next turn of the event loop: a long synchronous loop of parses must
 * yield now and then for any of this to help.
 */
export function collectDeadTrees(): void {
  freshCharsSinceCollection = 0;
  collectGarbage?.();
}

/**
 * V8's full collection. Node exposes it only with `--expose-gc`, which the launcher cannot pass to `node`
 * itself; a context created while the flag is set has `gc`, and the flag is cleared again at once so that
 * nothing else sees it. Null where even that fails (the collection then stays V8's decision).
 */
const collectGarbage: (() => void) | null = exposeGarbageCollector();

function exposeGarbageCollector(): (() => void) | null {
  const existing: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    v8.setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * The innermost first ERROR or MISSING node: descends through the first erroneous child at each level.
 * tree-sitter often wraps a whole broken file in one ERROR node; descending finds where it went wrong.
 * Iterative, so that pathological nesting cannot overflow the stack.
 */
export function firstSyntaxError(root: SyntaxNode): SyntaxNode | null {
  if (!root.hasError) return null;
  let node = root;
  for (;;) {
    if (node.isMissing) return node;
    const child = node.children.find((candidate) => candidate.hasError || candidate.isMissing);
    if (child === undefined) return node;
    node = child;
  }
}

async function chooseBinding(env: NodeJS.ProcessEnv): Promise<LoadedBinding> {
  const requested = (env[PARSER_ENV] ?? '').trim().toLowerCase();
  if (requested !== '' && requested !== 'native' && requested !== 'wasm') {
    throw new ParserUnavailableError(`${PARSER_ENV} must be "native" or "wasm", not "${env[PARSER_ENV] ?? ''}"`);
  }
  if (requested === 'wasm') return loadWasm(`${PARSER_ENV}=wasm`, true);
  let nativeError: string;
  try {
    return loadNative(requested === 'native');
  } catch (error) {
    nativeError = oneLine(error);
    if (requested === 'native') throw new ParserUnavailableError(`${PARSER_ENV}=native, but the native tree-sitter binding does not load: ${nativeError}`);
  }
  try {
    return await loadWasm(`the native tree-sitter binding does not load (${nativeError})`, false);
  } catch (error) {
    throw new ParserUnavailableError(
      `no Python parser loads: the native tree-sitter binding fails (${nativeError}) and so does the WASM one (${oneLine(error)}). ` +
        'Reinstalling yieldlens usually fixes this.',
    );
  }
}

function loadNative(forced: boolean): LoadedBinding {
  // Required lazily: a binary that does not load must not take the module (and the process) down with it.
  const NativeParser = require('tree-sitter') as typeof import('tree-sitter');
  const grammar: unknown = require('tree-sitter-python');
  const parser = new NativeParser();
  parser.setLanguage(grammar as Parameters<typeof parser.setLanguage>[0]);
  // Parsing once proves the binary and the grammar's ABI agree before anyone relies on them.
  parser.parse('pass\n');
  return {
    info: { kind: 'native', description: `native tree-sitter ${packageVersion('tree-sitter')}`, fallbackReason: null, forced },
    // The native Tree and SyntaxNode are structurally what this module declares (checked by the compiler below).
    // A string argument is read by the binding directly; a chunk callback costs a third more (measured).
    parse: (text, oldTree, ranges) => ranges === undefined
      ? parser.parse(text, oldTree as NativeTree | undefined ?? null)
      : parser.parse(text, oldTree as NativeTree | undefined ?? null, { includedRanges: ranges as import('tree-sitter').Range[] }),
  };
}

type NativeTree = import('tree-sitter').Tree;
type WebTree = import('web-tree-sitter').Tree;

async function loadWasm(fallbackReason: string, forced: boolean): Promise<LoadedBinding> {
  const web = await import('web-tree-sitter');
  await web.Parser.init({ wasmBinary: readFileSync(assetPath('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')) });
  const language = await web.Language.load(readFileSync(assetPath('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm')));
  const parser = new web.Parser();
  parser.setLanguage(language);
  matchNativeBinding(web);
  // WASM memory is not garbage collected: a tree lives in the module's heap until `delete()`. Callers drop
  // trees as they drop native ones, so each tree is deleted once nothing references it (its nodes refer to
  // it, so it outlives them). The registry holds the tree's heap address, not the tree.
  const deleteTree = web.Tree.prototype.delete;
  const unreachable = new FinalizationRegistry<number>((address) => deleteTree.call({ 0: address } as unknown as WebTree));
  return {
    info: { kind: 'wasm', description: 'web-tree-sitter (WASM)', fallbackReason, forced },
    parse: (text, oldTree, ranges) => {
      const tree = ranges === undefined
        ? parser.parse(text, (oldTree as WebTree | undefined) ?? null)
        : parser.parse(text, (oldTree as WebTree | undefined) ?? null, { includedRanges: ranges as import('web-tree-sitter').Range[] });
      // Null only without a language or with a progress callback that cancels; this parser has neither.
      if (tree === null) throw new Error('web-tree-sitter returned no tree');
      unreachable.register(tree, (tree as unknown as { 0: number })[0]);
      return tree as unknown as Tree;
    },
  };
}

/** The node-returning members of web-tree-sitter's Node, Tree and TreeCursor (getters and methods). */
const NODE_MEMBERS = {
  Node: [
    'parent', 'child', 'namedChild', 'childForFieldId', 'childForFieldName', 'childrenForFieldName', 'childrenForFieldId',
    'firstChildForIndex', 'firstNamedChildForIndex', 'firstChild', 'firstNamedChild', 'lastChild', 'lastNamedChild',
    'children', 'namedChildren', 'descendantsOfType', 'nextSibling', 'previousSibling', 'nextNamedSibling',
    'previousNamedSibling', 'childWithDescendant', 'descendantForIndex', 'namedDescendantForIndex',
    'descendantForPosition', 'namedDescendantForPosition',
  ],
  Tree: ['rootNode', 'rootNodeWithOffset'],
  TreeCursor: ['currentNode'],
} as const;

/**
 * Makes web-tree-sitter answer as the native binding does where the two differ, so that code written and
 * tested against one gives the same results with the other (a test runs every fixture through both):
 * - one object per node of a tree, as the native binding caches them by id: code that compares nodes with
 *   `===` or keys maps by them (the runtime's compiler does) needs it. Each tree keeps the nodes handed out;
 * - `fieldNameForChild` answers undefined, not null, for a child without a field.
 */
function matchNativeBinding(web: typeof import('web-tree-sitter')): void {
  const nodesOf = new WeakMap<object, Map<number, object>>();
  const internedArrays = new WeakSet<object[]>();
  const intern = (node: { id: number; tree: object } | null | undefined): object | null | undefined => {
    if (node === null || node === undefined) return node;
    let nodes = nodesOf.get(node.tree);
    if (nodes === undefined) nodesOf.set(node.tree, (nodes = new Map()));
    const known = nodes.get(node.id);
    if (known !== undefined) return known;
    nodes.set(node.id, node);
    return node;
  };
  const internResult = (value: unknown): unknown => {
    if (!Array.isArray(value)) return intern(value as { id: number; tree: object } | null);
    // In place: `children` returns the array the node caches, which then needs this only once.
    if (internedArrays.has(value)) return value;
    for (let index = 0; index < value.length; index++) value[index] = intern(value[index] as { id: number; tree: object } | null);
    internedArrays.add(value);
    return value;
  };
  for (const [className, members] of Object.entries(NODE_MEMBERS)) {
    const prototype = (web as unknown as Record<string, { prototype: object }>)[className]?.prototype;
    if (prototype === undefined) throw new Error(`web-tree-sitter has no ${className}`);
    for (const member of members) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, member);
      const getter = descriptor?.get;
      const method = descriptor?.value as ((...args: unknown[]) => unknown) | undefined;
      if (getter !== undefined) Object.defineProperty(prototype, member, { ...descriptor, get: function (this: object) { return internResult(getter.call(this)); } });
      else if (typeof method === 'function') Object.defineProperty(prototype, member, { ...descriptor, value: function (this: object, ...args: unknown[]) { return internResult(method.apply(this, args)); } });
      else throw new Error(`web-tree-sitter's ${className} has no ${member}`);
    }
  }
  const fieldNameForChild = web.Node.prototype.fieldNameForChild;
  web.Node.prototype.fieldNameForChild = function (this: import('web-tree-sitter').Node, index: number) {
    return fieldNameForChild.call(this, index) ?? (undefined as unknown as null);
  };
}

/**
 * A WASM file beside this module when it runs from the bundle (the packaging copies them there), else the
 * file the npm package ships.
 */
function assetPath(fileName: string, packagePath: string): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), fileName);
  return existsSync(beside) ? beside : require.resolve(packagePath);
}

function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '(unknown version)';
  } catch {
    return '(unknown version)';
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim();
}

// Compile-time proof that both bindings have every member declared above (their meaning is checked at run
// time: the analysis gives identical findings with either parser, `server/test/parser.test.ts`).
type Assert<T extends true> = T;
type Missing<Declared, Binding> = Exclude<keyof Declared, keyof Binding>;
export type NativeNodeHasEveryMember = Assert<Missing<SyntaxNode, import('tree-sitter').SyntaxNode> extends never ? true : false>;
export type WebNodeHasEveryMember = Assert<Missing<SyntaxNode, import('web-tree-sitter').Node> extends never ? true : false>;
export type NativeCursorHasEveryMember = Assert<Missing<TreeCursor, import('tree-sitter').TreeCursor> extends never ? true : false>;
export type WebCursorHasEveryMember = Assert<Missing<TreeCursor, import('web-tree-sitter').TreeCursor> extends never ? true : false>;
