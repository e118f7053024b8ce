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
}

/** A part of the file to parse, as tree-sitter's `includedRanges` takes it (UTF-16 offsets, rows split at `\n`). */
export interface SourceRange {
  startIndex: number;
  endIndex: number;
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
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

interface Collector {
  words: Set<string>;
  hasGeneratorExpression: boolean;
  /** Names after `global` on the current logical line. */
  globals: string[];
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

interface OpenStatement {
  start: number;
  collector: Collector;
  /** The first words of its first line that is not a decorator. */
  head: string[];
  decoratorOnly: boolean;
}

class Scanner {
  private at = 0;
  private readonly brackets: number[] = [];
  private readonly statements: TopLevelStatement[] = [];
  private current: OpenStatement | null = null;
  /** Words of the current logical line so far (outside brackets), for `global`. */
  private lineWords = 0;
  private inGlobal = false;
  /** The current logical line is the statement's first after its decorators: its first words say what it is. */
  private isHeadLine = false;

  constructor(private readonly text: string) {}

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
    if (first !== undefined && first.start !== 0) this.statements[0] = { ...first, start: 0, text: text.slice(0, first.end) };
    return this.statements;
  }

  /** Skips blank and comment-only lines; at code, opens a statement when the line is not indented. */
  private startLogicalLine(): void {
    const text = this.text;
    for (;;) {
      const lineStart = this.at;
      let indented = false;
      while (this.at < text.length) {
        const c = text.charCodeAt(this.at);
        if (c === 32 || c === 9) {
          indented = true;
          this.at++;
        } else if (c === 12) {
          // A form feed resets Python's indentation count; tree-sitter's may differ: parse whole.
          throw new Unsure();
        } else {
          break;
        }
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
      if (c === 92 && this.isLineContinuation(this.at)) {
        // A backslash continuation starting a line: rare enough to give up on.
        throw new Unsure();
      }
      this.isHeadLine = false;
      if (!indented) {
        const decorator = c === 64;
        if (this.current !== null && this.current.decoratorOnly) {
          // A decorator's definition follows on the next top-level line.
          this.current.decoratorOnly = decorator;
        } else {
          this.closeStatement(lineStart);
          this.current = { start: lineStart, collector: { words: new Set(), hasGeneratorExpression: false, globals: [] }, head: [], decoratorOnly: decorator };
        }
        this.isHeadLine = !decorator;
      } else if (this.current === null) {
        throw new Unsure();
      }
      this.lineWords = 0;
      this.inGlobal = false;
      return;
    }
  }

  private closeStatement(end: number): void {
    const open = this.current;
    if (open === null) return;
    this.current = null;
    const head = open.head;
    const first = head[0] === 'async' ? head[1] : head[0];
    const isDefinition = first === 'def' || first === 'class';
    const name = isDefinition ? (head[0] === 'async' ? head[2] : head[1]) : undefined;
    const binds = isDefinition ? [...(name === undefined ? [] : [name]), ...open.collector.globals] : [...open.collector.globals];
    this.statements.push({
      start: open.start,
      end,
      text: this.text.slice(open.start, end),
      words: open.collector.words,
      hasGeneratorExpression: open.collector.hasGeneratorExpression,
      isDefinition,
      binds,
    });
  }

  /** Code up to the end of the logical line (a newline outside brackets), which it consumes. */
  private scanLogicalLine(): void {
    const text = this.text;
    const collector = this.current?.collector;
    if (collector === undefined) throw new Unsure();
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c === 10 || c === 13) {
        this.skipNewline();
        if (this.brackets.length === 0) return;
        continue;
      }
      this.scanToken(collector, false);
    }
  }

  /**
   * One token of code (or whitespace), consuming it. `inInterpolation`: inside an f-string's braces,
   * where a `}` or `:` at the interpolation's own depth ends the expression (the caller checks).
   */
  private scanToken(collector: Collector, inInterpolation: boolean): void {
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
      this.scanString('', collector);
      return;
    }
    if (isWordStart(c)) {
      const start = this.at;
      while (this.at < text.length && isWordChar(text.charCodeAt(this.at))) this.at++;
      const word = text.slice(start, this.at);
      const next = text.charCodeAt(this.at);
      if ((next === 39 || next === 34) && STRING_PREFIX.test(word)) {
        this.scanString(word, collector);
        return;
      }
      this.addWord(word, collector, inInterpolation);
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

  private addWord(word: string, collector: Collector, inInterpolation: boolean): void {
    collector.words.add(word);
    if (word === 'for' && this.brackets[this.brackets.length - 1] === 40) collector.hasGeneratorExpression = true;
    if (inInterpolation || this.brackets.length > 0) return;
    const open = this.current;
    if (this.isHeadLine && open !== null && open.head.length < 3) open.head.push(word);
    if (this.inGlobal) collector.globals.push(word);
    else if (word === 'global' && this.lineWords === 0) this.inGlobal = true;
    this.lineWords++;
  }

  /** A string literal starting at `this.at` (its quote), with `prefix` already consumed. */
  private scanString(prefix: string, collector: Collector): void {
    const text = this.text;
    const quote = text.charCodeAt(this.at);
    const triple = text.charCodeAt(this.at + 1) === quote && text.charCodeAt(this.at + 2) === quote;
    const formatted = /[fF]/.test(prefix);
    this.at += triple ? 3 : 1;
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
        this.scanInterpolation(collector);
        continue;
      }
      this.at++;
    }
  }

  /** An f-string's `{...}` after its `{`: code, then an optional format spec with nested fields, then `}`. */
  private scanInterpolation(collector: Collector): void {
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
          this.scanFormatSpec(collector);
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
      this.scanToken(collector, true);
    }
  }

  /** A format spec after its `:`, up to and including the field's closing `}`. */
  private scanFormatSpec(collector: Collector): void {
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
        this.scanInterpolation(collector);
        continue;
      }
      if (c === 10 || c === 13) throw new Unsure();
      this.at++;
    }
  }

  private skipComment(): void {
    const text = this.text;
    while (this.at < text.length) {
      const c = text.charCodeAt(this.at);
      if (c === 10 || c === 13) return;
      this.at++;
    }
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

/**
 * The statements the running rules need (see the file header), or null when they are all of them or
 * the pre-pass cannot tell: then the file is parsed whole. `rules` are the rules that will run on the
 * file; a rule without `reportsInDefinition` may report anywhere, and the file is parsed whole.
 */
export function neededStatements(text: string, rules: readonly RuleDefinition[]): TopLevelStatement[] | null {
  const check = rules.filter((rule) => rule.checkFunction !== undefined || rule.checkNode !== undefined);
  if (check.some((rule) => rule.reportsInDefinition === undefined)) return null;
  const statements = splitTopLevel(text);
  if (statements === null) return null;
  const included = statements.map((statement) => !statement.isDefinition || check.some((rule) => rule.reportsInDefinition?.(statement) === true));
  // Definitions named by included code, transitively: what a kept statement's names may resolve to.
  const bySomeName = new Map<string, number[]>();
  for (const [index, statement] of statements.entries()) {
    if (included[index] === true) continue;
    for (const name of statement.binds) {
      const list = bySomeName.get(name);
      if (list === undefined) bySomeName.set(name, [index]);
      else list.push(index);
    }
  }
  const pending = statements.filter((_, index) => included[index] === true);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const statement = pending.pop();
    if (statement === undefined) break;
    for (const word of statement.words) {
      if (seen.has(word)) continue;
      seen.add(word);
      for (const index of bySomeName.get(word) ?? []) {
        if (included[index] === true) continue;
        included[index] = true;
        const referenced = statements[index];
        if (referenced !== undefined) pending.push(referenced);
      }
    }
  }
  if (included.every(Boolean)) return null;
  return statements.filter((_, index) => included[index] === true);
}

/** The ranges to parse for these statements (adjacent ones merged), with tree-sitter's points. */
export function rangesOf(text: string, statements: readonly TopLevelStatement[]): SourceRange[] {
  const ranges: SourceRange[] = [];
  let row = 0;
  let scanned = 0;
  /** The point of `offset`, rows counted at `\n` as tree-sitter counts them; offsets arrive in order. */
  const pointAt = (offset: number): { row: number; column: number } => {
    for (let at = text.indexOf('\n', scanned); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) row++;
    scanned = offset;
    return { row, column: offset - lastLineStart(text, offset) };
  };
  for (const statement of statements) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last.endIndex === statement.start) {
      last.endIndex = statement.end;
      last.endPosition = pointAt(statement.end);
      continue;
    }
    const startPosition = pointAt(statement.start);
    ranges.push({ startIndex: statement.start, endIndex: statement.end, startPosition, endPosition: pointAt(statement.end) });
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
