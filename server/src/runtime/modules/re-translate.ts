// The parser of CPython's regular-expression syntax (after Lib/re/_parser.py) and its translation to a JS RegExp
// whose matching is the same as CPython's sre. Only what matches identically is translated:
// - `.`, `^`, `$`, `\Z`, `\b`, `\B`, `\d`, `\w`, `\s` are spelled out (JS's differ: `$` before a final newline,
//   line terminators other than \n, Unicode word characters, `\B` on an empty string);
// - \w and \d follow CPython's Unicode tables (re-unicode.ts), not the JS engine's newer ones;
// - a construct JS does not have (possessive and atomic groups, conditional groups, scoped flags, \N{...}) or whose
//   matching differs is refused with `unsupported`: a capture inside a repeat where JS would reset it, a backreference
//   to a group that may not have matched (sre fails, JS matches empty), IGNORECASE beyond ASCII (the case tables differ).
// Syntax errors are reported with CPython's message and position, to be raised as re.error.

import { DIGIT_CLASS, WORD_CLASS } from './re-unicode.js';

export const FLAG = { TEMPLATE: 1, IGNORECASE: 2, LOCALE: 4, MULTILINE: 8, DOTALL: 16, UNICODE: 32, VERBOSE: 64, DEBUG: 128, ASCII: 256 };
const INLINE_FLAGS: Record<string, number> = { i: FLAG.IGNORECASE, L: FLAG.LOCALE, m: FLAG.MULTILINE, s: FLAG.DOTALL, x: FLAG.VERBOSE, a: FLAG.ASCII, t: FLAG.TEMPLATE, u: FLAG.UNICODE };
const MAXREPEAT = 4294967295;
const MAXGROUPS = 1073741823;

/** A syntax error as re.error reports it: message and position in the pattern (null when CPython gives none). */
export class PatternSyntaxError extends Error {
  constructor(public msg: string, public pos: number | null) {
    super(msg);
  }
}

/** A flag combination CPython rejects with ValueError. */
export class PatternValueError extends Error {}

/** A construct the runtime will not translate: the caller turns it into `unsupported`. */
export class PatternRefused extends Error {}

type Node =
  | { k: 'lit'; cp: number }
  | { k: 'any' }
  | { k: 'set'; neg: boolean; items: SetItem[] }
  | { k: 'cat'; c: string }
  | { k: 'at'; c: string }
  | { k: 'group'; index: number | null; body: Node[][]; ascii?: boolean }
  | { k: 'look'; behind: boolean; neg: boolean; body: Node[][] }
  | { k: 'ref'; index: number }
  | { k: 'rep'; min: number; max: number; lazy: boolean; body: Node };
type SetItem = { k: 'lit'; cp: number } | { k: 'range'; lo: number; hi: number } | { k: 'cat'; c: string };

export interface Translated {
  source: string;
  flags: number;
  groups: number;
  groupindex: Map<string, number>;
  closeOrder: number[];
  /** The JS RegExp needs the i flag. */
  ignoreCase: boolean;
  /** Subjects with a character matching this are refused (IGNORECASE: where the case tables differ). */
  subjectRule: RegExp | null;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
const WHITESPACE = ' \t\n\r\v\f';
const DIGITS = '0123456789';
const OCT = '01234567';
const HEX = '0123456789abcdefABCDEF';
const ASCII_LETTERS = /^[a-zA-Z]$/;

class Source {
  private cps: string[];
  index = 0;
  constructor(pattern: string) {
    this.cps = Array.from(pattern);
  }
  get next(): string | null {
    return this.index < this.cps.length ? this.cps[this.index]! : null;
  }
  get(): string | null {
    const c = this.next;
    if (c !== null) this.index++;
    return c;
  }
  match(c: string): boolean {
    if (this.next === c) {
      this.index++;
      return true;
    }
    return false;
  }
  getwhile(n: number, chars: string): string {
    let r = '';
    while (r.length < n && this.next !== null && chars.includes(this.next)) r += this.get();
    return r;
  }
  getuntil(term: string, what: string): string {
    let r = '';
    for (;;) {
      const c = this.get();
      if (c === null) {
        if (r === '') throw this.error(`missing ${what}`);
        throw this.error(`missing ${term}, unterminated name`, r.length);
      }
      if (c === term) {
        if (r === '') throw this.error(`missing ${what}`, 1);
        return r;
      }
      r += c;
    }
  }
  error(msg: string, offset = 0): PatternSyntaxError {
    return new PatternSyntaxError(msg, this.index - offset);
  }
}

class State {
  flags: number;
  groups = 1;
  open = new Set<number>();
  groupindex = new Map<string, number>();
  /** Group numbers in the order of their closing parentheses (the order sre closes them in a match). */
  closeOrder: number[] = [];
  /** A (?a:...) group occurs: its case-insensitive matching is ASCII-only. */
  asciiScoped = false;
  constructor(flags: number) {
    this.flags = flags;
  }
}

function isIdentifier(name: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name);
}

function checkGroupName(src: Source, name: string, offset: number): void {
  if (!isIdentifier(name)) throw src.error(`bad character in group name ${pyRepr(name)}`, Array.from(name).length + offset);
}

function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), '\\' + q) + q;
}

function parseEscape(src: Source, esc: string, state: State, inSet: boolean): Node | SetItem {
  const c = esc[1]!;
  if (!inSet && 'AbBZ'.includes(c)) return { k: 'at', c };
  if ('dDsSwW'.includes(c)) return { k: 'cat', c };
  if (c in ESCAPES && !(c === 'b' && !inSet)) return { k: 'lit', cp: ESCAPES[c]! };
  if (c === 'x' || c === 'u' || c === 'U') {
    const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const digits = src.getwhile(n, HEX);
    const full = esc + digits;
    if (digits.length !== n) throw src.error(`incomplete escape ${full}`, full.length);
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff) throw src.error(`bad escape ${full}`, full.length);
    return { k: 'lit', cp };
  }
  if (c === 'N') throw new PatternRefused('re: \\N{...} named characters');
  if (c === '0' || (inSet && OCT.includes(c))) {
    const full = esc + src.getwhile(2, OCT);
    const cp = parseInt(full.slice(1), 8);
    if (cp > 0o377) throw src.error(`octal escape value ${full} outside of range 0-0o377`, full.length);
    return { k: 'lit', cp };
  }
  if (DIGITS.includes(c)) {
    if (inSet) throw src.error(`bad escape ${esc}`, esc.length);
    let full = esc;
    if (src.next !== null && DIGITS.includes(src.next)) {
      full += src.get();
      if (OCT.includes(full[1]!) && OCT.includes(full[2]!) && src.next !== null && OCT.includes(src.next)) {
        full += src.get();
        const cp = parseInt(full.slice(1), 8);
        if (cp > 0o377) throw src.error(`octal escape value ${full} outside of range 0-0o377`, full.length);
        return { k: 'lit', cp };
      }
    }
    const group = parseInt(full.slice(1), 10);
    if (group < state.groups) {
      if (state.open.has(group)) throw src.error('cannot refer to an open group', full.length);
      return { k: 'ref', index: group };
    }
    throw src.error(`invalid group reference ${group}`, full.length - 1);
  }
  if (ASCII_LETTERS.test(c)) throw src.error(`bad escape ${esc}`, esc.length);
  return { k: 'lit', cp: c.codePointAt(0)! };
}

function parseSet(src: Source, state: State): Node {
  const here = src.index - 1;
  const items: SetItem[] = [];
  const neg = src.match('^');
  for (;;) {
    const th = src.get();
    if (th === null) throw src.error('unterminated character set', src.index - here);
    if (th === ']' && items.length > 0) break;
    const code1 = th === '\\' ? setEscape(src, state) : { k: 'lit' as const, cp: th.codePointAt(0)! };
    if (src.match('-')) {
      const that = src.get();
      if (that === null) throw src.error('unterminated character set', src.index - here);
      if (that === ']') {
        items.push(code1, { k: 'lit', cp: 45 });
        break;
      }
      const code2 = that === '\\' ? setEscape(src, state) : { k: 'lit' as const, cp: that.codePointAt(0)! };
      if (code1.k !== 'lit' || code2.k !== 'lit' || code2.cp < code1.cp) {
        // CPython names the range by its source text; only the plain one-character spelling is reproduced.
        if (th === '\\' || that === '\\') throw new PatternRefused('re: the message of a bad character range with escapes');
        throw src.error(`bad character range ${th}-${that}`, th.length + 1 + that.length);
      }
      items.push({ k: 'range', lo: code1.cp, hi: code2.cp });
    } else items.push(code1);
  }
  return { k: 'set', neg, items };
}

function setEscape(src: Source, state: State): SetItem {
  const c = src.get();
  if (c === null) throw src.error('bad escape (end of pattern)', 1);
  const item = parseEscape(src, '\\' + c, state, true);
  if (item.k === 'lit' || item.k === 'cat') return item;
  throw src.error(`bad escape \\${c}`, 2);
}

function parseSub(src: Source, state: State, verbose: boolean, nested: number): Node[][] {
  const branches: Node[][] = [];
  for (;;) {
    branches.push(parseSeq(src, state, verbose, nested, branches.length === 0 && nested === 0));
    if (!src.match('|')) break;
  }
  return branches;
}

function parseSeq(src: Source, state: State, verbose: boolean, nested: number, first: boolean): Node[] {
  const seq: Node[] = [];
  for (;;) {
    const th = src.next;
    if (th === null || th === '|' || th === ')') return seq;
    src.get();
    if (verbose) {
      if (WHITESPACE.includes(th)) continue;
      if (th === '#') {
        for (;;) {
          const c = src.get();
          if (c === null || c === '\n') break;
        }
        continue;
      }
    }
    if (th === '\\') {
      const c = src.get();
      if (c === null) throw src.error('bad escape (end of pattern)', 1);
      seq.push(parseEscape(src, '\\' + c, state, false) as Node);
    } else if (th === '[') seq.push(parseSet(src, state));
    else if ('*+?{'.includes(th)) {
      if (!parseRepeat(src, seq, th)) seq.push({ k: 'lit', cp: th.codePointAt(0)! });
    } else if (th === '.') seq.push({ k: 'any' });
    else if (th === '^' || th === '$') seq.push({ k: 'at', c: th });
    else if (th === '(') {
      const node = parseGroup(src, state, verbose, nested, first && seq.length === 0);
      if (node === 'flags') {
        verbose = (state.flags & FLAG.VERBOSE) !== 0;
        continue;
      }
      if (node !== null) seq.push(node);
    } else seq.push({ k: 'lit', cp: th.codePointAt(0)! });
  }
}

/** A quantifier after the last item; false when `{` turns out to be a literal. */
function parseRepeat(src: Source, seq: Node[], th: string): boolean {
  const here = src.index;
  let min = 0;
  let max = MAXREPEAT;
  if (th === '?') max = 1;
  else if (th === '+') min = 1;
  else if (th === '{') {
    if (src.next === '}') return false;
    let lo = '';
    let hi = '';
    while (src.next !== null && DIGITS.includes(src.next)) lo += src.get();
    if (src.match(',')) {
      while (src.next !== null && DIGITS.includes(src.next)) hi += src.get();
    } else hi = lo;
    if (!src.match('}')) {
      src.index = here;
      return false;
    }
    if (lo !== '') {
      min = Number(lo);
      if (min >= MAXREPEAT) throw new PatternRefused('re: a repetition number too large (CPython: OverflowError)');
    }
    if (hi !== '') {
      max = Number(hi);
      if (max >= MAXREPEAT) throw new PatternRefused('re: a repetition number too large (CPython: OverflowError)');
      if (max < min) throw src.error('min repeat greater than max repeat', src.index - here);
    }
  }
  const item = seq[seq.length - 1];
  const back = src.index - here + 1;
  if (item === undefined || item.k === 'at') throw src.error('nothing to repeat', back);
  if (item.k === 'rep') throw src.error('multiple repeat', back);
  if (item.k === 'look') throw new PatternRefused('re: a repeated lookaround assertion');
  let lazy = false;
  if (src.match('?')) lazy = true;
  else if (src.match('+')) throw new PatternRefused('re: possessive quantifiers');
  seq[seq.length - 1] = { k: 'rep', min, max, lazy, body: item };
  return true;
}

function parseGroup(src: Source, state: State, verbose: boolean, nested: number, atStart: boolean): Node | null | 'flags' {
  const start = src.index - 1;
  let capture = true;
  let name: string | null = null;
  if (src.match('?')) {
    const ch = src.get();
    if (ch === null) throw src.error('unexpected end of pattern');
    if (ch === 'P') {
      if (src.match('<')) {
        name = src.getuntil('>', 'group name');
        checkGroupName(src, name, 1);
      } else if (src.match('=')) {
        const ref = src.getuntil(')', 'group name');
        checkGroupName(src, ref, 1);
        const gid = state.groupindex.get(ref);
        if (gid === undefined) throw src.error(`unknown group name ${pyRepr(ref)}`, Array.from(ref).length + 1);
        if (state.open.has(gid)) throw src.error('cannot refer to an open group', Array.from(ref).length + 1);
        return { k: 'ref', index: gid };
      } else {
        const c = src.get();
        if (c === null) throw src.error('unexpected end of pattern');
        throw src.error(`unknown extension ?P${c}`, c.length + 2);
      }
    } else if (ch === ':') capture = false;
    else if (ch === '#') {
      for (;;) {
        if (src.next === null) throw src.error('missing ), unterminated comment', src.index - start);
        if (src.get() === ')') return null;
      }
    } else if (ch === '=' || ch === '!' || ch === '<') {
      let behind = false;
      let kind = ch;
      if (ch === '<') {
        const c = src.get();
        if (c === null) throw src.error('unexpected end of pattern');
        if (c !== '=' && c !== '!') throw src.error(`unknown extension ?<${c}`, c.length + 2);
        behind = true;
        kind = c;
      }
      const body = parseSub(src, state, verbose, nested + 1);
      if (!src.match(')')) throw src.error('missing ), unterminated subpattern', src.index - start);
      return { k: 'look', behind, neg: kind === '!', body };
    } else if (ch === '(') throw new PatternRefused('re: conditional groups (?(...)...)');
    else if (ch === '>') throw new PatternRefused('re: atomic groups (?>...)');
    else if (ch in INLINE_FLAGS || ch === '-') {
      const flags = parseFlags(src, state, ch);
      if (flags === 'global') {
        if (!atStart) throw src.error('global flags not at the start of the expression', src.index - start);
        return 'flags';
      }
      // Only an ASCII scope translates (its classes are spelled out); other scoped flags change JS-level flags.
      if (flags !== FLAG.ASCII) throw new PatternRefused('re: scoped inline flags other than (?a:...)');
      state.asciiScoped = true;
      const body = parseSub(src, state, verbose, nested + 1);
      if (!src.match(')')) throw src.error('missing ), unterminated subpattern', src.index - start);
      return { k: 'group', index: null, body, ascii: true };
    } else throw src.error(`unknown extension ?${ch}`, ch.length + 1);
  }
  let index: number | null = null;
  if (capture) {
    index = state.groups++;
    if (index > MAXGROUPS) throw src.error('too many groups');
    if (name !== null) {
      const old = state.groupindex.get(name);
      if (old !== undefined) throw src.error(`redefinition of group name ${pyRepr(name)} as group ${index}; was group ${old}`, Array.from(name).length + 1);
      state.groupindex.set(name, index);
    }
    state.open.add(index);
  }
  const body = parseSub(src, state, verbose, nested + 1);
  if (!src.match(')')) throw src.error('missing ), unterminated subpattern', src.index - start);
  if (index !== null) {
    state.open.delete(index);
    state.closeOrder.push(index);
  }
  return { k: 'group', index, body };
}

/** Inline flags after `(?`: 'global' for `(?i)`, else the flags of a scoped group `(?a:...)` (its `:` read). */
function parseFlags(src: Source, state: State, first: string): 'global' | number {
  let ch: string | null = first;
  let add = 0;
  if (ch !== '-') {
    for (;;) {
      const flag = INLINE_FLAGS[ch]!;
      if (flag === FLAG.LOCALE) throw new PatternRefused('re: the LOCALE flag');
      if (flag === FLAG.TEMPLATE) throw new PatternRefused('re: the TEMPLATE flag');
      add |= flag;
      ch = src.get();
      if (ch === null) throw src.error('missing -, : or )');
      if (ch === ')' || ch === ':' || ch === '-') break;
      if (!(ch in INLINE_FLAGS)) {
        const msg = /^[a-zA-Z]$/.test(ch) ? 'unknown flag' : 'missing -, : or )';
        throw src.error(msg, ch.length);
      }
    }
  }
  if (ch === ')') {
    state.flags |= add;
    return 'global';
  }
  if (ch === '-') throw new PatternRefused('re: removing flags in a scoped group (?-flags:...)');
  return add;
}

// --- checks on the tree: where JS would match differently

interface Ctx {
  inRepeat: boolean;
  optional: boolean;
  inLook: boolean;
  behind: boolean;
}

function widths(nodes: Node[][]): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (const seq of nodes) {
    let a = 0;
    let b = 0;
    for (const n of seq) {
      const [x, y] = width(n);
      a += x;
      b += y;
    }
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  return [lo === Infinity ? 0 : lo, hi];
}

function width(n: Node): [number, number] {
  switch (n.k) {
    case 'lit': case 'any': case 'set': case 'cat':
      return [1, 1];
    case 'at': case 'look':
      return [0, 0];
    case 'group':
      return widths(n.body);
    case 'ref':
      return [0, Infinity];
    case 'rep': {
      const [a, b] = width(n.body);
      return [a * n.min, n.max === MAXREPEAT || b === Infinity ? (b === 0 ? 0 : Infinity) : b * n.max];
    }
  }
}

function hasCapture(n: Node): boolean {
  if (n.k === 'group') return n.index !== null || n.body.some((s) => s.some(hasCapture));
  if (n.k === 'look') return n.body.some((s) => s.some(hasCapture));
  if (n.k === 'rep') return hasCapture(n.body);
  return false;
}

/** Groups that always take part in a match once the pattern matches (referable by a backreference). */
function check(nodes: Node[][], ctx: Ctx, mandatory: Set<number>): void {
  const alt = nodes.length > 1;
  for (const seq of nodes) {
    for (const n of seq) checkNode(n, alt ? { ...ctx, optional: true } : ctx, mandatory);
  }
}

function checkNode(n: Node, ctx: Ctx, mandatory: Set<number>): void {
  if (n.k === 'group') {
    if (n.index !== null) {
      if (ctx.inRepeat && ctx.optional) throw new PatternRefused('re: a group that may not take part in an iteration of a repeat (JS resets it)');
      if (ctx.inLook && ctx.behind) throw new PatternRefused('re: a group inside a lookbehind');
      if (!ctx.inRepeat && !ctx.optional && !ctx.inLook) mandatory.add(n.index);
    }
    check(n.body, ctx, mandatory);
  } else if (n.k === 'look') {
    if (n.behind) {
      const [lo, hi] = widths(n.body);
      if (lo !== hi) throw new PatternSyntaxError('look-behind requires fixed-width pattern', null);
    }
    if (n.neg && n.body.some((s) => s.some(hasCapture))) throw new PatternRefused('re: a group inside a negative lookaround');
    check(n.body, { ...ctx, inLook: true, behind: n.behind }, mandatory);
  } else if (n.k === 'rep') {
    let inner = ctx;
    if (n.max > 1) {
      if (hasCapture(n.body) && width(n.body)[0] === 0) throw new PatternRefused('re: a group inside a repeat that can match empty');
      inner = { ...ctx, inRepeat: true, optional: false };
    } else if (n.min === 0) inner = { ...ctx, optional: true };
    checkNode(n.body, inner, mandatory);
    if (n.min === 0 || n.max > 1) markNotMandatory(n.body, mandatory);
  } else if (n.k === 'ref') {
    if (ctx.inLook && ctx.behind) throw new PatternRefused('re: a backreference inside a lookbehind');
    if (!mandatory.has(n.index)) throw new PatternRefused('re: a backreference to a group that may not have matched');
  }
}

function markNotMandatory(n: Node, mandatory: Set<number>): void {
  if (n.k === 'group' && n.index !== null) mandatory.delete(n.index);
  if (n.k === 'group' || n.k === 'look') for (const s of n.body) for (const x of s) markNotMandatory(x, mandatory);
  if (n.k === 'rep') markNotMandatory(n.body, mandatory);
}

// --- emission

const UNICODE_SPACE = String.raw`\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
const ASCII_SPACE = String.raw` \t\n\r\f\v`;

function catBody(c: string, ascii: boolean): string {
  const lower = c.toLowerCase();
  if (lower === 'd') return ascii ? '0-9' : DIGIT_CLASS;
  if (lower === 'w') return ascii ? 'a-zA-Z0-9_' : WORD_CLASS;
  return ascii ? ASCII_SPACE : UNICODE_SPACE;
}

function cp(c: number): string {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return String.fromCharCode(c);
  return `\\u{${c.toString(16)}}`;
}

class Emitter {
  constructor(private flags: number, private ascii: boolean) {}
  /** True once a category (\\d, \\w, \\s, \\b, \\B) was emitted. */
  usedCategory = false;
  get word(): string {
    this.usedCategory = true;
    return `[${catBody('w', this.ascii)}]`;
  }
  alt(nodes: Node[][]): string {
    return nodes.map((seq) => seq.map((n) => this.node(n)).join('')).join('|');
  }
  node(n: Node): string {
    switch (n.k) {
      case 'lit':
        return cp(n.cp);
      case 'any':
        return this.flags & FLAG.DOTALL ? '[\\s\\S]' : '[^\\n]';
      case 'cat': {
        this.usedCategory = true;
        const body = catBody(n.c, this.ascii);
        return n.c === n.c.toLowerCase() ? `[${body}]` : `[^${body}]`;
      }
      case 'set':
        return this.set(n.neg, n.items);
      case 'at':
        return this.at(n.c);
      case 'group': {
        if (n.ascii === true && !this.ascii) {
          this.ascii = true;
          const body = this.alt(n.body);
          this.ascii = false;
          return `(?:${body})`;
        }
        return n.index === null ? `(?:${this.alt(n.body)})` : `(${this.alt(n.body)})`;
      }
      case 'look':
        return `(?${n.behind ? '<' : ''}${n.neg ? '!' : '='}${this.alt(n.body)})`;
      case 'ref':
        return `(?:\\${n.index})`;
      case 'rep': {
        const q = n.min === 0 && n.max === MAXREPEAT ? '*' : n.min === 1 && n.max === MAXREPEAT ? '+' : n.min === 0 && n.max === 1 ? '?'
          : n.max === MAXREPEAT ? `{${n.min},}` : n.min === n.max ? `{${n.min}}` : `{${n.min},${n.max}}`;
        return `(?:${this.node(n.body)})${q}${n.lazy ? '?' : ''}`;
      }
    }
  }
  at(c: string): string {
    const w = this.word;
    switch (c) {
      case '^':
        return this.flags & FLAG.MULTILINE ? '(?:^|(?<=\\n))' : '^';
      case '$':
        return this.flags & FLAG.MULTILINE ? '(?=\\n|$)' : '(?=\\n?$)';
      case 'A':
        return '^';
      case 'Z':
        return '$';
      case 'b':
        return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
      default:
        // sre's \B never matches in an empty string.
        return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w})(?:(?<=[\\s\\S])|(?=[\\s\\S])))`;
    }
  }
  set(neg: boolean, items: SetItem[]): string {
    let body = '';
    const negatedCats: string[] = [];
    for (const it of items) {
      if (it.k === 'lit') body += cp(it.cp);
      else if (it.k === 'range') body += `${cp(it.lo)}-${cp(it.hi)}`;
      else {
        this.usedCategory = true;
        if (it.c === it.c.toLowerCase()) body += catBody(it.c, this.ascii);
        else negatedCats.push(`[^${catBody(it.c, this.ascii)}]`);
      }
    }
    if (negatedCats.length === 0) return `[${neg ? '^' : ''}${body}]`;
    const union = `(?:${[...(body === '' ? [] : [`[${body}]`]), ...negatedCats].join('|')})`;
    return neg ? `(?!${union})[\\s\\S]` : union;
  }
}

function isAsciiTree(nodes: Node[][]): boolean {
  const asciiNode = (n: Node): boolean => {
    if (n.k === 'lit') return n.cp < 128;
    if (n.k === 'set') return n.items.every((i) => (i.k === 'lit' ? i.cp < 128 : i.k === 'range' ? i.hi < 128 : true));
    if (n.k === 'group' || n.k === 'look') return isAsciiTree(n.body);
    if (n.k === 'rep') return asciiNode(n.body);
    return true;
  };
  return nodes.every((s) => s.every(asciiNode));
}

/** Parses a str pattern with the given flags and returns the JS RegExp source that matches as sre would. */
export function translate(pattern: string, flags: number): Translated {
  const state = new State(flags);
  const src = new Source(pattern);
  const tree = parseSub(src, state, (flags & FLAG.VERBOSE) !== 0, 0);
  if (src.next !== null) throw src.error('unbalanced parenthesis');
  let f = state.flags;
  if (f & FLAG.LOCALE) throw new PatternValueError('cannot use LOCALE flag with a str pattern');
  if ((f & FLAG.ASCII) === 0) f |= FLAG.UNICODE;
  else if (f & FLAG.UNICODE) throw new PatternValueError('ASCII and UNICODE flags are incompatible');
  check(tree, { inRepeat: false, optional: false, inLook: false, behind: false }, new Set());
  const ignoreCase = (f & FLAG.IGNORECASE) !== 0;
  if (ignoreCase && !isAsciiTree(tree)) throw new PatternRefused('re: IGNORECASE with a pattern beyond ASCII (the case tables differ)');
  const asciiFlag = (f & FLAG.ASCII) !== 0;
  // Under IGNORECASE, categories are spelled in ASCII and the subject must then be ASCII (checked when matching);
  // without categories, only the characters the two engines fold differently into ASCII letters are refused.
  let emitter = new Emitter(f, asciiFlag);
  let source = emitter.alt(tree);
  let subjectRule: RegExp | null = null;
  if (ignoreCase) {
    if (emitter.usedCategory) {
      emitter = new Emitter(f, true);
      source = emitter.alt(tree);
      subjectRule = /[^\x00-\x7f]/;
    } else subjectRule = asciiFlag || state.asciiScoped ? /[\u0130\u0131\u017f\u212a]/ : /[\u0130\u0131]/;
  }
  return { source, flags: f, groups: state.groups - 1, groupindex: state.groupindex, closeOrder: state.closeOrder, ignoreCase, subjectRule };
}

export { MAXREPEAT };
