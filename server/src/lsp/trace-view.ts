// What the traces say about one document, in the shape the editor features need: for each traced
// `yield` (by line) the values it produced and received, for each traced generator function its runs
// and how each ended, for each line that created generators how they ended. Plain data from plain
// data: the inlay hints, code lenses and hovers only render it.

import type { TraceEvent, TraceReport, TraceSourceInfo } from '@yieldlens/shared';

/** One trace source's run, as the trace service keeps it. */
export interface TracedRun {
  source: TraceSourceInfo;
  /** The document whose source ran: its events without a `file` happened in it. */
  file: string;
  report: TraceReport;
}

/** How a generator object's life ended in the run (or where it stood when the run ended). */
export type Outcome =
  | { kind: 'returned'; value: string }
  | { kind: 'raised'; exception: string; message: string }
  | { kind: 'closed' }
  | { kind: 'suspended' }
  | { kind: 'created' }
  | { kind: 'running' };

/** One suspension at a yield: what went out, what came back in when it was resumed, the locals there. */
export interface Suspension {
  generator: number;
  /** What the resumption that led here brought in: `None` for next(), the sent value, `throw(...)`, `close()`. */
  resumedWith: string | null;
  value: string;
  /** `10` for send(10), `None` for next(), `throw(ValueError('x'))`, `close()`; null when never resumed from here. */
  received: string | null;
  locals: Record<string, string>;
}

export interface YieldSite {
  /** 1-based line of the yield (or of the generator expression). */
  line: number;
  function: string;
  source: TraceSourceInfo;
  /** The document whose source ran (this one, or another that drives its generators). */
  tracedFile: string;
  suspensions: Suspension[];
  /** The run kept only the first and last events: there were more suspensions than listed. */
  truncated: boolean;
}

export interface GeneratorRun {
  generator: number;
  /** Line of the call that created it, in the document that holds that call (0 when unknown). */
  createdAt: number;
  createdIn: string | null;
  outcome: Outcome;
}

export interface GeneratorTrace {
  function: string;
  source: TraceSourceInfo;
  tracedFile: string;
  runs: GeneratorRun[];
  yields: number;
  sends: number;
  truncated: boolean;
  /** Lines of this document where its yields happened (to tell same-named functions apart). */
  yieldLines: number[];
  /** Its events in order, for the timeline and for related information. */
  events: TraceEvent[];
}

export interface CreationSite {
  line: number;
  function: string;
  source: TraceSourceInfo;
  tracedFile: string;
  runs: GeneratorRun[];
}

export interface DocumentTraceView {
  file: string;
  yieldSites: YieldSite[];
  generators: GeneratorTrace[];
  creations: CreationSite[];
}

/**
 * Whether a run's events can be shown: a run that met unsupported code or hit a limit stopped somewhere
 * CPython would not have; what it recorded up to there is true, but how its generators "ended" is not.
 */
export function isShowable(report: TraceReport): boolean {
  return report.unsupported === null && (report.limit ?? null) === null;
}

/** The file an event's line is in (contracts: events without `file` are in the traced document). */
export function eventFile(event: TraceEvent, tracedFile: string): string {
  const file = (event as { file?: unknown }).file;
  return typeof file === 'string' ? file : tracedFile;
}

/**
 * The view of `file` from the given runs, listed in the order the server prefers their sources: each
 * generator function is shown from the first run that ran it, so one yield never mixes two runs.
 */
export function buildTraceView(file: string, runs: readonly TracedRun[]): DocumentTraceView {
  const view: DocumentTraceView = { file, yieldSites: [], generators: [], creations: [] };
  const claimed = new Set<string>();
  /** Function → the run that shows its creations here (functions defined elsewhere included). */
  const creationClaims = new Map<string, string>();
  const runKey = (tracedFile: string, source: TraceSourceInfo): string => `${tracedFile}\0${source.id}`;
  for (const run of runs) {
    if (!isShowable(run.report)) continue;
    const byGenerator = groupByGenerator(run.report.events);
    const fresh = new Map<string, GeneratorTrace>();
    for (const events of byGenerator.values()) {
      const first = events[0]!;
      const home = homeFile(events, run.file);
      if (home !== file) continue;
      const key = first.function;
      if (claimed.has(key)) continue;
      let trace = fresh.get(key);
      if (trace === undefined) {
        trace = { function: key, source: run.source, tracedFile: run.file, runs: [], yields: 0, sends: 0, truncated: run.report.truncated, yieldLines: [], events: [] };
        fresh.set(key, trace);
      }
      addRun(trace, events, run.file);
    }
    for (const [key, trace] of fresh) {
      claimed.add(key);
      view.generators.push(trace);
    }
    for (const trace of fresh.values()) {
      view.yieldSites.push(...yieldSitesOf(trace, run, file));
    }
    // Creations are shown where the creating call is, whichever document the generator lives in.
    for (const events of byGenerator.values()) {
      const create = events[0]!;
      if (create.event !== 'create' || create.line <= 0 || eventFile(create, run.file) !== file) continue;
      const owner = view.generators.find((trace) => trace.function === create.function);
      const thisRun = runKey(run.file, run.source);
      const claim = creationClaims.get(create.function) ?? (owner === undefined ? thisRun : runKey(owner.tracedFile, owner.source));
      creationClaims.set(create.function, claim);
      if (claim !== thisRun) continue;
      const generatorRun = owner?.runs.find((each) => each.generator === create.generator) ?? { generator: create.generator, createdAt: create.line, createdIn: file, outcome: outcomeOf(events) };
      let site = view.creations.find((each) => each.line === create.line && each.function === create.function);
      if (site === undefined) {
        site = { line: create.line, function: create.function, source: run.source, tracedFile: run.file, runs: [] };
        view.creations.push(site);
      }
      site.runs.push(generatorRun);
    }
  }
  view.yieldSites.sort((a, b) => a.line - b.line);
  view.creations.sort((a, b) => a.line - b.line);
  return view;
}

function groupByGenerator(events: readonly TraceEvent[]): Map<number, TraceEvent[]> {
  const byGenerator = new Map<number, TraceEvent[]>();
  for (const event of events) {
    let list = byGenerator.get(event.generator);
    if (list === undefined) {
      list = [];
      byGenerator.set(event.generator, list);
    }
    list.push(event);
  }
  return byGenerator;
}

/** The file a generator's own code is in: where its yields, returns and raises happened. */
function homeFile(events: readonly TraceEvent[], tracedFile: string): string | null {
  for (const event of events) {
    if (event.event === 'yield' || event.event === 'return' || event.event === 'raise') return eventFile(event, tracedFile);
  }
  // Never ran: created but not started, or started and closed before its first yield.
  const create = events.find((event) => event.event === 'create');
  return create === undefined ? null : eventFile(create, tracedFile);
}

function addRun(trace: GeneratorTrace, events: readonly TraceEvent[], tracedFile: string): void {
  const create = events.find((event) => event.event === 'create');
  trace.runs.push({
    generator: events[0]!.generator,
    createdAt: create?.line ?? 0,
    createdIn: create === undefined ? null : eventFile(create, tracedFile),
    outcome: outcomeOf(events),
  });
  for (const event of events) {
    trace.events.push(event);
    if (event.event === 'yield') {
      trace.yields++;
      if (!trace.yieldLines.includes(event.line)) trace.yieldLines.push(event.line);
    } else if (event.event === 'resume' && (event.method === 'send' || event.method === 'asend')) trace.sends++;
  }
}

/**
 * How a generator object ended. Events at line 0 come from the interpreter's shutdown, which closes
 * what the program left suspended: for the program, such a generator was still suspended.
 */
export function outcomeOf(events: readonly TraceEvent[]): Outcome {
  let outcome: Outcome = { kind: 'created' };
  let closing = false;
  for (const event of events) {
    if (event.line === 0 && event.event === 'close') return outcome.kind === 'created' ? outcome : { kind: 'suspended' };
    switch (event.event) {
      case 'create':
        outcome = { kind: 'created' };
        break;
      case 'resume':
        outcome = { kind: 'running' };
        break;
      case 'yield':
        outcome = { kind: 'suspended' };
        break;
      case 'close':
        closing = true;
        outcome = { kind: 'closed' };
        break;
      case 'return':
        outcome = closing ? { kind: 'closed' } : { kind: 'returned', value: event.value };
        break;
      case 'raise':
        // A send refused before the frame ran (TypeError, just-started) leaves the generator created.
        outcome = event.notStarted === true ? { kind: 'created' } : { kind: 'raised', exception: event.exception, message: event.message };
        break;
    }
  }
  return outcome;
}

function yieldSitesOf(trace: GeneratorTrace, run: TracedRun, file: string): YieldSite[] {
  const sites = new Map<number, YieldSite>();
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.event !== 'yield' || eventFile(event, run.file) !== file) continue;
    let site = sites.get(event.line);
    if (site === undefined) {
      site = { line: event.line, function: trace.function, source: trace.source, tracedFile: trace.tracedFile, suspensions: [], truncated: trace.truncated };
      sites.set(event.line, site);
    }
    site.suspensions.push({ generator: event.generator, resumedWith: resumedBefore(events, i), value: event.value, received: receivedAfter(events, i), locals: event.locals });
  }
  return [...sites.values()];
}

/** What the generator was resumed with after the yield at `index` (its events are in order). */
function receivedAfter(events: readonly TraceEvent[], index: number): string | null {
  const generator = events[index]!.generator;
  for (let i = index + 1; i < events.length; i++) {
    const event = events[i]!;
    if (event.generator !== generator) continue;
    if (event.event === 'close') return event.line === 0 ? null : 'close()';
    if (event.event === 'resume') return resumption(event);
  }
  return null;
}

/** What the resumption that ran the generator up to the yield at `index` brought in. */
function resumedBefore(events: readonly TraceEvent[], index: number): string | null {
  const generator = events[index]!.generator;
  for (let i = index - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.generator !== generator) continue;
    if (event.event === 'close') return event.line === 0 ? 'close() at shutdown' : 'close()';
    if (event.event === 'resume') return resumption(event);
  }
  return null;
}

function resumption(event: Extract<TraceEvent, { event: 'resume' }>): string {
  switch (event.method) {
    case 'next':
    case 'anext':
      return 'None';
    case 'send':
    case 'asend':
      return event.sent ?? 'None';
    case 'throw':
    case 'athrow':
      return `${event.method}(${event.sent ?? ''})`;
    case 'close':
      return 'close()';
  }
}

/** `returned 99`, `raised RuntimeError`, `closed`, `still suspended`, `never started`, `still running`. */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'returned':
      return `returned ${outcome.value}`;
    case 'raised':
      return `raised ${outcome.exception}`;
    case 'closed':
      return 'closed';
    case 'suspended':
      return 'still suspended';
    case 'created':
      return 'never started';
    case 'running':
      return 'still running';
  }
}

/** The code lens line: `3 runs · 12 yields · 2 sends · returned 99`. */
export function summarizeGenerator(trace: GeneratorTrace): string {
  const more = trace.truncated ? '+' : '';
  const count = (n: number, one: string, many: string): string => `${n}${more} ${n === 1 ? one : many}`;
  const parts = [`${trace.runs.length} ${trace.runs.length === 1 ? 'run' : 'runs'}`, count(trace.yields, 'yield', 'yields')];
  if (trace.sends > 0) parts.push(count(trace.sends, 'send', 'sends'));
  parts.push(summarizeOutcomes(trace.runs.map((run) => run.outcome)));
  return parts.join(' · ');
}

/** One outcome as it is (`returned 99`); several, grouped with counts (`2 returned None, 1 still suspended`). */
export function summarizeOutcomes(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const text = describeOutcome(outcome);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  if (counts.size === 1) {
    const [[text, n]] = [...counts] as [[string, number]];
    return n === 1 || outcomes.length === 1 ? text : `${text} (×${n})`;
  }
  return [...counts].map(([text, n]) => `${n} ${text}`).join(', ');
}
