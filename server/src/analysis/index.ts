// The single analysis entry point: the CLI, the CLI's worker threads and the language server all call
// `analyzeFile`, so the editor and CI report identical findings. Pure: text (or a tree) in, data out.

export type { Finding, FileError } from '@yieldlens/shared';
export { analyzeFile, analyzeFileSteps, mayReport, modelForAnalysis, partialParseRanges, type AnalysisInput, type AnalysisResult, type SyntaxErrorInfo } from './check.js';
export { runSteps, SharedSteps, type Steps } from './steps.js';
export { IncrementalAnalyzer, type IncrementalResult } from './incremental.js';
export { SemanticModel, type FunctionInfo, type Scope, type Binding } from './model/semantic.js';
export { LineIndex } from './positions.js';
export { summarizeModule, type ModuleSummary, type FunctionSummary } from './workspace/summary.js';
export { WorkspaceIndex, detachedFromSource, moduleNameForPath, type IndexObserver, type SummaryProvider } from './workspace/index.js';
export { RULES, ruleByCodeOrName, type RuleDefinition, type RuleDocs } from './rules/registry.js';
export { resolveRuleSelection, codesForSelector, defaultRuleCodes, UnknownRuleError, type RuleSelection } from './selection.js';
export { parseSuppression, parseDirectives, isSuppressed, LineSuppressions, UNUSED_NOQA_CODE, type SuppressionDirective } from './suppression.js';
export { applyFixes, fixApplies, fixUntilStable, MAX_FIX_ROUNDS, type FixLoopResult } from './fix.js';
