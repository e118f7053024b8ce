// The `match` statement (PEP 634), compiled as CPython 3.13 compiles it: the subject stays on the stack
// while each case's pattern is tried against a copy of it; a pattern consumes its subject and jumps to
// a failure label at the stack height it failed at, where the items above the case's own are popped.
// Captured values go into a per-case list (one slot per name), bound only once the whole pattern
// matched and before the guard, as CPython binds them. Value and class names are looked up lazily,
// when the matching reaches them. CPython's compile-time SyntaxErrors for patterns are raised here.

import type { SyntaxNode } from '../parser.js';
import { Op } from './opcodes.js';
import { PyTuple } from './values.js';

/** What the pattern compiler needs of the compiler (its emission helpers). */
export interface PatternEmitter {
  curLine: number;
  emit(op: Op, arg: number): number;
  jump(op: Op, label: number): void;
  newLabel(): number;
  bind(label: number): void;
  constIdx(v: unknown): number;
  nameIdx(name: string): number;
  load(name: string): void;
  store(name: string): void;
  expr(n: SyntaxNode): void;
  body(n: SyntaxNode): void;
  syntaxError(message: string, n: SyntaxNode): void;
  unsupported(feature: string, n: SyntaxNode): void;
}

const named = (n: SyntaxNode): SyntaxNode[] => n.namedChildren.filter((c) => c.type !== 'comment');
const line = (n: SyntaxNode): number => n.startPosition.row + 1;

/** A compile-time error in a pattern: CPython's SyntaxError, or a construct the runtime refuses. */
class PatternError extends Error {
  constructor(readonly node: SyntaxNode, message: string, readonly refused = false) {
    super(message);
  }
}

/** Where failing jumps of one pattern context go: stack height → the labels that fail there. */
interface FailContext {
  base: number;
  sites: Map<number, number[]>;
}

/** The state of one case: the stack height above the match's base, and the capture slots by name. */
interface CaseState {
  height: number;
  slots: Map<string, number>;
  /** Names bound so far by the alternative being compiled (for "multiple assignments"). */
  bound: Set<string>[];
}

/** Sorts patterns out of the tree-sitter shapes: `case_pattern` wraps most; a group is a one-item tuple without a comma. */
function unwrap(n: SyntaxNode): SyntaxNode {
  let node = n;
  for (;;) {
    if (node.type === 'case_pattern' && named(node).length === 1) node = named(node)[0]!;
    else if (node.type === 'tuple_pattern' && named(node).length === 1 && !node.children.some((c) => c.type === ',')) node = named(node)[0]!;
    else return node;
  }
}

function isWildcard(n: SyntaxNode): boolean {
  return n.type === 'case_pattern' && named(n).length === 0;
}

/** A capture pattern's name (`x`, not `x.y`), or null. */
function captureName(n: SyntaxNode): string | null {
  const node = unwrap(n);
  if (node.type === 'dotted_name' && named(node).length === 1) return node.text;
  return null;
}

function isIrrefutable(n: SyntaxNode): boolean {
  const node = unwrap(n);
  if (isWildcard(node) || captureName(node) !== null) return true;
  if (node.type === 'as_pattern') return isIrrefutable(named(node)[0]!);
  if (node.type === 'union_pattern') return named(node).some(isIrrefutable);
  return false;
}

function unreachableMessage(n: SyntaxNode): string {
  const name = captureName(n);
  return name === null ? 'wildcard makes remaining patterns unreachable' : `name capture '${name}' makes remaining patterns unreachable`;
}

/** The names a pattern binds, in CPython's order of first appearance. */
function boundNames(n: SyntaxNode, out: string[] = []): string[] {
  const node = unwrap(n);
  const name = captureName(node);
  if (name !== null) {
    out.push(name);
    return out;
  }
  switch (node.type) {
    case 'as_pattern':
      boundNames(named(node)[0]!, out);
      out.push(named(node)[1]!.text);
      break;
    case 'union_pattern':
      boundNames(named(node)[0]!, out);
      break;
    case 'splat_pattern': {
      const id = named(node)[0];
      if (id !== undefined && id.text !== '_') out.push(id.text);
      break;
    }
    case 'list_pattern':
    case 'tuple_pattern':
      for (const c of named(node)) boundNames(c, out);
      break;
    case 'dict_pattern':
      for (const c of node.children) {
        if (c.type === 'case_pattern' || c.type === 'splat_pattern') boundNames(c, out);
      }
      break;
    case 'class_pattern':
      for (const c of named(node).slice(1)) {
        const inner = unwrap(c);
        if (inner.type === 'keyword_pattern') boundNames(named(inner)[1]!, out);
        else boundNames(c, out);
      }
      break;
    case 'keyword_pattern':
      boundNames(named(node)[1]!, out);
      break;
    default:
      break;
  }
  return out;
}

/** The symbol table's view: every name a case's pattern binds is a local of the scope. */
export function patternDefs(pattern: SyntaxNode): string[] {
  return boundNames(pattern);
}

/** The value/class expressions a pattern reads (dotted names with a dot, class names): uses of the scope. */
export function patternUses(pattern: SyntaxNode, out: string[] = []): string[] {
  const node = unwrap(pattern);
  if (node.type === 'dotted_name') {
    if (named(node).length > 1) out.push(named(node)[0]!.text);
    return out;
  }
  if (node.type === 'class_pattern') {
    out.push(named(named(node)[0]!)[0]!.text);
    for (const c of named(node).slice(1)) patternUses(c, out);
    return out;
  }
  if (node.type === 'keyword_pattern') return patternUses(named(node)[1]!, out);
  if (node.type === 'dict_pattern') {
    for (const c of node.children) {
      if (c.type === 'dotted_name' && named(c).length > 1) out.push(named(c)[0]!.text);
      else if (c.type === 'case_pattern') patternUses(c, out);
    }
    return out;
  }
  for (const c of named(node)) if (c.type !== 'identifier') patternUses(c, out);
  return out;
}

export function compileMatch(c: PatternEmitter, n: SyntaxNode): void {
  try {
    checkCases(n);
    emitMatch(c, n);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    if (error.refused) c.unsupported(error.message, error.node);
    else c.syntaxError(error.message, error.node);
  }
}

function casesOf(n: SyntaxNode): SyntaxNode[] {
  const body = n.childForFieldName('body') ?? n;
  return named(body).filter((child) => child.type === 'case_clause');
}

function patternOf(clause: SyntaxNode): SyntaxNode {
  const patterns = named(clause).filter((child) => child.type === 'case_pattern');
  // `case a, b:` is an open sequence pattern: several case_patterns directly in the clause.
  if (patterns.length !== 1) throw new PatternError(clause, 'open sequence pattern', true);
  return patterns[0]!;
}

/** The SyntaxErrors CPython's compiler raises before running anything. */
function checkCases(n: SyntaxNode): void {
  const cases = casesOf(n);
  cases.forEach((clause, index) => {
    const pattern = patternOf(clause);
    const guarded = clause.childForFieldName('guard') !== null;
    if (index < cases.length - 1 && !guarded && isIrrefutable(pattern)) throw new PatternError(pattern, unreachableMessage(unwrap(pattern)));
    checkPattern(pattern);
  });
}

function checkPattern(n: SyntaxNode): void {
  const node = unwrap(n);
  switch (node.type) {
    case 'union_pattern': {
      const alternatives = named(node);
      const first = [...boundNames(alternatives[0]!)].sort().join(',');
      alternatives.forEach((alternative, index) => {
        if (index < alternatives.length - 1 && isIrrefutable(alternative)) throw new PatternError(alternative, unreachableMessage(unwrap(alternative)));
        if ([...boundNames(alternative)].sort().join(',') !== first) throw new PatternError(alternative, 'alternative patterns bind different names');
        checkPattern(alternative);
      });
      break;
    }
    case 'as_pattern': {
      const target = named(node)[1]!;
      if (target.text === '_') throw new PatternError(target, "cannot use '_' as a target");
      checkPattern(named(node)[0]!);
      break;
    }
    case 'list_pattern':
    case 'tuple_pattern': {
      const items = named(node);
      if (items.filter((item) => unwrap(item).type === 'splat_pattern').length > 1) throw new PatternError(node, 'multiple starred names in sequence pattern');
      items.forEach(checkPattern);
      break;
    }
    case 'dict_pattern': {
      const seen = new Set<string>();
      for (const child of node.children) {
        if (child.type === 'case_pattern') checkPattern(child);
        else if (child.type === 'splat_pattern' && child.text.replace(/\s/g, '') === '**_') throw new PatternError(child, 'invalid syntax');
        else if (child.type !== '{' && child.type !== '}' && child.type !== ':' && child.type !== ',' && child.type !== 'splat_pattern' && child.type !== 'dotted_name') {
          const key = literalKey(child);
          if (key !== null) {
            if (seen.has(key.text)) throw new PatternError(child, `mapping pattern checks duplicate key (${key.repr})`);
            seen.add(key.text);
          }
        }
      }
      break;
    }
    case 'class_pattern': {
      const args = named(node).slice(1);
      let keyword = false;
      const attributes = new Set<string>();
      for (const arg of args) {
        const inner = unwrap(arg);
        if (inner.type === 'keyword_pattern') {
          keyword = true;
          const attribute = named(inner)[0]!.text;
          if (attributes.has(attribute)) throw new PatternError(inner, `attribute name repeated in class pattern: ${attribute}`);
          attributes.add(attribute);
          checkPattern(named(inner)[1]!);
        } else {
          if (keyword) throw new PatternError(arg, 'positional patterns follow keyword patterns');
          checkPattern(arg);
        }
      }
      break;
    }
    case 'string':
    case 'concatenated_string':
      if (stringParts(node).some((part) => /^[a-zA-Z]*[fF]/.test(part.text))) throw new PatternError(node, 'patterns may only match literals and attribute lookups');
      break;
    case 'complex_pattern':
      throw new PatternError(node, 'complex numbers', true);
    default:
      break;
  }
  // Names bound twice in one pattern (an or-pattern's alternatives bind the same ones: counted once).
  const names = boundNames(n);
  const dup = names.find((name, index) => names.indexOf(name) !== index);
  if (dup !== undefined) throw new PatternError(n, `multiple assignments to name '${dup}' in pattern`);
}

function isNegated(n: SyntaxNode): boolean {
  return n.previousSibling?.type === '-';
}

function stringParts(n: SyntaxNode): SyntaxNode[] {
  return n.type === 'concatenated_string' ? named(n) : [n];
}

/** A literal mapping key's identity and repr for the duplicate-key check (numbers, plain strings, None, True, False). */
function literalKey(n: SyntaxNode): { text: string; repr: string } | null {
  switch (n.type) {
    case 'integer':
    case 'float': {
      const value = Number(n.text.replace(/_/g, ''));
      const signed = isNegated(n) ? -value : value;
      return Number.isFinite(value) && !/[jJxXoObB]/.test(n.text) ? { text: `n${signed}`, repr: String(signed) } : null;
    }
    case 'none':
    case 'true':
    case 'false':
      return { text: n.type, repr: n.type === 'none' ? 'None' : n.type === 'true' ? 'True' : 'False' };
    case 'string': {
      if (named(n).some((child) => child.type === 'interpolation' || child.type === 'escape_sequence')) return null;
      if (/^[a-zA-Z]*[bB]/.test(n.text)) return null;
      const content = named(n).filter((child) => child.type === 'string_content').map((child) => child.text).join('');
      return { text: `s${content}`, repr: `'${content}'` };
    }
    default:
      return null;
  }
}

function emitMatch(c: PatternEmitter, n: SyntaxNode): void {
  const subject = n.childForFieldName('subject');
  if (subject === null) throw new PatternError(n, 'match without a subject', true);
  c.curLine = line(n);
  c.expr(subject);
  const end = c.newLabel();
  for (const clause of casesOf(n)) {
    const pattern = patternOf(clause);
    c.curLine = line(clause);
    const names = boundNames(pattern);
    const state: CaseState = { height: 1, slots: new Map(names.map((name, index) => [name, index])), bound: [new Set()] };
    const fail: FailContext = { base: 1, sites: new Map() };
    const nextCase = c.newLabel();
    // [subject] → [subject, slots, subject]
    for (let i = 0; i < names.length; i++) c.emit(Op.LOAD_CONST, c.constIdx(null));
    c.emit(Op.BUILD_LIST, names.length);
    c.emit(Op.COPY, 2);
    state.height = 3;
    emitPattern(c, pattern, state, fail);
    // Matched: [subject, slots] → bind the names, in order.
    c.emit(Op.UNPACK_SEQUENCE, names.length);
    for (const name of names) c.store(name);
    const guard = clause.childForFieldName('guard');
    if (guard !== null) {
      const test = named(guard)[0]!;
      c.curLine = line(test);
      c.expr(test);
      c.jump(Op.POP_JUMP_IF_FALSE, nextCase);
    }
    c.emit(Op.POP_TOP, 0);
    const consequence = clause.childForFieldName('consequence');
    if (consequence !== null) c.body(consequence);
    c.jump(Op.JUMP, end);
    emitFailures(c, fail, 2, nextCase);
    c.bind(nextCase);
  }
  c.emit(Op.POP_TOP, 0);
  c.bind(end);
}

/** Failure trampolines: from the highest height down, one POP_TOP per level, then a jump to `target` at `stopAt - 1`. */
function emitFailures(c: PatternEmitter, fail: FailContext, stopAt: number, target: number): void {
  const heights = [...fail.sites.keys()];
  if (heights.length === 0) return;
  const top = Math.max(...heights);
  for (let height = top; height >= stopAt; height--) {
    for (const label of fail.sites.get(height) ?? []) c.bind(label);
    c.emit(Op.POP_TOP, 0);
  }
  for (const label of fail.sites.get(stopAt - 1) ?? []) c.bind(label);
  c.jump(Op.JUMP, target);
}

function failIfFalse(c: PatternEmitter, state: CaseState, fail: FailContext): void {
  // POP_JUMP_IF_FALSE pops the bool: the failure is at the height below it.
  state.height -= 1;
  const label = c.newLabel();
  const sites = fail.sites.get(state.height) ?? [];
  sites.push(label);
  fail.sites.set(state.height, sites);
  c.jump(Op.POP_JUMP_IF_FALSE, label);
}

/** Stores TOS into the capture slot of `name` ([…, v] → […]). */
function capture(c: PatternEmitter, name: string, state: CaseState): void {
  c.emit(Op.COPY, state.height - 1);
  c.emit(Op.LOAD_CONST, c.constIdx(state.slots.get(name)!));
  c.emit(Op.STORE_SUBSCR, 0);
  state.height -= 1;
}

/** Compiles one pattern: its subject is TOS; it is consumed whether the pattern matches or not. */
function emitPattern(c: PatternEmitter, n: SyntaxNode, state: CaseState, fail: FailContext): void {
  const node = unwrap(n);
  c.curLine = line(node);
  if (isWildcard(node)) {
    c.emit(Op.POP_TOP, 0);
    state.height -= 1;
    return;
  }
  const name = captureName(node);
  if (name !== null) return capture(c, name, state);
  switch (node.type) {
    case 'dotted_name':
      // A value pattern: `subject == Color.RED`, looked up now.
      emitDottedValue(c, node);
      c.emit(Op.COMPARE_OP, 2);
      return failIfFalse(c, state, fail);
    case 'as_pattern': {
      c.emit(Op.DUP_TOP, 0);
      state.height += 1;
      emitPattern(c, named(node)[0]!, state, fail);
      return capture(c, named(node)[1]!.text, state);
    }
    case 'union_pattern':
      return emitOr(c, named(node), state, fail);
    case 'list_pattern':
    case 'tuple_pattern':
      return emitSequence(c, named(node), state, fail);
    case 'dict_pattern':
      return emitMapping(c, node, state, fail);
    case 'class_pattern':
      return emitClass(c, node, state, fail);
    case 'splat_pattern':
      throw new PatternError(node, 'starred pattern outside a sequence pattern', true);
    default:
      return emitLiteral(c, node, state, fail);
  }
}

function emitDottedValue(c: PatternEmitter, node: SyntaxNode): void {
  const parts = named(node).map((part) => part.text);
  c.load(parts[0]!);
  for (const attribute of parts.slice(1)) c.emit(Op.LOAD_ATTR, c.nameIdx(attribute));
}

/** A literal pattern: `==` for numbers and strings, `is` for None, True and False. */
function emitLiteral(c: PatternEmitter, node: SyntaxNode, state: CaseState, fail: FailContext): void {
  switch (node.type) {
    case 'none':
    case 'true':
    case 'false':
      c.expr(node);
      c.emit(Op.COMPARE_OP, 8);
      return failIfFalse(c, state, fail);
    case 'integer':
    case 'float':
    case 'string':
    case 'concatenated_string':
      emitLiteralValue(c, node);
      c.emit(Op.COMPARE_OP, 2);
      return failIfFalse(c, state, fail);
    default:
      throw new PatternError(node, `${node.type.replace(/_/g, ' ')} in a pattern`, true);
  }
}

/** A number or a string. tree-sitter leaves the sign of `-1` outside the literal, as the token before it. */
function emitLiteralValue(c: PatternEmitter, node: SyntaxNode): void {
  if (node.type === 'integer' || node.type === 'float') {
    if (/[jJ]$/.test(node.text)) throw new PatternError(node, 'complex numbers', true);
    c.expr(node);
    if (isNegated(node)) c.emit(Op.UNARY_NEG, 0);
    return;
  }
  if ((node.type === 'string' || node.type === 'concatenated_string') && stringParts(node).some((part) => /^[a-zA-Z]*[bB]/.test(part.text)))
    throw new PatternError(node, 'bytes literal in a pattern', true);
  c.expr(node);
}

function emitOr(c: PatternEmitter, alternatives: SyntaxNode[], state: CaseState, fail: FailContext): void {
  const success = c.newLabel();
  const start = state.height;
  alternatives.forEach((alternative, index) => {
    state.height = start;
    if (index === alternatives.length - 1) {
      emitPattern(c, alternative, state, fail);
      return;
    }
    // [v] → [v, v]: the alternative consumes the copy; on failure the pops stop at [v].
    c.emit(Op.DUP_TOP, 0);
    state.height = start + 1;
    const local: FailContext = { base: start, sites: new Map() };
    emitPattern(c, alternative, state, local);
    c.emit(Op.POP_TOP, 0);
    c.jump(Op.JUMP, success);
    const next = c.newLabel();
    emitFailures(c, local, start + 1, next);
    c.bind(next);
  });
  state.height = start - 1;
  c.bind(success);
}

function emitSequence(c: PatternEmitter, items: SyntaxNode[], state: CaseState, fail: FailContext): void {
  const star = items.findIndex((item) => unwrap(item).type === 'splat_pattern');
  // [v] → [v, is_sequence]
  c.emit(Op.MATCH_SEQUENCE, 0);
  state.height += 1;
  failIfFalse(c, state, fail);
  c.emit(Op.GET_LEN, 0);
  c.emit(Op.LOAD_CONST, c.constIdx(star === -1 ? items.length : items.length - 1));
  c.emit(Op.COMPARE_OP, star === -1 ? 2 : 5);
  state.height += 1;
  failIfFalse(c, state, fail);
  if (star === -1) c.emit(Op.UNPACK_SEQUENCE, items.length);
  else c.emit(Op.UNPACK_EX, star | ((items.length - star - 1) << 8));
  state.height += items.length - 1;
  for (const item of items) {
    const inner = unwrap(item);
    if (inner.type === 'splat_pattern') {
      const id = named(inner)[0];
      if (id === undefined || id.text === '_') {
        c.emit(Op.POP_TOP, 0);
        state.height -= 1;
      } else capture(c, id.text, state);
    } else emitPattern(c, item, state, fail);
  }
}

function emitMapping(c: PatternEmitter, node: SyntaxNode, state: CaseState, fail: FailContext): void {
  const keys: SyntaxNode[] = [];
  const values: SyntaxNode[] = [];
  let rest: string | null = null;
  let pendingKey: SyntaxNode | null = null;
  for (const child of node.children) {
    if (child.type === '{' || child.type === '}' || child.type === ':' || child.type === ',') continue;
    if (child.type === 'splat_pattern') rest = named(child)[0]!.text;
    else if (pendingKey === null) pendingKey = child;
    else {
      keys.push(pendingKey);
      values.push(child);
      pendingKey = null;
    }
  }
  c.emit(Op.MATCH_MAPPING, 0);
  state.height += 1;
  failIfFalse(c, state, fail);
  if (keys.length === 0 && rest === null) {
    c.emit(Op.POP_TOP, 0);
    state.height -= 1;
    return;
  }
  if (keys.length > 0) {
    // A mapping shorter than the pattern fails before any key is looked up.
    c.emit(Op.GET_LEN, 0);
    c.emit(Op.LOAD_CONST, c.constIdx(keys.length));
    c.emit(Op.COMPARE_OP, 5);
    state.height += 1;
    failIfFalse(c, state, fail);
  }
  // [v] → [v, keys, values-or-None]
  for (const key of keys) {
    if (key.type === 'dotted_name') emitDottedValue(c, key);
    else if (key.type === 'none' || key.type === 'true' || key.type === 'false') c.expr(key);
    else if (key.type === 'integer' || key.type === 'float' || key.type === 'string' || key.type === 'concatenated_string') emitLiteralValue(c, key);
    else throw new PatternError(key, 'mapping pattern keys may only match literals and attribute lookups');
  }
  c.emit(Op.BUILD_TUPLE, keys.length);
  c.emit(Op.MATCH_KEYS, 0);
  state.height += 2;
  c.emit(Op.DUP_TOP, 0);
  c.emit(Op.LOAD_CONST, c.constIdx(null));
  c.emit(Op.COMPARE_OP, 9);
  state.height += 1;
  failIfFalse(c, state, fail);
  c.emit(Op.UNPACK_SEQUENCE, keys.length);
  state.height += keys.length - 1;
  for (const value of values) emitPattern(c, value, state, fail);
  // [v, keys]
  if (rest !== null) {
    c.emit(Op.MATCH_REST, 0);
    state.height -= 1;
    capture(c, rest, state);
  } else {
    c.emit(Op.POP_TOP, 0);
    c.emit(Op.POP_TOP, 0);
    state.height -= 2;
  }
}

function emitClass(c: PatternEmitter, node: SyntaxNode, state: CaseState, fail: FailContext): void {
  const [cls, ...args] = named(node);
  const positional: SyntaxNode[] = [];
  const keywords: string[] = [];
  const keywordPatterns: SyntaxNode[] = [];
  for (const arg of args) {
    const inner = unwrap(arg);
    if (inner.type === 'keyword_pattern') {
      keywords.push(named(inner)[0]!.text);
      keywordPatterns.push(named(inner)[1]!);
    } else positional.push(arg);
  }
  // [v] → [v, cls, names] → [attributes-or-None]
  emitDottedValue(c, cls!);
  c.emit(Op.LOAD_CONST, c.constIdx(new PyTuple(keywords)));
  c.emit(Op.MATCH_CLASS, positional.length);
  c.emit(Op.DUP_TOP, 0);
  c.emit(Op.LOAD_CONST, c.constIdx(null));
  c.emit(Op.COMPARE_OP, 9);
  state.height += 1;
  failIfFalse(c, state, fail);
  const all = [...positional, ...keywordPatterns];
  c.emit(Op.UNPACK_SEQUENCE, all.length);
  state.height += all.length - 1;
  for (const sub of all) emitPattern(c, sub, state, fail);
}
