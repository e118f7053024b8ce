// The per-file work of a `check` run: read, parse and analyse one file against the workspace index.
// The index summarises a module only when a rule's resolution reaches it (read, parsed and summarised
// here, then cached): rules consult a few dozen modules of a thousand. Used in-process and inside worker
// threads alike, so both paths produce the same results.

import type { Finding } from '@yieldlens/shared';
import { analyzeFile, modelForAnalysis, summarizeModule, WorkspaceIndex, type ModuleSummary, type SemanticModel } from '../analysis/index.js';
import { parsePython, type Tree } from '../parser.js';
import { readSource } from '../project/index.js';

export interface FileTask {
  id: number;
  display: string;
  absolute: string;
  moduleName: string | null;
  /** Size in bytes at discovery, for scheduling. */
  bytes: number;
}

export interface CheckTask extends FileTask {
  /** Enabled rule codes for this file (the selection minus its per-file ignores). */
  enabled: string[];
}

/** A checked file that some import may name. */
export interface ModuleFile {
  display: string;
  absolute: string;
  moduleName: string;
}

/** Why a file could not be (fully) analysed; `internal` marks a bug in yieldlens rather than in the input. */
export interface FileProblem {
  message: string;
  internal: boolean;
}

export interface FileOutcome {
  id: number;
  findings: Finding[];
  problem: FileProblem | null;
  suppressed: number;
  /** Lines of source read, for the benchmark. */
  lines: number;
}

/** A file parsed to summarise it, kept until this thread analyses it too. */
interface ParsedModule {
  text: string;
  tree: Tree;
  model: SemanticModel;
}

export class FileJobRunner {
  private readonly index: WorkspaceIndex;
  private readonly parsedModules = new Map<string, ParsedModule>();

  constructor(modules: readonly ModuleFile[]) {
    // Two files claiming one module name: the last by path wins, as it would in any run.
    const byName = new Map<string, ModuleFile>();
    for (const module of [...modules].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))) byName.set(module.moduleName, module);
    this.index = new WorkspaceIndex([], {
      moduleNames: () => byName.keys(),
      summarize: (name) => {
        const module = byName.get(name);
        return module === undefined ? undefined : this.summarize(module);
      },
    });
  }

  /** Reads, parses and analyses one file; problems become data, never exceptions. */
  check(task: CheckTask): FileOutcome {
    const fail = (problem: FileProblem, lines = 0): FileOutcome => ({ id: task.id, findings: [], problem, suppressed: 0, lines });
    const parsed = this.parsedModules.get(task.absolute);
    this.parsedModules.delete(task.absolute);
    let text = parsed?.text;
    if (text === undefined) {
      const source = readSource(task.absolute);
      if (!source.ok) return fail({ message: source.message, internal: false });
      text = source.text;
    }
    const lines = countLines(text);
    try {
      const tree = parsed?.tree ?? parsePython(text);
      const result = analyzeFile({
        file: task.display,
        text,
        tree,
        enabled: new Set(task.enabled),
        index: this.index,
        moduleName: task.moduleName ?? undefined,
        ...(parsed === undefined ? {} : { model: parsed.model }),
      });
      const problem = result.syntaxError === null
        ? null
        : { message: `${result.syntaxError.message} at line ${result.syntaxError.line}, column ${result.syntaxError.column}`, internal: false };
      return { id: task.id, findings: result.findings, problem, suppressed: result.suppressed, lines };
    } catch (error) {
      return fail(describeCrash(error), lines);
    }
  }

  /** A module's summary for the index, or undefined when the file cannot be read, parsed or summarised. */
  private summarize(module: ModuleFile): ModuleSummary | undefined {
    const source = readSource(module.absolute);
    if (!source.ok) return undefined;
    try {
      const tree = parsePython(source.text);
      const model = modelForAnalysis(tree, source.text);
      const summary = summarizeModule(module.display, module.moduleName, model);
      this.parsedModules.set(module.absolute, { text: source.text, tree, model });
      return summary;
    } catch {
      // The file's own check reports what is wrong with it.
      return undefined;
    }
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
