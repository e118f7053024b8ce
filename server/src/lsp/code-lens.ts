// The code lens feature: over each traced generator function one line (`3 runs · 12 yields · 2 sends ·
// returned 99`) whose command opens the full timeline (`yieldlens.showTrace`, handled by the client),
// and over a trace source whose run stopped early, why it stopped. `textDocument/codeLens` answers the
// ranges; the titles and commands come on `codeLens/resolve`.

import { SHOW_TRACE_COMMAND, type ShowTraceArguments, type TraceReport } from '@yieldlens/shared';
import type { CodeLens } from 'vscode-languageserver';
import type { AnalysisResult } from '../analysis/index.js';
import { DRIVER_CODE_LABEL } from '../runtime/sources.js';
import { TraceAnchors } from './trace-anchors.js';
import { summarizeGenerator, type DocumentTraceView, type TracedRun } from './trace-view.js';

export interface CodeLensTarget {
  uri: string;
  version: number;
  view: DocumentTraceView;
  /** The document's own runs (their status lenses go over their sources). */
  runs: readonly TracedRun[];
  result: AnalysisResult;
}

export type CodeLensData =
  | { uri: string; version: number; kind: 'generator'; generator: string }
  | { uri: string; version: number; kind: 'status'; source: string };

export function codeLensesFor(target: CodeLensTarget): CodeLens[] {
  const anchors = new TraceAnchors(target.result);
  const lenses: CodeLens[] = [];
  for (const trace of target.view.generators) {
    const fn = anchors.functionFor(trace.function, trace.yieldLines);
    const range = fn === undefined ? null : anchors.nameRange(fn);
    if (range === null) continue;
    const data: CodeLensData = { uri: target.uri, version: target.version, kind: 'generator', generator: trace.function };
    lenses.push({ range: { start: lsp(range.start), end: lsp(range.end) }, data });
  }
  for (const run of target.runs) {
    if (stopReason(run.report) === null) continue;
    // Top-level code is a guess at a script's driver: when it ran nothing traceable, saying so is noise.
    if (run.source.kind === 'main' && run.source.label === DRIVER_CODE_LABEL && run.report.events.length === 0) continue;
    const span = anchors.codeSpan(run.source.line);
    const data: CodeLensData = { uri: target.uri, version: target.version, kind: 'status', source: run.source.id };
    lenses.push({ range: { start: lsp(span.start), end: lsp(span.start) }, data });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** Gives a lens its title and command, from the view of the version it was computed for. */
export function resolveCodeLens(lens: CodeLens, target: Pick<CodeLensTarget, 'view' | 'runs'> | null): CodeLens {
  const data = lens.data as CodeLensData | undefined;
  if (data === undefined) return lens;
  if (target === null) return { ...lens, command: { title: 'yieldlens: trace out of date', command: '' } };
  if (data.kind === 'generator') {
    const trace = target.view.generators.find((each) => each.function === data.generator);
    if (trace === undefined) return { ...lens, command: { title: 'yieldlens: not traced', command: '' } };
    const args: ShowTraceArguments = [data.uri, data.generator];
    return { ...lens, command: { title: summarizeGenerator(trace), command: SHOW_TRACE_COMMAND, arguments: args } };
  }
  const run = target.runs.find((each) => each.source.id === data.source);
  const reason = run === undefined ? null : stopReason(run.report);
  // A plain-text lens: an empty command is shown but does nothing when clicked.
  return { ...lens, command: { title: reason === null || run === undefined ? 'yieldlens: trace ran' : `yieldlens: ${run.source.label} not traced: ${reason}`, command: '' } };
}

export function isCodeLensData(value: unknown): value is CodeLensData {
  return typeof value === 'object' && value !== null && typeof (value as CodeLensData).uri === 'string' && typeof (value as CodeLensData).version === 'number';
}

/** Why a run shows nothing: the unsupported feature or the limit it met, or null when it ran to its end. */
export function stopReason(report: TraceReport): string | null {
  if (report.unsupported !== null) {
    const where = report.unsupported.file === undefined ? '' : ` of ${report.unsupported.file.replace(/^.*[\\/]/, '')}`;
    return `unsupported ${report.unsupported.feature} (line ${report.unsupported.line}${where})`;
  }
  if (report.limit !== undefined && report.limit !== null) return `${report.limit.kind} limit, ${report.limit.message}${report.limit.line > 0 ? ` (line ${report.limit.line})` : ''}`;
  return null;
}

function lsp(anchor: { line: number; character: number }): { line: number; character: number } {
  return { line: anchor.line - 1, character: anchor.character };
}
