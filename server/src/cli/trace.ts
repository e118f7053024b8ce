// `yieldlens trace FILE`: runs the file in the mini-runtime and prints what its generators did, as JSON
// (the stable TraceReport) or as a timeline a person can read: one event a line, indented by how deep
// the generator was nested inside other running generators (`yield from` delegation, pipelines).

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TRACE_SOURCE_KINDS, type TraceEvent, type TracedSource, type TraceReport, type TraceSourceKind } from '@yieldlens/shared';
import { parsePython } from '../parser.js';
// The defining files, not the project barrel (which loads the configuration and with it the analysis).
import { ProjectImports } from '../project/imports.js';
import { ModuleNamer } from '../project/modules.js';
import { projectModuleResolver } from '../project/runtime-modules.js';
import { runSnippet, type ModuleSourceResolver } from '../runtime/index.js';
import { findTraceSources } from '../runtime/sources.js';

interface TraceIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => string;
}

const HELP = `usage: yieldlens trace FILE [--format text|json] [--source main|doctest|directive|all] [--max-steps N] [--timeout MS] [--max-events N]

Runs FILE's top-level code in yieldlens' sandboxed mini-runtime and prints what every generator did.

  --format text|json   text (default): a readable timeline; json: the TraceReport object
  --source KIND        run FILE's trace sources of this kind instead, as the editor does: main (the
                       __main__ block or top-level driver code), doctest (examples in the docstrings of
                       the module and of generator functions), directive (# yieldlens: trace EXPR above
                       a generator function), all, or one source's id (doctest:pairs:0); json then prints
                       {"version": 1, "sources": [{"source": ..., "report": ...}]}
  --max-steps N        step budget (default 1000000)
  --timeout MS         wall-clock budget in milliseconds (default 2000)
  --max-events N       events kept; beyond it the first and last halves are kept (default 10000)

Exit status: 0 the snippet ran to its end (an uncaught Python exception is part of the trace),
2 it used something the runtime does not support, hit a limit, or the command line was wrong.
`;

const DEFAULT_MAX_EVENTS = 10_000;

function positiveInt(name: string, text: string | undefined, fallback: number): number | string {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text)))
    return `--${name} expects a positive integer, got "${text}"`;
  return Number(text);
}

export async function runTraceCommand(argv: string[], io: TraceIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        'max-steps': { type: 'string' },
        timeout: { type: 'string' },
        'max-events': { type: 'string' },
        source: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split(/\. (?=To specify)/)[0] : String(error);
    io.stderr(`yieldlens trace: ${message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`yieldlens trace: expected exactly one FILE, got ${positionals.length}\n\n${HELP}`);
    return 2;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json') {
    io.stderr(`yieldlens trace: --format must be text or json, got "${format}"\n`);
    return 2;
  }
  const maxSteps = positiveInt('max-steps', values['max-steps'], 1_000_000);
  const timeoutMs = positiveInt('timeout', values.timeout, 2_000);
  const maxEvents = positiveInt('max-events', values['max-events'], DEFAULT_MAX_EVENTS);
  for (const v of [maxSteps, timeoutMs, maxEvents]) {
    if (typeof v === 'string') {
      io.stderr(`yieldlens trace: ${v}\n`);
      return 2;
    }
  }
  const sourceSelector = values.source;
  if (sourceSelector !== undefined && !isSourceSelector(sourceSelector)) {
    io.stderr(`yieldlens trace: --source must be main, doctest, directive, all or a source id such as doctest:pairs:0, got "${sourceSelector}"\n`);
    return 2;
  }
  const file = positionals[0]!;
  let source: string;
  try {
    source = io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    io.stderr(`yieldlens trace: cannot read ${file}: ${reason}\n`);
    return 2;
  }
  // `python FILE` runs it under its absolute path, with the project's modules importable (read here, by the host).
  const limits = {
    filename: resolve(file), maxSteps: maxSteps as number, timeoutMs: timeoutMs as number, maxEvents: maxEvents as number,
    resolveModule: projectModuleResolver(file, new ProjectImports()),
  };
  if (sourceSelector !== undefined) return runSources(file, source, sourceSelector, limits, format, io);
  const report = runSnippet(source, limits);
  if (format === 'json') io.stdout(JSON.stringify(report) + '\n');
  else io.stdout(renderTimeline(file, report, maxEvents as number));
  return exitCodeOf(report);
}

function exitCodeOf(report: TraceReport): number {
  return report.unsupported !== null || (report.limit ?? null) !== null ? 2 : 0;
}

function isSourceSelector(selector: string): boolean {
  return selector === 'all' || (TRACE_SOURCE_KINDS as readonly string[]).includes(selector) || /^(main|doctest:.+:\d+|directive:.+)$/.test(selector);
}

/**
 * `--source`: runs the file's trace sources of a kind (or the one with an id), each as the language
 * server runs it, and prints every report with the source it came from.
 */
function runSources(
  file: string,
  text: string,
  selector: string,
  limits: { filename: string; maxSteps: number; timeoutMs: number; maxEvents: number; resolveModule: ModuleSourceResolver },
  format: 'text' | 'json',
  io: TraceIo,
): number {
  const kinds: readonly TraceSourceKind[] = selector === 'all' || !(TRACE_SOURCE_KINDS as readonly string[]).includes(selector) ? TRACE_SOURCE_KINDS : [selector as TraceSourceKind];
  // Doctests and directives import the module under its dotted name, as doctest does.
  const moduleName = new ModuleNamer().moduleNameFor(resolve(file)) ?? file.replace(/^.*[\\/]/, '').replace(/\.pyi?$/, '');
  const sources = findTraceSources(parsePython(text), text, { moduleName, kinds })
    .filter((source) => selector === 'all' || kinds.length === 1 || source.info.id === selector);
  const traced: TracedSource[] = sources.map((source) => ({
    source: source.info,
    report: runSnippet(text, { ...limits, moduleName: source.moduleName, followUps: source.followUps }),
  }));
  if (format === 'json') io.stdout(JSON.stringify({ version: 1, sources: traced }) + '\n');
  else if (traced.length === 0) io.stdout(`no ${selector === 'all' ? '' : `${selector} `}trace source in ${file}\n`);
  else io.stdout(traced.map(({ source, report }) => `── ${source.label} (line ${source.line}) ──\n${renderTimeline(file, report, limits.maxEvents)}`).join('\n'));
  return traced.some(({ report }) => exitCodeOf(report) !== 0) ? 2 : 0;
}

type GenState = 'created' | 'running' | 'suspended' | 'closed';

/** One line of the timeline: an event's columns, or (text not null) a gap or output line printed as is. One shape for both. */
interface TimelineRow { text: string | null; line: string; left: string; state: string; locals: string }

const textRow = (text: string): TimelineRow => ({ text, line: '', left: '', state: '', locals: '' });

/**
 * Renders the report as a timeline; exported for tests and for the language server's hover. What the
 * program printed appears between the events, where it was printed (report.outputOffsets); a report
 * without offsets gets its stdout after the events.
 */
export function renderTimeline(file: string, report: TraceReport, maxEvents = DEFAULT_MAX_EVENTS): string {
  const out: string[] = [];
  const generators = new Map<number, string>();
  for (const e of report.events) if (!generators.has(e.generator)) generators.set(e.generator, e.function);
  out.push(`trace of ${file}: ${generators.size} generator${generators.size === 1 ? '' : 's'}, ${report.events.length + (report.omittedEvents ?? 0)} event${report.events.length === 1 ? '' : 's'}`);
  out.push('');
  // A loop, not Math.max(...): a trace may hold more events than a call can take arguments.
  let lineWidth = 4;
  const labels = report.events.map(lineLabel);
  for (const label of labels) if (label.length > lineWidth) lineWidth = label.length;
  const offsets = report.outputOffsets?.length === report.events.length ? report.outputOffsets : null;
  const rows: TimelineRow[] = [];
  let printed = 0;
  const output = (upTo: number): void => {
    if (upTo <= printed) return;
    for (const l of report.stdout.slice(printed, upTo).replace(/\n$/, '').split('\n')) rows.push(textRow(`${' '.repeat(lineWidth)}  | ${l}`));
    printed = upTo;
  };
  const states = new Map<number, GenState>();
  // Generators currently running, innermost last: a resume inside another generator's run is nested.
  const running: number[] = [];
  const headCount = Math.ceil(Math.max(2, maxEvents) / 2);
  // Columns two spaces apart at least, however long an event's text: never `… StopIteration closed`.
  let leftWidth = 48;
  report.events.forEach((e, i) => {
    if (report.truncated && i === headCount) {
      rows.push(textRow(`${' '.repeat(lineWidth)}  … ${report.omittedEvents ?? 0} events omitted …`));
      // What was running across the gap is unknown; start the tail from a clean slate.
      running.length = 0;
    }
    if (offsets !== null) output(offsets[i]!);
    let depth = running.length;
    switch (e.event) {
      case 'resume':
        running.push(e.generator);
        states.set(e.generator, 'running');
        break;
      case 'yield':
      case 'return':
      case 'raise': {
        const at = running.lastIndexOf(e.generator);
        if (at >= 0) running.length = at;
        depth = running.length;
        // A send refused before the frame ran leaves the generator just-created.
        states.set(e.generator, e.event === 'yield' ? 'suspended' : e.event === 'raise' && e.notStarted === true ? 'created' : 'closed');
        break;
      }
      case 'create':
        states.set(e.generator, 'created');
        break;
      case 'close':
        states.set(e.generator, 'closed');
        break;
    }
    const left = `${depth === 0 ? '' : '  '.repeat(depth)}${e.function}#${e.generator}  ${describe(e)}`;
    if (left.length + 2 > leftWidth) leftWidth = left.length + 2;
    rows.push({ text: null, line: labels[i]!, left, state: states.get(e.generator) ?? 'created', locals: e.event === 'yield' ? formatLocals(e.locals) : '' });
  });
  if (offsets !== null) output(report.stdout.length);
  for (const r of rows) {
    if (r.text !== null) out.push(r.text);
    else out.push(`${r.line.padEnd(lineWidth)}  ${r.left.padEnd(leftWidth)}${r.state.padEnd(9)}${r.locals === '' ? '' : '  ' + r.locals}`.trimEnd());
  }
  if (report.events.length === 0) out.push('(no generator ran)');
  out.push('');
  if (report.stdout !== '' && (offsets === null || report.events.length === 0)) {
    out.push('stdout:');
    for (const l of report.stdout.replace(/\n$/, '').split('\n')) out.push(`  | ${l}`);
    out.push('');
  }
  if (report.error !== null) out.push(`ended with ${report.error.type}: ${report.error.message} (line ${report.error.line}${report.error.file === undefined ? '' : ` of ${report.error.file}`})`);
  else if (report.unsupported !== null) out.push(`stopped: unsupported ${report.unsupported.feature} (line ${report.unsupported.line})`);
  else if (report.limit) out.push(`stopped: ${report.limit.kind} limit — ${report.limit.message} (line ${report.limit.line})`);
  else out.push('ran to the end');
  if (report.error !== null && report.limit) out.push(`limit: ${report.limit.kind} — ${report.limit.message}`);
  if (report.error !== null && report.unsupported !== null) out.push(`unsupported: ${report.unsupported.feature} (line ${report.unsupported.line})`);
  return out.join('\n') + '\n';
}

/** `L12`, or `pipeline.py:L12` for an event in another module of the project. */
function lineLabel(e: TraceEvent): string {
  return e.file === undefined ? `L${e.line}` : `${e.file.replace(/^.*[\\/]/, '')}:L${e.line}`;
}

function describe(e: TraceEvent): string {
  switch (e.event) {
    case 'create':
      return 'created';
    case 'resume':
      return e.method === 'next' ? 'next()' : e.method === 'close' ? 'close()' : `${e.method}(${e.sent ?? ''})`;
    case 'yield':
      return `yield ${e.value}`;
    case 'return':
      return `return ${e.value}`;
    case 'raise':
      return `${e.notStarted === true ? 'refused, ' : ''}raise ${e.exception}${e.message ? ': ' + e.message : ''}`;
    case 'close':
      return 'close()';
  }
}

function formatLocals(locals: Record<string, string>): string {
  let out = '';
  for (const k in locals) {
    const v = locals[k]!;
    out += `${out === '' ? '' : ' '}${k}=${v.length > 40 ? v.slice(0, 37) + '...' : v}`;
  }
  return out;
}
