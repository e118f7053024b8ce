// The timeline's data model, built from real TraceReports: the snippets of test-fixtures/trace/ (which the
// differential suite checks against CPython) run in the real mini-runtime.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TraceReport } from '@yieldlens/shared';
import { runSnippet } from '../../server/src/runtime/index.js';
import { buildTimeline, type TimelineLane, type TimelineModel } from '../src/timeline/model.js';

const TRACE_FIXTURES = join(import.meta.dirname, '..', '..', 'test-fixtures', 'trace');

function traceOf(fixture: string, options: Parameters<typeof runSnippet>[1] = {}): TraceReport {
  return runSnippet(readFileSync(join(TRACE_FIXTURES, fixture), 'utf8'), { filename: fixture, ...options });
}

function lane(model: TimelineModel, title: string): TimelineLane {
  const found = model.lanes.find((candidate) => candidate.title === title);
  if (found === undefined) throw new Error(`no lane ${title} in ${model.lanes.map((item) => item.title).join(', ')}`);
  return found;
}

/** The state of a lane at a column. */
function stateAt(item: TimelineLane, step: number): string | undefined {
  return item.segments.find((segment) => segment.from <= step && step < segment.to)?.state;
}

describe('timeline model', () => {
  it('every event is a mark on its generator’s lane, and segments cover each lane from its creation on without overlap', () => {
    const report = traceOf('007_yield_from_combined.py');
    const model = buildTimeline(report);
    expect(model.steps).toBe(report.events.length);
    expect(model.lanes.flatMap((item) => item.marks).length).toBe(report.events.length);
    for (const item of model.lanes) {
      const created = report.events.findIndex((event) => event.generator === item.generator);
      expect(item.segments[0]?.from).toBe(created);
      expect(item.segments.at(-1)?.to).toBe(model.steps);
      item.segments.forEach((segment, index) => {
        expect(segment.to).toBeGreaterThan(segment.from);
        if (index > 0) expect(segment.from).toBe(item.segments[index - 1]?.to);
      });
      for (const mark of item.marks) expect(report.events[mark.step]?.generator).toBe(item.generator);
    }
    expect(model.outcome).toEqual({ kind: 'completed', message: 'ran to the end', line: null });
    expect(model.stdout).toBe(report.stdout);
  });

  it('`yield from` nests the delegate under the delegating generator; a for loop that re-yields stays a plain drive', () => {
    const model = buildTimeline(traceOf('007_yield_from_combined.py'));
    // combined_new delegates with `yield from`; combined_old iterates and re-yields.
    expect(model.lanes.map((item) => [item.title, item.depth])).toEqual([
      ['combined_old#1', 0],
      ['generator1#2', 0],
      ['generator2#3', 0],
      ['combined_new#4', 0],
      ['generator1#5', 1],
      ['generator2#6', 1],
    ]);
    expect(lane(model, 'generator1#5').parent).toBe(4);
    expect(lane(model, 'generator1#2').parent).toBeNull();
    const kinds = (from: number, to: number): string[] => [...new Set(model.links.filter((link) => link.from === from && link.to === to).map((link) => link.kind))];
    expect(kinds(1, 2)).toEqual(['drive']);
    expect(kinds(4, 5)).toEqual(['delegation']);
    expect(kinds(4, 6)).toEqual(['delegation']);
    // The delegating generator's yields pass its delegates' values up; the re-yielding loop's are its own.
    expect(lane(model, 'combined_new#4').marks.filter((mark) => mark.kind === 'yield').every((mark) => mark.delegated)).toBe(true);
    expect(lane(model, 'combined_old#1').marks.some((mark) => mark.delegated)).toBe(false);
    expect(lane(model, 'combined_new#4').marks.filter((mark) => mark.kind === 'yield').map((mark) => mark.label)).toEqual(['1', '2', '3', '4']);
  });

  it('send and throw are marks with the value in the label and the tooltip, and the locals of each yield are in its tooltip', () => {
    const model = buildTimeline(traceOf('006_throw_handled_continue.py'));
    const handler = lane(model, 'error_handler#1');
    const sends = handler.marks.filter((mark) => mark.kind === 'send');
    const throws = handler.marks.filter((mark) => mark.kind === 'throw');
    expect(sends.map((mark) => mark.label)).toEqual(['send(10)', 'send(20)', 'send(30)', 'send(40)']);
    expect(throws.map((mark) => mark.label)).toEqual(["throw(ValueError('Bad value!'))", 'throw(ValueError())']);
    const afterFirstSend = handler.marks.find((mark) => mark.kind === 'yield' && mark.step > (sends[0]?.step ?? 0));
    expect(afterFirstSend?.detail).toEqual(['yield None (line 5)', 'locals:', '  value = 10']);
    // The generator is still suspended when the run ends; CPython closes it as it is collected.
    expect(handler.marks.at(-1)?.kind).toBe('finalize');
    expect(handler.summary).toBe('7 yields, 4 sends, 2 throws, closed when the run ended');
  });

  it('close() of a generator that yields in its finally shows it running its cleanup, suspended again, then raising', () => {
    const model = buildTimeline(traceOf('017_close_yield_in_finally.py'));
    const bad = lane(model, 'bad#1');
    const close = bad.marks.find((mark) => mark.kind === 'close');
    expect(close).toBeDefined();
    const step = close?.step ?? -1;
    expect(stateAt(bad, step)).toBe('running');
    expect(bad.marks.map((mark) => mark.kind)).toEqual(['create', 'next', 'yield', 'close', 'yield', 'next', 'raise']);
    expect(stateAt(bad, bad.marks[4]?.step ?? -1)).toBe('suspended');
    expect(stateAt(bad, bad.marks[6]?.step ?? -1)).toBe('closed');
    expect(bad.summary).toBe('2 yields, raised GeneratorExit');
  });

  it('close() of a suspended generator closes it for good; closing it again is one more mark', () => {
    const model = buildTimeline(traceOf('015_close_suspended_finally.py'));
    const gen = lane(model, 'gen#1');
    const closes = gen.marks.filter((mark) => mark.kind === 'close');
    expect(closes).toHaveLength(2);
    expect(stateAt(gen, closes[0]?.step ?? -1)).toBe('closed');
    expect(stateAt(gen, model.steps - 1)).toBe('closed');
    expect(gen.summary).toBe('1 yield, closed');
  });

  it('PEP 479: StopIteration raised in a generator ends its lane with a RuntimeError mark', () => {
    const model = buildTimeline(traceOf('028_pep479_stopiteration_runtimeerror.py'));
    const [only] = model.lanes;
    expect(only?.marks.at(-1)).toMatchObject({ kind: 'raise', label: 'RuntimeError' });
    expect(only?.marks.at(-1)?.detail[0]).toContain('generator raised StopIteration');
  });

  it('a truncated trace has a gap column where the omitted events were, and every lane is unknown across it', () => {
    const report = traceOf('007_yield_from_combined.py', { maxEvents: 20 });
    expect(report.truncated).toBe(true);
    const model = buildTimeline(report);
    expect(model.gap).toEqual({ step: 10, omitted: report.omittedEvents });
    expect(model.steps).toBe(report.events.length + 1);
    const beforeGap = model.lanes.filter((item) => (item.segments[0]?.from ?? Infinity) < 10);
    expect(beforeGap.length).toBeGreaterThan(0);
    for (const item of beforeGap) expect(stateAt(item, 10)).toBe(stateAt(item, 9) === 'closed' ? 'closed' : 'unknown');
    expect(beforeGap.some((item) => stateAt(item, 10) === 'unknown')).toBe(true);
    // No mark sits in the gap's column.
    expect(model.lanes.flatMap((item) => item.marks).some((mark) => mark.step === 10)).toBe(false);
  });

  it('the outcome says how the run ended, with the line to reveal', () => {
    const unsupported = buildTimeline(runSnippet('import socket\n'));
    expect(unsupported.outcome.kind).toBe('unsupported');
    expect(unsupported.outcome.line).toBe(1);
    const error = buildTimeline(runSnippet('def g():\n    yield 1\n\nx = g()\nx.send(5)\n'));
    expect(error.outcome).toEqual({ kind: 'error', message: "ended with TypeError: can't send non-None value to a just-started generator", line: 5 });
    const limit = buildTimeline(runSnippet('def g():\n    while True:\n        yield 1\n\nfor _ in g():\n    pass\n', { maxSteps: 1000 }));
    expect(limit.outcome.kind).toBe('limit');
  });
});
