// The trace view in process: which run a generator is shown from, how each generator object ended, what
// each yield received, and events of other files (the `file` field of workspace imports) landing in the
// view of the file they name. Reports come from the real runtime; only the cross-file case adds the
// `file` field the runtime will record once it imports workspace modules.

import type { TraceReport, TraceSourceInfo } from '@yieldlens/shared';
import { describe, expect, it } from 'vitest';
import { elide } from '../../src/lsp/inlay-hints.js';
import { buildTraceView, summarizeGenerator, summarizeOutcomes, type TracedRun } from '../../src/lsp/trace-view.js';
import { runSnippet } from '../../src/runtime/index.js';

const MAIN: TraceSourceInfo = { kind: 'main', id: 'main', label: '__main__ block', line: 1 };
const DOCTEST: TraceSourceInfo = { kind: 'doctest', id: 'doctest:gen:0', label: 'doctest of gen', line: 1 };

function run(source: TraceSourceInfo, code: string, file = '/w/mod.py'): TracedRun {
  return { source, file, report: runSnippet(code, { filename: file }) };
}

describe('buildTraceView', () => {
  const CODE = 'def gen():\n    got = yield 1\n    yield got\n\n\na = gen()\nnext(a)\na.send("x")\nb = gen()\nnext(b)\nb.close()\nc = gen()\n';

  it('follows each generator object to how it ended, and each yield to what it received', () => {
    const view = buildTraceView('/w/mod.py', [run(MAIN, CODE)]);
    const [trace] = view.generators;
    expect(trace?.runs.map((each) => [each.generator, each.createdAt, each.outcome.kind])).toEqual([[1, 6, 'suspended'], [2, 9, 'closed'], [3, 12, 'created']]);
    expect(summarizeGenerator(trace!)).toBe('3 runs · 3 yields · 1 send · 1 still suspended, 1 closed, 1 never started');
    const first = view.yieldSites.find((site) => site.line === 2);
    expect(first?.suspensions.map((each) => [each.generator, each.value, each.received, each.resumedWith])).toEqual([[1, '1', "'x'", 'None'], [2, '1', 'close()', 'None']]);
    expect(view.creations.map((site) => [site.line, summarizeOutcomes(site.runs.map((each) => each.outcome))])).toEqual([[6, 'still suspended'], [9, 'closed'], [12, 'never started']]);
  });

  it('shows a generator from the first run (in the preferred order) that ran it, never mixing runs', () => {
    const view = buildTraceView('/w/mod.py', [run(MAIN, `${CODE}\n`), run(DOCTEST, 'def gen():\n    got = yield 1\n    yield got\n\n\nprint(list(gen()))\n')]);
    expect(view.generators.map((trace) => trace.source.id)).toEqual(['main']);
    expect(view.yieldSites.every((site) => site.source.id === 'main')).toBe(true);
    expect(view.creations.every((site) => site.source.id === 'main')).toBe(true);
  });

  it('leaves out runs that stopped at unsupported code or a limit', () => {
    const stopped = run(MAIN, 'def gen():\n    yield 1\n\n\nprint(next(gen()))\nimport socket\n');
    expect(stopped.report.unsupported).not.toBeNull();
    expect(buildTraceView('/w/mod.py', [stopped])).toMatchObject({ generators: [], yieldSites: [], creations: [] });
  });

  it('puts events that name another file in that file\'s view', () => {
    // app.py's __main__ drives a generator defined in pipeline.py (the runtime's workspace imports).
    const report: TraceReport = runSnippet('def stage(items):\n    for item in items:\n        yield item * 2\n\n\nprint(list(stage([1, 2])))\n', { filename: '/w/app.py' });
    const inPipeline = { ...report, events: report.events.map((event) => (event.event === 'create' ? event : { ...event, file: '/w/pipeline.py' })) };
    const runs: TracedRun[] = [{ source: MAIN, file: '/w/app.py', report: inPipeline }];
    const pipeline = buildTraceView('/w/pipeline.py', runs);
    expect(pipeline.generators.map((trace) => [trace.function, trace.tracedFile])).toEqual([['stage', '/w/app.py']]);
    expect(pipeline.yieldSites.map((site) => [site.line, site.suspensions.map((each) => each.value)])).toEqual([[3, ['2', '4']]]);
    expect(pipeline.creations).toEqual([]);
    const app = buildTraceView('/w/app.py', runs);
    expect(app.generators).toEqual([]);
    expect(app.creations.map((site) => [site.line, site.function])).toEqual([[6, 'stage']]);
  });
});

describe('elide', () => {
  it('lists what fits, else the first two, the count left out and the last', () => {
    expect(elide(['0', '111', '222'], false)).toBe('0, 111, 222');
    expect(elide(Array.from({ length: 1000 }, (_, i) => String(i)), false)).toBe('0, 1, … (997 more), 999');
    expect(elide(Array.from({ length: 10 }, (_, i) => String(i)), true)).toBe('0, 1, … (7+ more), 9');
    expect(elide(["'a very long string value'", "'another long string'"], false).length).toBeLessThanOrEqual(38);
  });
});
