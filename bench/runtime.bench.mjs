// Benchmark of the mini-runtime against CPython 3.13 on generator workloads (~200,000 items each; one of them
// async generators under asyncio), tracing on.
// `node bench/runtime.bench.mjs` prints a markdown table; `bench/run.mjs` calls the default export `run()`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findPython } from '../server/test/runtime/oracle-harness.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const runtimeEntry = join(repoRoot, 'server', 'dist', 'runtime', 'index.js');
const ITEMS = 200_000;
const REPEATS = 3;
/** Timed runtime runs per workload, after a warm-up pass that runs every workload once. */
const RUNTIME_REPEATS = 7;

export const WORKLOADS = [
  {
    name: 'generator-expression sum',
    source: `total = sum(x * x for x in range(${ITEMS}))
print(total)
`,
  },
  {
    name: '3-stage pipeline',
    source: `def source(n):
    for i in range(n):
        yield i

def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x

def scaled(xs):
    for x in xs:
        yield x * 3

total = 0
for value in scaled(evens(source(${ITEMS * 2}))):
    total += value
print(total)
`,
  },
  {
    name: 'send-driven coroutine loop',
    source: `def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
next(avg)
last = None
for i in range(${ITEMS}):
    last = avg.send(i)
print(last)
`,
  },
  {
    name: '3-level yield from chain',
    source: `def leaf(n):
    for i in range(n):
        yield i
    return n

def middle(n):
    got = yield from leaf(n)
    return got

def top(n):
    got = yield from middle(n)
    return got

total = 0
for value in top(${ITEMS}):
    total += value
print(total)
`,
  },
  {
    // The asynchronous counterpart of the 3-stage pipeline, run by asyncio.run (the import of asyncio included).
    name: 'async generator pipeline',
    source: `import asyncio

async def source(n):
    for i in range(n):
        yield i

async def evens(xs):
    async for x in xs:
        if x % 2 == 0:
            yield x

async def scaled(xs):
    async for x in xs:
        yield x * 3

async def main():
    total = 0
    async for value in scaled(evens(source(${ITEMS * 2}))):
        total += value
    return total

print(asyncio.run(main()))
`,
  },
];

// Runs the file under CPython and measures the snippet's own run time around exec(), excluding start-up.
const CPYTHON_TIMER = `import sys, time
path = sys.argv[1]
with open(path) as f:
    code = compile(f.read(), path, 'exec')
start = time.perf_counter()
exec(code, {'__name__': '__main__'})
sys.stderr.write('__elapsed_ms__ %.3f\\n' % ((time.perf_counter() - start) * 1000))
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runCPython(python, file) {
  const started = performance.now();
  const child = spawnSync(python.command, ['-c', CPYTHON_TIMER, file], { env: python.env, encoding: 'utf8', timeout: 120_000 });
  const processMs = performance.now() - started;
  const match = /__elapsed_ms__ ([\d.]+)/.exec(child.stderr ?? '');
  if (child.status !== 0 || !match) return { ok: false, reason: (child.stderr || `exit ${child.status}`).trim().split('\n').pop() };
  return { ok: true, stdout: child.stdout, inScriptMs: Number(match[1]), processMs };
}

function cpythonStartup(python) {
  const samples = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    spawnSync(python.command, ['-c', 'pass'], { env: python.env });
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** Import of the runtime plus its first tiny snippet, in a fresh Node process (what an editor worker pays). */
function runtimeStartup() {
  const script = `const t0 = performance.now();
const { runSnippet } = await import(${JSON.stringify(pathToFileURL(runtimeEntry).href)});
await (await import(${JSON.stringify(pathToFileURL(join(dirname(runtimeEntry), '..', 'parser.js')).href)})).loadParser();
const t1 = performance.now();
runSnippet('def g():\\n    yield 1\\nprint(list(g()))\\n');
const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstRunMs: t2 - t1 }));`;
  const samples = [];
  for (let i = 0; i < REPEATS; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    if (child.status !== 0) return undefined;
    samples.push(JSON.parse(child.stdout.trim().split('\n').pop()));
  }
  return {
    importMs: median(samples.map((s) => s.importMs)),
    firstRunMs: median(samples.map((s) => s.firstRunMs)),
  };
}

const CLI = join(repoRoot, 'server', 'bin', 'yieldlens.js');
/** V8 flag sets tried for the whole-process `yieldlens trace` (YIELDLENS_BENCH_TRACE_FLAGS: a JSON list of lists). */
const TRACE_FLAG_SETS = JSON.parse(process.env.YIELDLENS_BENCH_TRACE_FLAGS ?? '[[]]');
/**
 * What the launcher runs (server/bin/launch.js): the bundle `npm run build` makes (one file, compiled with
 * V8's code cache), and the compiled sources (~300 ES modules), measured in the same run.
 */
const { chooseEntry } = await import(pathToFileURL(join(repoRoot, 'server', 'bin', 'launch.js')).href);
/** Only a bundle made after the last tsc build (an older one holds older code): `npm run build` makes one. */
const BUNDLE_FRESH = chooseEntry({}) === 'bundle';
const TRACE_ENTRIES = [
  ...(BUNDLE_FRESH ? [{ label: 'bundle', env: { YIELDLENS_LAUNCH: 'bundle' } }] : []),
  { label: 'server/dist', env: { YIELDLENS_LAUNCH: 'dist' } },
];
const TRACE_VARIANTS = TRACE_ENTRIES.flatMap((entry) => TRACE_FLAG_SETS.map((flags) => ({ ...entry, flags, label: [entry.label, ...flags].join(' ') })));

/**
 * `yieldlens trace FILE` as a whole process (start-up, parse, compile, run, JSON out), median of REPEATS
 * after one untimed run (which writes the bundle's code cache when it has none).
 */
function traceProcess(file, variant) {
  const samples = [];
  for (let i = 0; i <= REPEATS; i++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [...variant.flags, CLI, 'trace', file, '--format', 'json', '--max-steps', '1000000000', '--timeout', '120000', '--max-events', '10000'], { encoding: 'utf8', env: { ...process.env, ...variant.env }, maxBuffer: 1024 * 1024 * 1024, timeout: 180_000 });
    if (child.status !== 0) return undefined;
    if (i > 0) samples.push(performance.now() - started);
  }
  return median(samples);
}

/** A 30-line file with a `__main__` block, as a user opens one: a pipeline, a coroutine and a `yield from`. */
export const SNIPPET_30 = `def numbers(n):
    for i in range(n):
        yield i


def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def chain(*parts):
    for part in parts:
        yield from part


if __name__ == "__main__":
    avg = averager()
    next(avg)
    for value in chain(evens(numbers(10)), "ab"):
        print(value, avg.send(len(str(value))))
`;

/**
 * The first trace in a fresh language server (\`yieldlens lsp\`): didOpen of SNIPPET_30 → its
 * yieldlens/traceStatus "finished". \`idleMs\`: how long the server sat idle after \`initialized\` (0: the
 * file opened at once, as an editor opening a file with the server does; then the trace worker's own
 * start-up is part of the wait). Median of REPEATS fresh servers.
 */
export async function firstServerTrace(idleMs) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node.js');
  const dir = mkdtempSync(join(tmpdir(), 'yieldlens-first-trace-'));
  const file = join(dir, 'snippet.py');
  writeFileSync(file, SNIPPET_30);
  const samples = [];
  try {
    // One untimed server first, kept 4 s: the bundle's code caches (main thread, trace worker) are written 3 s after start.
    for (let i = -1; i < REPEATS; i++) {
      const child = spawn(process.execPath, [CLI, 'lsp'], { stdio: ['pipe', 'pipe', 'ignore'] });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      let finished;
      const done = new Promise((resolve) => (finished = resolve));
      connection.onNotification('yieldlens/traceStatus', (params) => {
        if (params.state === 'finished' || params.state === 'unavailable' || params.state === 'cancelled') finished({ at: performance.now(), params });
      });
      connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
      connection.onRequest('client/registerCapability', () => null);
      connection.onRequest('window/workDoneProgress/create', () => null);
      connection.listen();
      try {
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
        await connection.sendNotification('initialized', {});
        if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
        const started = performance.now();
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(file).href, languageId: 'python', version: 1, text: SNIPPET_30 } });
        const { at, params } = await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('no trace status within 20 s')), 20_000))]);
        if (params.state !== 'finished' || params.sources?.[0]?.outcome !== 'completed') throw new Error(`the snippet's trace did not complete: ${JSON.stringify(params)}`);
        if (i >= 0) samples.push(at - started);
        else await new Promise((resolve) => setTimeout(resolve, 4_000));
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } finally {
        connection.dispose();
        child.kill();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return median(samples);
}

const format = (ms) => (ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export default async function run() {
  const lines = ['### Mini-runtime vs CPython (generator workloads, tracing on)', ''];
  const python = findPython();
  let runSnippet;
  if (existsSync(runtimeEntry)) {
    let warmUpRuntime;
    ({ runSnippet, warmUpRuntime } = await import(pathToFileURL(runtimeEntry).href));
    await (await import(pathToFileURL(join(dirname(runtimeEntry), '..', 'parser.js')).href)).loadParser();
    // A long-lived host (the language server's worker) warms the interpreter up once at start-up;
    // measure the runtime as such a host runs it. The start-up row below stays a cold process.
    warmUpRuntime?.();
  }
  else lines.push(`Runtime not built (${runtimeEntry} missing): run \`npx tsc -b\` first.`, '');
  if (!python.ok) lines.push(`CPython columns skipped: ${python.reason}.`, '');
  if (!BUNDLE_FRESH) lines.push('No bundle newer than `server/dist` (run `npm run build`): the whole-process columns run `server/dist` only.', '');

  const workDir = mkdtempSync(join(tmpdir(), 'yieldlens-bench-'));
  lines.push(
    `| workload (~${ITEMS.toLocaleString('en-US')} items) | runtime ms | runtime first run ms | runtime, tracing off ms | CPython ${python.ok ? python.version : ''} ms (in script) | CPython ms (whole process) | runtime ÷ CPython | \`yieldlens trace\` whole process ms (${TRACE_VARIANTS.map((variant) => variant.label).join(' / ')}) | ÷ CPython whole process | events | result |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  // Warm-up pass: a language server's worker has run many traces before the one a user waits for,
  // so V8 has compiled the interpreter for all of these paths. Each workload's run here is its
  // first run, reported apart; the figure compared with CPython is the median of the runs after.
  const firstRuns = new Map();
  if (runSnippet) {
    for (const workload of WORKLOADS) {
      const started = performance.now();
      runSnippet(workload.source, { maxSteps: Number.MAX_SAFE_INTEGER, timeoutMs: 120_000 });
      firstRuns.set(workload.name, performance.now() - started);
    }
  }
  try {
    for (const workload of WORKLOADS) {
      const file = join(workDir, `${workload.name.replace(/\W+/g, '_')}.py`);
      writeFileSync(file, workload.source);
      let cpython;
      if (python.ok) {
        const runs = Array.from({ length: REPEATS }, () => runCPython(python, file));
        const failed = runs.find((r) => !r.ok);
        cpython = failed ?? { ok: true, stdout: runs[0].stdout, inScriptMs: median(runs.map((r) => r.inScriptMs)), processMs: median(runs.map((r) => r.processMs)) };
      }
      let runtimeMs;
      let firstRunMs;
      let untracedMs;
      let events = '—';
      let result = 'not built';
      if (runSnippet) {
        const samples = [];
        const untraced = [];
        let report;
        firstRunMs = firstRuns.get(workload.name);
        for (let i = 0; i < RUNTIME_REPEATS; i++) {
          const started = performance.now();
          // Tracing is always on; the event cap keeps the first and last events of such long runs.
          report = runSnippet(workload.source, { maxSteps: Number.MAX_SAFE_INTEGER, timeoutMs: 120_000 });
          samples.push(performance.now() - started);
          if (report.unsupported || report.limit || report.error) break;
          // The same run without recording events, interleaved (what the event recorder costs, same moment).
          const bare = performance.now();
          runSnippet(workload.source, { maxSteps: Number.MAX_SAFE_INTEGER, timeoutMs: 120_000, trace: false });
          untraced.push(performance.now() - bare);
        }
        runtimeMs = median(samples);
        untracedMs = untraced.length > 0 ? median(untraced) : undefined;
        events = `${report.events.length}${report.truncated ? ` (+${report.omittedEvents ?? '?'} omitted)` : ''}`;
        if (report.unsupported) result = `unsupported: ${report.unsupported.feature}`;
        else if (report.limit) result = `${report.limit.kind} limit`;
        else if (report.error) result = `${report.error.type}: ${report.error.message}`;
        else if (cpython?.ok && report.stdout !== cpython.stdout) result = `output differs (${JSON.stringify(report.stdout.trim())} vs ${JSON.stringify(cpython.stdout.trim())})`;
        else result = cpython?.ok ? 'same output' : 'ran';
        if (report.unsupported || report.limit) runtimeMs = firstRunMs = untracedMs = undefined;
      }
      const ratio = runtimeMs !== undefined && cpython?.ok ? `${(runtimeMs / cpython.inScriptMs).toFixed(2)}×` : '—';
      const whole = TRACE_VARIANTS.map((variant) => traceProcess(file, variant));
      const wholeRatio = whole.map((ms) => (ms !== undefined && cpython?.ok ? `${(ms / cpython.processMs).toFixed(2)}×` : '—')).join(' / ');
      lines.push(
        `| ${workload.name} | ${format(runtimeMs)} | ${format(firstRunMs)} | ${format(untracedMs)} | ${cpython?.ok ? format(cpython.inScriptMs) : cpython ? `failed: ${cpython.reason}` : '—'} | ${cpython?.ok ? format(cpython.processMs) : '—'} | ${ratio} | ${whole.map(format).join(' / ')} | ${wholeRatio} | ${events} | ${result} |`,
      );
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  lines.push('');
  // The start-up of the command itself: an empty file traced, against Node's own start-up.
  const emptyDir = mkdtempSync(join(tmpdir(), 'yieldlens-bench-empty-'));
  const emptyFile = join(emptyDir, 'empty.py');
  writeFileSync(emptyFile, 'pass\n');
  const emptyTraces = TRACE_VARIANTS.map((variant) => `${variant.label} ${format(traceProcess(emptyFile, variant))} ms`);
  rmSync(emptyDir, { recursive: true, force: true });
  const nodeSamples = Array.from({ length: REPEATS }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - started;
  });
  lines.push(`\`yieldlens trace\` of a file holding \`pass\`, whole process: ${emptyTraces.join(', ')}; \`node -e 0\` ${format(median(nodeSamples))} ms.`, '');
  const startup = runSnippet ? runtimeStartup() : undefined;
  const cpythonStart = python.ok ? cpythonStartup(python) : undefined;
  lines.push(
    `Start-up: runtime import ${format(startup?.importMs)} ms + first snippet ${format(startup?.firstRunMs)} ms (fresh Node process); ` +
      `CPython process \`-c pass\` ${format(cpythonStart)} ms. CPython: medians of ${REPEATS} runs; runtime: median of ${RUNTIME_REPEATS} runs after a warm-up pass over all workloads (whose runs are the first-run column); target: runtime within 2× of CPython, start-up under 50 ms.`,
  );
  if (existsSync(CLI) && existsSync(runtimeEntry)) {
    const atOnce = await firstServerTrace(0);
    const afterIdle = await firstServerTrace(2_000);
    lines.push(
      '',
      `First trace of a 30-line snippet in a fresh language server (didOpen → traceStatus "finished", median of ${REPEATS} servers): ` +
        `${format(atOnce)} ms when the file is opened right after \`initialized\`, ${format(afterIdle)} ms after the server sat idle 2 s; target ≤ 50 ms.`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await run());
}
