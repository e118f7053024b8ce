// The per-file work of a `check` run, in two phases: (1) read, parse and summarise a file for the
// workspace index; (2) analyse it against that index. Used in-process and inside worker threads alike,
// so both paths produce the same results. Trees and text are kept between the phases.

import type { Finding } from '@yieldlens/shared';
import { analyzeFile, SemanticModel, summarizeModule, WorkspaceIndex, type ModuleSummary } from '../analysis/index.js';
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

export interface SummaryResult {
  id: number;
  summary: ModuleSummary | null;
  problem: FileProblem | null;
  lines: number;
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
}

export class FileJobRunner {
  private readonly parsed = new Map<number, ParsedFile>();
  private readonly failed = new Map<number, FileProblem>();

  /** Phase 1. A file that cannot be read or parsed keeps its problem for phase 2 to report. */
  summarize(task: FileTask): SummaryResult {
    const source = readSource(task.absolute);
    if (!source.ok) return this.fail(task.id, { message: source.message, internal: false });
    try {
      const tree = parsePython(source.text);
      const model = new SemanticModel(tree, source.text);
      const summary = summarizeModule(task.display, task.moduleName, model);
      this.parsed.set(task.id, { task, text: source.text, tree });
      return { id: task.id, summary, problem: null, lines: countLines(source.text) };
    } catch (error) {
      return this.fail(task.id, describeCrash(error));
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
      });
      const problem = result.syntaxError === null
        ? null
        : { message: `${result.syntaxError.message} at line ${result.syntaxError.line}, column ${result.syntaxError.column}`, internal: false };
      return { id: task.id, findings: result.findings, problem, suppressed: result.suppressed };
    } catch (error) {
      return { id: task.id, findings: [], problem: describeCrash(error), suppressed: 0 };
    }
  }

  private fail(id: number, problem: FileProblem): SummaryResult {
    this.failed.set(id, problem);
    return { id, summary: null, problem, lines: 0 };
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

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}
