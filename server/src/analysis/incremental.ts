// Incremental analysis for the language server: the same findings as `analyzeFile`, but a keystroke
// re-analyses only the top-level statement it touched.
//
// A finding in a top-level statement depends on the statement's own text and on what its names
// resolve to at module level. So each statement is analysed in a small synthetic module made of the
// module-level code (imports, assignments, `if __name__ == ...` blocks: kept verbatim because flow at
// module level crosses statements), the definitions it references (transitively; a generator function
// reduced to its header and a bare `yield` (`_ = yield` when it reads sent values; inside `while True:`
// when it never returns), because the rest of its body cannot change what other code sees of
// it), and the statement itself, verbatim. The result is cached under a key made of exactly those
// texts, so it is reused until one of them changes. Findings map back by offset.

import { createHash } from 'node:crypto';
import type { Finding, RelatedLocation, TextEdit } from '@yieldlens/shared';
import { parsePython, type SyntaxNode, type Tree } from '../parser.js';
import { analyzeFile, analyzeFileSteps, describeSyntaxError, modelForAnalysisSteps, type AnalysisInput, type AnalysisResult, type SyntaxErrorInfo } from './check.js';
import { runSteps, SharedSteps, type Steps } from './steps.js';
import { SemanticModel, type FunctionInfo } from './model/semantic.js';
import { LineIndex } from './positions.js';
import { summarizeFunction } from './workspace/summary.js';
import { neverReturns } from './flow/exhaustion.js';

/** What a top-level statement offers the rest of the module, computed once per distinct text. */
interface StatementFacts {
  /** A small number standing for the statement's text in cache keys. */
  id: number;
  /** A small number standing for the skeleton's text (trailing blank lines aside): equal skeletons, equal interface. */
  skeletonId: number;
  /** Module-level names the statement binds. */
  binds: string[];
  /** Every identifier-like word in the statement: an over-approximation of the names it uses. */
  refs: ReadonlySet<string>;
  /** Words of the skeleton alone (a stub's header), for the transitive closure of references. */
  skeletonRefs: ReadonlySet<string>;
  /** The text other statements are analysed against: verbatim, or a generator function's stub. */
  skeleton: string;
  /** Module-level code (not a def or class): analysed together with all other module-level code. */
  alwaysIncluded: boolean;
  /** `from m import *`: it can rebind any name, so every job includes it. */
  starImport: boolean;
  /** The statement has ERROR or MISSING nodes (the user is typing in it). */
  hasError: boolean;
  /** Broken code that tree-sitter's recovery spread over several top-level nodes (see `analyze`). */
  brokenAcrossStatements: boolean;
}

/** A finding with lines relative to its statement's first line (columns never move: statements start at column 0). */
interface RelativeFinding {
  finding: Finding;
  line: number;
  endLine: number;
  /**
   * Related locations in this file: the statement they lie in, as an index into the job's context
   * (absolute positions shift when an edit above adds a statement), and their line relative to it.
   */
  related: { item: RelatedLocation; contextIndex: number; line: number }[];
  edits: TextEdit[];
}

interface CachedStatement {
  findings: RelativeFinding[];
  suppressed: number;
  /** The statement's first line when analysed, and whether a message names an absolute line. */
  startLine: number;
  mentionsLines: boolean;
}

/** A top-level node as the cursor reports it. */
interface TopLevelNode {
  type: string;
  startIndex: number;
  row: number;
  column: number;
  namedIndex: number;
}

interface Statement {
  start: number;
  /** Up to the next statement: trailing comments (`# noqa`) and blank lines belong to it. */
  end: number;
  startLine: number;
  text: string;
  facts: StatementFacts;
}

export interface IncrementalResult {
  findings: Finding[];
  suppressed: number;
  syntaxError: SyntaxErrorInfo | null;
  lines: LineIndex;
  /** Statements analysed afresh by this call (the rest came from the cache). */
  reanalysed: number;
  /**
   * Changes exactly when what other modules can see of this one may have changed (a definition's
   * header or generator-ness, module-level code); bodies of generator functions do not count.
   */
  signature: string;
  /** The whole file's model when this call built one (`modelForAnalysis`), for callers that need one. */
  model: SemanticModel | null;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
/**
 * Past this many statements to re-analyse, one pass over the whole file is cheaper than one synthetic
 * module each (opening a file, or editing a definition many statements use).
 */
const WHOLE_FILE_THRESHOLD = 12;
/** Caches are dropped wholesale past this many entries: a long editing session must not grow memory. */
const MAX_CACHE_ENTRIES = 20_000;

export class IncrementalAnalyzer {
  private readonly factsByText = new Map<string, StatementFacts>();
  private readonly resultsByKey = new Map<string, CachedStatement[]>();
  private readonly skeletonIds = new Map<string, number>();
  private nextFactsId = 0;

  /**
   * Analyses `input` (whose `tree` must be current), reusing cached per-statement results.
   * `contextKey` must change whenever something outside the text changes findings: the enabled rules,
   * the workspace index, the module name.
   */
  analyze(input: AnalysisInput & { tree: Tree }, contextKey: string): IncrementalResult {
    return runSteps(this.analyzeSteps(input, contextKey));
  }

  /**
   * `analyze` in steps (see `Steps`): one per job analysed afresh, and inside a whole-file analysis one
   * per function. What a step caches is keyed by the texts it read, so abandoning the rest leaves the
   * caches true; the caller must not resume the steps once the document changed. `sharedModel`, when
   * given, holds the building of the whole file's model, should one be needed, where others can finish
   * it (a hover during the analysis then uses that model instead of building its own).
   */
  *analyzeSteps(input: AnalysisInput & { tree: Tree }, contextKey: string, sharedModel?: (build: () => Steps<SemanticModel>) => SharedSteps<SemanticModel>): Steps<IncrementalResult> {
    if (this.resultsByKey.size > MAX_CACHE_ENTRIES || this.factsByText.size > MAX_CACHE_ENTRIES) {
      this.resultsByKey.clear();
      this.factsByText.clear();
      this.skeletonIds.clear();
    }
    const { statements, model } = yield* this.statementsOf(input.tree, input.text, sharedModel);
    const jobs = planJobs(statements, contextKey);
    const results = jobs.map((job) => {
      const cached = this.resultsByKey.get(job.key);
      // A message such as "the `yield` on line 54" is only true where the statement was analysed.
      const moved = cached?.some((result, index) => result.mentionsLines && result.startLine !== statements[job.members[index] ?? -1]?.startLine);
      return moved === true ? undefined : cached;
    });
    let missedStatements = 0;
    let missedWholeFile = false;
    jobs.forEach((job, index) => {
      if (results[index] !== undefined) return;
      missedStatements += job.members.length;
      missedWholeFile ||= job.context === null;
    });
    // Recovery that spread a syntax error over several top-level nodes can change what the rest of the
    // file means to a whole-file analysis (bindings and flow read through the wreck): only one agrees with it.
    const recoveredAcross = statements.some((statement) => statement.facts.brokenAcrossStatements);
    if (missedStatements > WHOLE_FILE_THRESHOLD || missedWholeFile || recoveredAcross) {
      const whole = yield* analyzeFileSteps(model === null ? input : { ...input, model });
      const split = new WholeFileSplit(whole, statements);
      jobs.forEach((job, index) => {
        if (results[index] !== undefined && !recoveredAcross) return;
        const result = split.resultsOf(job);
        results[index] = result;
        // What the wreck made of a job is not what its key stands for once the file parses again.
        if (!recoveredAcross) this.resultsByKey.set(job.key, result);
      });
    }

    const findings: Finding[] = [];
    let suppressed = 0;
    for (const [index, job] of jobs.entries()) {
      let result = results[index];
      if (result === undefined) {
        result = this.analyzeJob(input, statements, job, job.context ?? []);
        this.resultsByKey.set(job.key, result);
        yield;
      }
      for (const [member, position] of job.members.entries()) {
        const statement = statements[position];
        const cached = result[member];
        if (statement === undefined || cached === undefined) continue;
        suppressed += cached.suppressed;
        for (const relative of cached.findings) findings.push(placeFinding(relative, statement, statements, job.context));
      }
    }
    findings.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
    const lines = new LineIndex(input.text);
    // A statement being typed (syntax errors) does not count: the interface it had when it last parsed
    // is the better guess for other modules, and re-summarising on every keystroke is costly.
    const signature = statements.map((statement) => (statement.facts.hasError ? 'E' : statement.facts.skeletonId)).join(',');
    return { findings, suppressed, syntaxError: describeSyntaxError(input.tree, lines), lines, reanalysed: missedStatements, signature, model };
  }

  private *statementsOf(tree: Tree, text: string, sharedModel?: (build: () => Steps<SemanticModel>) => SharedSteps<SemanticModel>): Steps<{ statements: Statement[]; model: SemanticModel | null }> {
    // A unit starts at a node in column 0; `a = 1; b = 2` (or a comment) after it on the same line joins it,
    // so every unit's text starts at a line start and re-parses the same way on its own. A cursor reads
    // the boundaries without making a JS node per statement: this runs on every keystroke.
    const root = tree.rootNode;
    const units: TopLevelNode[][] = [];
    const cursor = root.walk();
    let namedIndex = 0;
    for (let more = cursor.gotoFirstChild(); more; more = cursor.gotoNextSibling()) {
      if (!cursor.nodeIsNamed) continue;
      const position = cursor.startPosition;
      const node: TopLevelNode = { type: cursor.nodeType, startIndex: cursor.startIndex, row: position.row, column: position.column, namedIndex: namedIndex++ };
      const last = units[units.length - 1];
      if (last !== undefined && (node.type === 'comment' || node.column !== 0)) last.push(node);
      else units.push([node]);
    }
    const statements = units.map((unit, position) => {
      const first = unit[0] as TopLevelNode;
      // The first unit also owns the module's leading comments and blank lines, so units tile the file.
      const start = position === 0 ? 0 : first.startIndex;
      const end = units[position + 1]?.[0]?.startIndex ?? text.length;
      const statementText = text.slice(start, end);
      const startLine = position === 0 ? 1 : first.row + 1;
      return { start, end, startLine, text: statementText, facts: this.factsByText.get(statementText) as StatementFacts };
    });
    const unknown = statements.flatMap((statement, position) => (statement.facts === undefined ? [position] : []));
    // Many new texts (opening a file, pasting a block): one model of the whole file answers what one
    // parse and model per statement would, for a fraction of the cost.
    let model: SemanticModel | null = null;
    if (unknown.length > WHOLE_FILE_THRESHOLD) {
      yield;
      const build = (): Steps<SemanticModel> => modelForAnalysisSteps(tree, text);
      model = yield* (sharedModel?.(build) ?? new SharedSteps(build())).steps();
      // Whoever first needs the bindings (this, or a hover between two steps) computes the rest of them.
      yield* model.bindingSteps();
    }
    const fromModel = model === null ? null : factsFromModel(model, statements);
    for (const [count, position] of unknown.entries()) {
      if (count % 16 === 15) yield;
      const statement = statements[position] as Statement;
      const unit = units[position] as TopLevelNode[];
      const first = unit[0] as TopLevelNode;
      statement.facts = this.factsByText.get(statement.text)
        ?? this.learnFacts(unit.filter((node) => node.type !== 'comment').length === 1 ? root.namedChild(first.namedIndex) : null, statement.text, first.startIndex - statement.start, fromModel?.get(position));
    }
    return { statements, model };
  }

  /**
   * Facts of a statement text not seen before (the caller looked in `factsByText` first, so that a
   * known text costs no node). `node` is the unit's only statement, or null for a unit of several
   * (always kept verbatim); `known`, what the whole file's model says of it, when there is one.
   */
  private learnFacts(node: SyntaxNode | null, text: string, nodeOffset: number, known: ModelFacts | undefined): StatementFacts {
    const facts = computeFacts(this.nextFactsId++, node, text, nodeOffset, known);
    // Trailing blank lines do not count: typing a definition after a statement adds some to it, and
    // must not change the key of every job that has the statement in its context.
    const skeletonText = facts.skeleton.trimEnd();
    let skeletonId = this.skeletonIds.get(skeletonText);
    if (skeletonId === undefined) {
      skeletonId = this.skeletonIds.size;
      this.skeletonIds.set(skeletonText, skeletonId);
    }
    facts.skeletonId = skeletonId;
    this.factsByText.set(text, facts);
    return facts;
  }

  private analyzeJob(input: AnalysisInput, statements: readonly Statement[], job: Job, context: readonly number[]): CachedStatement[] {
    // The synthetic module keeps every included statement on its real lines (blank lines stand in for
    // the statements left out), so lines, columns and messages need no translation.
    const members = new Set(job.members);
    const verbatim = new Set(job.verbatim);
    const parts: string[] = [];
    const segments: Segment[] = [];
    let line = 1;
    for (const position of context) {
      const statement = statements[position];
      if (statement === undefined) continue;
      let text = members.has(position) || verbatim.has(position) ? statement.text : statement.facts.skeleton;
      if (!text.endsWith('\n')) text += '\n';
      if (statement.startLine > line) {
        parts.push('\n'.repeat(statement.startLine - line));
        line = statement.startLine;
      }
      parts.push(text);
      const lineCount = countLines(text);
      segments.push({ position, startLine: line, endLine: line + lineCount });
      line += lineCount;
    }
    const synthetic = parts.join('');
    const result = analyzeFile({ ...input, text: synthetic, tree: parsePython(synthetic) });
    return job.members.map((position) => {
      const segment = segments.find((candidate) => candidate.position === position);
      const statement = statements[position];
      if (segment === undefined || statement === undefined) return emptyResult(0);
      return relativize(result, statement, segment.startLine, segment.endLine, segments, context);
    });
  }
}

/**
 * What to analyse together: all module-level code is one job (flow at module level crosses statements),
 * each definition another. A job's context is its members, the definitions binding the names they use
 * (transitively, through the headers of stubs), and star imports (they decide what a bare name means).
 * A job whose context would be large (a name bound by many statements, as in a file of 2,000 `def g():`,
 * or a long chain of definitions each using the next) is analysed with the whole file instead
 * (`context` null): a context that size costs as much as the file, and building one per statement
 * would make opening such a file quadratic.
 */
interface Job {
  members: number[];
  /** Statement positions in order, or null for the whole file. */
  context: number[] | null;
  /** Context statements included verbatim though not members: the callers of a private helper member. */
  verbatim: number[];
  key: string;
}

/** Past this many statements in a job's context, the job is analysed with the whole file. */
const MAX_CONTEXT = 64;

function planJobs(statements: readonly Statement[], contextKey: string): Job[] {
  const binders = new Map<string, number[]>();
  const moduleCode: number[] = [];
  const starImports: number[] = [];
  statements.forEach((statement, position) => {
    for (const name of statement.facts.binds) {
      const list = binders.get(name);
      if (list === undefined) binders.set(name, [position]);
      else list.push(position);
    }
    if (statement.facts.alwaysIncluded) moduleCode.push(position);
    if (statement.facts.starImport) starImports.push(position);
  });
  const closure = (members: readonly number[]): number[] | null => {
    const included = new Set<number>([...members, ...starImports]);
    const limit = Math.max(MAX_CONTEXT, included.size + MAX_CONTEXT);
    const pending: ReadonlySet<string>[] = members.map((position) => statements[position]?.facts.refs ?? new Set<string>());
    for (let words = pending.pop(); words !== undefined; words = pending.pop()) {
      for (const word of words) {
        const positions = binders.get(word);
        if (positions === undefined) continue;
        if (positions.length > limit) return null;
        for (const position of positions) {
          if (included.has(position)) continue;
          included.add(position);
          if (included.size > limit) return null;
          const facts = statements[position]?.facts;
          if (facts !== undefined) pending.push(facts.skeletonRefs);
        }
      }
    }
    return [...included].sort((a, b) => a - b);
  };
  let wholeFileKey: string | undefined;
  // One digest of every statement's text stands for the whole file in the keys of whole-file jobs.
  const wholeFile = (): string => (wholeFileKey ??= createHash('sha1').update(statements.map((statement) => statement.facts.id).join(',')).digest('base64'));
  const keyOf = (members: readonly number[], context: readonly number[] | null, verbatim: readonly number[] = []): string => {
    if (context === null) return `${contextKey}\u0000W${wholeFile()}\u0000${members.join(',')}`;
    const memberSet = new Set(members);
    const verbatimSet = new Set(verbatim);
    // Members and verbatim callers by their text, the rest by their skeleton: all the synthetic module holds.
    const ids = context.map((position) => {
      const facts = statements[position]?.facts;
      return memberSet.has(position) ? `>${facts?.id}` : verbatimSet.has(position) ? `=${facts?.id}` : `s${facts?.skeletonId}`;
    });
    return `${contextKey}\u0000${ids.join(',')}`;
  };
  // GEN004 judges a private helper's parameter by what its callers pass: they are part of its context, verbatim.
  // The statements referring to each private name are indexed once, so that this stays linear in the file.
  const referrers = new Map<string, number[]>();
  statements.forEach((statement, position) => {
    for (const name of statement.facts.refs) {
      if (!isPrivateName(name)) continue;
      const list = referrers.get(name);
      if (list === undefined) referrers.set(name, [position]);
      else list.push(position);
    }
  });
  const callersOfPrivate = (position: number): number[] => {
    const callers = new Set<number>();
    for (const name of statements[position]?.facts.binds ?? []) {
      if (!isPrivateName(name)) continue;
      for (const other of referrers.get(name) ?? []) if (other !== position) callers.add(other);
    }
    return [...callers];
  };
  const jobs: Job[] = [];
  if (moduleCode.length > 0) {
    // Module-level code is one job however long it is: its context is capped past its own size.
    const context = closure(moduleCode);
    jobs.push({ members: moduleCode, context, verbatim: [], key: keyOf(moduleCode, context) });
  }
  statements.forEach((statement, position) => {
    if (statement.facts.alwaysIncluded) return;
    const verbatim = callersOfPrivate(position);
    const own = closure([position]);
    // Too many callers make the context as large as the file: the whole file, which has them all, is cheaper.
    const context = own === null || verbatim.length === 0 ? own
      : verbatim.length > MAX_CONTEXT ? null : [...new Set([...own, ...verbatim])].sort((a, b) => a - b);
    jobs.push({ members: [position], context, verbatim: context === null ? [] : verbatim, key: keyOf([position], context, verbatim) });
  });
  return jobs;
}

/** `_helper`, not `__dunder__`: a name private to its module, whose callers are all in sight. */
function isPrivateName(name: string): boolean {
  return name.startsWith('_') && !(name.startsWith('__') && name.endsWith('__'));
}

function emptyResult(startLine: number): CachedStatement {
  return { findings: [], suppressed: 0, startLine, mentionsLines: false };
}

interface Segment {
  position: number;
  startLine: number;
  endLine: number;
}

/** The findings of `result` on lines [startLine, endLine), relative to `statement`. */
function relativize(result: AnalysisResult, statement: Statement, startLine: number, endLine: number, segments: readonly Segment[], context: readonly number[] | null): CachedStatement {
  const inFocus = (line: number): boolean => line >= startLine && line < endLine;
  const relative: RelativeFinding[] = [];
  let mentionsLines = false;
  for (const finding of result.findings) {
    if (!inFocus(finding.line)) continue;
    mentionsLines ||= /\bline \d/.test(finding.message) || finding.related.some((item) => /\bline \d/.test(item.message));
    const related = finding.related.map((item) => {
      const segment = item.file === finding.file ? segmentAt(segments, item.line) : undefined;
      // A whole-file job's context is every statement: the index is the position itself.
      const contextIndex = segment === undefined ? -1 : context === null ? segment.position : context.indexOf(segment.position);
      return segment === undefined || contextIndex < 0 ? { item, contextIndex: -1, line: 0 } : { item, contextIndex, line: item.line - segment.startLine };
    });
    const edits = (finding.fix?.edits ?? []).map((edit) => ({ ...edit, line: edit.line - startLine, endLine: edit.endLine - startLine }));
    relative.push({ finding, line: finding.line - startLine, endLine: finding.endLine - startLine, related, edits });
  }
  // Suppressions are counted per statement, like findings.
  const suppressed = result.suppressedLines.filter(inFocus).length;
  return { findings: relative, suppressed, startLine: statement.startLine, mentionsLines };
}

/** The segment holding `line`, by binary search (segments are in line order and do not overlap). */
function segmentAt(segments: readonly Segment[], line: number): Segment | undefined {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((segments[mid]?.endLine ?? 0) <= line) low = mid + 1;
    else high = mid;
  }
  const found = segments[low];
  return found !== undefined && line >= found.startLine && line < found.endLine ? found : undefined;
}

/** One whole-file analysis, cut into the per-statement results the cache holds for each job. */
class WholeFileSplit {
  private readonly segments: Segment[];
  /** The findings and suppressed lines of each statement, gathered in one pass. */
  private readonly byStatement: AnalysisResult[];

  constructor(result: AnalysisResult, private readonly statements: readonly Statement[]) {
    this.segments = statements.map((statement, position) => ({
      position,
      startLine: statement.startLine,
      endLine: statements[position + 1]?.startLine ?? Number.MAX_SAFE_INTEGER,
    }));
    this.byStatement = statements.map(() => ({ ...result, findings: [], suppressedLines: [] }));
    for (const finding of result.findings) {
      const segment = segmentAt(this.segments, finding.line);
      if (segment !== undefined) this.byStatement[segment.position]?.findings.push(finding);
    }
    for (const line of result.suppressedLines) {
      const segment = segmentAt(this.segments, line);
      if (segment !== undefined) this.byStatement[segment.position]?.suppressedLines.push(line);
    }
  }

  resultsOf(job: Job): CachedStatement[] {
    return job.members.map((position) => {
      const segment = this.segments[position];
      const statement = this.statements[position];
      const own = this.byStatement[position];
      if (segment === undefined || statement === undefined || own === undefined) return emptyResult(0);
      return relativize(own, statement, segment.startLine, segment.endLine, this.segments, job.context);
    });
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** What one model of the whole file says of a top-level statement (see `factsFromModel`). */
interface ModelFacts {
  binds: string[];
  /** The statement's top-level def, if it is one, as the model sees it. */
  def: FunctionInfo | undefined;
}

/**
 * Per statement, the module-level names bound inside it and its top-level def. Every binding's node lies
 * inside the statement that binds it, and a statement starting at column 0 parses the same alone or in
 * the file, so this equals what a parse of each statement on its own gives — except for `global`
 * declarations and statements with syntax errors (recovery may differ), which `computeFacts` parses alone.
 */
function factsFromModel(model: SemanticModel, statements: readonly Statement[]): Map<number, ModelFacts> {
  const byPosition = new Map<number, ModelFacts>();
  const at = (offset: number): ModelFacts | undefined => {
    let low = 0;
    let high = statements.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((statements[mid]?.end ?? 0) <= offset) low = mid + 1;
      else high = mid;
    }
    if (low >= statements.length) return undefined;
    let facts = byPosition.get(low);
    if (facts === undefined) {
      facts = { binds: [], def: undefined };
      byPosition.set(low, facts);
    }
    return facts;
  };
  statements.forEach((_, position) => byPosition.set(position, { binds: [], def: undefined }));
  for (const [name, bindings] of model.moduleScope.bindings) {
    for (const binding of bindings) {
      const facts = at(binding.node.startIndex);
      if (facts !== undefined && !facts.binds.includes(name)) facts.binds.push(name);
    }
  }
  for (const fn of model.functions) {
    if (fn.parent !== null || fn.kind !== 'def') continue;
    const facts = at(fn.node.startIndex);
    if (facts !== undefined && facts.def === undefined) facts.def = fn;
  }
  return byPosition;
}

function computeFacts(id: number, node: SyntaxNode | null, text: string, nodeOffset: number, known: ModelFacts | undefined): StatementFacts {
  const refs = wordsOf(text);
  const definition = node?.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
  const isDefinition = definition !== null && (definition.type === 'function_definition' || definition.type === 'class_definition');
  const hasError = node === null ? text.length > 0 && parsePython(text).rootNode.hasError : node.hasError;
  const trustModel = known !== undefined && node !== null && !hasError && !refs.has('global');
  let binds: string[];
  let topLevel: FunctionInfo | undefined;
  // The statement parsed on its own (it starts at column 0, so it parses the same way): its bindings,
  // whether a def is a generator, and what a generator's stub must keep of its body.
  let ownModel: SemanticModel | undefined;
  const modelOfStatement = (): SemanticModel => (ownModel ??= new SemanticModel(parsePython(text), text));
  const ownTopLevel = (): FunctionInfo | undefined => modelOfStatement().functions.find((fn) => fn.parent === null && fn.kind === 'def');
  if (trustModel) {
    binds = known.binds;
    topLevel = known.def;
  } else {
    binds = [...modelOfStatement().moduleScope.bindings.keys(), ...modelOfStatement().moduleScope.globals];
    topLevel = ownTopLevel();
  }
  let skeleton = text;
  let skeletonRefs: ReadonlySet<string> = refs;
  if (node !== null && definition !== null && definition.type === 'function_definition') {
    const body = definition.childForFieldName('body');
    if (topLevel !== undefined && topLevel.isGenerator && !topLevel.hasSyntaxError && body !== null) {
      const header = text.slice(0, body.startIndex - node.startIndex + nodeOffset);
      // The stub keeps what other code's rules ask of a generator's body: whether it ever reads a sent
      // value (GEN007) and whether it can return at all (GEN004's `next()` on it).
      // The whole file's model (trusted above) has other offsets: these questions need the statement's own.
      const own = ownTopLevel() ?? topLevel;
      const yieldLine = summarizeFunction(modelOfStatement(), own).discardsSentValues ? 'yield' : '_ = yield';
      const indent = /\n([ \t]*)$/.exec(header)?.[1];
      skeleton = indent !== undefined && neverReturns(own, { text })
        ? `${header}while True:\n${indent}    ${yieldLine}\n`
        : `${header}${yieldLine}\n`;
      skeletonRefs = wordsOf(header);
    }
  }
  const starImport = /\bimport\s*\*/.test(text) && !isDefinition;
  return { id, skeletonId: -1, binds, refs, skeletonRefs, skeleton, alwaysIncluded: !isDefinition, starImport, hasError, brokenAcrossStatements: hasError && node === null };
}

function wordsOf(text: string): Set<string> {
  return new Set(text.match(WORD) ?? []);
}

function placeFinding(relative: RelativeFinding, statement: Statement, statements: readonly Statement[], context: readonly number[] | null): Finding {
  const base = statement.startLine;
  const related = relative.related.map(({ item, contextIndex, line }) => {
    const owner = contextIndex < 0 ? undefined : statements[context === null ? contextIndex : (context[contextIndex] ?? -1)];
    return owner === undefined ? item : { ...item, line: owner.startLine + line };
  });
  const fix = relative.finding.fix === null
    ? null
    : { ...relative.finding.fix, edits: relative.edits.map((edit) => ({ ...edit, line: edit.line + base, endLine: edit.endLine + base })) };
  return { ...relative.finding, line: relative.line + base, endLine: relative.endLine + base, related, fix };
}
