// `--format text`, in two styles. `concise`: one finding a line (`path:line:col: CODE [rule-name]
// message`). `full`, ruff's default style: the finding's header, its location, the source lines around
// it with a caret under the range, related locations and the fix's title. Then the files that could
// not be analysed (`path:line:col:` when the problem has a place), an enumeration of the fixes applied
// (`--show-fixes`), and the summary lines. Colour only when writing to a terminal.

import type { CheckReport, FileError, Finding, Severity } from '@yieldlens/shared';
import pc from 'picocolors';
import { fixApplies } from '../../analysis/index.js';
import type { TextStyle } from '../../project/index.js';

type Colors = ReturnType<typeof pc.createColors>;

export interface TextOptions {
  color: boolean;
  style: TextStyle;
  /** The text of a reported file, for excerpts (full style); null when it cannot be read. */
  sourceOf(file: string): string | null;
  /** Whether unsafe fixes count as applicable (`--unsafe-fixes`). */
  unsafeFixes: boolean;
  /** `apply`: `--fix` ran; `preview`: `--diff`; `off`: fixes only counted. */
  fixMode: 'off' | 'apply' | 'preview';
  /** Fixes applied, by file (as reported) and rule code, in report order of the files. */
  fixed: ReadonlyMap<string, Record<string, number>>;
  /** Rule names by code, for the enumeration of fixes. */
  ruleName(code: string): string;
  showFixes: boolean;
  /** `--quiet`: the findings and errors only. */
  quiet: boolean;
}

/** Lines of source shown above and below a finding, as ruff shows them. */
const CONTEXT_LINES = 2;
/** A range spanning more lines shows its first and last lines only. */
const MAX_RANGE_LINES = 6;
const TAB_WIDTH = 4;

export function formatText(report: CheckReport, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  if (options.style === 'concise') {
    for (const finding of report.findings) out.push(conciseLine(finding, options, c));
    for (const error of report.errors) out.push(conciseError(error, c));
  } else {
    for (const finding of report.findings) out.push(fullFinding(finding, options, c), '');
    for (const error of report.errors) out.push(fullError(error, options, c), '');
  }
  if (options.quiet) return out.length === 0 ? '' : `${out.join('\n').replace(/\n+$/, '')}\n`;
  if (options.showFixes && options.fixMode !== 'off' && options.fixed.size > 0) {
    if (options.style === 'concise' && out.length > 0) out.push('');
    for (const line of fixEnumeration(options)) out.push(line);
    out.push('');
  }
  out.push(...summaryLines(report, options, c));
  return `${out.join('\n')}\n`;
}

function conciseLine(finding: Finding, options: TextOptions, c: Colors): string {
  const where = c.bold(`${finding.file}:${finding.line}:${finding.column}:`);
  return `${where} ${severityColor(finding.severity, c)(c.bold(finding.code))} ${c.dim(`[${finding.rule}]`)} ${finding.message}`;
}

/** `path:line:col: error: message` when the problem has a place (clickable in editors and terminals). */
function conciseError(error: FileError, c: Colors): string {
  const where = error.line === undefined ? `${error.file}:` : `${error.file}:${error.line}:${error.column ?? 1}:`;
  return `${c.bold(where)} ${c.red('error:')} ${placelessMessage(error)}`;
}

/** The message without the position it repeats (`syntax error at line 5, column 13`). */
function placelessMessage(error: FileError): string {
  if (error.line === undefined) return error.message;
  return error.message.replace(/ at line \d+, column \d+$/, '');
}

function fullFinding(finding: Finding, options: TextOptions, c: Colors): string {
  const fixable = fixApplies(finding.fix, options.unsafeFixes);
  const marker = fixable ? ` ${c.cyan('[*]')}` : '';
  const lines = [`${severityColor(finding.severity, c)(c.bold(finding.code))}${marker} ${c.dim(`[${finding.rule}]`)} ${c.bold(finding.message)}`];
  lines.push(...excerpt(finding.file, finding, options.sourceOf(finding.file), c));
  for (const related of finding.related) {
    lines.push(`${c.bold(c.cyan('info'))}: ${related.message}`, `  ${c.blue('-->')} ${related.file}:${related.line}:${related.column}`);
  }
  if (finding.fix !== null) {
    const availability = finding.fix.applicability === 'unsafe' && !options.unsafeFixes ? ' (unsafe fix: `--fix --unsafe-fixes` applies it)' : '';
    lines.push(`${c.bold(c.cyan('help'))}: ${finding.fix.title}${availability}`);
    if (options.showFixes && options.fixMode === 'off') for (const line of fixPreview(finding, options.sourceOf(finding.file), c)) lines.push(line);
  }
  return lines.join('\n');
}

function fullError(error: FileError, options: TextOptions, c: Colors): string {
  const header = `${c.red(c.bold('error'))}: ${c.bold(placelessMessage(error))}`;
  if (error.line === undefined) return `${header}\n  ${c.blue('-->')} ${error.file}`;
  const column = error.column ?? 1;
  const range = { line: error.line, column, endLine: error.line, endColumn: column + 1 };
  return [header, ...excerpt(error.file, range, options.sourceOf(error.file), c)].join('\n');
}

interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** ` --> path:line:col`, then the source lines around `range` with carets under it. */
function excerpt(file: string, range: Range, source: string | null, c: Colors): string[] {
  const header = `  ${c.blue('-->')} ${file}:${range.line}:${range.column}`;
  if (source === null) return [header];
  const sourceLines = source.split(/\r\n|\r|\n/);
  // The empty string after a final newline is not a line of the file.
  if (sourceLines.length > 1 && sourceLines[sourceLines.length - 1] === '') sourceLines.pop();
  // A finding at the very end of a file that ends with a newline sits on the empty last line.
  if (range.line > sourceLines.length) return [header];
  let first = Math.max(1, range.line - CONTEXT_LINES);
  let last = Math.min(sourceLines.length, range.endLine + CONTEXT_LINES);
  // Blank context lines at either edge say nothing (ruff trims them too).
  const blank = (line: number): boolean => (sourceLines[line - 1] ?? '').trim() === '';
  while (first < range.line && blank(first)) first++;
  while (last > range.endLine && blank(last)) last--;
  const gutter = String(last).length;
  const bar = (label = ''): string => c.blue(`${label.padStart(gutter)} |`);
  const out = [header, bar()];
  for (let line = first; line <= last; line++) {
    const inRange = line >= range.line && line <= range.endLine;
    const spanned = range.endLine - range.line + 1;
    if (inRange && spanned > MAX_RANGE_LINES && line > range.line + 2 && line < range.endLine - 1) {
      if (line === range.line + 3) out.push(c.blue(`${'.'.repeat(gutter)} |`));
      continue;
    }
    const raw = sourceLines[line - 1] ?? '';
    out.push(`${bar(String(line))} ${expandTabs(raw)}`.trimEnd());
    if (!inRange) continue;
    const from = line === range.line ? range.column : firstNonBlank(raw);
    // End exclusive; a range ending at column 1 of the next line ends this one.
    const to = line === range.endLine ? range.endColumn : raw.length + 1;
    const start = displayWidth(raw.slice(0, from - 1));
    const width = Math.max(1, displayWidth(raw.slice(from - 1, Math.max(from - 1, to - 1))));
    if (line === range.endLine && line !== range.line && to <= 1) continue;
    out.push(`${bar()} ${' '.repeat(start)}${c.red('^'.repeat(width))}`);
  }
  out.push(bar());
  return out;
}

/** The fix as removed (`-`) and added (`+`) lines of the reported file, for `--show-fixes` in the full style. */
function fixPreview(finding: Finding, source: string | null, c: Colors): string[] {
  if (finding.fix === null || source === null) return [];
  const sourceLines = source.split(/\r\n|\r|\n/);
  const edits = [...finding.fix.edits].sort((a, b) => a.line - b.line || a.column - b.column);
  const firstLine = edits[0]?.line ?? finding.line;
  const lastLine = edits.reduce((last, edit) => Math.max(last, edit.endLine), firstLine);
  const before = sourceLines.slice(firstLine - 1, lastLine);
  // Apply the edits to the affected lines only, from the last one back.
  let block = before.join('\n');
  const lineOffsets: number[] = [];
  for (let offset = 0, i = 0; i < before.length; offset += (before[i]?.length ?? 0) + 1, i++) lineOffsets.push(offset);
  const offsetOf = (line: number, column: number): number => (lineOffsets[line - firstLine] ?? block.length) + column - 1;
  for (const edit of [...edits].reverse()) {
    block = block.slice(0, offsetOf(edit.line, edit.column)) + edit.newText.replace(/\r\n?/g, '\n') + block.slice(offsetOf(edit.endLine, edit.endColumn));
  }
  const after = block.split('\n');
  if (after.length > 0 && after[after.length - 1] === '' && before[before.length - 1] !== '') after.pop();
  return [
    ...before.map((line) => c.red(`    - ${expandTabs(line)}`.trimEnd())),
    ...after.map((line) => c.green(`    + ${expandTabs(line)}`.trimEnd())),
  ];
}

function fixEnumeration(options: TextOptions): string[] {
  return formatFixEnumeration(options.fixed, options.fixMode === 'apply', options.ruleName);
}

/** `Fixed N findings:` (or `Would fix`), then each file and how many fixes of each rule, as ruff lists them. */
export function formatFixEnumeration(fixed: ReadonlyMap<string, Record<string, number>>, applied: boolean, ruleName: (code: string) => string): string[] {
  let total = 0;
  for (const counts of fixed.values()) for (const count of Object.values(counts)) total += count;
  const out = [`${applied ? 'Fixed' : 'Would fix'} ${plural(total, 'finding')}:`];
  for (const [file, counts] of fixed) {
    out.push(`- ${file}:`);
    for (const [code, count] of Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      out.push(`    ${count} × ${code} (${ruleName(code)})`);
    }
  }
  return out;
}

function summaryLines(report: CheckReport, options: TextOptions, c: Colors): string[] {
  const checked = `${plural(report.summary.files, 'file')} checked`;
  const unanalysed = report.errors.length === 0 ? '' : `; ${plural(report.errors.length, 'error')} (listed above)`;
  const remaining = report.findings.length;
  const fixed = report.summary.fixed ?? 0;
  const lines: string[] = [];
  if (fixed > 0 && options.fixMode === 'apply') {
    lines.push(c.bold(`Found ${plural(fixed + remaining, 'finding')} (${fixed} fixed, ${remaining} remaining; ${checked}${unanalysed}).`));
  } else if (remaining === 0) {
    lines.push(report.errors.length === 0 ? c.green(`All checks passed (${checked}).`) : `No findings (${checked}${unanalysed}).`);
  } else {
    const files = new Set(report.findings.map((finding) => finding.file)).size;
    lines.push(c.bold(`Found ${plural(remaining, 'finding')} in ${plural(files, 'file')} (${checked}${unanalysed}).`));
  }
  // ruff's wording, so that the hint reads the same in both tools.
  const applicable = report.findings.filter((finding) => fixApplies(finding.fix, options.unsafeFixes)).length;
  const hidden = options.unsafeFixes ? 0 : report.findings.filter((finding) => finding.fix?.applicability === 'unsafe' && finding.fix.edits.length > 0).length;
  const fixes = (count: number): string => `${count} hidden fix${count === 1 ? '' : 'es'} can be enabled with the \`--unsafe-fixes\` option`;
  if (applicable > 0 && hidden > 0) lines.push(`${c.cyan('[*]')} ${applicable} fixable with the \`--fix\` option (${fixes(hidden)}).`);
  else if (applicable > 0) lines.push(`${c.cyan('[*]')} ${applicable} fixable with the \`--fix\` option.`);
  else if (hidden > 0) lines.push(`No fixes available (${fixes(hidden)}).`);
  return lines;
}

function severityColor(severity: Severity, c: Colors): (text: string) => string {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.cyan;
}

function expandTabs(line: string): string {
  return line.replace(/\t/g, ' '.repeat(TAB_WIDTH));
}

/** Terminal columns of `text`: tabs as TAB_WIDTH, a character outside the BMP as one (one code point). */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char === '\t' ? TAB_WIDTH : 1;
  return width;
}

function firstNonBlank(line: string): number {
  const match = /\S/.exec(line);
  return match === null ? 1 : match.index + 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
