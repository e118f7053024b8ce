// Compiles a tree-sitter Python tree, once, into CodeObjects: flat Int32Array instruction streams (see
// opcodes.ts) plus constants and name tables, like CPython's code objects. A first pass builds symbol
// tables (local / cell / free / global per scope, CPython's rules); a second emits code. Constructs the
// runtime does not implement compile to an UNSUPPORTED instruction, so a run stops exactly where (and
// only if) it reaches them, with the feature name and line.

import type { SyntaxNode } from '../parser.js';
import { compileMatch, patternDefs, patternUses } from './compile-match.js';
import { BIN_OPS, CMP_OPS, Op } from './opcodes.js';
import { ELLIPSIS, normInt, PyBytes, PyFloat, PyTuple, type GlobalCell, type GlobalsMap, type Py } from './values.js';

export const CO_GENERATOR = 1;
export const CO_VARARGS = 2;
export const CO_VARKEYWORDS = 4;
export const CO_COROUTINE = 8;
export const CO_ASYNC_GENERATOR = 16;
/** Set by `types.coroutine` on a generator function's code: its generators can be awaited. */
export const CO_ITERABLE_COROUTINE = 32;
/** Calling code with any of these flags makes the object that owns the new frame, as CPython's _PyEval_Vector does. */
export const CO_SUSPENDABLE = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

/** The filename of the modules written in Python (contextlib, asyncio, ...): their generators are not traced. */
export const STDLIB_FILENAME = '<yieldlens-stdlib>';

export class CodeObject {
  code!: Int32Array;
  lines!: Int32Array;
  consts: Py[] = [];
  names: string[] = [];
  varnames: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  /** For each cellvar that is also a parameter, its index in varnames (else -1). */
  cell2arg: number[] = [];
  argcount = 0;
  kwonlyargcount = 0;
  flags = 0;
  /** 'module' | 'function' | 'class' — which name operations the body uses. */
  kind: 'module' | 'function' | 'class' = 'function';
  /** True when calls can bind positional arguments straight into locals (no defaults/cells/star args needed). */
  simpleArgs = false;
  /** filename === STDLIB_FILENAME: a boolean the VM's frame walks test (a string compare is a builtin call). */
  readonly stdlib: boolean;
  constructor(public name: string, public qualname: string, public firstlineno: number, public readonly filename: string) {
    this.stdlib = filename === STDLIB_FILENAME;
  }
  /** The docstring (first statement a string literal), or null. */
  doc: string | null = null;
  /** Compile-time errors CPython would raise before running (module code objects only). */
  syntaxErrors: { message: string; line: number }[] = [];
  /** LOAD_CLASSDEREF's operands, [cell index, names index], by the instruction's arg (no packing limit). */
  classDerefs: [cell: number, name: number][] = [];
  /** Cached by the VM: where f_locals entries come from. */
  localsLayout: { names: string[]; sources: number[]; plain: boolean } | null = null;
  /**
   * A list, set or dict comprehension: CPython 3.12+ runs these inline in the enclosing frame, so an
   * async one's own coroutine is invisible (cr_await looks through it).
   */
  inlinedComprehension = false;
  /** Cached by the VM: the GlobalsMap that globalCells belong to, and per-name cells of it (by names index). */
  globalsOwner: GlobalsMap | null = null;
  globalCells: (GlobalCell | undefined)[] = [];
  get isGenerator(): boolean {
    return (this.flags & CO_GENERATOR) !== 0;
  }
}

export class CompileError extends Error {
  constructor(public feature: string, public line: number) {
    super(feature);
  }
}

// ---------------------------------------------------------------------------------------------------
// Symbol tables

type ScopeKind = 'module' | 'function' | 'class';
class Scope {
  defs = new Set<string>();
  uses = new Set<string>();
  globals = new Set<string>();
  nonlocals = new Set<string>();
  nonlocalLines = new Map<string, number>();
  globalLines = new Map<string, number>();
  /**
   * What the symbol table has seen of a name so far, in source order (CPython's USE, DEF_LOCAL, DEF_ANNOT flags):
   * a later `global`/`nonlocal` of it is a SyntaxError. Imports are not DEF_LOCAL there (DEF_IMPORT).
   */
  seen = new Map<string, number>();
  params: string[] = [];
  cells = new Set<string>();
  frees = new Set<string>();
  children: Scope[] = [];
  hasYield = false;
  usesSuper = false;
  /** `async def`. */
  isAsync = false;
  /**
   * CPython's ste_coroutine: an async def, or a comprehension that awaits or has an `async for` clause
   * (directly, or through an async list/set/dict comprehension inside it).
   */
  isCoroutine = false;
  /** For comprehensions: walrus targets bind in the enclosing function. */
  isComprehension = false;
  constructor(public kind: ScopeKind, public parent: Scope | null, public node: SyntaxNode) {}
  isLocal(name: string): boolean {
    if (this.globals.has(name) || this.nonlocals.has(name)) return false;
    return this.defs.has(name) || this.params.includes(name);
  }
}

const line = (n: SyntaxNode): number => n.startPosition.row + 1;
const SEEN_USE = 1;
const SEEN_LOCAL = 2;
const SEEN_ANNOT = 4;
const markSeen = (s: Scope, name: string, flag: number): void => {
  s.seen.set(name, (s.seen.get(name) ?? 0) | flag);
};
/**
 * The single target of an annotation written in parentheses, `(x): int` or `((a.b)): int` (tree-sitter reads it as a
 * one-item tuple pattern), or null when the target is not parenthesised that way.
 */
export function parenthesisedAnnotationTarget(t: SyntaxNode): SyntaxNode | null {
  let n = t;
  let wrapped = false;
  while ((n.type === 'tuple_pattern' || n.type === 'parenthesized_expression') && !n.children.some((c) => c.type === ',')) {
    const inner = named(n);
    if (inner.length !== 1) return null;
    n = inner[0]!;
    wrapped = true;
  }
  return wrapped ? n : null;
}
/**
 * Whether two nodes are the same node of the tree: the binding may hand out a new wrapper object for the same
 * node (it does in large trees), so `===` is not a test of identity.
 */
const sameNode = (a: SyntaxNode, b: SyntaxNode | null): boolean => b !== null && a.id === b.id;
const named = (n: SyntaxNode): SyntaxNode[] => n.namedChildren.filter((c) => c.type !== 'comment');

class SymbolBuilder {
  scopes = new Map<number, Scope>();
  /** The first error CPython's symtable raises while it visits (a misplaced global/nonlocal, annotated global). */
  symtableError: { message: string; line: number } | null = null;
  /** `__debug__` as a parameter or keyword name: the compiler's errors, found here where those names are read. */
  compilerErrors: { message: string; line: number }[] = [];
  private symtableFail(message: string, n: SyntaxNode): void {
    if (this.symtableError === null) this.symtableError = { message, line: line(n) };
  }
  /** The first misplaced `await` or async comprehension (CPython's compiler raises these, in source order). */
  firstError: { message: string; line: number } | null = null;
  private walkError(message: string, n: SyntaxNode): void {
    if (this.firstError === null) this.firstError = { message, line: line(n) };
  }
  build(root: SyntaxNode): Scope {
    const s = new Scope('module', null, root);
    this.scopes.set(root.id, s);
    for (const c of named(root)) this.visit(c, s);
    this.resolve(s);
    return s;
  }
  private newScope(kind: ScopeKind, parent: Scope, node: SyntaxNode): Scope {
    const s = new Scope(kind, parent, node);
    parent.children.push(s);
    this.scopes.set(node.id, s);
    return s;
  }
  private bindTarget(n: SyntaxNode, s: Scope): void {
    switch (n.type) {
      case 'identifier':
        s.defs.add(n.text);
        markSeen(s, n.text, SEEN_LOCAL);
        return;
      case 'tuple':
      case 'list':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'expression_list':
      case 'parenthesized_expression':
      case 'list_splat_pattern':
      case 'list_splat':
        for (const c of named(n)) this.bindTarget(c, s);
        return;
      default:
        this.visit(n, s);
    }
  }
  private params(p: SyntaxNode | null, s: Scope, outer: Scope): void {
    if (p === null) return;
    for (const c of named(p)) {
      switch (c.type) {
        case 'identifier':
          s.params.push(c.text);
          break;
        case 'default_parameter':
        case 'typed_default_parameter': {
          const nm = c.childForFieldName('name');
          if (nm !== null) s.params.push(nm.text);
          const v = c.childForFieldName('value');
          if (v !== null) this.visit(v, outer);
          break;
        }
        case 'typed_parameter': {
          const inner = named(c)[0];
          if (inner !== undefined) {
            if (inner.type === 'identifier') s.params.push(inner.text);
            else {
              const id = named(inner)[0];
              if (id !== undefined) s.params.push(id.text);
            }
          }
          break;
        }
        case 'list_splat_pattern':
        case 'dictionary_splat_pattern': {
          const id = named(c)[0];
          if (id !== undefined) s.params.push(id.text);
          break;
        }
        default:
          break;
      }
    }
    if (s.params.includes('__debug__')) this.compilerErrors.push({ message: 'cannot assign to __debug__', line: line(p) });
  }
  visit(n: SyntaxNode, s: Scope): void {
    switch (n.type) {
      case 'comment':
        return;
      case 'identifier':
        s.uses.add(n.text);
        markSeen(s, n.text, SEEN_USE);
        if (n.text === 'super') s.usesSuper = true;
        return;
      case 'decorated_definition':
        for (const c of named(n)) this.visit(c, s);
        return;
      case 'function_definition': {
        const name = n.childForFieldName('name');
        if (name !== null) {
          s.defs.add(name.text);
          markSeen(s, name.text, SEEN_LOCAL);
        }
        const f = this.newScope('function', s, n);
        f.isAsync = f.isCoroutine = n.children.some((c) => c.type === 'async');
        this.params(n.childForFieldName('parameters'), f, s);
        const body = n.childForFieldName('body');
        if (body !== null) for (const c of named(body)) this.visit(c, f);
        return;
      }
      case 'lambda': {
        const f = this.newScope('function', s, n);
        this.params(n.childForFieldName('parameters'), f, s);
        const body = n.childForFieldName('body');
        if (body !== null) this.visit(body, f);
        return;
      }
      case 'class_definition': {
        const name = n.childForFieldName('name');
        if (name !== null) {
          s.defs.add(name.text);
          markSeen(s, name.text, SEEN_LOCAL);
        }
        const sup = n.childForFieldName('superclasses');
        if (sup !== null) this.visit(sup, s);
        const c = this.newScope('class', s, n);
        const body = n.childForFieldName('body');
        if (body !== null) for (const x of named(body)) this.visit(x, c);
        return;
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression': {
        const clauses = named(n).filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
        const f = this.newScope('function', s, n);
        f.isComprehension = true;
        f.params.push('.0');
        let first = true;
        for (const cl of clauses) {
          if (cl.type === 'for_in_clause') {
            if (cl.children.some((c) => c.type === 'async')) f.isCoroutine = true;
            const right = cl.childForFieldName('right');
            if (right !== null) this.visit(right, first ? s : f);
            first = false;
            const left = cl.childForFieldName('left');
            if (left !== null) this.bindTarget(left, f);
          } else for (const c of named(cl)) this.visit(c, f);
        }
        const body = n.childForFieldName('body');
        if (body !== null) this.visit(body, f);
        if (n.type === 'generator_expression') f.hasYield = true;
        // An async generator expression is allowed anywhere; an async list, set or dict comprehension
        // only where it can be awaited: in an async def, or inside another comprehension (then async too).
        else if (f.isCoroutine) {
          if (s.isComprehension) s.isCoroutine = true;
          else if (!s.isAsync) this.walkError('asynchronous comprehension outside of an asynchronous function', n);
        }
        return;
      }
      case 'await':
        if (s.kind !== 'function') this.walkError("'await' outside function", n);
        else if (!s.isAsync && !s.isComprehension) this.walkError("'await' outside async function", n);
        for (const c of named(n)) this.visit(c, s);
        s.isCoroutine = true;
        return;
      case 'named_expression': {
        const nm = n.childForFieldName('name');
        let target = s;
        while (target.isComprehension && target.parent !== null) target = target.parent;
        if (nm !== null) {
          target.defs.add(nm.text);
          markSeen(target, nm.text, SEEN_LOCAL);
          if (target !== s) {
            s.uses.add(nm.text);
            s.nonlocals.add(nm.text);
          }
        }
        const v = n.childForFieldName('value');
        if (v !== null) this.visit(v, s);
        return;
      }
      case 'yield':
        s.hasYield = true;
        for (const c of named(n)) this.visit(c, s);
        return;
      case 'assignment': {
        const left = n.childForFieldName('left');
        if (left !== null && n.childForFieldName('type') !== null) {
          // symtable's AnnAssign: a simple name declared global or nonlocal (outside the module) cannot be annotated.
          if (left.type === 'identifier' && s.kind !== 'module') {
            if (s.globals.has(left.text)) this.symtableFail(`annotated name '${left.text}' can't be global`, left);
            else if (s.nonlocals.has(left.text)) this.symtableFail(`annotated name '${left.text}' can't be nonlocal`, left);
          }
          if (left.type === 'identifier') markSeen(s, left.text, SEEN_ANNOT);
          const single = parenthesisedAnnotationTarget(left);
          // A parenthesised name binds only with a value (DEF_LOCAL); it is no annotation of the name.
          if (single !== null && single.type === 'identifier') {
            if (n.childForFieldName('right') !== null) this.bindTarget(single, s);
          } else this.bindTarget(single ?? left, s);
        } else if (left !== null) this.bindTarget(left, s);
        const right = n.childForFieldName('right');
        if (right !== null) this.visit(right, s);
        return;
      }
      case 'augmented_assignment': {
        const left = n.childForFieldName('left');
        if (left !== null) {
          if (left.type === 'identifier') {
            s.defs.add(left.text);
            s.uses.add(left.text);
            // An augmented target is a Store in the symbol table (DEF_LOCAL, not USE).
            markSeen(s, left.text, SEEN_LOCAL);
          } else this.visit(left, s);
        }
        const right = n.childForFieldName('right');
        if (right !== null) this.visit(right, s);
        return;
      }
      case 'for_statement': {
        const left = n.childForFieldName('left');
        if (left !== null) this.bindTarget(left, s);
        for (const c of named(n)) if (!sameNode(c, left)) this.visit(c, s);
        return;
      }
      case 'as_pattern': {
        const kids = named(n);
        const alias = n.childForFieldName('alias');
        for (const c of kids) {
          if (sameNode(c, alias)) {
            const t = named(c)[0];
            if (t !== undefined) this.bindTarget(t, s);
          } else this.visit(c, s);
        }
        return;
      }
      case 'global_statement':
      case 'nonlocal_statement': {
        const kind = n.type === 'global_statement' ? 'global' : 'nonlocal';
        for (const c of named(n)) {
          // symtable's Global/Nonlocal: a name already a parameter, read, annotated or bound in this scope.
          const seen = s.seen.get(c.text) ?? 0;
          if (s.params.includes(c.text) && s.kind === 'function' && !s.isComprehension) this.symtableFail(`name '${c.text}' is parameter and ${kind}`, n);
          else if (seen & SEEN_USE) this.symtableFail(`name '${c.text}' is used prior to ${kind} declaration`, n);
          else if (seen & SEEN_ANNOT) this.symtableFail(`annotated name '${c.text}' can't be ${kind}`, n);
          else if (seen & SEEN_LOCAL) this.symtableFail(`name '${c.text}' is assigned to before ${kind} declaration`, n);
          if (kind === 'global') {
            s.globals.add(c.text);
            if (!s.globalLines.has(c.text)) s.globalLines.set(c.text, line(n));
          } else {
            s.nonlocals.add(c.text);
            if (!s.nonlocalLines.has(c.text)) s.nonlocalLines.set(c.text, line(n));
          }
        }
        return;
      }
      case 'delete_statement':
        for (const c of named(n)) this.bindTarget(c, s);
        return;
      case 'import_statement':
      case 'import_from_statement':
        for (const c of named(n)) {
          if (n.type === 'import_from_statement' && sameNode(c, n.childForFieldName('module_name'))) continue;
          if (c.type === 'aliased_import') {
            const a = c.childForFieldName('alias');
            if (a !== null) s.defs.add(a.text);
          } else if (c.type === 'dotted_name') s.defs.add(named(c)[0]?.text ?? c.text);
        }
        return;
      case 'attribute': {
        const o = n.childForFieldName('object');
        if (o !== null) this.visit(o, s);
        return;
      }
      case 'keyword_argument': {
        if (n.childForFieldName('name')?.text === '__debug__') this.compilerErrors.push({ message: 'cannot assign to __debug__', line: line(n) });
        const v = n.childForFieldName('value');
        if (v !== null) this.visit(v, s);
        return;
      }
      case 'case_clause':
        // A pattern binds its capture names and reads its value and class names; the rest is ordinary code.
        for (const c of named(n)) {
          if (c.type === 'case_pattern') {
            for (const name of patternDefs(c)) {
              s.defs.add(name);
              markSeen(s, name, SEEN_LOCAL);
            }
            for (const name of patternUses(c)) {
              s.uses.add(name);
              markSeen(s, name, SEEN_USE);
            }
          } else this.visit(c, s);
        }
        return;
      default:
        for (const c of named(n)) this.visit(c, s);
    }
  }
  private resolve(s: Scope): void {
    for (const c of s.children) this.resolve(c);
    if (s.kind === 'module') return;
    if (s.kind === 'function' && s.usesSuper && s.parent?.kind === 'class') {
      s.uses.add('__class__');
    }
    const wanted = new Set<string>([...s.uses, ...s.nonlocals]);
    for (const c of s.children) for (const f of c.frees) wanted.add(f);
    for (const name of wanted) {
      if (s.globals.has(name)) continue;
      if (s.kind === 'function' && s.isLocal(name)) continue;
      if (s.kind === 'class' && s.isLocal(name) && name !== '__class__') continue;
      // Search enclosing function scopes (class scopes are skipped, except for the implicit __class__).
      let p = s.parent;
      let found = false;
      while (p !== null && p.kind !== 'module') {
        if (p.kind === 'class') {
          if (name === '__class__') {
            p.cells.add('__class__');
            found = true;
            break;
          }
        } else if (p.isLocal(name) || p.frees.has(name) || p.nonlocals.has(name)) {
          found = true;
          break;
        }
        p = p.parent;
      }
      if (found) s.frees.add(name);
    }
    // A free name of a child that is local here becomes a cell here.
    for (const c of s.children)
      for (const f of c.frees) {
        if (s.kind === 'function' && s.isLocal(f)) {
          s.cells.add(f);
          s.frees.delete(f);
        }
      }
  }
}

// ---------------------------------------------------------------------------------------------------
// Code generation

interface FBlock {
  kind: 'loop' | 'for' | 'try_finally' | 'finally_exc' | 'handler' | 'handler_named' | 'with' | 'async_with';
  start?: number;
  exit?: number;
  body?: SyntaxNode | null;
  name?: string;
}

class Unit {
  code: number[] = [];
  lines: number[] = [];
  consts: Py[] = [];
  constIndex = new Map<Py, number>();
  names = new Map<string, number>();
  varnames = new Map<string, number>();
  labels: number[] = [];
  fblocks: FBlock[] = [];
  co: CodeObject;
  /** Prefix of the qualnames of functions defined inside (`f.<locals>.`, `C.`, or the parent's for inlined comprehensions). */
  childPrefix = '';
  constructor(public scope: Scope, name: string, qualname: string, firstline: number, filename: string) {
    this.co = new CodeObject(name, qualname, firstline, filename);
  }
}

export interface CompileOptions {
  /**
   * Compile as CPython's `single` (interactive) mode does: every expression statement of the module's own
   * code (not of functions or classes) passes its value to this callable, as `sys.displayhook`, instead of
   * discarding it. Doctest examples are compiled this way.
   */
  displayHook?: Py;
}

export function compileModule(root: SyntaxNode, filename: string, options: CompileOptions = {}): CodeObject {
  const builder = new SymbolBuilder();
  const st = builder.build(root);
  const c = new Compiler(st, new SymbolBuilderLookup(st), filename, root, options.displayHook);
  const code = c.compileModuleCode(root);
  // CPython compiles in source order and stops at the first error; where `await` may appear is decided
  // then too (the builder only records it). A nonlocal without a binding fails in the symbol table, earlier.
  if (builder.firstError !== null) c.syntaxErrors.push(builder.firstError);
  c.syntaxErrors.push(...builder.compilerErrors);
  code.syntaxErrors = c.syntaxErrors.sort((a, b) => a.line - b.line);
  // Then, earlier stages first: the symbol table's analysis, its visit, and the parser's errors.
  const nonlocalError = findNonlocalErrors(st);
  if (nonlocalError !== null) code.syntaxErrors.unshift(nonlocalError);
  if (builder.symtableError !== null) code.syntaxErrors.unshift(builder.symtableError);
  if (c.parserErrors.length > 0) code.syntaxErrors.unshift(c.parserErrors.sort((a, b) => a.line - b.line)[0]!);
  return code;
}

/** `nonlocal x` at module level, or with no enclosing function binding x: a SyntaxError in CPython. */
function findNonlocalErrors(root: Scope): { message: string; line: number } | null {
  let found: { message: string; line: number } | null = null;
  const walk = (s: Scope): void => {
    for (const name of s.nonlocals) {
      if (s.isComprehension) continue;
      if (s.globals.has(name)) {
        // analyze_name: both declarations, reported at the first of them.
        if (found === null) found = { message: `name '${name}' is nonlocal and global`, line: Math.min(s.globalLines.get(name) ?? Infinity, s.nonlocalLines.get(name) ?? Infinity) };
        continue;
      }
      let p = s.parent;
      let ok = false;
      while (p !== null && p.kind !== 'module') {
        if (p.kind === 'function' && (p.isLocal(name) || p.nonlocals.has(name))) {
          ok = true;
          break;
        }
        p = p.parent;
      }
      if (!ok && found === null) {
        const at = s.nonlocalLines.get(name) ?? line(s.node);
        found = s.kind === 'module'
          ? { message: 'nonlocal declaration not allowed at module level', line: at }
          : { message: `no binding for nonlocal '${name}' found`, line: at };
      }
    }
    s.children.forEach(walk);
  };
  walk(root);
  return found;
}

class SymbolBuilderLookup {
  map = new Map<number, Scope>();
  constructor(root: Scope) {
    const walk = (s: Scope): void => {
      this.map.set(s.node.id, s);
      s.children.forEach(walk);
    };
    walk(root);
  }
  get(n: SyntaxNode): Scope {
    const s = this.map.get(n.id);
    if (s === undefined) throw new CompileError('scope analysis', line(n));
    return s;
  }
}

const AUG_OPS: Record<string, number> = {};
BIN_OPS.forEach((op, i) => (AUG_OPS[op + '='] = i));

class Compiler {
  u!: Unit;
  curLine = 1;
  private source: string;
  constructor(private root: Scope, private scopes: SymbolBuilderLookup, private filename: string, rootNode: SyntaxNode, private displayHook?: Py) {
    // Node indices count from the start of the source, but the module node starts at its first token
    // (after leading blank lines or comments): pad so that source.slice(node.startIndex, ...) is right.
    this.source = ' '.repeat(rootNode.startIndex) + rootNode.text;
  }

  compileModuleCode(root: SyntaxNode): CodeObject {
    this.u = new Unit(this.root, '<module>', '<module>', 1, this.filename);
    this.u.co.kind = 'module';
    this.u.co.doc = docstring(root);
    this.postponedAnnotations = /^from\s+__future__\s+import\s+[^\n]*\bannotations\b/m.test(root.text);
    if (hasAnnotatedAssignment(root)) this.emit(Op.SETUP_ANNOTATIONS, 0);
    this.body(root);
    this.emit(Op.LOAD_CONST, this.constIdx(null));
    this.emit(Op.RETURN_VALUE, 0);
    return this.finish();
  }

  // --- emission helpers
  emit(op: Op, arg: number): number {
    const u = this.u;
    u.code.push(op, arg);
    u.lines.push(this.curLine);
    return u.code.length - 2;
  }
  /** Emits cleanup code that has no line of its own in CPython: it inherits the previous instruction's. */
  emitNoLine(op: Op, arg: number): number {
    const saved = this.curLine;
    if (this.u.lines.length > 0) this.curLine = this.u.lines[this.u.lines.length - 1]!;
    const r = this.emit(op, arg);
    this.curLine = saved;
    return r;
  }
  constIdx(v: Py): number {
    const u = this.u;
    // Floats, tuples and code objects are never shared across different values.
    if (typeof v === 'object' && v !== null) {
      u.consts.push(v);
      return u.consts.length - 1;
    }
    const key = typeof v === 'string' ? 's' + v : typeof v + String(v);
    let i = u.constIndex.get(key);
    if (i === undefined) {
      i = u.consts.length;
      u.consts.push(v);
      u.constIndex.set(key, i);
    }
    return i;
  }
  nameIdx(n: string): number {
    let i = this.u.names.get(n);
    if (i === undefined) {
      i = this.u.names.size;
      this.u.names.set(n, i);
    }
    return i;
  }
  varIdx(n: string): number {
    let i = this.u.varnames.get(n);
    if (i === undefined) {
      i = this.u.varnames.size;
      this.u.varnames.set(n, i);
    }
    return i;
  }
  newLabel(): number {
    this.u.labels.push(-1);
    return this.u.labels.length - 1;
  }
  bind(label: number): void {
    this.u.labels[label] = this.u.code.length;
  }
  /** Jump instructions carry a label id (negated, minus one) until finish() patches them. */
  jump(op: Op, label: number): void {
    const u = this.u;
    if (op === Op.JUMP && u.labels[label] === -1 && u.lines.length > 0) {
      // A forward jump has no line of its own in CPython: it keeps the previous instruction's.
      const saved = this.curLine;
      this.curLine = u.lines[u.lines.length - 1]!;
      this.emit(op, -label - 1);
      this.curLine = saved;
      return;
    }
    this.emit(op, -label - 1);
  }
  finish(): CodeObject {
    const u = this.u;
    const co = u.co;
    const jumpOps = new Set<number>([
      Op.JUMP, Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP,
      Op.FOR_ITER, Op.SEND, Op.SETUP_FINALLY, Op.YIELD_VALUE,
    ]);
    for (let i = 0; i < u.code.length; i += 2) {
      const arg = u.code[i + 1]!;
      if (jumpOps.has(u.code[i]!) && arg < 0) u.code[i + 1] = u.labels[-arg - 1]!;
    }
    // Superinstructions: one dispatch fewer for `for x in xs: ... x ...` and `x = ...; ... x`. The
    // second instruction keeps its slot and line (the first one skips it), unless something jumps there.
    const targets = new Set<number>(u.labels);
    const c = u.code;
    for (let i = 0; i + 3 < c.length; i += 2) {
      if (targets.has(i + 2)) continue;
      if (c[i] === Op.FOR_ITER && c[i + 2] === Op.STORE_FAST) c[i] = Op.FOR_ITER_STORE_FAST;
      else if (c[i] === Op.FOR_ITER && c[i + 2] === Op.STORE_NAME) c[i] = Op.FOR_ITER_STORE_NAME;
      else if (c[i] === Op.LOAD_FAST && c[i + 2] === Op.YIELD_VALUE && c[i + 3] === 0) c[i] = Op.LOAD_FAST_YIELD;
      else if (c[i] === Op.SEND && c[i + 2] === Op.YIELD_VALUE && c[i + 3]! > 0) c[i] = Op.SEND_YIELD;
      else if (c[i] === Op.LOAD_CONST && (c[i + 2] === Op.BINARY_OP || c[i + 2] === Op.INPLACE_OP)) c[i] = Op.LOAD_CONST_BINARY_OP;
      else if (c[i] === Op.COMPARE_OP && c[i + 1]! < 6 && c[i + 2] === Op.POP_JUMP_IF_FALSE) c[i] = Op.COMPARE_OP_JUMP_IF_FALSE;
    }
    for (let i = 0; i + 3 < c.length; i += 2) {
      if (c[i] === Op.STORE_FAST && c[i + 2] === Op.LOAD_FAST && c[i + 1] === c[i + 3] && !targets.has(i + 2))
        c[i] = Op.STORE_FAST_LOAD_FAST;
    }
    // After the pass above, which wants the LOAD_FAST that follows a STORE_FAST as it is.
    for (let i = 0; i + 3 < c.length; i += 2) {
      if (c[i] === Op.LOAD_FAST && c[i + 2] === Op.LOAD_FAST && !targets.has(i + 2)) c[i] = Op.LOAD_FAST_LOAD_FAST;
    }
    co.code = Int32Array.from(u.code);
    co.lines = Int32Array.from(u.lines);
    co.consts = u.consts;
    co.names = [...u.names.keys()];
    co.varnames = [...u.varnames.keys()];
    return co;
  }

  /** CPython rejects these when compiling, before anything runs: the report says so up front. */
  syntaxErrors: { message: string; line: number }[] = [];
  /** LOAD_CLASSDEREF's operands, [cell index, names index], by the instruction's arg (no packing limit). */
  classDerefs: [cell: number, name: number][] = [];
  /** LOAD_CONST level, LOAD_CONST fromlist, IMPORT_NAME: `__import__(name, fromlist=..., level=...)`. */
  private emitImportName(name: string, fromlist: string[] | null, level: number): void {
    this.emit(Op.LOAD_CONST, this.constIdx(level));
    this.emit(Op.LOAD_CONST, this.constIdx(fromlist === null ? null : new PyTuple(fromlist)));
    this.emit(Op.IMPORT_NAME, this.nameIdx(name));
  }

  /** `from [.]mod import a, b as c` / `from mod import *`. */
  private importFrom(n: SyntaxNode): void {
    const mod = n.childForFieldName('module_name')!;
    let level = 0;
    let name = mod.text;
    if (mod.type === 'relative_import') {
      level = mod.namedChildren.find((c) => c.type === 'import_prefix')?.text.length ?? 0;
      name = mod.namedChildren.find((c) => c.type === 'dotted_name')?.text ?? '';
    }
    if (named(n).some((c) => c.type === 'wildcard_import')) {
      if (this.u.scope.kind !== 'module') return this.syntaxError('import * only allowed at module level', n);
      this.emitImportName(name, ['*'], level);
      this.emit(Op.IMPORT_STAR, 0);
      return;
    }
    const items: [string, string][] = [];
    for (const c of named(n)) {
      if (sameNode(c, mod)) continue;
      if (c.type === 'dotted_name') items.push([c.text, c.text]);
      else if (c.type === 'aliased_import') items.push([c.childForFieldName('name')!.text, c.childForFieldName('alias')!.text]);
    }
    this.emitImportName(name, items.map(([imported]) => imported), level);
    for (const [imported, bound] of items) {
      this.emit(Op.IMPORT_FROM, this.nameIdx(imported));
      this.store(bound);
    }
    this.emit(Op.POP_TOP, 0);
  }

  syntaxError(message: string, n: SyntaxNode): void {
    this.syntaxErrors.push({ message, line: line(n) });
    this.unsupported(message, n);
  }
  /** An error CPython's parser raises (before its symbol table runs): reported ahead of the others. */
  parserErrors: { message: string; line: number }[] = [];
  private parserError(message: string, n: SyntaxNode): void {
    this.parserErrors.push({ message, line: line(n) });
    this.unsupported(message, n);
  }
  unsupported(feature: string, n: SyntaxNode): void {
    const saved = this.curLine;
    this.curLine = line(n);
    this.emit(Op.UNSUPPORTED, this.constIdx(feature));
    this.curLine = saved;
  }

  // --- names
  private scopeOf(name: string): 'fast' | 'deref' | 'global' | 'name' | 'classderef' {
    const s = this.u.scope;
    if (s.kind === 'module') return 'name';
    if (s.globals.has(name)) return 'global';
    if (s.kind === 'class') {
      if (s.frees.has(name) && !s.defs.has(name)) return 'classderef';
      return 'name';
    }
    if (s.cells.has(name) || s.frees.has(name)) return 'deref';
    if (s.isLocal(name)) return 'fast';
    return 'global';
  }
  derefIdx(name: string): number {
    const co = this.u.co;
    let i = co.cellvars.indexOf(name);
    if (i >= 0) return i;
    i = co.freevars.indexOf(name);
    if (i >= 0) return co.cellvars.length + i;
    throw new CompileError('closure variable ' + name, this.curLine);
  }
  load(name: string): void {
    switch (this.scopeOf(name)) {
      case 'fast':
        this.emit(Op.LOAD_FAST, this.varIdx(name));
        break;
      case 'deref':
        this.emit(Op.LOAD_DEREF, this.derefIdx(name));
        break;
      case 'classderef':
        this.u.co.classDerefs.push([this.derefIdx(name), this.nameIdx(name)]);
        this.emit(Op.LOAD_CLASSDEREF, this.u.co.classDerefs.length - 1);
        break;
      case 'global':
        this.emit(Op.LOAD_GLOBAL, this.nameIdx(name));
        break;
      case 'name':
        this.emit(Op.LOAD_NAME, this.nameIdx(name));
        break;
    }
  }
  store(name: string): void {
    if (name === '__debug__') this.syntaxErrors.push({ message: 'cannot assign to __debug__', line: this.curLine });
    switch (this.scopeOf(name)) {
      case 'fast':
        this.emit(Op.STORE_FAST, this.varIdx(name));
        break;
      case 'deref':
        this.emit(Op.STORE_DEREF, this.derefIdx(name));
        break;
      case 'global':
        this.emit(Op.STORE_GLOBAL, this.nameIdx(name));
        break;
      default:
        this.emit(Op.STORE_NAME, this.nameIdx(name));
    }
  }
  del(name: string): void {
    switch (this.scopeOf(name)) {
      case 'fast':
        this.emit(Op.DELETE_FAST, this.varIdx(name));
        break;
      case 'deref':
        this.emit(Op.DELETE_DEREF, this.derefIdx(name));
        break;
      case 'global':
        this.emit(Op.DELETE_GLOBAL, this.nameIdx(name));
        break;
      default:
        this.emit(Op.DELETE_NAME, this.nameIdx(name));
    }
  }

  // --- statements
  body(n: SyntaxNode): void {
    for (const c of named(n)) this.stmt(c);
  }
  stmt(n: SyntaxNode): void {
    const saved = this.curLine;
    this.curLine = line(n);
    this.stmtInner(n);
    this.curLine = saved;
  }
  private stmtInner(n: SyntaxNode): void {
    switch (n.type) {
      case 'comment':
      case 'pass_statement':
        return;
      case 'expression_statement': {
        const kids = named(n);
        // tree-sitter reads `match [a, b]:` and its indented cases as an annotated assignment to `match[a, b]`.
        if (n.startPosition.row !== n.endPosition.row && /^match\s*\[/.test(n.text) && kids[0]?.type === 'assignment')
          return this.unsupported('match statement whose subject is a list display', n);
        if (kids.length === 1) {
          const k = kids[0]!;
          if (k.type === 'assignment' || k.type === 'augmented_assignment') return this.stmt(k);
        }
        // Interactive mode: the value goes to the display hook (CPython's CALL_INTRINSIC_1 INTRINSIC_PRINT).
        const display = this.displayHook !== undefined && this.u.scope.kind === 'module';
        if (display) this.emit(Op.LOAD_CONST, this.constIdx(this.displayHook!));
        if (kids.length === 1) {
          this.expr(kids[0]!);
        } else {
          this.exprList(kids);
        }
        if (display) this.emit(Op.CALL, 1);
        this.emit(Op.POP_TOP, 0);
        return;
      }
      case 'assignment':
        return this.assignment(n);
      case 'augmented_assignment':
        return this.augAssign(n);
      case 'return_statement': {
        const v = named(n)[0];
        if (this.u.scope.kind !== 'function') return this.syntaxError("'return' outside function", n);
        if (v !== undefined && this.u.scope.isAsync && this.u.scope.hasYield) return this.syntaxError("'return' with value in async generator", n);
        if (v !== undefined) this.expr(v);
        else this.emit(Op.LOAD_CONST, this.constIdx(null));
        this.unwind(true, null);
        this.emit(Op.RETURN_VALUE, 0);
        return;
      }
      case 'if_statement':
        return this.ifStmt(n);
      case 'match_statement':
        return compileMatch(this, n);
      case 'while_statement':
        return this.whileStmt(n);
      case 'for_statement':
        return this.forStmt(n);
      case 'break_statement':
      case 'continue_statement':
        return this.breakContinue(n, n.type === 'break_statement');
      case 'function_definition':
        return this.funcDef(n, []);
      case 'class_definition':
        return this.classDef(n, []);
      case 'decorated_definition': {
        const decos = named(n).filter((c) => c.type === 'decorator');
        const def = n.childForFieldName('definition');
        if (def === null) return this.unsupported('decorated definition', n);
        if (def.type === 'function_definition') return this.funcDef(def, decos);
        if (def.type === 'class_definition') return this.classDef(def, decos);
        return this.unsupported('decorated ' + def.type, n);
      }
      case 'try_statement':
        return this.tryStmt(n);
      case 'with_statement':
        return this.withStmt(n);
      case 'raise_statement': {
        const kids = named(n);
        const cause = n.childForFieldName('cause');
        const exc = kids.find((k) => !sameNode(k, cause));
        if (exc === undefined) {
          this.emit(Op.RAISE_VARARGS, 0);
          return;
        }
        this.expr(exc);
        if (cause !== null) {
          this.expr(cause);
          this.emit(Op.RAISE_VARARGS, 2);
        } else this.emit(Op.RAISE_VARARGS, 1);
        return;
      }
      case 'assert_statement': {
        const kids = named(n);
        const end = this.newLabel();
        this.expr(kids[0]!);
        this.jump(Op.POP_JUMP_IF_TRUE, end);
        this.emit(Op.LOAD_ASSERTION_ERROR, 0);
        if (kids[1] !== undefined) {
          this.expr(kids[1]);
          this.emit(Op.CALL, 1);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.bind(end);
        return;
      }
      case 'delete_statement':
        for (const c of named(n)) this.delTarget(c);
        return;
      case 'global_statement':
      case 'nonlocal_statement':
        return;
      case 'import_statement':
        for (const c of named(n)) {
          if (c.type === 'dotted_name') {
            this.emitImportName(c.text, null, 0);
            this.store(named(c)[0]!.text);
          } else if (c.type === 'aliased_import') {
            const nm = c.childForFieldName('name')!;
            const parts = named(nm).map((p) => p.text);
            this.emitImportName(nm.text, null, 0);
            // `import a.b.c as z` binds the leaf, reached attribute by attribute as CPython's IMPORT_FROM does.
            for (const part of parts.slice(1)) {
              this.emit(Op.IMPORT_FROM, this.nameIdx(part));
              this.emit(Op.ROT_TWO, 0);
              this.emit(Op.POP_TOP, 0);
            }
            this.store(c.childForFieldName('alias')!.text);
          }
        }
        return;
      case 'import_from_statement':
        return this.importFrom(n);
      case 'future_import_statement':
        return;
      case 'ERROR':
        return this.unsupported('syntax error', n);
      default:
        return this.unsupported(n.type.replace(/_/g, ' '), n);
    }
  }

  /** `from __future__ import annotations` is in force: annotations would be strings (their unparsed source). */
  postponedAnnotations = false;

  /** An annotation's expression, as CPython 3.13 evaluates it (tree-sitter parses it with its type grammar). */
  annotation(t: SyntaxNode): void {
    if (this.postponedAnnotations) return this.unsupported('postponed evaluation of annotations (from __future__ import annotations)', t);
    const kids = named(t);
    switch (t.type) {
      case 'type':
        if (kids.length !== 1) return this.unsupported('annotation', t);
        return this.annotation(kids[0]!);
      case 'generic_type': {
        // `list[int]`: the class subscripted by its parameters (one, or a tuple of several).
        const [base, parameters] = kids;
        if (base === undefined || parameters === undefined) return this.unsupported('annotation', t);
        this.annotation(base);
        const items = named(parameters);
        for (const item of items) this.annotation(item);
        if (items.length !== 1) this.emit(Op.BUILD_TUPLE, items.length);
        this.emit(Op.BINARY_SUBSCR, 0);
        return;
      }
      case 'union_type':
        this.annotation(kids[0]!);
        this.annotation(kids[1]!);
        this.emit(Op.BINARY_OP, BIN_OPS.indexOf('|'));
        return;
      case 'member_type':
        this.annotation(kids[0]!);
        this.emit(Op.LOAD_ATTR, this.nameIdx(kids[1]!.text));
        return;
      case 'constrained_type':
      case 'splat_type':
        return this.unsupported(t.type.replace(/_/g, ' '), t);
      default:
        return this.expr(t);
    }
  }

  /**
   * `target: annotation [= value]`: the value is assigned first; a simple name's annotation is evaluated
   * and stored in `__annotations__` at module and class level (never in a function); a complex target's
   * annotation is evaluated there and dropped, and without a value its object (and subscript) are evaluated.
   */
  private annotatedAssignment(n: SyntaxNode, written: SyntaxNode, type: SyntaxNode): void {
    const value = n.childForFieldName('right');
    // `(x): int` is not a simple target: x is assigned but not entered in __annotations__ (CPython's simple=0).
    const single = parenthesisedAnnotationTarget(written);
    const target = single ?? written;
    if (target.type === 'tuple_pattern' || target.type === 'pattern_list' || target.type === 'tuple' || target.type === 'expression_list')
      return this.parserError('only single target (not tuple) can be annotated', written);
    if (target.type === 'list_pattern' || target.type === 'list') return this.parserError('only single target (not list) can be annotated', written);
    if (target.type !== 'identifier' && target.type !== 'attribute' && target.type !== 'subscript') return this.parserError('illegal target for annotation', written);
    if (value !== null) {
      this.expr(value);
      this.storeTarget(target);
    } else if (target.type === 'identifier' && target.text === '__debug__') this.syntaxErrors.push({ message: 'cannot assign to __debug__', line: line(target) });
    const atModuleOrClass = this.u.scope.kind !== 'function';
    if (target.type === 'identifier' && single !== null) {
      if (atModuleOrClass) {
        this.annotation(type);
        this.emit(Op.POP_TOP, 0);
      }
      return;
    }
    if (target.type === 'identifier') {
      if (!atModuleOrClass) return;
      if (this.u.scope.kind === 'class' && target.text.startsWith('__') && !target.text.endsWith('__'))
        return this.unsupported('annotation of a private (mangled) name', n);
      this.annotation(type);
      this.load('__annotations__');
      this.emit(Op.LOAD_CONST, this.constIdx(target.text));
      this.emit(Op.STORE_SUBSCR, 0);
      return;
    }
    if (value === null) {
      if (target.type === 'attribute') {
        this.expr(target.childForFieldName('object')!);
        this.emit(Op.POP_TOP, 0);
      } else if (target.type === 'subscript') {
        this.expr(target.childForFieldName('value')!);
        this.emit(Op.POP_TOP, 0);
        // check_ann_subscr: each item of an index tuple, and a slice's bounds, are evaluated (and dropped).
        for (const index of target.childrenForFieldName('subscript')) {
          if (splatOf(index) !== null) return this.unsupported('annotated starred subscript target', n);
          const parts = index.type === 'slice' ? named(index) : [index];
          for (const part of parts) {
            this.expr(part);
            this.emit(Op.POP_TOP, 0);
          }
        }
      } else return this.unsupported('annotated target', n);
    }
    if (atModuleOrClass) {
      this.annotation(type);
      this.emit(Op.POP_TOP, 0);
    }
  }

  private assignment(n: SyntaxNode): void {
    const type = n.childForFieldName('type');
    const left = n.childForFieldName('left');
    if (type !== null && left !== null) return this.annotatedAssignment(n, left, type);
    const targets: SyntaxNode[] = [];
    let cur: SyntaxNode | null = n;
    while (cur !== null && cur.type === 'assignment') {
      const l = cur.childForFieldName('left');
      if (l !== null) targets.push(l);
      cur = cur.childForFieldName('right');
    }
    if (cur === null) return; // a bare annotation `x: int` binds nothing
    this.expr(cur);
    for (let i = 0; i < targets.length; i++) {
      if (i < targets.length - 1) this.emit(Op.DUP_TOP, 0);
      this.storeTarget(targets[i]!);
    }
  }

  storeTarget(t: SyntaxNode): void {
    switch (t.type) {
      case 'identifier':
        return this.store(t.text);
      case 'attribute':
        this.expr(t.childForFieldName('object')!);
        this.emit(Op.STORE_ATTR, this.nameIdx(t.childForFieldName('attribute')!.text));
        return;
      case 'subscript':
        this.expr(t.childForFieldName('value')!);
        this.subscriptKey(t);
        this.emit(Op.STORE_SUBSCR, 0);
        return;
      case 'parenthesized_expression': {
        const inner = named(t)[0];
        if (inner !== undefined) return this.storeTarget(inner);
        return;
      }
      case 'tuple':
      case 'list':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'expression_list': {
        const elts = named(t);
        const star = elts.findIndex((e) => e.type === 'list_splat_pattern' || e.type === 'list_splat');
        if (star >= 0) {
          if (elts.slice(star + 1).some((e) => e.type === 'list_splat_pattern' || e.type === 'list_splat'))
            return this.unsupported('multiple starred expressions in assignment', t);
          // CPython packs both counts in one oparg and refuses what does not fit (compiler_unpack_helper).
          if (star >= 256 || elts.length - star - 1 >= 2 ** 23) return this.syntaxError('too many expressions in star-unpacking assignment', t);
          this.emit(Op.UNPACK_EX, star | ((elts.length - star - 1) << 8));
        } else this.emit(Op.UNPACK_SEQUENCE, elts.length);
        for (const e of elts) {
          if (e.type === 'list_splat_pattern' || e.type === 'list_splat') this.storeTarget(named(e)[0]!);
          else this.storeTarget(e);
        }
        return;
      }
      default:
        this.unsupported('assignment to ' + t.type, t);
    }
  }

  private delTarget(t: SyntaxNode): void {
    switch (t.type) {
      case 'identifier':
        if (t.text === '__debug__') return this.syntaxError('cannot delete __debug__', t);
        return this.del(t.text);
      case 'attribute':
        this.expr(t.childForFieldName('object')!);
        this.emit(Op.DELETE_ATTR, this.nameIdx(t.childForFieldName('attribute')!.text));
        return;
      case 'subscript':
        this.expr(t.childForFieldName('value')!);
        this.subscriptKey(t);
        this.emit(Op.DELETE_SUBSCR, 0);
        return;
      case 'expression_list':
      case 'tuple':
      case 'list':
      case 'parenthesized_expression':
        for (const c of named(t)) this.delTarget(c);
        return;
      default:
        this.unsupported('del of ' + t.type, t);
    }
  }

  private augAssign(n: SyntaxNode): void {
    const left = n.childForFieldName('left')!;
    const right = n.childForFieldName('right')!;
    const opText = n.childForFieldName('operator')!.text;
    const op = AUG_OPS[opText];
    if (op === undefined) return this.unsupported('operator ' + opText, n);
    switch (left.type) {
      case 'identifier':
        this.load(left.text);
        this.expr(right);
        this.emit(Op.INPLACE_OP, op);
        this.store(left.text);
        return;
      case 'attribute': {
        this.expr(left.childForFieldName('object')!);
        this.emit(Op.DUP_TOP, 0);
        const nm = this.nameIdx(left.childForFieldName('attribute')!.text);
        this.emit(Op.LOAD_ATTR, nm);
        this.expr(right);
        this.emit(Op.INPLACE_OP, op);
        this.emit(Op.ROT_TWO, 0);
        this.emit(Op.STORE_ATTR, nm);
        return;
      }
      case 'subscript':
        this.expr(left.childForFieldName('value')!);
        this.subscriptKey(left);
        this.emit(Op.DUP_TOP_TWO, 0);
        this.emit(Op.BINARY_SUBSCR, 0);
        this.expr(right);
        this.emit(Op.INPLACE_OP, op);
        this.emit(Op.ROT_THREE, 0);
        this.emit(Op.STORE_SUBSCR, 0);
        return;
      default:
        this.unsupported('augmented assignment to ' + left.type, n);
    }
  }

  private ifStmt(n: SyntaxNode): void {
    const end = this.newLabel();
    const cond = n.childForFieldName('condition')!;
    const next = this.newLabel();
    this.expr(cond);
    this.jump(Op.POP_JUMP_IF_FALSE, next);
    this.body(n.childForFieldName('consequence')!);
    const alts = n.childrenForFieldName('alternative');
    if (alts.length > 0) this.jump(Op.JUMP, end);
    this.bind(next);
    for (let i = 0; i < alts.length; i++) {
      const a = alts[i]!;
      if (a.type === 'elif_clause') {
        const nx = this.newLabel();
        this.curLine = line(a);
        this.expr(a.childForFieldName('condition')!);
        this.jump(Op.POP_JUMP_IF_FALSE, nx);
        this.body(a.childForFieldName('consequence')!);
        if (i < alts.length - 1) this.jump(Op.JUMP, end);
        this.bind(nx);
      } else {
        this.body(a.childForFieldName('body')!);
      }
    }
    this.bind(end);
  }

  private whileStmt(n: SyntaxNode): void {
    const start = this.newLabel();
    const orelse = this.newLabel();
    const end = this.newLabel();
    this.bind(start);
    const cond = n.childForFieldName('condition')!;
    // `while True:` tests nothing, as in CPython (a constant true test cannot raise or be seen).
    if (cond.type !== 'true') {
      this.expr(cond);
      this.jump(Op.POP_JUMP_IF_FALSE, orelse);
    }
    this.u.fblocks.push({ kind: 'loop', start, exit: end });
    this.body(n.childForFieldName('body')!);
    this.u.fblocks.pop();
    this.curLine = line(n);
    this.jump(Op.JUMP, start);
    this.bind(orelse);
    const alt = n.childForFieldName('alternative');
    if (alt !== null) this.body(alt.childForFieldName('body')!);
    this.bind(end);
  }

  private forStmt(n: SyntaxNode): void {
    if (n.children.some((c) => c.type === 'async')) return this.asyncForStmt(n);
    const start = this.newLabel();
    const orelse = this.newLabel();
    const end = this.newLabel();
    this.expr(n.childForFieldName('right')!);
    this.emit(Op.GET_ITER, 0);
    this.bind(start);
    this.jump(Op.FOR_ITER, orelse);
    this.storeTarget(n.childForFieldName('left')!);
    this.u.fblocks.push({ kind: 'for', start, exit: end });
    this.body(n.childForFieldName('body')!);
    this.u.fblocks.pop();
    this.curLine = line(n);
    this.jump(Op.JUMP, start);
    this.bind(orelse);
    const alt = n.childForFieldName('alternative');
    if (alt !== null) this.body(alt.childForFieldName('body')!);
    this.bind(end);
  }

  /**
   * `async for`: each item is `await anext(it)` under a handler that ends the loop on StopAsyncIteration
   * (END_ASYNC_FOR), as CPython 3.13 compiles it; break and return pop the iterator like a for loop's.
   */
  private asyncForStmt(n: SyntaxNode): void {
    if (!this.u.scope.isAsync) return this.syntaxError("'async for' outside async function", n);
    const start = this.newLabel();
    const handler = this.newLabel();
    const end = this.newLabel();
    this.expr(n.childForFieldName('right')!);
    this.emit(Op.GET_AITER, 0);
    this.bind(start);
    this.jump(Op.SETUP_FINALLY, handler);
    this.emit(Op.GET_ANEXT, 0);
    this.awaitLoop();
    this.emit(Op.POP_BLOCK, 0);
    this.storeTarget(n.childForFieldName('left')!);
    this.u.fblocks.push({ kind: 'for', start, exit: end });
    this.body(n.childForFieldName('body')!);
    this.u.fblocks.pop();
    this.curLine = line(n);
    this.jump(Op.JUMP, start);
    this.bind(handler);
    this.emit(Op.END_ASYNC_FOR, 0);
    const alt = n.childForFieldName('alternative');
    if (alt !== null) this.body(alt.childForFieldName('body')!);
    this.bind(end);
  }

  /** The loop an `await` compiles to once its awaitable is on the stack: `yield from` with GET_AWAITABLE's iterator. */
  private awaitLoop(): void {
    this.emit(Op.LOAD_CONST, this.constIdx(null));
    const send = this.newLabel();
    const exit = this.newLabel();
    this.bind(send);
    this.jump(Op.SEND, exit);
    this.jump(Op.YIELD_VALUE, exit);
    this.jump(Op.JUMP, send);
    this.bind(exit);
  }
  /** Leaving an `async with` body normally: `await __aexit__(None, None, None)`, its result dropped. */
  private awaitExit(): void {
    this.emit(Op.WITH_EXIT_CALL, 0);
    this.emit(Op.GET_AWAITABLE, 2);
    this.awaitLoop();
    this.emit(Op.POP_TOP, 0);
  }

  private breakContinue(n: SyntaxNode, isBreak: boolean): void {
    const fbs = this.u.fblocks;
    let i = fbs.length - 1;
    while (i >= 0 && fbs[i]!.kind !== 'loop' && fbs[i]!.kind !== 'for') i--;
    if (i < 0) return this.syntaxError(isBreak ? "'break' outside loop" : "'continue' not properly in loop", n);
    const loop = fbs[i]!;
    this.unwindTo(i + 1, false);
    if (isBreak) {
      if (loop.kind === 'for') this.emit(Op.POP_ITER, 0);
      this.jump(Op.JUMP, loop.exit!);
    } else this.jump(Op.JUMP, loop.start!);
  }

  /** Emits the cleanup of every frame block above `depth` (for return: all), keeping TOS if asked. */
  private unwindTo(depth: number, preserveTos: boolean): void {
    const fbs = this.u.fblocks;
    const saved = fbs.slice();
    for (let i = fbs.length - 1; i >= depth; i--) {
      const b = saved[i]!;
      // The cleanup code of block i runs outside block i (a `return` in a finally body must not loop).
      this.u.fblocks = saved.slice(0, i);
      switch (b.kind) {
        case 'for':
          if (preserveTos) {
            this.emit(Op.ROT_TWO, 0);
            this.emit(Op.POP_ITER, 0);
          }
          break;
        case 'loop':
          break;
        case 'try_finally':
          this.emit(Op.POP_BLOCK, 0);
          if (b.body) this.body(b.body);
          break;
        case 'finally_exc':
          this.emit(Op.POP_EXCEPT, preserveTos ? 1 : 0);
          break;
        case 'handler_named':
          this.emit(Op.POP_BLOCK, 0);
          this.emit(Op.POP_EXCEPT, preserveTos ? 1 : 0);
          this.emit(Op.LOAD_CONST, this.constIdx(null));
          this.store(b.name!);
          this.del(b.name!);
          break;
        case 'handler':
          this.emit(Op.POP_EXCEPT, preserveTos ? 1 : 0);
          break;
        case 'with':
          this.emit(Op.POP_BLOCK, 0);
          this.emit(Op.WITH_EXIT, preserveTos ? 1 : 0);
          break;
        case 'async_with':
          this.emit(Op.POP_BLOCK, 0);
          if (preserveTos) this.emit(Op.ROT_TWO, 0);
          this.awaitExit();
          break;
      }
    }
    this.u.fblocks = saved;
  }
  private unwind(preserveTos: boolean, _n: null): void {
    this.unwindTo(0, preserveTos);
  }

  private tryStmt(n: SyntaxNode): void {
    const body = n.childForFieldName('body')!;
    const handlers = named(n).filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
    const elseC = named(n).find((c) => c.type === 'else_clause');
    const finC = named(n).find((c) => c.type === 'finally_clause');
    if (handlers.some((h) => h.type === 'except_group_clause' || h.children.some((c) => c.type === '*')))
      return this.unsupported('except*', n);
    const finBody = finC ? (named(finC).find((c) => c.type === 'block') ?? null) : null;
    if (finC !== undefined) {
      const excPath = this.newLabel();
      const end = this.newLabel();
      this.jump(Op.SETUP_FINALLY, excPath);
      this.u.fblocks.push({ kind: 'try_finally', body: finBody });
      if (handlers.length > 0) this.tryExcept(body, handlers, elseC);
      else this.body(body);
      this.u.fblocks.pop();
      this.emitNoLine(Op.POP_BLOCK, 0);
      if (finBody !== null) this.body(finBody);
      this.jump(Op.JUMP, end);
      this.bind(excPath);
      this.u.fblocks.push({ kind: 'finally_exc' });
      if (finBody !== null) this.body(finBody);
      this.u.fblocks.pop();
      this.emit(Op.RERAISE, 0);
      this.bind(end);
    } else this.tryExcept(body, handlers, elseC);
  }

  private tryExcept(body: SyntaxNode, handlers: SyntaxNode[], elseC: SyntaxNode | undefined): void {
    const handlerL = this.newLabel();
    const end = this.newLabel();
    this.jump(Op.SETUP_FINALLY, handlerL);
    this.u.fblocks.push({ kind: 'try_finally', body: null });
    this.body(body);
    this.u.fblocks.pop();
    this.emitNoLine(Op.POP_BLOCK, 0);
    if (elseC !== undefined) this.body(elseC.childForFieldName('body') ?? named(elseC).find((c) => c.type === 'block')!);
    this.jump(Op.JUMP, end);
    this.bind(handlerL);
    // Stack here: [previous handled exception, exception]; a HANDLER block is active.
    for (const h of handlers) {
      this.curLine = line(h);
      const next = this.newLabel();
      const kids = named(h);
      const block = kids.find((c) => c.type === 'block')!;
      let typeExpr: SyntaxNode | null = null;
      let name: string | null = null;
      const v = h.childForFieldName('value') ?? kids.find((c) => c.type !== 'block') ?? null;
      if (v !== null) {
        if (v.type === 'as_pattern') {
          typeExpr = named(v)[0]!;
          const alias = v.childForFieldName('alias');
          const target = alias ? named(alias)[0] : undefined;
          if (target === undefined || target.type !== 'identifier') {
            this.unsupported('except target', h);
            continue;
          }
          name = target.text;
        } else typeExpr = v;
      }
      if (typeExpr !== null) {
        this.emit(Op.DUP_TOP, 0);
        this.expr(typeExpr);
        this.emit(Op.CHECK_EXC_MATCH, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (name !== null) {
        const cleanup = this.newLabel();
        this.emit(Op.DUP_TOP, 0);
        this.store(name);
        this.jump(Op.SETUP_FINALLY, cleanup);
        this.u.fblocks.push({ kind: 'handler_named', name });
        this.body(block);
        this.u.fblocks.pop();
        const saved = this.curLine;
        this.curLine = this.u.lines[this.u.lines.length - 1]!;
        this.emit(Op.POP_BLOCK, 0);
        this.emit(Op.POP_EXCEPT, 0);
        this.emit(Op.LOAD_CONST, this.constIdx(null));
        this.store(name);
        this.del(name);
        this.curLine = saved;
        this.jump(Op.JUMP, end);
        this.bind(cleanup);
        this.emit(Op.LOAD_CONST, this.constIdx(null));
        this.store(name);
        this.del(name);
        this.emit(Op.RERAISE, 0);
      } else {
        this.u.fblocks.push({ kind: 'handler' });
        this.body(block);
        this.u.fblocks.pop();
        this.emitNoLine(Op.POP_EXCEPT, 0);
        this.jump(Op.JUMP, end);
      }
      this.bind(next);
    }
    this.emit(Op.RERAISE, 0);
    this.bind(end);
  }

  private withStmt(n: SyntaxNode): void {
    const isAsync = n.children.some((c) => c.type === 'async');
    if (isAsync && !this.u.scope.isAsync) return this.syntaxError("'async with' outside async function", n);
    const clause = named(n).find((c) => c.type === 'with_clause');
    const items = clause ? named(clause).filter((c) => c.type === 'with_item') : [];
    const body = n.childForFieldName('body')!;
    if (isAsync) this.asyncWithItems(items, 0, body);
    else this.withItems(items, 0, body);
  }
  /** `async with`: the with statement's blocks, each call to __aenter__ and __aexit__ awaited (BEFORE_ASYNC_WITH). */
  private asyncWithItems(items: SyntaxNode[], i: number, body: SyntaxNode): void {
    if (i >= items.length) return this.body(body);
    const item = items[i]!;
    const { value, target } = withItemParts(item);
    const excPath = this.newLabel();
    const suppress = this.newLabel();
    const end = this.newLabel();
    this.curLine = line(item);
    this.expr(value);
    this.emit(Op.BEFORE_ASYNC_WITH, 0);
    this.emit(Op.GET_AWAITABLE, 1);
    this.awaitLoop();
    if (target !== null) this.storeTarget(target);
    else this.emit(Op.POP_TOP, 0);
    this.jump(Op.SETUP_FINALLY, excPath);
    this.u.fblocks.push({ kind: 'async_with' });
    this.asyncWithItems(items, i + 1, body);
    this.u.fblocks.pop();
    this.curLine = line(item);
    this.emit(Op.POP_BLOCK, 0);
    this.awaitExit();
    this.jump(Op.JUMP, end);
    this.bind(excPath);
    this.emit(Op.WITH_EXCEPT_START, 1);
    this.emit(Op.GET_AWAITABLE, 2);
    this.awaitLoop();
    this.jump(Op.POP_JUMP_IF_TRUE, suppress);
    this.emit(Op.RERAISE, 0);
    this.bind(suppress);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.POP_TOP, 0);
    this.bind(end);
  }
  private withItems(items: SyntaxNode[], i: number, body: SyntaxNode): void {
    if (i >= items.length) return this.body(body);
    const item = items[i]!;
    const { value, target } = withItemParts(item);
    const excPath = this.newLabel();
    const suppress = this.newLabel();
    const end = this.newLabel();
    this.curLine = line(item);
    this.expr(value);
    this.emit(Op.BEFORE_WITH, 0);
    // The handler's stack level must hold only __exit__, so the block starts after the target store.
    if (target !== null) this.storeTarget(target);
    else this.emit(Op.POP_TOP, 0);
    this.jump(Op.SETUP_FINALLY, excPath);
    this.u.fblocks.push({ kind: 'with' });
    this.withItems(items, i + 1, body);
    this.u.fblocks.pop();
    this.curLine = line(item);
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.WITH_EXIT, 0);
    this.jump(Op.JUMP, end);
    this.bind(excPath);
    this.emit(Op.WITH_EXCEPT_START, 0);
    this.jump(Op.POP_JUMP_IF_TRUE, suppress);
    this.emit(Op.RERAISE, 0);
    this.bind(suppress);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.POP_TOP, 0);
    this.bind(end);
  }

  // --- functions and classes
  private collectParams(p: SyntaxNode | null): {
    pos: string[]; kwonly: string[]; star: string | null; dstar: string | null;
    defaults: SyntaxNode[]; kwdefaults: [string, SyntaxNode][]; bad: string | null;
  } {
    const r = { pos: [] as string[], kwonly: [] as string[], star: null as string | null, dstar: null as string | null,
      defaults: [] as SyntaxNode[], kwdefaults: [] as [string, SyntaxNode][], bad: null as string | null };
    if (p === null) return r;
    let afterStar = false;
    for (const c of named(p)) {
      let name: string | null = null;
      let def: SyntaxNode | null = null;
      switch (c.type) {
        case 'identifier':
          name = c.text;
          break;
        case 'default_parameter':
        case 'typed_default_parameter':
          name = c.childForFieldName('name')!.text;
          def = c.childForFieldName('value');
          break;
        case 'typed_parameter': {
          const inner = named(c)[0]!;
          if (inner.type === 'list_splat_pattern') {
            r.star = named(inner)[0]!.text;
            afterStar = true;
            continue;
          }
          if (inner.type === 'dictionary_splat_pattern') {
            r.dstar = named(inner)[0]!.text;
            continue;
          }
          name = inner.text;
          break;
        }
        case 'list_splat_pattern':
          r.star = named(c)[0]!.text;
          afterStar = true;
          continue;
        case 'dictionary_splat_pattern':
          r.dstar = named(c)[0]!.text;
          continue;
        case 'keyword_separator':
          afterStar = true;
          continue;
        case 'positional_separator':
          continue;
        default:
          r.bad = c.type;
          continue;
      }
      if (afterStar) {
        r.kwonly.push(name);
        if (def !== null) r.kwdefaults.push([name, def]);
      } else {
        r.pos.push(name);
        if (def !== null) r.defaults.push(def);
      }
    }
    return r;
  }

  /** Compiles a function-like scope (def, lambda, comprehension) and emits MAKE_FUNCTION for it. */
  private makeFunction(
    node: SyntaxNode, name: string, params: ReturnType<Compiler['collectParams']>,
    emitBody: () => void,
  ): void {
    const scope = this.scopes.get(node);
    // Defaults are evaluated in the enclosing scope, before the function object exists.
    let flags = 0;
    if (params.defaults.length > 0) {
      for (const d of params.defaults) this.expr(d);
      this.emit(Op.BUILD_TUPLE, params.defaults.length);
      flags |= 1;
    }
    if (params.kwdefaults.length > 0) {
      for (const [k, d] of params.kwdefaults) {
        this.emit(Op.LOAD_CONST, this.constIdx(k));
        this.expr(d);
      }
      this.emit(Op.BUILD_MAP, params.kwdefaults.length);
      flags |= 2;
    }
    // Parameter and return annotations, evaluated now, in CPython's order (parameters as written, then return).
    const annotations = functionAnnotations(node);
    if (annotations.length > 0) {
      for (const [k, a] of annotations) {
        this.emit(Op.LOAD_CONST, this.constIdx(k));
        this.annotation(a);
      }
      this.emit(Op.BUILD_MAP, annotations.length);
      flags |= 4;
    }
    const outer = this.u;
    const qualPrefix = outer.childPrefix;
    const first = node.parent?.type === 'decorated_definition' ? line(node.parent) : line(node);
    const unit = new Unit(scope, name, qualPrefix + name, first, this.filename);
    // List, set and dict comprehensions are inlined since 3.12: they add nothing to inner qualnames. A
    // generator expression is a comprehension scope, not a function one: what it holds is qualified
    // `<genexpr>.<lambda>`, without `<locals>` (compiler_set_qualname).
    const inlined = node.type === 'list_comprehension' || node.type === 'set_comprehension' || node.type === 'dictionary_comprehension';
    unit.childPrefix = inlined ? outer.childPrefix : unit.co.qualname + (node.type === 'generator_expression' ? '.' : '.<locals>.');
    const co = unit.co;
    co.kind = 'function';
    co.cellvars = [...scope.cells].sort();
    co.freevars = [...scope.frees].sort();
    const savedLine = this.curLine;
    this.u = unit;
    for (const p of params.pos) this.varIdx(p);
    for (const p of params.kwonly) this.varIdx(p);
    if (params.star !== null) this.varIdx(params.star);
    if (params.dstar !== null) this.varIdx(params.dstar);
    co.argcount = params.pos.length;
    co.kwonlyargcount = params.kwonly.length;
    if (params.star !== null) co.flags |= CO_VARARGS;
    if (params.dstar !== null) co.flags |= CO_VARKEYWORDS;
    if (scope.isCoroutine) co.flags |= scope.hasYield ? CO_ASYNC_GENERATOR : CO_COROUTINE;
    else if (scope.hasYield) co.flags |= CO_GENERATOR;
    co.inlinedComprehension = inlined;
    co.cell2arg = co.cellvars.map((c) => (this.u.varnames.has(c) ? this.u.varnames.get(c)! : -1));
    co.simpleArgs = params.kwonly.length === 0 && params.star === null && params.dstar === null &&
      co.cell2arg.every((x) => x < 0);
    emitBody();
    const fco = this.finish();
    this.u = outer;
    this.curLine = savedLine;
    if (fco.freevars.length > 0) {
      for (const f of fco.freevars) {
        // A class scope passes its own __class__ cell; other frees come from our cells/frees.
        this.emit(Op.LOAD_CLOSURE, this.derefIdx(f));
      }
      this.emit(Op.BUILD_TUPLE, fco.freevars.length);
      flags |= 8;
    }
    this.emit(Op.LOAD_CONST, this.constIdx(fco));
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  private funcDef(n: SyntaxNode, decorators: SyntaxNode[]): void {
    if (n.childForFieldName('type_parameters') !== null) return this.unsupported('type parameters', n);
    for (const d of decorators) this.expr(named(d)[0]!);
    const name = n.childForFieldName('name')!.text;
    const params = this.collectParams(n.childForFieldName('parameters'));
    if (params.bad !== null) return this.unsupported('parameter ' + params.bad, n);
    const body = n.childForFieldName('body')!;
    this.curLine = line(n);
    this.makeFunction(n, name, params, () => {
      this.curLine = line(n);
      this.u.co.doc = docstring(body);
      // The docstring is not executed; a function whose body is only a docstring returns None.
      this.body(body);
      this.emit(Op.RETURN_VALUE, 1);
    });
    for (let i = 0; i < decorators.length; i++) this.emit(Op.CALL, 1);
    this.store(name);
  }

  private classDef(n: SyntaxNode, decorators: SyntaxNode[]): void {
    if (n.childForFieldName('type_parameters') !== null) return this.unsupported('type parameters', n);
    for (const d of decorators) this.expr(named(d)[0]!);
    const name = n.childForFieldName('name')!.text;
    const scope = this.scopes.get(n);
    this.emit(Op.LOAD_BUILD_CLASS, 0);
    const outer = this.u;
    const qualPrefix = outer.childPrefix;
    const unit = new Unit(scope, name, qualPrefix + name, line(n), this.filename);
    unit.childPrefix = qualPrefix + name + '.';
    unit.co.kind = 'class';
    unit.co.cellvars = [...scope.cells].sort();
    unit.co.freevars = [...scope.frees].sort();
    unit.co.cell2arg = unit.co.cellvars.map(() => -1);
    const savedLine = this.curLine;
    this.u = unit;
    this.emit(Op.LOAD_NAME, this.nameIdx('__name__'));
    this.emit(Op.STORE_NAME, this.nameIdx('__module__'));
    this.emit(Op.LOAD_CONST, this.constIdx(qualPrefix + name));
    this.emit(Op.STORE_NAME, this.nameIdx('__qualname__'));
    const doc = docstring(n.childForFieldName('body')!);
    if (doc !== null) {
      this.emit(Op.LOAD_CONST, this.constIdx(doc));
      this.emit(Op.STORE_NAME, this.nameIdx('__doc__'));
    }
    if (hasAnnotatedAssignment(n.childForFieldName('body')!)) this.emit(Op.SETUP_ANNOTATIONS, 0);
    this.body(n.childForFieldName('body')!);
    if (scope.cells.has('__class__')) {
      this.emit(Op.LOAD_CLOSURE, this.derefIdx('__class__'));
      this.emit(Op.STORE_NAME, this.nameIdx('__classcell__'));
    }
    this.emit(Op.LOAD_LOCALS, 0);
    this.emit(Op.RETURN_VALUE, 0);
    const fco = this.finish();
    this.u = outer;
    this.curLine = savedLine;
    let flags = 0;
    if (fco.freevars.length > 0) {
      for (const f of fco.freevars) this.emit(Op.LOAD_CLOSURE, this.derefIdx(f));
      this.emit(Op.BUILD_TUPLE, fco.freevars.length);
      flags |= 8;
    }
    this.emit(Op.LOAD_CONST, this.constIdx(fco));
    this.emit(Op.MAKE_FUNCTION, flags);
    this.emit(Op.LOAD_CONST, this.constIdx(name));
    const sup = n.childForFieldName('superclasses');
    if (sup !== null) {
      const args = named(sup);
      const kw = args.filter((a) => a.type === 'keyword_argument');
      if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return this.unsupported('class bases or keywords unpacked with * or **', n);
      const positional = args.filter((a) => a.type !== 'keyword_argument');
      for (const a of positional) this.expr(a);
      for (const k of kw) this.expr(k.childForFieldName('value')!);
      if (kw.length === 0) this.emit(Op.CALL, 2 + positional.length);
      else {
        // `metaclass=` picks the metaclass; the other keywords go to it and to __init_subclass__.
        this.emit(Op.LOAD_CONST, this.constIdx(new KwNames(kw.map((k) => k.childForFieldName('name')!.text))));
        this.emit(Op.CALL_KW, 2 + positional.length + kw.length);
      }
    } else this.emit(Op.CALL, 2);
    for (let i = 0; i < decorators.length; i++) this.emit(Op.CALL, 1);
    this.store(name);
  }

  // --- expressions
  private unwrapSplat: SyntaxNode | null = null;
  /** Compiles the operand of a starred item, `*x` or tree-sitter's misparse of `*f(x)` / `*a.b`. */
  private starredInner(k: SyntaxNode): void {
    if (k.type === 'list_splat') return this.expr(named(k)[0]!);
    const saved = this.unwrapSplat;
    this.unwrapSplat = splatOf(k);
    this.expr(k);
    this.unwrapSplat = saved;
  }
  exprList(kids: SyntaxNode[]): void {
    if (kids.some((k) => splatOf(k) !== null)) {
      this.starredSequence(kids);
      this.emit(Op.LIST_TO_TUPLE, 0);
    } else {
      for (const k of kids) this.expr(k);
      this.emit(Op.BUILD_TUPLE, kids.length);
    }
  }
  /** Builds a list from items some of which are `*x`. */
  private starredSequence(kids: SyntaxNode[]): void {
    this.emit(Op.BUILD_LIST, 0);
    for (const k of kids) {
      if (splatOf(k) !== null) {
        this.starredInner(k);
        this.emit(Op.LIST_EXTEND, 1);
      } else {
        this.expr(k);
        this.emit(Op.LIST_APPEND, 1);
      }
    }
  }

  expr(n: SyntaxNode): void {
    const saved = this.curLine;
    this.curLine = line(n);
    this.exprInner(n);
    this.curLine = saved;
  }
  private exprInner(n: SyntaxNode): void {
    switch (n.type) {
      case 'identifier':
        return this.load(n.text);
      case 'integer':
        return this.integer(n);
      case 'float': {
        const t = n.text.replace(/_/g, '');
        if (/[jJ]$/.test(t)) return this.unsupported('complex numbers', n);
        this.emit(Op.LOAD_CONST, this.constIdx(new PyFloat(parseFloat(t))));
        return;
      }
      case 'true':
        this.emit(Op.LOAD_CONST, this.constIdx(true));
        return;
      case 'false':
        this.emit(Op.LOAD_CONST, this.constIdx(false));
        return;
      case 'none':
        this.emit(Op.LOAD_CONST, this.constIdx(null));
        return;
      case 'ellipsis':
        this.emit(Op.LOAD_CONST, this.constIdx(ELLIPSIS));
        return;
      case 'string':
      case 'concatenated_string':
        return this.string(n);
      case 'parenthesized_expression': {
        const inner = named(n)[0];
        if (inner === undefined) return this.unsupported('empty parentheses', n);
        return this.expr(inner);
      }
      case 'tuple':
      case 'expression_list':
        return this.exprList(named(n));
      case 'list': {
        const kids = named(n);
        if (kids.some((k) => splatOf(k) !== null)) return this.starredSequence(kids);
        for (const k of kids) this.expr(k);
        this.emit(Op.BUILD_LIST, kids.length);
        return;
      }
      case 'set': {
        const kids = named(n);
        if (kids.some((k) => splatOf(k) !== null)) {
          this.emit(Op.BUILD_SET, 0);
          for (const k of kids) {
            if (splatOf(k) !== null) {
              this.starredInner(k);
              this.emit(Op.SET_UPDATE, 1);
            } else {
              this.expr(k);
              this.emit(Op.SET_ADD, 1);
            }
          }
          return;
        }
        for (const k of kids) this.expr(k);
        // A display of 3+ constants is folded (see BUILD_SET): its arg is -(n + 1), so n is unbounded.
        this.emit(Op.BUILD_SET, kids.length > 2 && kids.every(isConstant) ? -(kids.length + 1) : kids.length);
        return;
      }
      case 'dictionary':
        return this.dictDisplay(n);
      case 'binary_operator': {
        const opText = n.childForFieldName('operator')!.text;
        const op = (BIN_OPS as readonly string[]).indexOf(opText);
        if (op < 0) return this.unsupported('operator ' + opText, n);
        this.expr(n.childForFieldName('left')!);
        this.expr(n.childForFieldName('right')!);
        this.emit(Op.BINARY_OP, op);
        return;
      }
      case 'unary_operator': {
        const opText = n.childForFieldName('operator')!.text;
        this.expr(n.childForFieldName('argument')!);
        this.emit(opText === '-' ? Op.UNARY_NEG : opText === '+' ? Op.UNARY_POS : Op.UNARY_INVERT, 0);
        return;
      }
      case 'not_operator':
        this.expr(n.childForFieldName('argument')!);
        this.emit(Op.UNARY_NOT, 0);
        return;
      case 'boolean_operator': {
        const end = this.newLabel();
        const opText = n.childForFieldName('operator')!.text;
        this.expr(n.childForFieldName('left')!);
        this.jump(opText === 'and' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, end);
        this.expr(n.childForFieldName('right')!);
        this.bind(end);
        return;
      }
      case 'comparison_operator':
        return this.comparison(n);
      case 'conditional_expression': {
        const [body, cond, orelse] = named(n);
        const elseL = this.newLabel();
        const end = this.newLabel();
        this.expr(cond!);
        this.jump(Op.POP_JUMP_IF_FALSE, elseL);
        this.expr(body!);
        this.jump(Op.JUMP, end);
        this.bind(elseL);
        this.expr(orelse!);
        this.bind(end);
        return;
      }
      case 'named_expression': {
        this.expr(n.childForFieldName('value')!);
        this.emit(Op.DUP_TOP, 0);
        const name = n.childForFieldName('name')!.text;
        this.store(name);
        return;
      }
      case 'attribute':
        this.expr(n.childForFieldName('object')!);
        this.emit(Op.LOAD_ATTR, this.nameIdx(n.childForFieldName('attribute')!.text));
        return;
      case 'subscript':
        this.expr(n.childForFieldName('value')!);
        this.subscriptKey(n);
        this.emit(Op.BINARY_SUBSCR, 0);
        return;
      case 'call':
        return this.call(n);
      case 'lambda': {
        const params = this.collectParams(n.childForFieldName('parameters'));
        if (params.bad !== null) return this.unsupported('parameter ' + params.bad, n);
        const body = n.childForFieldName('body')!;
        this.makeFunction(n, '<lambda>', params, () => {
          this.expr(body);
          this.emit(Op.RETURN_VALUE, 0);
        });
        return;
      }
      case 'yield': {
        if (this.u.scope.kind !== 'function') return this.syntaxError("'yield' outside function", n);
        const isFrom = n.children.some((c) => c.type === 'from');
        const v = named(n)[0];
        if (isFrom && this.u.scope.isAsync) return this.syntaxError("'yield from' inside async function", n);
        if (isFrom) {
          this.expr(v!);
          this.emit(Op.GET_YIELD_FROM_ITER, 0);
          this.emit(Op.LOAD_CONST, this.constIdx(null));
          const send = this.newLabel();
          const exit = this.newLabel();
          this.bind(send);
          this.jump(Op.SEND, exit);
          this.jump(Op.YIELD_VALUE, exit);
          this.jump(Op.JUMP, send);
          this.bind(exit);
          return;
        }
        if (v !== undefined) this.expr(v);
        else this.emit(Op.LOAD_CONST, this.constIdx(null));
        this.emit(Op.YIELD_VALUE, 0);
        return;
      }
      case 'list_comprehension':
      case 'set_comprehension':
      case 'dictionary_comprehension':
      case 'generator_expression':
        return this.comprehension(n);
      case 'await':
        // Where `await` may appear is the symbol table's to say (SymbolBuilder): here it is allowed.
        this.expr(named(n)[0]!);
        this.emit(Op.GET_AWAITABLE, 0);
        this.awaitLoop();
        return;
      case 'keyword_argument':
      case 'list_splat':
        // tree-sitter reads `*f(x)` as a call of `*f`: the star applies to the whole expression.
        if (n === this.unwrapSplat) return this.expr(named(n)[0]!);
        return this.unsupported('starred expression here', n);
      case 'dictionary_splat':
        return this.unsupported('starred expression here', n);
      case 'slice':
        return this.slice(n);
      default:
        return this.unsupported(n.type.replace(/_/g, ' '), n);
    }
  }

  private integer(n: SyntaxNode): void {
    let t = n.text.replace(/_/g, '').toLowerCase();
    if (t.endsWith('j')) return this.unsupported('complex numbers', n);
    if (t.endsWith('l')) t = t.slice(0, -1);
    let v: bigint;
    if (/^0[xob]/.test(t)) v = BigInt(t);
    else if (/^0+$/.test(t)) v = 0n;
    else v = BigInt(t.replace(/^0+/, ''));
    this.emit(Op.LOAD_CONST, this.constIdx(normInt(v)));
  }

  private subscriptKey(n: SyntaxNode): void {
    const subs = n.childrenForFieldName('subscript');
    // `a[*b]`, `a[0, *b]` (PEP 646): the index is the tuple the starred items make, as in a tuple display.
    if (subs.some((s) => splatOf(s) !== null)) return this.exprList(subs);
    // `d[1,]` subscripts with a one-tuple: a trailing comma makes the key a tuple.
    if (subs.length === 1 && !n.children.some((c) => c.type === ',')) this.expr(subs[0]!);
    else {
      for (const s of subs) this.expr(s);
      this.emit(Op.BUILD_TUPLE, subs.length);
    }
  }
  private slice(n: SyntaxNode): void {
    // Children in order, with ':' separators telling which parts are present.
    const parts: (SyntaxNode | null)[] = [null, null, null];
    let idx = 0;
    for (const c of n.children) {
      if (c.type === ':') idx++;
      else if (c.isNamed && c.type !== 'comment') parts[idx] = c;
    }
    for (const p of parts) {
      if (p === null) this.emit(Op.LOAD_CONST, this.constIdx(null));
      else this.expr(p);
    }
    this.emit(Op.BUILD_SLICE, 3);
  }

  private comparison(n: SyntaxNode): void {
    const operands: SyntaxNode[] = [];
    const ops: string[] = [];
    for (let i = 0; i < n.childCount; i++) {
      const c = n.child(i)!;
      if (n.fieldNameForChild(i) === 'operators') ops.push(c.type === 'not in' || c.type === 'is not' ? c.type : c.text.replace(/\s+/g, ' '));
      else if (c.isNamed && c.type !== 'comment') operands.push(c);
    }
    const opIndex = (o: string): number => {
      const i = (CMP_OPS as readonly string[]).indexOf(o === '<>' ? '!=' : o);
      if (i < 0) throw new CompileError('comparison ' + o, line(n));
      return i;
    };
    this.expr(operands[0]!);
    if (ops.length === 1) {
      this.expr(operands[1]!);
      this.emit(Op.COMPARE_OP, opIndex(ops[0]!));
      return;
    }
    const cleanup = this.newLabel();
    const end = this.newLabel();
    for (let i = 0; i < ops.length; i++) {
      this.expr(operands[i + 1]!);
      if (i < ops.length - 1) {
        this.emit(Op.DUP_TOP, 0);
        this.emit(Op.ROT_THREE, 0);
        this.emit(Op.COMPARE_OP, opIndex(ops[i]!));
        this.jump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
      } else this.emit(Op.COMPARE_OP, opIndex(ops[i]!));
    }
    this.jump(Op.JUMP, end);
    this.bind(cleanup);
    this.emit(Op.ROT_TWO, 0);
    this.emit(Op.POP_TOP, 0);
    this.bind(end);
  }

  /**
   * A dict display as CPython 3.13's compiler_dict emits it: runs of key/value pairs are all evaluated before
   * the map is built (BUILD_MAP n, so a key is hashed only after every pair of its run is evaluated); a run
   * longer than the stack-use guideline is built pair by pair, and `**` splats are merged in order.
   */
  private dictDisplay(n: SyntaxNode): void {
    const kids = named(n).filter((k) => k.type !== 'comment');
    for (const k of kids) if (k.type !== 'pair' && k.type !== 'dictionary_splat') return this.unsupported('dictionary item ' + k.type, k);
    const STACK_USE_GUIDELINE = 30;
    let haveDict = false;
    let elements = 0;
    const subdict = (begin: number, end: number): void => {
      const big = (end - begin) * 2 > STACK_USE_GUIDELINE;
      if (big) this.emit(Op.BUILD_MAP, 0);
      for (let i = begin; i < end; i++) {
        this.expr(kids[i]!.childForFieldName('key')!);
        this.expr(kids[i]!.childForFieldName('value')!);
        if (big) this.emit(Op.MAP_ADD, 1);
      }
      if (!big) this.emit(Op.BUILD_MAP, end - begin);
      if (haveDict) this.emit(Op.DICT_UPDATE, 1);
      haveDict = true;
    };
    kids.forEach((k, i) => {
      if (k.type === 'dictionary_splat') {
        if (elements > 0) subdict(i - elements, i);
        elements = 0;
        if (!haveDict) this.emit(Op.BUILD_MAP, 0);
        haveDict = true;
        this.expr(named(k)[0]!);
        this.emit(Op.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        subdict(i - elements, i + 1);
        elements = 0;
      } else elements++;
    });
    if (elements > 0) subdict(kids.length - elements, kids.length);
    if (!haveDict) this.emit(Op.BUILD_MAP, 0);
  }

  private call(n: SyntaxNode): void {
    const fn = n.childForFieldName('function')!;
    const argsNode = n.childForFieldName('arguments')!;
    let args: SyntaxNode[];
    if (argsNode.type === 'generator_expression') args = [argsNode];
    else args = named(argsNode);
    const hasStar = args.some((a) => splatOf(a) !== null || a.type === 'dictionary_splat');
    const kwargs = args.filter((a) => a.type === 'keyword_argument');
    const callLine = line(n);
    if (!hasStar && kwargs.length === 0 && fn.type === 'attribute') {
      this.expr(fn.childForFieldName('object')!);
      this.emit(Op.LOAD_METHOD, this.nameIdx(fn.childForFieldName('attribute')!.text));
      for (const a of args) this.expr(a);
      this.curLine = callLine;
      this.emit(Op.CALL_METHOD, args.length);
      return;
    }
    this.expr(fn);
    if (!hasStar) {
      const pos = args.filter((a) => a.type !== 'keyword_argument');
      for (const a of pos) this.expr(a);
      for (const k of kwargs) this.expr(k.childForFieldName('value')!);
      this.curLine = callLine;
      if (kwargs.length === 0) this.emit(Op.CALL, pos.length);
      else {
        const names = kwargs.map((k) => k.childForFieldName('name')!.text);
        this.emit(Op.LOAD_CONST, this.constIdx(new KwNames(names)));
        this.emit(Op.CALL_KW, pos.length + kwargs.length);
      }
      return;
    }
    // General form: build a positional list and a keyword dict.
    this.emit(Op.BUILD_LIST, 0);
    for (const a of args) {
      if (splatOf(a) !== null) {
        this.starredInner(a);
        this.emit(Op.LIST_EXTEND, 1);
      } else if (a.type !== 'keyword_argument' && a.type !== 'dictionary_splat') {
        this.expr(a);
        this.emit(Op.LIST_APPEND, 1);
      }
    }
    this.emit(Op.BUILD_MAP, 0);
    for (const a of args) {
      if (a.type === 'keyword_argument') {
        this.emit(Op.LOAD_CONST, this.constIdx(a.childForFieldName('name')!.text));
        this.expr(a.childForFieldName('value')!);
        this.emit(Op.MAP_ADD, 1);
      } else if (a.type === 'dictionary_splat') {
        this.expr(named(a)[0]!);
        this.emit(Op.DICT_UPDATE, 1);
      }
    }
    this.curLine = callLine;
    this.emit(Op.CALL_EX, 0);
  }

  private comprehension(n: SyntaxNode): void {
    const scope = this.scopes.get(n);
    const clauses = named(n).filter((c) => c.type === 'for_in_clause' || c.type === 'if_clause');
    const body = n.childForFieldName('body')!;
    const kind = n.type;
    const isAsyncClause = (cl: SyntaxNode): boolean => cl.children.some((x) => x.type === 'async');
    const name = kind === 'generator_expression' ? '<genexpr>' : kind === 'list_comprehension' ? '<listcomp>' :
      kind === 'set_comprehension' ? '<setcomp>' : '<dictcomp>';
    const first = clauses[0]!;
    const params = { pos: ['.0'], kwonly: [], star: null, dstar: null, defaults: [], kwdefaults: [], bad: null };
    this.makeFunction(n, name, params, () => {
      this.curLine = line(n);
      this.u.co.doc = docstring(body);
      if (kind === 'list_comprehension') this.emit(Op.BUILD_LIST, 0);
      else if (kind === 'set_comprehension') this.emit(Op.BUILD_SET, 0);
      else if (kind === 'dictionary_comprehension') this.emit(Op.BUILD_MAP, 0);
      let depth = 0;
      const ends: { start: number; exit: number; isAsync: boolean }[] = [];
      const loopStart = (): number => ends.length > 0 ? ends[ends.length - 1]!.start : -1;
      for (const cl of clauses) {
        if (cl.type === 'for_in_clause') {
          const start = this.newLabel();
          const exit = this.newLabel();
          const isAsync = isAsyncClause(cl);
          if (cl === first) this.emit(Op.LOAD_FAST, this.varIdx('.0'));
          else {
            this.expr(cl.childForFieldName('right')!);
            this.emit(isAsync ? Op.GET_AITER : Op.GET_ITER, 0);
          }
          this.bind(start);
          if (isAsync) {
            // As an `async for` statement: the exit is the StopAsyncIteration handler.
            this.jump(Op.SETUP_FINALLY, exit);
            this.emit(Op.GET_ANEXT, 0);
            this.awaitLoop();
            this.emit(Op.POP_BLOCK, 0);
          } else this.jump(Op.FOR_ITER, exit);
          this.storeTarget(cl.childForFieldName('left')!);
          ends.push({ start, exit, isAsync });
          depth++;
        } else {
          this.expr(named(cl)[0]!);
          // Jumping to the innermost loop's start re-runs FOR_ITER: exactly `continue`.
          this.jump(Op.POP_JUMP_IF_FALSE, loopStart());
        }
      }
      this.curLine = line(body);
      if (kind === 'generator_expression') {
        this.expr(body);
        this.emit(Op.YIELD_VALUE, 0);
        this.emit(Op.POP_TOP, 0);
      } else if (kind === 'dictionary_comprehension') {
        this.expr(body.childForFieldName('key')!);
        this.expr(body.childForFieldName('value')!);
        this.emit(Op.MAP_ADD, depth + 1);
      } else {
        this.expr(body);
        this.emit(kind === 'list_comprehension' ? Op.LIST_APPEND : Op.SET_ADD, depth + 1);
      }
      for (let i = ends.length - 1; i >= 0; i--) {
        this.jump(Op.JUMP, ends[i]!.start);
        this.bind(ends[i]!.exit);
        if (ends[i]!.isAsync) this.emit(Op.END_ASYNC_FOR, 0);
      }
      if (kind === 'generator_expression') this.emit(Op.RETURN_VALUE, 1);
      else this.emit(Op.RETURN_VALUE, 0);
    });
    this.expr(first.childForFieldName('right')!);
    this.emit(isAsyncClause(first) ? Op.GET_AITER : Op.GET_ITER, 0);
    this.curLine = line(n);
    this.emit(Op.CALL, 1);
    // An async list, set or dict comprehension is a coroutine here (CPython runs it inline): await it.
    if (scope.isCoroutine && kind !== 'generator_expression') {
      this.emit(Op.GET_AWAITABLE, 0);
      this.awaitLoop();
    }
  }

  // --- strings
  private string(n: SyntaxNode): void {
    const parts = n.type === 'concatenated_string' ? named(n).filter((c) => c.type === 'string') : [n];
    const pieces: (string | SyntaxNode)[] = [];
    let isBytes = false;
    for (const p of parts) {
      const start = p.children[0]!;
      const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
      if (prefix.includes('b')) isBytes = true;
      const raw = prefix.includes('r');
      const isF = prefix.includes('f');
      if (prefix.includes('t')) return this.unsupported('template strings', n);
      for (const c of p.children.slice(1, -1)) {
        if (c.type === 'interpolation') {
          if (!isF) pieces.push(c.text);
          else pieces.push(c);
        } else {
          let text = c.text;
          if (c.type === 'string_content' || c.type === 'escape_sequence') {
            text = raw ? text : decodeEscapes(text);
            if (isF) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
          }
          pieces.push(text);
        }
      }
    }
    if (isBytes) return this.bytesLiteral(n, parts);
    // Merge adjacent literal pieces.
    const merged: (string | SyntaxNode)[] = [];
    for (const p of pieces) {
      const last = merged[merged.length - 1];
      if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
      else merged.push(p);
    }
    if (merged.length === 0) merged.push('');
    if (merged.length === 1 && typeof merged[0] === 'string') {
      this.emit(Op.LOAD_CONST, this.constIdx(merged[0]));
      return;
    }
    for (const p of merged) {
      if (typeof p === 'string') this.emit(Op.LOAD_CONST, this.constIdx(p));
      else this.interpolation(p);
    }
    this.emit(Op.BUILD_STRING, merged.length);
  }
  /** b'...' (and its implicit concatenations): escapes as bytes literals have them, ASCII only. */
  private bytesLiteral(n: SyntaxNode, parts: SyntaxNode[]): void {
    const out: number[] = [];
    for (const p of parts) {
      const prefix = p.children[0]!.text.replace(/['"]+$/, '').toLowerCase();
      if (!prefix.includes('b')) return this.syntaxError('cannot mix bytes and nonbytes literals', n);
      const raw = prefix.includes('r');
      const body = p.children.slice(1, -1).map((c) => c.text).join('');
      if (/[^\x00-\x7f]/.test(body)) return this.syntaxError('bytes can only contain ASCII literal characters', p);
      const decoded = raw ? body : decodeBytesEscapes(body);
      if (decoded === null) return this.unsupported('an invalid escape in a bytes literal', p);
      for (let i = 0; i < decoded.length; i++) out.push(decoded.charCodeAt(i));
    }
    this.emit(Op.LOAD_CONST, this.constIdx(new PyBytes(Uint8Array.from(out))));
  }
  private interpolation(n: SyntaxNode): void {
    const e = n.childForFieldName('expression')!;
    const conv = n.childForFieldName('type_conversion');
    const spec = n.childForFieldName('format_specifier');
    // `f"{x=}"` prints the expression text too.
    const eqSign = n.children.some((c) => c.type === '=');
    if (eqSign) {
      const stopAt = conv ?? spec ?? n.children[n.children.length - 1]!;
      const text = this.source.slice(n.startIndex + 1, stopAt.startIndex);
      this.emit(Op.LOAD_CONST, this.constIdx(text));
    }
    this.expr(e);
    let flags = 0;
    if (conv !== null) flags = conv.text === '!s' ? 1 : conv.text === '!r' ? 2 : 3;
    else if (eqSign && spec === null) flags = 2;
    if (spec !== null) {
      // The spec's literal text is not a child node: slice it out around the nested {expressions}.
      const specParts: (string | SyntaxNode)[] = [];
      let pos = spec.startIndex + 1;
      for (const c of spec.children) {
        if (c.type !== 'format_expression') continue;
        if (c.startIndex > pos) specParts.push(this.source.slice(pos, c.startIndex));
        specParts.push(c);
        pos = c.endIndex;
      }
      if (spec.endIndex > pos) specParts.push(this.source.slice(pos, spec.endIndex));
      if (specParts.length === 0) this.emit(Op.LOAD_CONST, this.constIdx(''));
      for (const p of specParts) {
        if (typeof p === 'string') this.emit(Op.LOAD_CONST, this.constIdx(p));
        else {
          const inner = p.childForFieldName('expression') ?? named(p)[0]!;
          this.expr(inner);
          this.emit(Op.FORMAT_VALUE, 0);
        }
      }
      if (specParts.length > 1) this.emit(Op.BUILD_STRING, specParts.length);
      flags |= 4;
    }
    this.emit(Op.FORMAT_VALUE, flags);
    if (eqSign) this.emit(Op.BUILD_STRING, 2);
  }
}

/** The context manager expression of a `with` item and its `as` target, if any. */
function withItemParts(item: SyntaxNode): { value: SyntaxNode; target: SyntaxNode | null } {
  const value = item.childForFieldName('value')!;
  if (value.type !== 'as_pattern') return { value, target: null };
  const alias = value.childForFieldName('alias');
  return { value: named(value)[0]!, target: alias ? (named(alias)[0] ?? null) : null };
}

/** Whether a module or class body has an annotated assignment of its own (SETUP_ANNOTATIONS): nested blocks count, nested scopes do not. */
function hasAnnotatedAssignment(body: SyntaxNode): boolean {
  for (const c of named(body)) {
    if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'decorated_definition') continue;
    if (c.type === 'expression_statement' && named(c).some((e) => e.type === 'assignment' && e.childForFieldName('type') !== null)) return true;
    if (c.type !== 'expression_statement' && hasAnnotatedAssignment(c)) return true;
  }
  return false;
}

/** A def's annotations: (parameter name or 'return', annotation node), in CPython's order. */
function functionAnnotations(node: SyntaxNode): [string, SyntaxNode][] {
  if (node.type !== 'function_definition') return [];
  const out: [string, SyntaxNode][] = [];
  const parameters = node.childForFieldName('parameters');
  for (const p of parameters === null ? [] : named(parameters)) {
    const type = p.childForFieldName('type');
    if (type === null) continue;
    if (p.type === 'typed_default_parameter') out.push([p.childForFieldName('name')!.text, type]);
    else if (p.type === 'typed_parameter') {
      const inner = named(p)[0]!;
      out.push([inner.type === 'identifier' ? inner.text : named(inner)[0]!.text, type]);
    }
  }
  const returns = node.childForFieldName('return_type');
  if (returns !== null) out.push(['return', returns]);
  return out;
}

/** A bytes literal's escapes (\\xhh, octal, \\n and the other one-letter ones, line continuations); null for \\x without two hex digits. */
function decodeBytesEscapes(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const e = text[++i]!;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '\n': '' };
    if (e in simple) out += simple[e];
    else if (e === 'x') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else if (/[0-7]/.test(e)) {
      let digits = e;
      while (digits.length < 3 && /[0-7]/.test(text[i + 1] ?? '')) digits += text[++i];
      if (parseInt(digits, 8) > 0xff) return null;
      out += String.fromCharCode(parseInt(digits, 8));
    } else out += '\\' + e;
  }
  return out;
}

function docstring(body: SyntaxNode): string | null {
  const first = named(body)[0];
  if (first === undefined || first.type !== 'expression_statement') return null;
  const e = named(first)[0];
  if (e === undefined || e.type !== 'string' || named(first).length !== 1) return null;
  const start = e.children[0]!;
  const prefix = start.text.replace(/['"]+$/, '').toLowerCase();
  if (prefix.includes('f') || prefix.includes('b')) return null;
  let text = e.children.slice(1, -1).map((c) => c.text).join('');
  if (!prefix.includes('r')) text = decodeEscapes(text);
  return cleanDoc(text);
}
/** CPython 3.13 strips the common leading indentation of docstrings at compile time. */
function cleanDoc(doc: string): string {
  const lines = doc.split('\n');
  let margin = Infinity;
  for (const l of lines.slice(1)) {
    const stripped = l.replace(/^ +/, '');
    if (stripped.length > 0) margin = Math.min(margin, l.length - stripped.length);
  }
  if (margin === Infinity) margin = 0;
  const out = [lines[0]!.replace(/^ +/, ''), ...lines.slice(1).map((l) => l.slice(Math.min(margin, l.length - l.replace(/^ +/, '').length)))];
  return out.join('\n');
}

/** Literals CPython's compiler folds into constants (for set displays). */
function isConstant(n: SyntaxNode): boolean {
  switch (n.type) {
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
      return true;
    case 'string':
      return !n.children.some((c) => c.type === 'interpolation');
    case 'unary_operator': {
      // fold_unaryop: -, + and ~ of a numeric constant, itself possibly folded (-(2**64)).
      const argument = n.childForFieldName('argument');
      const op = n.childForFieldName('operator')?.text ?? '';
      if (argument === null || !['-', '+', '~'].includes(op) || !isConstant(argument)) return false;
      const inner = argument.type === 'parenthesized_expression' ? named(argument)[0] : argument;
      if (inner === undefined || inner.type === 'string' || inner.type === 'tuple') return false;
      // ~ of a float raises, and of a bool warns: CPython does not fold those.
      return op !== '~' || inner.type === 'integer';
    }
    case 'parenthesized_expression':
      return named(n).length === 1 && isConstant(named(n)[0]!);
    case 'binary_operator': {
      // The AST optimizer folds arithmetic on numeric constants (small results only, e.g. 2**62).
      const l = n.childForFieldName('left');
      const r = n.childForFieldName('right');
      const op = n.childForFieldName('operator')?.text ?? '';
      if (l === null || r === null || !isConstant(l) || !isConstant(r)) return false;
      if (l.type === 'string' || r.type === 'string' || l.type === 'tuple' || r.type === 'tuple') return false;
      if (op === '**') return r.type === 'integer' && Number(r.text) <= 64;
      return ['+', '-', '*', '/', '//', '%', '<<', '>>', '&', '|', '^'].includes(op) && (op !== '<<' || Number(r.text) <= 64);
    }
    case 'tuple':
      return named(n).every(isConstant);
    default:
      return false;
  }
}

/** The list_splat that makes `k` a starred item (directly, or at the head of a misparsed call chain). */
function splatOf(k: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = k;
  while (n !== null) {
    if (n.type === 'list_splat') return n;
    if (n.type === 'call') n = n.childForFieldName('function');
    else if (n.type === 'attribute') n = n.childForFieldName('object');
    else if (n.type === 'subscript') n = n.childForFieldName('value');
    else return null;
  }
  return null;
}

/** Keyword names of a CALL_KW, kept as a constant. */
export class KwNames {
  constructor(public readonly names: string[]) {}
}

export function decodeEscapes(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|[\s\S])/g, (m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '\\': return '\\';
      case "'": return "'";
      case '"': return '"';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'v': return '\v';
      case '\n': return '';
      case 'x':
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
        return m;
    }
  });
}
