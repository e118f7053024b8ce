// The dispatcher: parses (or takes) a tree, builds the semantic model in one walk, runs the enabled
// rules over it, turns their reports into findings and drops the suppressed ones.

import type { Finding, RelatedLocation } from '@yieldlens/shared';
import { firstSyntaxError, parsePython, type SyntaxNode, type TextRange, type Tree } from '../parser.js';
import { SemanticModel } from './model/semantic.js';
import { neededParts, rangesOf } from './partial.js';
import { runSteps, type Steps } from './steps.js';
import { LineIndex } from './positions.js';
import { RULES } from './rules/registry.js';
import type { RuleContext, RuleDefinition, RuleReport } from './rules/rule.js';
import { LineSuppressions, UNUSED_NOQA_CODE, unusedSuppressionFindings } from './suppression.js';
import type { WorkspaceIndex } from './workspace/index.js';

export interface AnalysisInput {
  /** The path reported in findings (as the user gave it). */
  file: string;
  text: string;
  /** A tree already parsed from `text` (the language server keeps one per document). */
  tree?: Tree;
  /** Enabled rule codes; every rule when absent. */
  enabled?: ReadonlySet<string>;
  index?: WorkspaceIndex;
  /** Dotted module name of the file, for relative imports. */
  moduleName?: string;
  /** A model of `tree` made by `modelForAnalysis` (the CLI builds one for the summary first). */
  model?: SemanticModel;
}

/** A model that serves every rule: it collects the node types of all of them. */
export function modelForAnalysis(tree: Tree, text: string): SemanticModel {
  return new SemanticModel(tree, text, ALL_NODE_TYPES);
}

/** `modelForAnalysis` in steps (see `Steps`). */
export function modelForAnalysisSteps(tree: Tree, text: string): Steps<SemanticModel> {
  return SemanticModel.inSteps(tree, text, ALL_NODE_TYPES);
}

const ALL_NODE_TYPES: ReadonlySet<string> = new Set(RULES.flatMap((rule) => rule.nodeTypes ?? []));

export interface SyntaxErrorInfo {
  line: number;
  column: number;
  message: string;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Findings hidden by `# noqa` or `# yieldlens: ignore[...]`. */
  suppressed: number;
  /** The line of each suppressed finding. */
  suppressedLines: number[];
  /** The first syntax error; findings inside the broken function or statement are withheld. */
  syntaxError: SyntaxErrorInfo | null;
  tree: Tree;
  readonly model: SemanticModel;
  lines: LineIndex;
}

/**
 * Whether any enabled rule can report in a file of this text, decided without parsing it: some rule's
 * `triggers` match (a rule without triggers always may), or a rule `triggeredByImportedNames` finds the
 * file mentioning one of `knownNames` (the generator functions, priming decorators and factories the
 * workspace index knows) — or, without such a list, importing anything. A file for which this is false
 * has no findings, so callers need not parse it (its syntax errors then go unreported).
 */
export function mayReport(text: string, enabled: ReadonlySet<string> | undefined, knownNames?: ReadonlySet<string>): boolean {
  for (const rule of RULES) {
    if (enabled === undefined ? rule.enabledByDefault === false : !enabled.has(rule.code)) continue;
    if (ruleMayReport(rule, text, knownNames)) return true;
  }
  return false;
}

/** The per-rule half of `mayReport`; the dispatcher runs only the rules for which it holds. */
function ruleMayReport(rule: RuleDefinition, text: string, knownNames?: ReadonlySet<string>): boolean {
  if (rule.triggers === undefined || rule.triggers.test(text)) return true;
  return rule.triggeredByImportedNames === true && mentionsAny(text, knownNames);
}

function mentionsAny(text: string, names: ReadonlySet<string> | undefined): boolean {
  if (names === undefined) return /\bimport\b/.test(text);
  for (const word of text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) if (names.has(word)) return true;
  return false;
}

interface RulesForText {
  text: string;
  enabledCodes: ReadonlySet<string> | undefined;
  enabled: RuleDefinition[];
  running: RuleDefinition[];
}

/** The last answer of `rulesFor`: `check` asks it twice per file (for the parts to parse, then to analyse). */
let lastRulesFor: RulesForText | null = null;

/** The enabled rules, and of them those that run on this text (they have a check and their triggers match). */
function rulesFor(text: string, enabledCodes: ReadonlySet<string> | undefined): { enabled: RuleDefinition[]; running: RuleDefinition[] } {
  if (lastRulesFor !== null && lastRulesFor.text === text && lastRulesFor.enabledCodes === enabledCodes) return lastRulesFor;
  const enabled = RULES.filter((rule) => (enabledCodes === undefined ? rule.enabledByDefault !== false : enabledCodes.has(rule.code)));
  const running = enabled.filter((rule) => (rule.checkFunction !== undefined || rule.checkNode !== undefined) && ruleMayReport(rule, text));
  lastRulesFor = { text, enabledCodes, enabled, running };
  return lastRulesFor;
}

/**
 * The parts of the file that `analyzeFile` needs parsed for the same findings (see `partial.ts`), or
 * null when that is the whole file; none when the file cannot have findings (all its statements are
 * definitions no running rule reports in). A tree parsed from only these ranges gives the same findings; its
 * syntax errors are those of the parsed parts only. GEN100 judges every suppression comment, so it
 * needs the whole file.
 */
export function partialParseRanges(text: string, enabled: ReadonlySet<string> | undefined): TextRange[] | null {
  const { enabled: rules, running } = rulesFor(text, enabled);
  if (rules.some((rule) => rule.code === UNUSED_NOQA_CODE)) return null;
  const parts = neededParts(text, running);
  return parts === null ? null : rangesOf(text, parts);
}

export function analyzeFile(input: AnalysisInput): AnalysisResult {
  return runSteps(analyzeFileSteps(input));
}

/**
 * `analyzeFile` in steps: one after the model is built and one per function (or per 64 nodes) each rule
 * looks at. The same code computes both, so a stepped analysis returns exactly what `analyzeFile` does.
 */
export function* analyzeFileSteps(input: AnalysisInput): Steps<AnalysisResult> {
  const tree = input.tree ?? parsePython(input.text);
  const { enabled, running: rules } = rulesFor(input.text, input.enabled);
  const nodeTypes = new Set(rules.flatMap((rule) => rule.nodeTypes ?? []));
  let model: SemanticModel | undefined = input.model ?? (rules.length > 0 ? yield* SemanticModel.inSteps(tree, input.text, nodeTypes) : undefined);
  const lines = new LineIndex(input.text);
  const reports: { rule: RuleDefinition; report: RuleReport }[] = [];

  for (const rule of rules) {
    if (model === undefined) break;
    const ctx: RuleContext = {
      model,
      file: input.file,
      text: input.text,
      index: input.index,
      moduleName: input.moduleName,
      report: (report) => reports.push({ rule, report }),
    };
    if (rule.checkFunction !== undefined) {
      for (const fn of model.functions) {
        rule.checkFunction(fn, ctx);
        yield;
      }
    }
    if (rule.checkNode !== undefined) {
      let count = 0;
      for (const type of rule.nodeTypes ?? []) {
        for (const node of model.nodesOfType(type)) {
          rule.checkNode(node, ctx);
          if (++count % 64 === 0) yield;
        }
      }
    }
    yield;
  }

  const findings: Finding[] = [];
  const suppressedLines: number[] = [];
  const suppressions = new LineSuppressions((line) => lines.lineText(line));
  for (const { rule, report } of reports) {
    if (isInBrokenCode(report.node)) continue;
    const start = lines.position(report.node.startIndex);
    if (suppressions.suppresses(start.line, rule.code, rule.name)) {
      suppressedLines.push(start.line);
      continue;
    }
    findings.push(toFinding(input.file, lines, rule, report));
  }
  const unusedNoqa = enabled.find((rule) => rule.code === UNUSED_NOQA_CODE);
  if (unusedNoqa !== undefined && !tree.rootNode.hasError) {
    const enabledKeys = new Set(enabled.flatMap((rule) => [rule.code, rule.name]));
    const everyRule = RULES.every((rule) => rule.enabledByDefault === false || enabledKeys.has(rule.code));
    for (const finding of unusedSuppressionFindings(input.file, tree, lines, suppressions, unusedNoqa, enabledKeys, everyRule)) {
      if (suppressions.suppresses(finding.line, unusedNoqa.code, unusedNoqa.name, true)) suppressedLines.push(finding.line);
      else findings.push(finding);
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  return {
    findings,
    suppressed: suppressedLines.length,
    suppressedLines,
    syntaxError: describeSyntaxError(tree, lines),
    tree,
    lines,
    // Built on demand when no rule needed it (hovers and summaries may still ask).
    get model(): SemanticModel {
      model ??= new SemanticModel(tree, input.text);
      return model;
    },
  };
}

/**
 * Withholds findings whose enclosing function or top-level statement contains a syntax error: while
 * the user is typing, tree-sitter's recovery can give the code a shape it does not have.
 */
function isInBrokenCode(node: SyntaxNode): boolean {
  if (!node.tree.rootNode.hasError) return false;
  for (let current: SyntaxNode | null = node; current !== null; current = current.parent) {
    if (current.type === 'ERROR' || current.isMissing) return true;
    const isFrame = current.type === 'function_definition' || current.type === 'lambda' || current.type === 'class_definition';
    const isTopLevel = current.parent !== null && current.parent.type === 'module';
    if ((isFrame || isTopLevel) && current.hasError) return true;
  }
  return false;
}

export function describeSyntaxError(tree: Tree, lines: LineIndex): SyntaxErrorInfo | null {
  const error = firstSyntaxError(tree.rootNode);
  if (error === null) return null;
  const { line, column } = lines.position(error.startIndex);
  const message = error.isMissing ? `syntax error: expected ${error.type}` : 'syntax error';
  return { line, column, message };
}

function toFinding(file: string, lines: LineIndex, rule: RuleDefinition, report: RuleReport): Finding {
  const start = lines.position(report.node.startIndex);
  const end = lines.position(report.node.endIndex);
  const related: RelatedLocation[] = (report.related ?? []).map((item) => {
    if ('node' in item) {
      const at = lines.position(item.node.startIndex);
      return { file, line: at.line, column: at.column, message: item.message };
    }
    return item;
  });
  const fix = report.fix === undefined
    ? null
    : {
        title: report.fix.title,
        applicability: report.fix.applicability,
        edits: report.fix.edits.map((edit) => {
          const from = lines.position(edit.startIndex);
          const to = lines.position(edit.endIndex);
          return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, newText: edit.newText };
        }),
      };
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    code: rule.code,
    rule: rule.name,
    severity: rule.severity,
    message: report.message,
    related,
    fix,
  };
}
