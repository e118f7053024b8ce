// The per-file work of a `check` run: read, parse and analyse one file against the project's modules on
// disk, then fix it or add `# noqa` comments when asked. Imports resolve through `project/` from the
// file's own import roots, and an imported module is read and summarised only when a rule's resolution
// reaches it (then cached), never reported on: a file's findings are the same whether it is checked
// alone, with others, or as part of its directory. Used in-process and inside worker threads alike, so
// both paths produce the same results.

import type { Finding } from '@yieldlens/shared';
import {
  analyzeFile, fixUntilStable, mayReport, modelForAnalysis, partialParseRanges, summarizeModule, WorkspaceIndex,
  type AnalysisResult, type ModuleSummary, type SemanticModel,
} from '../analysis/index.js';
import { parsePython, parsePythonRanges, type Tree } from '../parser.js';
import { ProjectImports, readSource, writeSourceText, type ImportContext, type SourceEncoding } from '../project/index.js';
import { hashText, summaryHash, type FileDependencies } from './cache.js';
import { addNoqaDirectives } from './noqa.js';
import type { SharedSummaries } from './shared-summaries.js';

export interface FileTask {
  id: number;
  display: string;
  absolute: string;
  /** Size in bytes at discovery, for scheduling. */
  bytes: number;
  /** The source when it does not come from the file (stdin); `absolute` then only places it in the project. */
  text?: string;
  encoding?: SourceEncoding;
}

export interface CheckTask extends FileTask {
  /** Enabled rule codes for this file (the selection minus its per-file ignores). */
  enabled: string[];
}

/** What a run does besides reporting, the same for every file. */
export interface RunSettings {
  /** `apply` writes fixed files, `preview` computes the fixed text without writing (`--diff`, stdin). */
  fix: 'off' | 'apply' | 'preview';
  unsafeFixes: boolean;
  addNoqa: boolean;
  /** Every file of the run: a module summarised for an import and checked later is parsed once. */
  checkedFiles: readonly string[];
  /** Record what each file's analysis looked up in the index (`FileOutcome.deps`), for the cache. */
  recordDependencies?: boolean;
}

/** Why a file could not be (fully) analysed; `internal` marks a bug in yieldlens rather than in the input. */
export interface FileProblem {
  message: string;
  internal: boolean;
  /** Where the problem is, when it has a place (a syntax error, an undecodable byte). */
  line?: number;
  column?: number;
}

export interface FileOutcome {
  id: number;
  /** The findings that remain (after fixing, when fixing). */
  findings: Finding[];
  /** Problems with the file: at most a few, most often none. */
  problems: FileProblem[];
  suppressed: number;
  /** Lines of source read, for the benchmark. */
  lines: number;
  /** Fixes applied (or, in preview, that would be), by rule code. */
  fixed: Record<string, number>;
  /** The text before and after fixing, when fixing changed it and the run previews. */
  change: { before: string; after: string } | null;
  noqaAdded: number;
  /** What the analysis looked up, when the run records it (`RunSettings.recordDependencies`). */
  deps?: FileDependencies;
}

/** A file parsed to summarise it, kept until this thread analyses it too. */
interface ParsedModule {
  text: string;
  encoding: SourceEncoding;
  tree: Tree;
  model: SemanticModel;
}

/** Where a summary came from, hashed, for the dependencies the cache records. */
interface SummaryOrigin {
  file: string;
  content: string;
  summary: string;
}

/** A summary as the threads share it: its JSON and, when the run records dependencies, its origin. */
interface SharedSummary {
  origin: SummaryOrigin | null;
  summary: ModuleSummary;
}

/** Parse and analyse every file whole, even those no rule can report in (for the bench's identity check). */
const PARSE_ALL = process.env['YIELDLENS_PARSE_ALL'] === '1';
/** YIELDLENS_PARTIAL=0 parses every analysed file whole (the bench's identity check of partial parsing). */
const PARTIAL = !PARSE_ALL && process.env['YIELDLENS_PARTIAL'] !== '0';
/** Parsed modules kept for this thread's later check of them (see `summarize`). */
const MAX_KEPT_MODULES = 16;

export class FileJobRunner {
  private readonly imports = new ProjectImports();
  /** One index per distinct search path; files sharing import roots share an index. */
  private readonly indexes = new Map<string, WorkspaceIndex>();
  /** Summaries by file and the name it was imported under, shared by every index. */
  private readonly summaries = new Map<string, ModuleSummary | null>();
  private readonly parsedModules = new Map<string, ParsedModule>();
  private readonly checkedFiles: ReadonlySet<string>;
  /** Where each summary came from, hashed, for the dependencies the cache records. */
  private readonly summaryOrigins = new WeakMap<ModuleSummary, SummaryOrigin>();
  /** The lookups of the file being checked, while recording. */
  private recording: { modules: Map<string, FileDependencies['modules'][number]>; exists: Map<string, boolean> } | null = null;

  /** `shared`: the summaries the threads of a parallel run share (see `SharedSummaries`). */
  constructor(private readonly settings: RunSettings, private readonly shared: SharedSummaries | null = null) {
    this.checkedFiles = new Set(settings.checkedFiles);
  }

  /** The checked files this thread summarised and still holds the parsed text of, until it checks them. */
  keptFiles(): string[] {
    return [...this.parsedModules.keys()];
  }

  /** Lets a kept file go (another thread checks it). */
  forget(file: string): void {
    this.parsedModules.delete(file);
  }

  /** Reads, parses and analyses one file (and fixes it, when asked); problems become data, never exceptions. */
  check(task: CheckTask): FileOutcome {
    const outcome: FileOutcome = { id: task.id, findings: [], problems: [], suppressed: 0, lines: 0, fixed: {}, change: null, noqaAdded: 0 };
    if (this.settings.recordDependencies === true) this.recording = { modules: new Map(), exists: new Map() };
    try {
      this.checkInto(task, outcome);
    } catch (error) {
      // Whatever went wrong stays with this file: the run and every other file's findings go on.
      outcome.findings = [];
      outcome.problems.push(describeCrash(error));
    }
    if (this.recording !== null) {
      outcome.deps = { modules: [...this.recording.modules.values()], exists: [...this.recording.exists].map(([name, exists]) => ({ name, exists })) };
      this.recording = null;
    }
    return outcome;
  }

  private checkInto(task: CheckTask, outcome: FileOutcome): void {
    const parsed = this.parsedModules.get(task.absolute);
    this.parsedModules.delete(task.absolute);
    let text = task.text ?? parsed?.text;
    let encoding = task.encoding ?? parsed?.encoding;
    if (text === undefined) {
      const source = readSource(task.absolute);
      if (!source.ok) {
        outcome.problems.push({ message: source.message, internal: false, ...source.position });
        return;
      }
      text = source.text;
      encoding = source.encoding;
    }
    outcome.lines = countLines(text);
    const enabled = new Set(task.enabled);
    // No enabled rule can report here: the file counts as checked, but is not parsed (the README says
    // that syntax errors are reported only for analysed files). YIELDLENS_PARSE_ALL=1 parses every file.
    if (parsed === undefined && !PARSE_ALL && !mayReport(text, enabled)) return;
    const context = this.imports.contextFor(task.absolute);
    const index = this.indexFor(context);
    const analyze = (source: string, tree?: Tree, model?: SemanticModel): AnalysisResult => analyzeFile({
      file: task.display,
      text: source,
      tree: tree ?? parsePython(source),
      enabled,
      index,
      moduleName: context.moduleName ?? undefined,
      ...(model === undefined ? {} : { model }),
    });
    // A plain report needs only the statements some rule can report in and what they depend on
    // (`partialParseRanges`); fixing and adding `# noqa` rewrite the file and keep the whole tree.
    const plainReport = this.settings.fix === 'off' && !this.settings.addNoqa;
    const tree = parsed?.tree ?? (plainReport ? parsePart(text, enabled) : undefined);
    // No statement of the file can hold a finding (every one is a definition no rule reports in).
    if (tree === null) return;
    let result = analyze(text, tree, parsed?.model);

    if (this.settings.fix !== 'off') {
      const fixing = fixUntilStable(text, (source) => analyze(source), this.settings.unsafeFixes, result);
      result = fixing.analysis;
      if (!fixing.ok) {
        outcome.problems.push({ message: fixing.message, internal: false });
      } else if (fixing.text !== text) {
        const written = this.settings.fix === 'apply' ? writeSource(task.absolute, text, fixing.text, encoding) : null;
        if (written !== null) {
          outcome.problems.push({ message: written, internal: false });
          result = analyze(text);
        } else {
          outcome.fixed = Object.fromEntries(fixing.fixed);
          if (this.settings.fix === 'preview') outcome.change = { before: text, after: fixing.text };
        }
      }
    }

    if (this.settings.addNoqa && result.syntaxError === null && result.findings.length > 0) {
      const added = addNoqaDirectives(text, result.findings, result.tree);
      if (added.count > 0) {
        const written = writeSource(task.absolute, text, added.text, encoding);
        if (written !== null) outcome.problems.push({ message: written, internal: false });
        else outcome.noqaAdded = added.count;
      }
    }

    outcome.findings = result.findings;
    outcome.suppressed = result.suppressed;
    if (result.syntaxError !== null) {
      const { line, column, message } = result.syntaxError;
      outcome.problems.push({ message: `${message} at line ${line}, column ${column}`, internal: false, line, column });
    }
  }

  private indexFor(context: ImportContext): WorkspaceIndex {
    const key = context.searchPath.join('\0');
    let index = this.indexes.get(key);
    if (index === undefined) {
      const resolver = this.imports.resolverFor(context.searchPath);
      index = new WorkspaceIndex([], {
        moduleNames: () => [],
        hasModule: (name) => resolver.resolve(name) !== null,
        summarize: (name) => {
          const file = resolver.resolveFile(name);
          return file === null ? undefined : this.summarize(file, name);
        },
      });
      index.observer = {
        moduleLooked: (name, summary) => {
          if (this.recording === null || this.recording.modules.has(name)) return;
          const origin = summary === undefined ? undefined : this.summaryOrigins.get(summary);
          if (origin !== undefined) {
            this.recording.modules.set(name, { name, ...origin });
            return;
          }
          // No summary: missing, or a file that cannot be read or parsed (then any change counts).
          const file = resolver.resolveFile(name);
          const source = file === null ? null : readSource(file);
          this.recording.modules.set(name, { name, file, content: source?.ok === true ? hashText(source.text) : null, summary: null });
        },
        moduleExists: (name, exists) => {
          if (this.recording !== null && !this.recording.exists.has(name)) this.recording.exists.set(name, exists);
        },
      };
      this.indexes.set(key, index);
    }
    return index;
  }

  /**
   * A module's summary for the indexes, or undefined when the file cannot be read, parsed or summarised:
   * another thread's when it published one (`SharedSummaries`), else made here (and published).
   */
  private summarize(file: string, moduleName: string): ModuleSummary | undefined {
    const key = `${file}\0${moduleName}`;
    const known = this.summaries.get(key);
    if (known !== undefined) return known ?? undefined;
    const claim = this.shared?.claim(key) ?? { kind: 'local' };
    let summary: ModuleSummary | null;
    if (claim.kind === 'ready') {
      const entry = JSON.parse(claim.json) as SharedSummary | null;
      summary = entry?.summary ?? null;
      if (entry !== null && entry.origin !== null && this.settings.recordDependencies === true) this.summaryOrigins.set(entry.summary, entry.origin);
    } else {
      let json = 'null';
      try {
        const made = this.makeSummary(file, moduleName);
        summary = made?.summary ?? null;
        if (made !== null) json = `{"origin":${JSON.stringify(made.origin)},"summary":${made.json}}`;
      } finally {
        if (claim.kind === 'compute') this.shared?.publish(claim.slot, json);
      }
    }
    this.summaries.set(key, summary);
    return summary ?? undefined;
  }

  /** Reads, parses and summarises a module; null when it cannot be read or parsed. */
  private makeSummary(file: string, moduleName: string): { summary: ModuleSummary; json: string; origin: SummaryOrigin | null } | null {
    const source = readSource(file);
    if (!source.ok) return null;
    try {
      const tree = parsePython(source.text);
      const model = modelForAnalysis(tree, source.text);
      // `detachedFromSource`'s JSON round trip, keeping the text for the other threads.
      const json = JSON.stringify(summarizeModule(file, moduleName, model));
      const summary = JSON.parse(json) as ModuleSummary;
      const origin = this.settings.recordDependencies === true ? { file, content: hashText(source.text), summary: summaryHash(summary) } : null;
      if (origin !== null) this.summaryOrigins.set(summary, origin);
      // Kept only for files this run checks (and only until this thread checks them).
      // At most MAX_KEPT_MODULES at a time: rules that resolve many imports (GEN004's helpers) would keep
      // hundreds of trees alive. In a parallel run `checkChunk` checks it next, or lets it go.
      if (this.checkedFiles.has(file) && this.parsedModules.size < MAX_KEPT_MODULES) this.parsedModules.set(file, { text: source.text, encoding: source.encoding, tree, model });
      return { summary, json, origin };
    } catch {
      // The file's own check (when it is checked) reports what is wrong with it.
      return null;
    }
  }
}

/**
 * Checks a chunk of a parallel run: each of its tasks that no other thread has taken (`taken` holds one
 * word per task id, claimed by compare-and-exchange), then each file of the run this thread summarised
 * meanwhile and holds the tree of, when no thread has taken it yet: so a module is parsed once, by the
 * thread that imports it first, as in-process.
 */
export function checkChunk(runner: FileJobRunner, chunk: readonly CheckTask[], taken: Int32Array, byFile: ReadonlyMap<string, CheckTask>): FileOutcome[] {
  const claim = (task: CheckTask): boolean => Atomics.compareExchange(taken, task.id, 0, 1) === 0;
  const results: FileOutcome[] = [];
  for (const task of chunk) if (claim(task)) results.push(runner.check(task));
  // Checking an adopted file may summarise (and keep) more modules: until none is left.
  for (let adopted = true; adopted;) {
    adopted = false;
    for (const file of runner.keptFiles()) {
      const task = byFile.get(file);
      if (task !== undefined && claim(task)) {
        results.push(runner.check(task));
        adopted = true;
      } else {
        runner.forget(file);
      }
    }
  }
  return results;
}

/**
 * The tree of the parts of `text` the analysis needs, or of all of it; null when it needs none. Broken
 * code is parsed whole: tree-sitter's recovery can spread an error over neighbouring statements,
 * differently when some of them are left out, and the findings must not depend on that.
 */
function parsePart(text: string, enabled: ReadonlySet<string>): Tree | null {
  const ranges = PARTIAL ? partialParseRanges(text, enabled) : null;
  if (ranges === null) return parsePython(text);
  if (ranges.length === 0) return null;
  const tree = parsePythonRanges(text, ranges);
  return tree.rootNode.hasError ? parsePython(text) : tree;
}

/** Writes a fixed text back (see `writeSourceText`); a message when it cannot. */
function writeSource(file: string, before: string, after: string, encoding: SourceEncoding | undefined): string | null {
  if (encoding === undefined) return 'cannot write fixes: the file\'s encoding is unknown';
  return writeSourceText(file, before, after, encoding);
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
