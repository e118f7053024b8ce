// Inline suppression comments: `# noqa`, `# noqa: GEN001, GEN004` (the ecosystem's convention),
// `# yieldlens: ignore[rule-name, GEN002]` and the bare `# yieldlens: ignore`, on the line a finding is
// reported on. Also what GEN100 (unused-noqa) reports: entries that named a yieldlens rule but
// suppressed nothing, and codes that name no rule.

import type { Finding } from '@yieldlens/shared';
import type { Tree } from '../parser.js';
import type { LineIndex } from './positions.js';
import { RULES } from './rules/registry.js';
import type { RuleDefinition } from './rules/rule.js';

/** The code of the meta rule that reports useless suppressions. */
export const UNUSED_NOQA_CODE = 'GEN100';

const NOQA = /#\s*noqa(?::\s*(?<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?/gi;
// `ignore` must end the word: `# yieldlens: ignored` or `ignore-this` are prose, not a directive.
const YIELDLENS_IGNORE = /#\s*yieldlens:\s*ignore(?:\[(?<names>[^\]\n]*)\]|(?![\w[-]))/gi;
/** Codes in a `# noqa:` list that belong to yieldlens; the others are other tools' (ruff, flake8). */
const OWN_CODE = /^GEN[0-9]+$/;

/** One entry of a directive's list, with its offsets in the text that was parsed. */
export interface SuppressionEntry {
  /** Upper-cased for codes, lower-cased for names: the form findings are matched against. */
  key: string;
  start: number;
  end: number;
}

/** One `# noqa…` or `# yieldlens: ignore…` directive in a comment or line. */
export interface SuppressionDirective {
  kind: 'noqa' | 'yieldlens';
  /** From its `#` to the end of its codes or closing bracket. */
  start: number;
  end: number;
  /** null: the directive names no codes and suppresses every rule (`# noqa`, `# yieldlens: ignore`). */
  entries: SuppressionEntry[] | null;
  /** For a list: where the entries (inside the brackets, after `noqa:`) begin and end. */
  listStart: number;
  listEnd: number;
}

/** What a line's comment suppresses: everything, a set of codes/names, or nothing. */
export type LineSuppression = 'all' | ReadonlySet<string> | null;

/** Every suppression directive in `text` (a line, or a comment), in order. */
export function parseDirectives(text: string): SuppressionDirective[] {
  if (!text.includes('#')) return [];
  const directives: SuppressionDirective[] = [];
  for (const match of text.matchAll(NOQA)) {
    const start = match.index;
    const codes = match.groups?.['codes'];
    if (codes === undefined) {
      directives.push({ kind: 'noqa', start, end: start + match[0].length, entries: null, listStart: -1, listEnd: -1 });
      continue;
    }
    const listStart = start + match[0].length - codes.length;
    directives.push({ kind: 'noqa', start, end: start + match[0].length, entries: entriesOf(codes, listStart, /[A-Za-z]+[0-9]+/g), listStart, listEnd: listStart + codes.length });
  }
  for (const match of text.matchAll(YIELDLENS_IGNORE)) {
    const start = match.index;
    const names = match.groups?.['names'];
    if (names === undefined) {
      directives.push({ kind: 'yieldlens', start, end: start + match[0].length, entries: null, listStart: -1, listEnd: -1 });
      continue;
    }
    const listStart = start + match[0].length - 1 - names.length;
    directives.push({ kind: 'yieldlens', start, end: start + match[0].length, entries: entriesOf(names, listStart, /[^,\s]+/g), listStart, listEnd: listStart + names.length });
  }
  return directives.sort((a, b) => a.start - b.start);
}

function entriesOf(list: string, offset: number, item: RegExp): SuppressionEntry[] {
  const entries: SuppressionEntry[] = [];
  for (const match of list.matchAll(item)) {
    const word = match[0];
    entries.push({ key: /^[a-z]+\d+$/i.test(word) ? word.toUpperCase() : word.toLowerCase(), start: offset + match.index, end: offset + match.index + word.length });
  }
  return entries;
}

/** Parses the suppression comment of one source line. Keys are upper-cased codes and lower-cased names. */
export function parseSuppression(lineText: string): LineSuppression {
  const directives = parseDirectives(lineText);
  if (directives.some((directive) => directive.entries === null)) return 'all';
  const keys = new Set(directives.flatMap((directive) => (directive.entries ?? []).map((entry) => entry.key)));
  return keys.size === 0 ? null : keys;
}

export function isSuppressed(suppression: LineSuppression, code: string, name: string): boolean {
  if (suppression === null) return false;
  if (suppression === 'all') return true;
  return suppression.has(code) || suppression.has(name);
}

/** The key recorded for a blanket directive that suppressed something. */
const BLANKET = '*';

/**
 * The suppressions of a file, parsed per line on first use, remembering which directive entries
 * suppressed a finding (every matching entry counts, so two directives naming one rule are both used).
 */
export class LineSuppressions {
  private readonly directives = new Map<number, SuppressionDirective[]>();
  private readonly used = new Map<number, Set<string>>();

  constructor(private readonly lineText: (line: number) => string) {}

  /**
   * Whether a finding of `code`/`name` on `line` is suppressed; records the entries that matched.
   * `explicitOnly` ignores blanket directives: GEN100's reports judge those very directives, so only
   * an entry naming GEN100 can silence them.
   */
  suppresses(line: number, code: string, name: string, explicitOnly = false): boolean {
    let directives = this.directives.get(line);
    if (directives === undefined) {
      directives = parseDirectives(this.lineText(line));
      this.directives.set(line, directives);
    }
    let suppressed = false;
    for (const directive of directives) {
      if (explicitOnly && directive.entries === null) continue;
      const matched = directive.entries === null ? BLANKET : directive.entries.find((entry) => entry.key === code || entry.key === name)?.key;
      if (matched === undefined) continue;
      suppressed = true;
      let keys = this.used.get(line);
      if (keys === undefined) {
        keys = new Set();
        this.used.set(line, keys);
      }
      keys.add(matched === BLANKET ? `${directive.kind}:${BLANKET}` : matched);
    }
    return suppressed;
  }

  /** The keys that suppressed something on `line` (`noqa:*` / `yieldlens:*` for blanket directives). */
  usedOn(line: number): ReadonlySet<string> {
    return this.used.get(line) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** A comment of the file, as the tree has it (so `#` inside strings is never taken for one). */
export interface SourceComment {
  text: string;
  /** Offset of the comment in the file. */
  start: number;
  line: number;
}

/** What GEN100 reports about one directive, as offsets into the file. */
export interface UnusedSuppression {
  start: number;
  end: number;
  message: string;
  /** Removes the useless entries, or the whole directive; null when no clean edit exists. */
  edit: { start: number; end: number; newText: string } | null;
}

export interface SuppressionRules {
  /** Every rule code and name yieldlens has. */
  isKnown(key: string): boolean;
  /** Whether the rule with this code or name runs on this file. */
  isEnabled(key: string): boolean;
  /** Every rule that is on by default runs on this file (so a blanket directive's silence means something). */
  allEnabled: boolean;
  /** The meta rule's own code and name: an entry naming it is judged by whether it hides its reports. */
  isSelf(key: string): boolean;
}

/**
 * The directives in `comments` that do nothing: yieldlens codes in `# noqa:` lists and entries of
 * `# yieldlens: ignore[...]` that suppressed no finding (rules that did not run are given the benefit
 * of the doubt), entries that name no rule, and a bare `# yieldlens: ignore` that suppressed nothing
 * while every rule ran. Other tools' codes and the bare `# noqa`, which other tools read too, are
 * never reported. `text` is the file's text, for the edits.
 */
export function unusedSuppressions(text: string, comments: readonly SourceComment[], suppressions: LineSuppressions, rules: SuppressionRules): UnusedSuppression[] {
  const reports: UnusedSuppression[] = [];
  for (const comment of comments) {
    const used = suppressions.usedOn(comment.line);
    for (const directive of parseDirectives(comment.text)) {
      const label = directive.kind === 'noqa' ? '`noqa`' : '`yieldlens: ignore`';
      const start = comment.start + directive.start;
      const end = comment.start + directive.end;
      if (directive.entries === null) {
        if (directive.kind === 'noqa' || used.has(`yieldlens:${BLANKET}`) || !rules.allEnabled) continue;
        reports.push({ start, end, message: `Unused blanket ${label} directive: it suppresses nothing on this line`, edit: removeDirective(text, comment, directive) });
        continue;
      }
      const unknown: SuppressionEntry[] = [];
      const unused: SuppressionEntry[] = [];
      for (const entry of directive.entries) {
        if ((directive.kind === 'noqa' && !OWN_CODE.test(entry.key)) || rules.isSelf(entry.key)) continue;
        if (!rules.isKnown(entry.key)) unknown.push(entry);
        else if (rules.isEnabled(entry.key) && !used.has(entry.key)) unused.push(entry);
      }
      if (unknown.length === 0 && unused.length === 0) continue;
      const spell = (entries: readonly SuppressionEntry[]): string => entries.map((entry) => `\`${comment.text.slice(entry.start, entry.end)}\``).join(', ');
      const reasons = [unused.length > 0 ? `unused: ${spell(unused)}` : '', unknown.length > 0 ? `unknown: ${spell(unknown)}` : ''].filter((part) => part !== '');
      const useless = new Set([...unknown, ...unused]);
      const kept = directive.entries.filter((entry) => !useless.has(entry));
      const edit = kept.length === 0
        ? removeDirective(text, comment, directive)
        : {
            start: comment.start + directive.listStart,
            end: comment.start + directive.listEnd,
            newText: kept.map((entry) => comment.text.slice(entry.start, entry.end)).join(', '),
          };
      reports.push({ start, end, message: `Unused ${label} directive (${reasons.join('; ')})`, edit });
    }
  }
  return reports;
}

/** Deletes a directive and the blanks before it, when nothing but blanks follows it in its comment. */
function removeDirective(text: string, comment: SourceComment, directive: SuppressionDirective): UnusedSuppression['edit'] {
  if (comment.text.slice(directive.end).trim() !== '') return null;
  let start = comment.start + directive.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: comment.start + comment.text.length, newText: '' };
}

const KNOWN_KEYS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => [rule.code, rule.name]));

/**
 * GEN100's findings for a file already analysed: its comments are taken from the tree (one native
 * query, made only when some comment looks like a directive) and judged against what `suppressions`
 * recorded. `enabledKeys` holds the codes and names of the rules that ran.
 */
export function unusedSuppressionFindings(
  file: string,
  tree: Tree,
  lines: LineIndex,
  suppressions: LineSuppressions,
  rule: RuleDefinition,
  enabledKeys: ReadonlySet<string>,
  allEnabled: boolean,
): Finding[] {
  const text = lines.text;
  if (!/#\s*(?:noqa|yieldlens:\s*ignore)/i.test(text)) return [];
  const comments: SourceComment[] = [];
  for (const node of tree.rootNode.descendantsOfType('comment')) {
    const commentText = text.slice(node.startIndex, node.endIndex);
    if (!/noqa|yieldlens/i.test(commentText)) continue;
    comments.push({ text: commentText, start: node.startIndex, line: lines.position(node.startIndex).line });
  }
  const rules: SuppressionRules = {
    isKnown: (key) => KNOWN_KEYS.has(key),
    isEnabled: (key) => enabledKeys.has(key),
    allEnabled,
    isSelf: (key) => key === rule.code || key === rule.name,
  };
  return unusedSuppressions(text, comments, suppressions, rules).map((unused) => {
    const start = lines.position(unused.start);
    const end = lines.position(unused.end);
    let fix: Finding['fix'] = null;
    if (unused.edit !== null && rule.fixTitle !== null) {
      const from = lines.position(unused.edit.start);
      const to = lines.position(unused.edit.end);
      fix = { title: rule.fixTitle, applicability: 'safe', edits: [{ line: from.line, column: from.column, endLine: to.line, endColumn: to.column, newText: unused.edit.newText }] };
    }
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      code: rule.code,
      rule: rule.name,
      severity: rule.severity,
      message: unused.message,
      related: [],
      fix,
    };
  });
}
