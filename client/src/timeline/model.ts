// The trace timeline's data model, built from a TraceReport: one lane per generator with the states it went
// through (created → running ⇄ suspended → closed), a mark per event, and who drove whom — a generator that
// resumed another while it ran, and `yield from` delegation, recognised from the events alone. Pure data;
// the webview only draws it.

import type { ResumeMethod, TraceEvent, TraceReport } from '@yieldlens/shared';

export type LaneState = 'created' | 'running' | 'suspended' | 'closed' | 'unknown';

/** `finalize`: closed when the run ended (CPython closes a suspended generator when it is collected). */
export type MarkKind = 'create' | 'next' | 'send' | 'throw' | 'close' | 'finalize' | 'yield' | 'return' | 'raise';

/** An async generator's resumptions are drawn as their synchronous counterparts (`asend` as a send). */
const MARK_OF_METHOD: Record<ResumeMethod, MarkKind> = {
  next: 'next', send: 'send', throw: 'throw', close: 'close', anext: 'next', asend: 'send', athrow: 'throw',
};

export interface TimelineMark {
  /** Column of the event: its index in the report, plus one after the gap of a truncated trace. */
  step: number;
  kind: MarkKind;
  /** 1-based line to reveal; 0 when the event has none (a generator finalized at the end of the run). */
  line: number;
  /** The module the line is in, when it is not the traced document (workspace imports). */
  file?: string;
  /** Drawn beside the mark: the value yielded or sent, the exception. */
  label: string;
  /** The tooltip, one entry a line: what happened, the value, the locals. */
  detail: string[];
  /** A yield passed up from a `yield from` subgenerator, or a resume passed down to one. */
  delegated: boolean;
}

export interface TimelineSegment {
  state: LaneState;
  /** First column, inclusive. */
  from: number;
  /** Last column, exclusive. */
  to: number;
}

export interface TimelineLane {
  generator: number;
  /** The generator's `__qualname__`. */
  function: string;
  /** `counter#1`: the qualname and the creation number, as `yieldlens trace` prints them. */
  title: string;
  /** The generator that delegates to this one with `yield from`, if any. */
  parent: number | null;
  /** 0 for a top-level lane, one more per `yield from` level. */
  depth: number;
  segments: TimelineSegment[];
  marks: TimelineMark[];
  /** "3 yields, 1 send, returned None". */
  summary: string;
}

/** A generator resuming another while it runs: plain iteration (`drive`) or `yield from` (`delegation`). */
export interface TimelineLink {
  step: number;
  from: number;
  to: number;
  kind: 'drive' | 'delegation';
}

export interface TimelineOutcome {
  kind: 'completed' | 'error' | 'unsupported' | 'limit';
  message: string;
  line: number | null;
}

export interface TimelineModel {
  /** Number of columns. */
  steps: number;
  /** Where the events left out of a truncated trace would be. */
  gap: { step: number; omitted: number } | null;
  /** In creation order, each delegate right after the generator that delegates to it. */
  lanes: TimelineLane[];
  links: TimelineLink[];
  outcome: TimelineOutcome;
  stdout: string;
}

interface LaneBuilder {
  lane: TimelineLane;
  state: LaneState;
  since: number;
  /** Line of the call that last resumed it: a `yield from` delegate is resumed from the delegating yield's line. */
  resumedFromLine: number;
  /** The generator that was running when this one was last resumed. */
  drivenBy: number | null;
  /** Closed by close() with no event of its own since: a yield or raise now means the cleanup was running. */
  closing: boolean;
  counts: { yields: number; sends: number; throws: number };
  ending: string | null;
}

/** Builds the timeline of a trace report. */
export function buildTimeline(report: TraceReport): TimelineModel {
  const lanes = new Map<number, LaneBuilder>();
  const links: TimelineLink[] = [];
  const parents = new Map<number, number>();
  // Generators running now, innermost last: a resume while another runs is that one driving it.
  const running: number[] = [];
  const headCount = report.truncated ? headLength(report) : report.events.length;
  const gap = report.truncated ? { step: headCount, omitted: report.omittedEvents ?? 0 } : null;
  let step = 0;

  const laneFor = (event: TraceEvent): LaneBuilder => {
    let builder = lanes.get(event.generator);
    if (builder === undefined) {
      // A generator first seen after the gap (or without its create event) starts in an unknown state.
      const state: LaneState = event.event === 'create' ? 'created' : 'unknown';
      builder = {
        lane: { generator: event.generator, function: event.function, title: `${event.function}#${event.generator}`, parent: null, depth: 0, segments: [], marks: [], summary: '' },
        state,
        since: step,
        resumedFromLine: 0,
        drivenBy: null,
        closing: false,
        counts: { yields: 0, sends: 0, throws: 0 },
        ending: null,
      };
      lanes.set(event.generator, builder);
    }
    return builder;
  };

  const enter = (builder: LaneBuilder, state: LaneState, at: number): void => {
    if (builder.state === state) return;
    if (at > builder.since) builder.lane.segments.push({ state: builder.state, from: builder.since, to: at });
    builder.state = state;
    builder.since = at;
  };

  report.events.forEach((event, index) => {
    if (index === headCount && gap !== null) {
      // What ran across the omitted events is unknown: every lane goes grey for the gap's column, except
      // those already finished (a generator that returned or raised never runs again).
      for (const builder of lanes.values()) if (builder.state !== 'closed' || builder.closing) enter(builder, 'unknown', step);
      running.length = 0;
      step += 1;
    }
    const builder = laneFor(event);
    // The outcome of a pending close(): any later event of this generator shows it was still alive.
    if (builder.closing && event.event !== 'yield' && event.event !== 'raise' && event.event !== 'return') builder.closing = false;
    const mark = markFor(event, step);
    const driver = running.at(-1);
    switch (event.event) {
      case 'create':
        enter(builder, 'created', step);
        break;
      case 'resume': {
        if (driver !== undefined && driver !== event.generator) {
          const delegation = parents.get(event.generator) === driver;
          links.push({ step, from: driver, to: event.generator, kind: delegation ? 'delegation' : 'drive' });
          mark.delegated = delegation;
        }
        builder.resumedFromLine = event.line;
        builder.drivenBy = driver !== undefined && driver !== event.generator ? driver : null;
        if (MARK_OF_METHOD[event.method] === 'send') builder.counts.sends += 1;
        if (MARK_OF_METHOD[event.method] === 'throw') builder.counts.throws += 1;
        running.push(event.generator);
        enter(builder, 'running', step);
        break;
      }
      case 'yield':
      case 'return':
      case 'raise': {
        const at = running.lastIndexOf(event.generator);
        if (at >= 0) running.length = at;
        // Straight after close(): the generator was running its cleanup all along, not closed.
        if (builder.closing) {
          builder.state = 'running';
          builder.closing = false;
          builder.ending = null;
        }
        if (event.event === 'yield') {
          builder.counts.yields += 1;
          enter(builder, 'suspended', step);
          const delegate = index === headCount ? null : delegateOf(report.events[index - 1], event, lanes, parents);
          if (delegate !== null) {
            mark.delegated = true;
            mark.detail[0] += ', passed up from a yield from';
            if (!parents.has(delegate)) {
              parents.set(delegate, event.generator);
              // The drives recorded before the delegation showed itself were its first steps.
              for (const link of links) if (link.from === event.generator && link.to === delegate) link.kind = 'delegation';
              for (const earlier of lanes.get(delegate)?.lane.marks ?? []) if (earlier.kind === 'next' || earlier.kind === 'send' || earlier.kind === 'throw') earlier.delegated = true;
            }
          }
        } else if (event.event === 'raise' && event.notStarted === true) {
          // send(v) refused before the frame ran: the generator is still just-created.
          enter(builder, 'created', step);
        } else {
          builder.ending = event.event === 'return' ? `returned ${event.value}` : `raised ${event.exception}`;
          enter(builder, 'closed', step);
        }
        break;
      }
      case 'close':
        // close() runs the generator's cleanup; it stays closed unless its next event says otherwise.
        builder.closing = true;
        builder.ending = event.line === 0 ? 'closed when the run ended' : 'closed';
        enter(builder, 'closed', step);
        break;
    }
    builder.lane.marks.push(mark);
    step += 1;
  });

  for (const builder of lanes.values()) {
    if (step > builder.since) builder.lane.segments.push({ state: builder.state, from: builder.since, to: step });
    builder.lane.summary = summarize(builder);
  }
  for (const [child, parent] of parents) {
    const lane = lanes.get(child)?.lane;
    if (lane !== undefined) lane.parent = parent;
  }
  return { steps: step, gap, lanes: orderLanes([...lanes.values()].map((builder) => builder.lane)), links, outcome: outcomeOf(report), stdout: report.stdout };
}

/**
 * `yield from`: when a delegate yields, the generator delegating to it yields the same value at once, on the
 * line from which it resumed the delegate (the `yield from` line). A `for` loop that re-yields does so from
 * another line than the one it iterates on, so it stays a plain drive. `previous` is the event just before
 * `outer`'s yield; returns the delegate, or null.
 */
function delegateOf(previous: TraceEvent | undefined, outer: Extract<TraceEvent, { event: 'yield' }>, lanes: Map<number, LaneBuilder>, parents: Map<number, number>): number | null {
  if (previous === undefined || previous.event !== 'yield' || previous.generator === outer.generator) return null;
  const inner = lanes.get(previous.generator);
  if (inner === undefined || inner.drivenBy !== outer.generator) return null;
  if (previous.value !== outer.value || outer.line !== inner.resumedFromLine) return null;
  // Nesting the other way round (the inner one already delegating to the outer) cannot happen in a real run.
  if (parents.get(outer.generator) === previous.generator) return null;
  return previous.generator;
}

function markFor(event: TraceEvent, step: number): TimelineMark {
  const file = 'file' in event && typeof event.file === 'string' ? event.file : undefined;
  const base = { step, line: event.line, ...(file !== undefined ? { file } : {}), delegated: false };
  const where = event.line > 0 ? `line ${event.line}` : 'at the end of the run';
  switch (event.event) {
    case 'create':
      return { ...base, kind: 'create', label: '', detail: [`${event.function} created (${where})`] };
    case 'resume': {
      const plain = event.method === 'next' || event.method === 'anext';
      const call = plain || event.method === 'close' ? `${event.method}()` : `${event.method}(${event.sent ?? ''})`;
      return { ...base, kind: MARK_OF_METHOD[event.method], label: plain ? '' : call, detail: [`${call} (${where})`] };
    }
    case 'yield': {
      const locals = Object.entries(event.locals).map(([name, value]) => `  ${name} = ${value}`);
      return { ...base, kind: 'yield', label: event.value, detail: [`yield ${event.value} (${where})`, ...(locals.length > 0 ? ['locals:', ...locals] : [])] };
    }
    case 'return':
      return { ...base, kind: 'return', label: event.value === 'None' ? '' : event.value, detail: [`return ${event.value} (${where})`] };
    case 'raise':
      return { ...base, kind: 'raise', label: event.exception, detail: [`raise ${event.exception}${event.message !== '' ? `: ${event.message}` : ''} (${where})`] };
    case 'close':
      return event.line === 0
        ? { ...base, kind: 'finalize', label: '', detail: ['closed when the run ended (the generator was still suspended)'] }
        : { ...base, kind: 'close', label: 'close()', detail: [`close() (${where})`] };
  }
}

function summarize(builder: LaneBuilder): string {
  const { yields, sends, throws } = builder.counts;
  const parts = [plural(yields, 'yield')];
  if (sends > 0) parts.push(plural(sends, 'send'));
  if (throws > 0) parts.push(plural(throws, 'throw'));
  parts.push(builder.ending ?? (builder.state === 'suspended' ? 'left suspended' : builder.state === 'created' ? 'never started' : 'still running'));
  return parts.join(', ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Creation order, with each delegate placed right after (and one level deeper than) its delegating generator. */
function orderLanes(lanes: TimelineLane[]): TimelineLane[] {
  const byGenerator = new Map(lanes.map((lane) => [lane.generator, lane]));
  const children = new Map<number, TimelineLane[]>();
  const roots: TimelineLane[] = [];
  for (const lane of lanes) {
    const parent = lane.parent === null ? undefined : byGenerator.get(lane.parent);
    if (parent === undefined) roots.push(lane);
    else children.set(parent.generator, [...(children.get(parent.generator) ?? []), lane]);
  }
  const ordered: TimelineLane[] = [];
  const visit = (lane: TimelineLane, depth: number): void => {
    lane.depth = depth;
    ordered.push(lane);
    for (const child of children.get(lane.generator) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return ordered;
}

function outcomeOf(report: TraceReport): TimelineOutcome {
  if (report.unsupported !== null) return { kind: 'unsupported', message: `stopped: the runtime does not support ${report.unsupported.feature}`, line: report.unsupported.line };
  if (report.limit !== undefined && report.limit !== null) return { kind: 'limit', message: report.limit.message, line: report.limit.line };
  if (report.error !== null) return { kind: 'error', message: `ended with ${report.error.type}${report.error.message !== '' ? `: ${report.error.message}` : ''}`, line: report.error.line };
  return { kind: 'completed', message: 'ran to the end', line: null };
}

/** The number of events before the gap, as the runtime keeps them: the first half of its event cap. */
function headLength(report: TraceReport): number {
  return Math.ceil(report.events.length / 2);
}
