// Runtime-confirmed findings: when a trace ends in (or a doctest example raises) a generator-protocol
// error, a finding at the line that caused it, with the trace's events as related information. Where a
// static finding already stands for the same bug, no second one is added: the static finding is marked
// as confirmed instead. Pure: findings and traces in, findings out.

import type { Finding, RelatedLocation, TraceError, TraceEvent } from '@yieldlens/shared';
import { isSuppressed, parseSuppression, ruleByCodeOrName, type AnalysisResult } from '../analysis/index.js';
import { TraceAnchors } from './trace-anchors.js';
import type { TracedRun } from './trace-view.js';

/** A run together with the exceptions its follow-ups expect (doctest examples that show a traceback). */
export interface ConfirmingRun extends TracedRun {
  expectedExceptions: readonly (string | null)[];
}

/** The generator-protocol errors CPython raises, and the rule that predicts each. */
const PROTOCOL_ERRORS: { type: string; message: RegExp; code: string; rule: string; cause: Cause }[] = [
  { type: 'RuntimeError', message: /^(async )?generator raised StopIteration$/, code: 'GEN004', rule: 'stop-iteration-leak', cause: 'raise' },
  { type: 'RuntimeError', message: /^generator ignored GeneratorExit$/, code: 'GEN003', rule: 'swallowed-generator-exit', cause: 'yield-while-closing' },
  { type: 'TypeError', message: /^can't send non-None value to a just-started generator$/, code: 'GEN001', rule: 'unprimed-send', cause: 'error-line' },
  { type: 'ValueError', message: /^generator already executing$/, code: 'GEN010', rule: 'generator-reentrancy', cause: 'raise' },
  { type: 'RuntimeError', message: /^generator didn't stop( after throw\(\))?$/, code: 'GEN008', rule: 'contextmanager-multiple-yield', cause: 'last-yield' },
];

type Cause = 'raise' | 'yield-while-closing' | 'error-line' | 'last-yield';

/** Related locations listed from the trace, at most (the rest is in the timeline). */
const MAX_RELATED_EVENTS = 8;

export interface ConfirmContext {
  file: string;
  result: AnalysisResult;
  /** Rule codes enabled for the file: a rule the user switched off is not brought back by a trace. */
  enabled: ReadonlySet<string>;
}

/** The static findings with those the traces reproduced marked confirmed, plus the runtime-only ones. */
export function confirmFindings(findings: readonly Finding[], runs: readonly ConfirmingRun[], context: ConfirmContext): Finding[] {
  const merged = findings.map((finding) => ({ ...finding, related: [...finding.related] }));
  const anchors = new TraceAnchors(context.result);
  const seen = new Set<string>();
  for (const run of runs) {
    for (const error of protocolErrors(run)) {
      const known = PROTOCOL_ERRORS.find((each) => each.type === error.type && each.message.test(error.message));
      if (known === undefined) continue;
      const culprit = causeOf(known.cause, error, run.report.events);
      if (culprit.line <= 0 || culprit.line > context.result.lines.lineCount) continue;
      const code = known.cause === 'yield-while-closing' && insideCleanup(context.result, culprit.line) ? 'GEN002' : known.code;
      const rule = ruleByCodeOrName(code)?.name ?? (code === 'GEN002' ? 'yield-in-finally' : known.rule);
      if (ruleByCodeOrName(code) !== undefined && !context.enabled.has(code)) continue;
      if (isSuppressed(parseSuppression(context.result.lines.lineText(culprit.line)), code, rule)) continue;
      const key = `${code}:${culprit.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const what = `${error.type}: ${error.message}`;
      const related = relatedEvents(context.file, culprit.events);
      const standing = findStanding(merged, code, culprit.line, context.result);
      if (standing !== undefined) {
        if (!standing.message.includes('confirmed by the trace')) standing.message = `${standing.message} (confirmed by the trace of ${run.source.label}: ${what})`;
        standing.related.push(...related);
        continue;
      }
      const span = anchors.codeSpan(culprit.line);
      merged.push({
        file: context.file,
        line: culprit.line,
        column: span.start.character + 1,
        endLine: culprit.line,
        endColumn: span.end.character + 1,
        code,
        rule,
        severity: 'error',
        message: `${what} (raised when the trace of ${run.source.label} ran)`,
        related,
        fix: null,
      });
    }
  }
  return merged.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The errors of a run that are bugs: the one that ended it, and doctest examples' unexpected ones. */
function protocolErrors(run: ConfirmingRun): TraceError[] {
  const errors: TraceError[] = [];
  if (run.report.error !== null) errors.push(run.report.error);
  for (const error of run.report.exampleErrors ?? []) {
    // `>>> g.send(1)` followed by the TypeError's traceback documents the behaviour; it is not a bug.
    if (error.followUp !== undefined && run.expectedExceptions[error.followUp] === error.type) continue;
    errors.push(error);
  }
  return errors;
}

/** The line that caused an error, and the events of the generator it happened in. */
function causeOf(cause: Cause, error: TraceError, events: readonly TraceEvent[]): { line: number; events: TraceEvent[] } {
  const eventsOf = (generator: number): TraceEvent[] => events.filter((event) => event.generator === generator);
  switch (cause) {
    case 'raise': {
      // The generator the exception left: its raise event is at the line inside the generator.
      const raised = findLast(events, (event) => event.event === 'raise' && event.exception === error.type && event.message === error.message);
      return raised === undefined ? { line: error.line, events: [] } : { line: raised.line, events: eventsOf(raised.generator) };
    }
    case 'yield-while-closing': {
      // The yield that ran after close() had thrown GeneratorExit in.
      const closing = new Set<number>();
      let culprit: TraceEvent | undefined;
      for (const event of events) {
        if (event.event === 'close' && event.line > 0) closing.add(event.generator);
        else if (event.event === 'resume' && event.method === 'throw' && /^GeneratorExit\b/.test(event.sent ?? '')) closing.add(event.generator);
        else if (event.event === 'yield' && closing.has(event.generator)) culprit = event;
        else if (event.event === 'resume') closing.delete(event.generator);
      }
      return culprit === undefined ? { line: error.line, events: [] } : { line: culprit.line, events: eventsOf(culprit.generator) };
    }
    case 'last-yield': {
      const culprit = findLast(events, (event) => event.event === 'yield');
      return culprit === undefined ? { line: error.line, events: [] } : { line: culprit.line, events: eventsOf(culprit.generator) };
    }
    case 'error-line':
      return { line: error.line, events: [] };
  }
}

function findLast<T>(items: readonly T[], match: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (match(items[i]!)) return items[i];
  return undefined;
}

/** Whether a line is inside a `finally` or an `except` clause: a yield there is GEN002's case. */
function insideCleanup(result: AnalysisResult, line: number): boolean {
  const offset = result.lines.offset(line, result.lines.lineText(line).length - result.lines.lineText(line).trimStart().length + 1);
  for (let node = result.tree.rootNode.descendantForIndex(offset, offset) as AnalysisResult['tree']['rootNode'] | null; node !== null; node = node.parent) {
    if (node.type === 'finally_clause' || node.type === 'except_clause') return true;
    if (node.type === 'function_definition') return false;
  }
  return false;
}

/**
 * The static finding that already reports this bug: the same rule on the line, any finding on the line,
 * or the same rule elsewhere in the generator function the line is in (GEN003 marks the `except`
 * clause, the trace the `yield` it let run).
 */
function findStanding(findings: Finding[], code: string, line: number, result: AnalysisResult): Finding | undefined {
  const sameLine = findings.filter((finding) => finding.line === line);
  const exact = sameLine.find((finding) => finding.code === code) ?? sameLine[0];
  if (exact !== undefined) return exact;
  const offset = result.lines.offset(line, 1);
  const fn = result.model.functions.find((each) => each.kind === 'def' && each.node.startIndex <= offset && offset < each.node.endIndex && each.node.startPosition.row < line - 1);
  if (fn === undefined) return undefined;
  const first = fn.node.startPosition.row + 1;
  const last = fn.node.endPosition.row + 1;
  return findings.find((finding) => finding.code === code && finding.line >= first && finding.line <= last);
}

function relatedEvents(file: string, events: readonly TraceEvent[]): RelatedLocation[] {
  const shown = events.length > MAX_RELATED_EVENTS ? [...events.slice(0, 2), ...events.slice(-(MAX_RELATED_EVENTS - 2))] : events;
  return shown.filter((event) => event.line > 0).map((event) => ({ file, line: event.line, column: 1, message: `trace: ${describeEvent(event)}` }));
}

function describeEvent(event: TraceEvent): string {
  const name = `${event.function}#${event.generator}`;
  switch (event.event) {
    case 'create':
      return `${name} created`;
    case 'resume':
      return event.method === 'send' || event.method === 'throw' ? `${name}.${event.method}(${event.sent ?? ''})` : `next(${name})`;
    case 'yield':
      return `${name} yielded ${event.value}`;
    case 'return':
      return `${name} returned ${event.value}`;
    case 'raise':
      return `${name} raised ${event.exception}${event.message === '' ? '' : `: ${event.message}`}`;
    case 'close':
      return `${name}.close()`;
  }
}
