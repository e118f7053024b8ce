// Partial parsing for `check`: a linear pre-pass over the text splits a file into its top-level
// statements and decides which of them the analysis needs, so that tree-sitter parses only those
// (`includedRanges`: node offsets stay the file's own, so findings need no remapping).
//
// What is kept follows the dependency rule `incremental.ts` relies on (and tests on every fixture and
// on the standard library): a finding in a top-level statement depends on that statement, on all
// module-level code, and on the definitions it references, transitively; never on the definitions that
// reference it (`model/visible.ts`). So every top-level statement that is not a def or class is kept,
// and so is every def or class in which some running rule can report (`reportsInDefinition`, asked
// of the statement's code words), together with the definitions their words name. Whatever the
// pre-pass is unsure of (a form feed in an indentation, an unterminated string or bracket, an indented
// first statement) makes the whole file parse.

import type { TextRange } from '../parser.js';
import type { RuleDefinition } from './rules/rule.js';

/** What a rule's `reportsInDefinition` is asked about one top-level def or class. */
export interface DefinitionText {
  /** The statement's source, decorators and trailing comments included. */
  readonly text: string;
  /** Identifier-like words of its code (not of strings or comments; f-string expressions count as code). */
  readonly words: ReadonlySet<string>;
  /** A `for` directly inside parentheses: a generator expression (a frame with a generator of its own). */
  readonly hasGeneratorExpression: boolean;
}

/** One top-level statement: from its first line's start to the next top-level statement's (or the end). */
export interface TopLevelStatement extends DefinitionText {
  readonly start: number;
  readonly end: number;
  /** A def, async def or class, decorated or not. */
  readonly isDefinition: boolean;
  /** The module-level names the statement binds, for a definition: its own and those it declares `global`. */
  readonly binds: readonly string[];
  /** For a class whose body is a sequence of indented lines: its header and members; otherwise null. */
  readonly classBody: ClassBody | null;
}

/** A class statement split at its body's statements, so that methods no rule needs can be left out. */
export interface ClassBody {
  readonly name: string;
  /** From the statement's start to its first member (decorators, the `class` line, comments). */
  readonly header: Part;
  readonly members: readonly ClassMember[];
}

/** A piece of a file's text with the code words in it. */
export interface Part extends DefinitionText {
  readonly start: number;
  readonly end: number;
}

/** One statement of a class body (decorators included), up to the next one. */
export interface ClassMember extends Part {
  /** A def, async def or class. */
  readonly isDefinition: boolean;
  /** The name a definition binds in the class; null for other statements. */
  readonly name: string | null;
  /** Names it declares `global` (module-level names it may rebind). */
  readonly globals: readonly string[];
  /**
   * Attributes it may assign (`self.ids = ...`, `self.a, self.b = ...`, `self.n += 1`): what the class
   * holds in them is judged from every assignment in the class (GEN004 asks whether `self._ids` is an
   * infinite iterator). Over-approximated from the text.
   */
  readonly attributes: readonly string[];
}

/** An attribute followed by what may make it an assignment's target (or one of several). */
const ASSIGNED_ATTRIBUTE = /\.[ \t]*([A-Za-z_]\w*)[ \t]*(?:[-+*/%&|^@<>]{0,3}=(?!=)|[:,)\]])/g;

/** A span of text to parse: offsets into the file. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

function isWordChar(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57);
}

const STRING_PREFIX = /^(?:[rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])$/;

/** Thrown inside the scanner when it meets something it does not model; the file is then parsed whole. */
class Unsure extends Error {}

/** Words and facts gathered for one statement or part while scanning it. */
class Collector {
  readonly words = new Set<string>();
  hasGeneratorExpression = false;
  readonly globals: string[] = [];
  /** The first words of its first line that is not a decorator (`def f`, `async def f`, `class C`). */
  readonly head: string[] = [];
  /** Only decorator lines so far: the next line at the same indentation continues it. */
  decoratorOnly: boolean;

  constructor(readonly start: number, decorator: boolean) {
    this.decoratorOnly = decorator;
  }

  get isDefinition(): boolean {
    const first = this.head[0] === 'async' ? this.head[1] : this.head[0];
    return first === 'def' || first === 'class';
  }

  get name(): string | null {
    if (!this.isDefinition) return null;
    return (this.head[0] === 'async' ? this.head[2] : this.head[1]) ?? null;
  }
}

interface OpenClass {
  /** The indentation of the body's first line; members start at exactly this one. */
  indent: string | null;
  header: Collector;
  members: { collector: Collector; end: number }[];
  /** An indentation the split does not model (tabs mixed differently): the class stays whole. */
  broken: boolean;
}

/**
 * Splits `text` into top-level statements, or returns null when the pre-pass is unsure of the file's
 * shape (the caller then parses it whole). Decorators belong to the definition they decorate; blank
 * lines and comments between statements belong to the statement before them.
 */
export function splitTopLevel(text: string): TopLevelStatement[] | null {
  try {
    return new Scanner(text).run();
  } catch (error) {
    if (error instanceof Unsure) return null;
    throw error;
  }
}

class Scanner {
  private at = 0;
  private readonly brackets: number[] = [];
  private readonly statements: TopLevelStatement[] = [];
  private current: Collector | null = null;
  /** The class being split, while `current` is a class statement. */
  private openClass: OpenClass | null = null;
  /** The class member being read (`openClass.members`' last), if any. */
  private member: Collector | null = null;
  /** Words of the current logical line so far (outside brackets), for `global`. */
  private lineWords = 0;
  private inGlobal = false;
  /** The collectors whose head the current logical line gives (its first words say what it is). */
  private headOf: Collector[] = [];

  private readonly hasCarriageReturn: boolean;
  /** The first backslash at or after the position last asked about, or -1 when none is left (see `skipLongString`). */
  private nextBackslash = -2;

  constructor(private readonly text: string) {
    this.hasCarriageReturn = text.includes('\r');
  }

  run(): TopLevelStatement[] {
    const text = this.text;
    // A byte order mark is not code (tree-sitter skips it too).
    if (text.charCodeAt(0) === 0xfeff) this.at = 1;
    while (this.at < text.length) {
      this.startLogicalLine();
      if (this.at >= text.length) break;
      this.scanLogicalLine();
    }
    if (this.brackets.length > 0) throw new Unsure();
    this.closeStatement(text.length);
    // The text before the first statement (comments, a BOM) goes with it.
    const first = this.statements[0];
    if (first !== undefined && first.start !== 0) {
      const classBody = first.classBody === null ? null : { ...first.classBody, header: { ...first.classBody.header, start: 0, text: text.slice(0, first.classBody.header.end) } };
      this.statements[0] = { ...first, start: 0, text: text.slice(0, first.end), classBody };
    }
    return this.statements;
  }

  /** Skips blank and comment-only lines; at code, opens a statement (or a class member) as its indentation says. */
  private startLogicalLine(): void {
    const text = this.text;
    for (;;) {
      const lineStart = this.at;
      while (this.at < text.length) {
        const c = text.charCodeAt(this.at);
        if (c === 32 || c === 9) this.at++;
        // A form feed resets Python's indentation count; tree-sitter's may differ: parse whole.
        else if (c === 12) throw new Unsure();
        else break;
      }
      if (this.at >= text.length) return;
      const c = text.charCodeAt(this.at);
      if (c === 35) {
        this.skipComment();
        this.skipNewline();
        continue;
      }
      if (c === 10 || c === 13) {
        this.skipNewline();
        continue;
      }
      // A backslash continuation starting a line: rare enough to give up on.
      if (c === 92 && this.isLineContinuation(this.at)) throw new Unsure();
      this.lineWords = 0;
      this.inGlobal = false;
      this.headOf = [];
      const indent = text.slice(lineStart, this.at);
      const decorator = c === 64;
      if (indent === '') {
        if (this.current !== null && this.current.decoratorOnly) {
          // A decorator's definition follows on the next top-level line.
          this.current.decoratorOnly = decorator;
        } else {
          this.closeStatement(lineStart);
          this.current = new Collector(lineStart, decorator);
        }
        if (!decorator) this.headOf = [this.current];
        return;
      }
      if (this.current === null) throw new Unsure();
      this.startBodyLine(lineStart, indent, decorator);
      return;
    }
  }

  /** An indented line of the current statement: in a class, it may start a member. */
  private startBodyLine(lineStart: number, indent: string, decorator: boolean): void {
    const current = this.current;
    if (current === null) return;
    if (this.openClass === null && current.head[0] === 'class' && !current.decoratorOnly && this.member === null) {
      this.openClass = { indent: null, header: current, members: [], broken: false };
    }
    const open = this.openClass;
    if (open === null || open.broken) return;
    if (open.indent === null) open.indent = indent;
    if (indent === open.indent) {
      if (this.member !== null && this.member.decoratorOnly) {
        this.member.decoratorOnly = decorator;
      } else {
        this.closeMember(lineStart);
        this.member = new Collector(lineStart, decorator);
        open.members.push({ collector: this.member, end: -1 });
      }
      if (!decorator) this.headOf = [this.member];
    } else if (!indent.startsWith(open.indent)) {
      open.broken = true;
    }
  }

  private closeMember(end: number): void {
    const last = this.openClass?.members[this.openClass.members.length - 1];
    if (last !== undefined && last.end < 0) last.end = end;
    this.member = null;
  }

  private closeStatement(end: number): void {
    const open = this.current;
    if (open === null) return;
    this.closeMember(end);
    const openClass = this.openClass;
    this.current = null;
    this.openClass = null;
    const isDefinition = open.isDefinition;
    const name = open.name;
    const text = this.text;
    let classBody: ClassBody | null = null;
    const firstMember = openClass?.members[0];
    if (openClass !== null && !openClass.broken && firstMember !== undefined && name !== null && open.head[0] === 'class') {
      const header = openClass.header;
      const headerEnd = firstMember.collector.start;
      classBody = {
        name,
        header: { start: open.start, end: headerEnd, text: text.slice(open.start, headerEnd), words: header.words, hasGeneratorExpression: header.hasGeneratorExpression },
        members: openClass.members.map(({ collector, end: memberEnd }) => ({
          start: collector.start,
          end: memberEnd,
          text: text.slice(collector.start, memberEnd),
          words: collector.words,
          hasGeneratorExpression: collector.hasGeneratorExpression,
          isDefinition: collector.isDefinition,
          name: collector.name,
          globals: collector.globals,
          attributes: [...new Set(Array.from(text.slice(collector.start, memberEnd).matchAll(ASSIGNED_ATTRIBUTE), (match) => match[1] ?? ''))],
        })),
      };
    }
    const globals = [...open.globals, ...(classBody?.members.flatMap((member) => member.globals) ?? [])];
    const ownWords = open.words;
    let words: ReadonlySet<string> | null = classBody === null ? ownWords : null;
    this.statements.push({
      start: open.start,
      end,
      text: text.slice(open.start, end),
      // A split class's words are its header's and members' together, gathered only if asked for
      // (the choice of parts looks at the header and members one by one).
      get words(): ReadonlySet<string> {
        words ??= new Set([...ownWords, ...(classBody?.members.flatMap((member) => [...member.words]) ?? [])]);
        return words;
      },
      hasGeneratorExpression: open.hasGeneratorExpression || (classBody?.members.some((member) => member.hasGeneratorExpression) ?? false),
      isDefinition,
      binds: [...(isDefinition && name !== null ? [name] : []), ...globals],
      classBody,
    });
  }

  /** The collector that gathers the words being read: the class member's, or the statement's. */
  private collector(): Collector {
    const collector = this.member ?? this.current;
    if (collector === null) throw new Unsure();
    return collector;
  }

  /** Code up to the end of the logical line (a newline outside brackets), which it consumes. */
  private scanLogicalLine(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c === 10 || c === 13) {
        this.skipNewline();
        if (this.brackets.length === 0) return;
        continue;
      }
      // Spaces and operators, the commonest characters, without a call.
      if (c === 32 || (c >= 42 && c <= 47) || (c >= 58 && c <= 62) || c === 44 || c === 9 || c === 33 || c === 37 || c === 38 || c === 124 || c === 126 || c === 94) {
        this.at++;
        continue;
      }
      this.scanToken(false);
    }
  }

  /**
   * One token of code (or whitespace), consuming it. `inInterpolation`: inside an f-string's braces,
   * where a `}` or `:` at the interpolation's own depth ends the expression (the caller checks).
   */
  private scanToken(inInterpolation: boolean): void {
    const text = this.text;
    const c = text.charCodeAt(this.at);
    if (c === 35) {
      if (inInterpolation) throw new Unsure();
      this.skipComment();
      return;
    }
    if (c === 92) {
      if (!this.isLineContinuation(this.at)) throw new Unsure();
      this.at++;
      this.skipNewline();
      return;
    }
    if (c === 39 || c === 34) {
      this.scanString('');
      return;
    }
    if (isWordStart(c)) {
      const start = this.at;
      while (this.at < text.length && isWordChar(text.charCodeAt(this.at))) this.at++;
      const word = text.slice(start, this.at);
      const next = text.charCodeAt(this.at);
      if ((next === 39 || next === 34) && STRING_PREFIX.test(word)) {
        this.scanString(word);
        return;
      }
      this.addWord(word, inInterpolation);
      return;
    }
    if (c >= 48 && c <= 57) {
      // A number (with its exponent, suffix or underscores): not a name.
      while (this.at < text.length && (isWordChar(text.charCodeAt(this.at)) || text.charCodeAt(this.at) === 46)) this.at++;
      return;
    }
    if (c === 40 || c === 91 || c === 123) {
      this.brackets.push(c);
      this.at++;
      return;
    }
    if (c === 41 || c === 93 || c === 125) {
      if (this.brackets.pop() === undefined) throw new Unsure();
      this.at++;
      return;
    }
    this.at++;
  }

  private addWord(word: string, inInterpolation: boolean): void {
    const collector = this.collector();
    collector.words.add(word);
    if (word === 'for' && this.brackets[this.brackets.length - 1] === 40) collector.hasGeneratorExpression = true;
    if (inInterpolation || this.brackets.length > 0) return;
    for (const owner of this.headOf) if (owner.head.length < 3) owner.head.push(word);
    if (this.inGlobal) collector.globals.push(word);
    else if (word === 'global' && this.lineWords === 0) this.inGlobal = true;
    this.lineWords++;
  }

  /** A string literal starting at `this.at` (its quote), with `prefix` already consumed. */
  private scanString(prefix: string): void {
    const text = this.text;
    const quote = text.charCodeAt(this.at);
    const triple = text.charCodeAt(this.at + 1) === quote && text.charCodeAt(this.at + 2) === quote;
    const formatted = /[fF]/.test(prefix);
    this.at += triple ? 3 : 1;
    if (triple && !formatted) {
      this.skipLongString(quote === 39 ? "'''" : '"""');
      return;
    }
    for (;;) {
      if (this.at >= text.length) throw new Unsure();
      const c = text.charCodeAt(this.at);
      if (c === 92) {
        // An escape, or in a raw string a backslash that still keeps the next quote from closing it.
        this.at += text.charCodeAt(this.at + 1) === 13 && text.charCodeAt(this.at + 2) === 10 ? 3 : 2;
        continue;
      }
      if (c === quote) {
        if (!triple) {
          this.at++;
          return;
        }
        if (text.charCodeAt(this.at + 1) === quote && text.charCodeAt(this.at + 2) === quote) {
          this.at += 3;
          return;
        }
        this.at++;
        continue;
      }
      if ((c === 10 || c === 13) && !triple) throw new Unsure();
      if (formatted && c === 123) {
        if (text.charCodeAt(this.at + 1) === 123) {
          this.at += 2;
          continue;
        }
        this.at++;
        this.scanInterpolation();
        continue;
      }
      this.at++;
    }
  }

  /**
   * The rest of a triple-quoted string that is not an f-string (docstrings: most of a file's strings by
   * size), found with `indexOf`: the closing quotes, unless a backslash before them escapes a character.
   */
  private skipLongString(closing: string): void {
    const text = this.text;
    let close = -1;
    for (;;) {
      if (close < this.at) close = text.indexOf(closing, this.at);
      if (close === -1) throw new Unsure();
      // The next backslash of the whole text, kept across strings: searching afresh from each string
      // would scan to the end of a file that has none left, once per docstring.
      if (this.nextBackslash !== -1 && this.nextBackslash < this.at) this.nextBackslash = text.indexOf('\\', this.at);
      const backslash = this.nextBackslash;
      if (backslash === -1 || backslash >= close) {
        this.at = close + 3;
        return;
      }
      this.at = backslash + (text.charCodeAt(backslash + 1) === 13 && text.charCodeAt(backslash + 2) === 10 ? 3 : 2);
    }
  }

  /** An f-string's `{...}` after its `{`: code, then an optional format spec with nested fields, then `}`. */
  private scanInterpolation(): void {
    const text = this.text;
    const depth = this.brackets.length;
    for (;;) {
      if (this.at >= text.length) throw new Unsure();
      const c = text.charCodeAt(this.at);
      if (this.brackets.length === depth) {
        if (c === 125) {
          this.at++;
          return;
        }
        if (c === 58 && text.charCodeAt(this.at + 1) !== 61) {
          this.at++;
          this.scanFormatSpec();
          return;
        }
        if (c === 33 && text.charCodeAt(this.at + 1) !== 61) {
          // A conversion (`!r`), then a spec or the closing brace.
          this.at += 2;
          continue;
        }
      }
      if (c === 10 || c === 13) {
        this.skipNewline();
        continue;
      }
      if ((c === 41 || c === 93 || c === 125) && this.brackets.length <= depth) throw new Unsure();
      this.scanToken(true);
    }
  }

  /** A format spec after its `:`, up to and including the field's closing `}`. */
  private scanFormatSpec(): void {
    const text = this.text;
    for (;;) {
      if (this.at >= text.length) throw new Unsure();
      const c = text.charCodeAt(this.at);
      if (c === 125) {
        this.at++;
        return;
      }
      if (c === 123) {
        this.at++;
        this.scanInterpolation();
        continue;
      }
      if (c === 10 || c === 13) throw new Unsure();
      this.at++;
    }
  }

  private skipComment(): void {
    const text = this.text;
    const newline = text.indexOf('\n', this.at);
    const end = newline === -1 ? text.length : newline;
    // A lone `\r` ends a line too (rare: looked for only up to the `\n`).
    const carriageReturn = this.hasCarriageReturn ? text.indexOf('\r', this.at) : -1;
    this.at = carriageReturn !== -1 && carriageReturn < end ? carriageReturn : end;
  }

  private skipNewline(): void {
    const text = this.text;
    if (text.charCodeAt(this.at) === 13) this.at++;
    if (text.charCodeAt(this.at) === 10) this.at++;
  }

  private isLineContinuation(at: number): boolean {
    const next = this.text.charCodeAt(at + 1);
    return next === 10 || next === 13;
  }
}

/** A unit of inclusion: a top-level statement, or a split class's header or member. */
interface Unit {
  readonly part: Part;
  /** Index of its split class in `classes`, or -1 for a top-level statement. */
  readonly classIndex: number;
  /** A definition (top-level, or a method or nested class): included only when needed. */
  readonly isDefinition: boolean;
  /** Names it binds where a reference can find it: module-level for statements, class-level for members. */
  readonly names: readonly string[];
  /** Module-level names a member declares `global`. */
  readonly globals: readonly string[];
  /** Attributes a member may assign. */
  readonly attributes: readonly string[];
}

/**
 * The parts of the file the running rules need (see the file header), or null when that is all of
 * it or the pre-pass cannot tell: then the file is parsed whole. A split class (`ClassBody`) keeps its
 * header and the statements of its body that are not definitions whenever any of it is needed, and
 * of its methods those some rule can report in, those that needed code names (as methods, or as
 * attributes they may assign), and the callers in the class of a needed generator method or private
 * method (a rule may count a method's calls in its class). Private module-level functions bring their callers likewise (GEN004 judges a private helper
 * by the arguments its callers pass, as `incremental.ts` does). `rules` are the rules that will run
 * on the file; a rule without `reportsInDefinition` may report anywhere, and the file is parsed whole.
 */
export function neededParts(text: string, rules: readonly RuleDefinition[]): TextSpan[] | null {
  const check = rules.filter((rule) => rule.checkFunction !== undefined || rule.checkNode !== undefined);
  if (check.some((rule) => rule.reportsInDefinition === undefined)) return null;
  const statements = splitTopLevel(text);
  if (statements === null) return null;
  const reports = (part: DefinitionText): boolean => check.some((rule) => rule.reportsInDefinition?.(part) === true);

  const units: Unit[] = [];
  const classes: { body: ClassBody; header: number; members: number[]; touched: boolean }[] = [];
  for (const statement of statements) {
    const body = statement.classBody;
    if (body === null) {
      units.push({ part: statement, classIndex: -1, isDefinition: statement.isDefinition, names: statement.binds, globals: [], attributes: [] });
      continue;
    }
    const classIndex = classes.length;
    const header = units.length;
    units.push({ part: body.header, classIndex, isDefinition: false, names: [body.name], globals: [], attributes: [] });
    const members: number[] = [];
    for (const member of body.members) {
      members.push(units.length);
      units.push({ part: member, classIndex, isDefinition: member.isDefinition, names: member.name === null ? [] : [member.name], globals: member.globals, attributes: member.attributes });
    }
    classes.push({ body, header, members, touched: false });
  }

  const included: boolean[] = units.map(() => false);
  const seed: boolean[] = units.map((unit) => (unit.classIndex < 0 && !unit.isDefinition) || reports(unit.part));
  const pending: number[] = [];
  const seen = new Set<string>();
  const include = (index: number): void => {
    if (included[index] === true) return;
    included[index] = true;
    pending.push(index);
    const classIndex = units[index]?.classIndex ?? -1;
    if (classIndex >= 0) touch(classIndex);
  };
  const touch = (classIndex: number): void => {
    const split = classes[classIndex];
    if (split === undefined || split.touched) return;
    split.touched = true;
    include(split.header);
    for (const member of split.members) {
      const unit = units[member];
      if (unit !== undefined && (!unit.isDefinition || unit.names.some((name) => seen.has(name)) || unit.attributes.some((name) => seen.has(name)))) include(member);
    }
  };
  // Where a word leads: top-level definitions (and members declaring it `global`), classes, and methods
  // (followed only in classes that are needed anyway).
  const bindersOf = new Map<string, number[]>();
  const membersNamed = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, name: string, index: number): void => {
    const list = map.get(name);
    if (list === undefined) map.set(name, [index]);
    else list.push(index);
  };
  units.forEach((unit, index) => {
    if (unit.classIndex < 0 || index === classes[unit.classIndex]?.header) for (const name of unit.names) add(bindersOf, name, index);
    else for (const name of [...unit.names, ...unit.attributes]) add(membersNamed, name, index);
    for (const name of unit.globals) add(bindersOf, name, index);
  });
  // The units mentioning each private name, for the callers of private functions and methods.
  let mentions: Map<string, number[]> | null = null;
  const mentioning = (name: string): readonly number[] => {
    if (mentions === null) {
      mentions = new Map();
      for (const [index, unit] of units.entries()) for (const word of unit.part.words) if (isPrivateName(word) || seedNames.has(word)) add(mentions, word, index);
    }
    return mentions.get(name) ?? [];
  };
  const seedNames = new Set<string>();
  for (const [index, unit] of units.entries()) if (seed[index] === true && unit.classIndex >= 0 && unit.isDefinition) for (const name of unit.names) seedNames.add(name);

  units.forEach((_, index) => {
    if (seed[index] === true) include(index);
  });
  for (let index = pending.pop(); index !== undefined; index = pending.pop()) {
    const unit = units[index];
    if (unit === undefined) continue;
    for (const word of unit.part.words) {
      if (seen.has(word)) continue;
      seen.add(word);
      for (const binder of bindersOf.get(word) ?? []) {
        const classIndex = units[binder]?.classIndex ?? -1;
        if (classIndex >= 0 && binder === classes[classIndex]?.header) touch(classIndex);
        else include(binder);
      }
      for (const member of membersNamed.get(word) ?? []) {
        if (classes[units[member]?.classIndex ?? -1]?.touched === true) include(member);
      }
    }
    if (!unit.isDefinition) continue;
    // Callers: of a private function anywhere; of a private or needed generator method in its class.
    for (const name of unit.names) {
      const isMember = unit.classIndex >= 0;
      if (!isPrivateName(name) && !(isMember && seedNames.has(name) && seed[index] === true)) continue;
      for (const caller of mentioning(name)) if (!isMember || units[caller]?.classIndex === unit.classIndex) include(caller);
    }
  }
  // A needed class none of whose methods is needed would have an empty body: it is kept whole.
  for (const split of classes) {
    if (split.touched && split.members.every((member) => included[member] !== true)) for (const member of split.members) included[member] = true;
  }
  if (included.every(Boolean)) return null;
  const spans: TextSpan[] = [];
  units.forEach((unit, index) => {
    if (included[index] !== true) return;
    const last = spans[spans.length - 1];
    if (last !== undefined && last.end === unit.part.start) spans[spans.length - 1] = { start: last.start, end: unit.part.end };
    else spans.push({ start: unit.part.start, end: unit.part.end });
  });
  return spans;
}

/** `_helper`, not `__dunder__`: a name private to its module (or class), whose callers are all in sight. */
function isPrivateName(name: string): boolean {
  return name.startsWith('_') && !(name.startsWith('__') && name.endsWith('__'));
}

/** The ranges to parse for these spans (in order, adjacent ones merged), with tree-sitter's points. */
export function rangesOf(text: string, spans: readonly TextSpan[]): TextRange[] {
  const ranges: TextRange[] = [];
  let row = 0;
  let scanned = 0;
  /** The point of `offset`, rows counted at `\n` as tree-sitter counts them; offsets arrive in order. */
  const pointAt = (offset: number): { row: number; column: number } => {
    for (let at = text.indexOf('\n', scanned); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) row++;
    scanned = offset;
    return { row, column: offset - lastLineStart(text, offset) };
  };
  for (const span of spans) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.endIndex === span.start) {
      last.endIndex = span.end;
      last.endPosition = pointAt(span.end);
      continue;
    }
    const startPosition = pointAt(span.start);
    ranges.push({ startIndex: span.start, endIndex: span.end, startPosition, endPosition: pointAt(span.end) });
  }
  return ranges;
}

function lastLineStart(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** For rules that report only in generator bodies: a `yield` (a generator function) or a generator expression. */
export function mayHoldGenerator(definition: DefinitionText): boolean {
  return definition.hasGeneratorExpression || definition.words.has('yield');
}
