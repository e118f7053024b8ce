// The inlay hint feature: after each traced `yield` the values it produced (`→ 0, 1, … (997 more), 999`)
// and, where the yield's value is used, what came in (`← 10, 20`); after a call that created traced
// generators, how they ended (`⇒ returned 99`). Labels stay short; the full reprs are the tooltip,
// filled in by inlayHint/resolve when the client resolves tooltips, inline otherwise.

import { MarkupKind, type InlayHint, type MarkupContent, type Range } from 'vscode-languageserver';
import type { AnalysisResult } from '../analysis/index.js';
import { TraceAnchors } from './trace-anchors.js';
import { describeOutcome, summarizeOutcomes, type CreationSite, type DocumentTraceView, type YieldSite } from './trace-view.js';

/** Longest label: VS Code users often cap hints (editor.inlayHints.maximumLength, 43 by default). */
export const MAX_LABEL_LENGTH = 40;
/** Longest repr inside a label; the tooltip has them whole. */
const MAX_VALUE_LENGTH = 16;
/** Values listed in a tooltip before it says how many more there were. */
const MAX_TOOLTIP_VALUES = 40;
const MAX_TOOLTIP_VALUE_LENGTH = 200;

export interface InlayHintTarget {
  uri: string;
  version: number;
  view: DocumentTraceView;
  result: AnalysisResult;
}

/** What a hint's `data` carries to inlayHint/resolve. */
export interface InlayHintData {
  uri: string;
  version: number;
  kind: 'produced' | 'received' | 'created';
  line: number;
  function: string;
}

export function inlayHintsFor(target: InlayHintTarget, range: Range, inlineTooltips: boolean): InlayHint[] {
  const anchors = new TraceAnchors(target.result);
  const hints: InlayHint[] = [];
  const inRange = (line: number): boolean => line - 1 >= range.start.line && line - 1 <= range.end.line;
  for (const site of target.view.yieldSites) {
    if (!inRange(site.line)) continue;
    const fn = anchors.functionFor(site.function, target.view.generators.find((trace) => trace.function === site.function)?.yieldLines ?? [site.line]);
    const { anchor, node } = anchors.yieldAnchor(fn, site.line);
    const position = { line: anchor.line - 1, character: anchor.character };
    const produced = site.suspensions.map((suspension) => suspension.value);
    hints.push(hint(target, position, `→ ${elide(produced, site.truncated)}`, { kind: 'produced', line: site.line, function: site.function }, inlineTooltips));
    if (anchors.receivesValue(node)) {
      const received = site.suspensions.flatMap((suspension) => (suspension.received === null ? [] : [suspension.received]));
      if (received.length > 0) hints.push(hint(target, position, `← ${elide(received, site.truncated)}`, { kind: 'received', line: site.line, function: site.function }, inlineTooltips));
    }
  }
  for (const site of target.view.creations) {
    // A generator expression's values are already shown where it is written, on this very line.
    if (!inRange(site.line) || site.function.endsWith('<genexpr>')) continue;
    const anchor = anchors.creationAnchor(site.function, site.line);
    const label = `⇒ ${summarizeOutcomes(site.runs.map((run) => run.outcome))}`;
    hints.push(hint(target, { line: anchor.line - 1, character: anchor.character }, cap(label, MAX_LABEL_LENGTH), { kind: 'created', line: site.line, function: site.function }, inlineTooltips));
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

function hint(target: InlayHintTarget, position: InlayHint['position'], label: string, data: Omit<InlayHintData, 'uri' | 'version'>, inlineTooltip: boolean): InlayHint {
  const full: InlayHintData = { uri: target.uri, version: target.version, ...data };
  const made: InlayHint = { position, label, paddingLeft: true };
  if (inlineTooltip) {
    const tooltip = tooltipFor(target.view, full);
    if (tooltip !== null) made.tooltip = tooltip;
  } else made.data = full;
  return made;
}

/** Fills in the tooltip of a hint from the view it was computed from (the client resolves lazily). */
export function resolveInlayHint(hint: InlayHint, view: DocumentTraceView | null): InlayHint {
  const data = hint.data as InlayHintData | undefined;
  if (view === null || data === undefined) return hint;
  const tooltip = tooltipFor(view, data);
  return tooltip === null ? hint : { ...hint, tooltip };
}

export function isInlayHintData(value: unknown): value is InlayHintData {
  return typeof value === 'object' && value !== null && typeof (value as InlayHintData).uri === 'string' && typeof (value as InlayHintData).version === 'number';
}

function tooltipFor(view: DocumentTraceView, data: InlayHintData): MarkupContent | null {
  if (data.kind === 'created') {
    const site = view.creations.find((each) => each.line === data.line && each.function === data.function);
    return site === undefined ? null : markdown(creationTooltip(site));
  }
  const site = view.yieldSites.find((each) => each.line === data.line && each.function === data.function);
  if (site === undefined) return null;
  return markdown(data.kind === 'produced' ? producedTooltip(site) : receivedTooltip(site));
}

function producedTooltip(site: YieldSite): string {
  const values = site.suspensions.map((suspension) => suspension.value);
  return [`\`${site.function}\` yielded ${count(values.length, site.truncated, 'value')} here (trace: ${site.source.label}, line ${site.source.line})`, '', codeBlock(values, site.truncated)].join('\n');
}

function receivedTooltip(site: YieldSite): string {
  const values = site.suspensions.flatMap((suspension) => (suspension.received === null ? [] : [suspension.received]));
  return [`This \`yield\` of \`${site.function}\` received ${count(values.length, site.truncated, 'value')} (\`None\` from \`next()\`; trace: ${site.source.label})`, '', codeBlock(values, site.truncated)].join('\n');
}

function creationTooltip(site: CreationSite): string {
  const lines = [`Generators of \`${site.function}\` created here (trace: ${site.source.label}, line ${site.source.line}):`, ''];
  for (const run of site.runs.slice(0, MAX_TOOLTIP_VALUES)) lines.push(`- \`${site.function}#${run.generator}\` ${describeOutcome(run.outcome)}${run.outcome.kind === 'raised' && run.outcome.message !== '' ? `: ${run.outcome.message}` : ''}`);
  if (site.runs.length > MAX_TOOLTIP_VALUES) lines.push(`- and ${site.runs.length - MAX_TOOLTIP_VALUES} more`);
  return lines.join('\n');
}

function count(n: number, truncated: boolean, noun: string): string {
  return `${n}${truncated ? ' (or more: the trace was truncated)' : ''} ${n === 1 ? noun : `${noun}s`}`;
}

function codeBlock(values: readonly string[], truncated: boolean): string {
  const shown = values.length > MAX_TOOLTIP_VALUES ? [...values.slice(0, MAX_TOOLTIP_VALUES - 5), `… ${values.length - MAX_TOOLTIP_VALUES + 1}${truncated ? '+' : ''} more`, ...values.slice(-4)] : [...values];
  const fence = '```';
  return [`${fence}python`, ...shown.map((value) => cap(value, MAX_TOOLTIP_VALUE_LENGTH).replace(/```/g, '`\u200b``')), fence].join('\n');
}

function markdown(value: string): MarkupContent {
  return { kind: MarkupKind.Markdown, value };
}

/**
 * The values of a hint, short: all of them while they fit, else the first two, how many were left out
 * and the last (`0, 1, … (997 more), 999`). A `+` says the trace left events out, so there were more.
 */
export function elide(values: readonly string[], truncated: boolean): string {
  const items = values.map((value) => cap(value, MAX_VALUE_LENGTH));
  const budget = MAX_LABEL_LENGTH - 2;
  const all = items.join(', ');
  if (items.length <= 4 && all.length <= budget && !(truncated && items.length > 2)) return all;
  for (const head of [2, 1]) {
    if (items.length < head + 2) continue;
    const omitted = items.length - head - 1;
    const candidate = [...items.slice(0, head), `… (${omitted}${truncated ? '+' : ''} more)`, items[items.length - 1]!].join(', ');
    if (candidate.length <= budget || head === 1) return cap(candidate, budget);
  }
  return cap(all, budget);
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
