// The per-file work of a `check` run: (1a) read and parse a file, noting the names its imports mention;
// (1b) summarise it for the workspace index, only when some checked file may import it; (2) analyse it
// against that index. Used in-process and inside worker threads alike, so both paths produce the same
// results. Trees and text are kept between the steps.

import type { Finding } from '@yieldlens/shared';
import { analyzeFile, modelForAnalysis, summarizeModule, WorkspaceIndex, type ModuleSummary, type SemanticModel } from '../analysis/index.js';
import { parsePython, type Tree } from '../parser.js';
import { readSource } from './source.js';

export interface FileTask {
  id: number;
  display: string;
  absolute: string;
  moduleName: string | null;
  /** Size in bytes at discovery, for scheduling. */
  bytes: number;
}

/** Why a file could not be (fully) analysed; `internal` marks a bug in yieldlens rather than in the input. */
export interface FileProblem {
  message: string;
  internal: boolean;
}

export interface ParseResult {
  id: number;
  problem: FileProblem | null;
  lines: number;
  /** Every word in the file's import statements: module path parts, imported names, aliases. */
  importWords: string[];
}

export interface AnalysisTask {
  id: number;
  /** Enabled rule codes for this file (the selection minus its per-file ignores). */
  enabled: string[];
}

export interface FileOutcome {
  id: number;
  findings: Finding[];
  problem: FileProblem | null;
  suppressed: number;
}

interface ParsedFile {
  task: FileTask;
  text: string;
  tree: Tree;
  /** Built for the summary and reused by the analysis. */
  model?: SemanticModel;
}

export class FileJobRunner {
  private readonly parsed = new Map<number, ParsedFile>();
  private readonly failed = new Map<number, FileProblem>();

  /** Step 1a. A file that cannot be read or parsed keeps its problem for phase 2 to report. */
  parse(task: FileTask): ParseResult {
    const source = readSource(task.absolute);
    if (!source.ok) return this.fail(task.id, { message: source.message, internal: false });
    try {
      const tree = parsePython(source.text);
      this.parsed.set(task.id, { task, text: source.text, tree });
      return { id: task.id, problem: null, lines: countLines(source.text), importWords: importWords(source.text) };
    } catch (error) {
      return this.fail(task.id, describeCrash(error));
    }
  }

  /**
   * Step 1b, for a file parsed here: its module summary, or null when it failed (the problem is kept
   * for phase 2 to report; the index simply lacks the module).
   */
  summarize(id: number): ModuleSummary | null {
    const file = this.parsed.get(id);
    if (file === undefined) return null;
    try {
      file.model = modelForAnalysis(file.tree, file.text);
      return summarizeModule(file.task.display, file.task.moduleName, file.model);
    } catch (error) {
      this.parsed.delete(id);
      this.failed.set(id, describeCrash(error));
      return null;
    }
  }

  /** Phase 2. Releases the file's tree and text once done. */
  analyze(task: AnalysisTask, index: WorkspaceIndex): FileOutcome {
    const failure = this.failed.get(task.id);
    if (failure !== undefined) {
      this.failed.delete(task.id);
      return { id: task.id, findings: [], problem: failure, suppressed: 0 };
    }
    const file = this.parsed.get(task.id);
    if (file === undefined) return { id: task.id, findings: [], problem: { message: 'internal error: file was not prepared', internal: true }, suppressed: 0 };
    this.parsed.delete(task.id);
    try {
      const result = analyzeFile({
        file: file.task.display,
        text: file.text,
        tree: file.tree,
        enabled: new Set(task.enabled),
        index,
        moduleName: file.task.moduleName ?? undefined,
        ...(file.model === undefined ? {} : { model: file.model }),
      });
      const problem = result.syntaxError === null
        ? null
        : { message: `${result.syntaxError.message} at line ${result.syntaxError.line}, column ${result.syntaxError.column}`, internal: false };
      return { id: task.id, findings: result.findings, problem, suppressed: result.suppressed };
    } catch (error) {
      return { id: task.id, findings: [], problem: describeCrash(error), suppressed: 0 };
    }
  }

  private fail(id: number, problem: FileProblem): ParseResult {
    this.failed.set(id, problem);
    return { id, problem, lines: 0, importWords: [] };
  }
}

/**
 * A stack overflow on pathologically nested code is a property of the input, reported like a syntax
 * error; anything else thrown by the analysis is a yieldlens bug and says so.
 */
function describeCrash(error: unknown): FileProblem {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { message: 'too deeply nested to analyse (maximum call stack size exceeded)', internal: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `internal error while analysing this file: ${message.split('\n')[0] ?? message}`, internal: true };
}

/**
 * The words of every import statement, conservatively: for each `import` keyword (statements nested in
 * functions, after `;` or `try:` included), the words of its logical line, with backslash continuations
 * on either side and a parenthesised name list. Words from a comment or string that mentions `import`
 * only add summaries. A text scan, 16 times cheaper than a tree query and never missing a word the
 * tree's import statements hold (checked over the CPython 3.13 standard library).
 */
export function importWords(text: string): string[] {
  const words = new Set<string>();
  const importKeyword = /\bimport\b/g;
  for (let match = importKeyword.exec(text); match !== null; match = importKeyword.exec(text)) {
    let start = text.lastIndexOf('\n', match.index) + 1;
    // `from pkg.mod \` + newline + `import name`: the module is on an earlier physical line.
    while (start > 1 && endsWithBackslash(text, start - 1)) start = text.lastIndexOf('\n', start - 2) + 1;
    let end = lineEnd(text, match.index);
    const open = text.indexOf('(', match.index);
    if (open !== -1 && open < end) {
      const close = text.indexOf(')', open);
      end = close === -1 ? text.length : Math.max(end, close);
    }
    while (end < text.length && endsWithBackslash(text, end)) end = lineEnd(text, end + 1);
    for (const word of text.slice(start, end).match(/\w+/g) ?? []) words.add(word);
    importKeyword.lastIndex = Math.max(importKeyword.lastIndex, end);
  }
  return [...words];
}

function lineEnd(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

/** Whether the physical line ending at `newline` (the offset of its `\n`) ends with a backslash. */
function endsWithBackslash(text: string, newline: number): boolean {
  let last = newline - 1;
  if (text.charCodeAt(last) === 13) last--;
  return text.charCodeAt(last) === 92;
}

/**
 * Whether a checked file may import the module: the last part of its dotted name (`mod` of
 * `pkg.mod`, `pkg` of `pkg/__init__.py`) is a word of some import statement (`import pkg.mod`,
 * `from pkg import mod`, `from .mod import f`, `from . import mod`). Modules nobody imports need no
 * summary: the index is only consulted to resolve imports. Without a module name, nothing can.
 */
export function mayBeImported(moduleName: string | null, words: ReadonlySet<string>): boolean {
  if (moduleName === null) return false;
  return words.has(moduleName.slice(moduleName.lastIndexOf('.') + 1));
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}
