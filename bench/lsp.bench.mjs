// Language server benchmark: keystroke (didChange) → publishDiagnostics latency over 200 edits on a
// generated ~5,000-line file of realistic generator code (with its `__main__` block traced on every
// keystroke, and with traces off, in the same run), keystroke → refreshed inlay hints on the bundled
// example, and the server's memory and indexing time with the CPython 3.13 standard library as its
// workspace. Needs a build; run alone with `node bench/lsp.bench.mjs` (YIELDLENS_BENCH_SERVER=path/to/
// server/bin/yieldlens.js measures another build's server and CLI, for a baseline in the same session).

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const EDITS = 200;
const TARGET_LINES = 5000;

/** One block of generator code in the styles the rules care about, with names made unique by `n`. */
function block(n) {
  return `
def read_records_${n}(path):
    with open(path) as handle:
        for line in handle:
            fields = line.rstrip("\\n").split(",")
            if not fields:
                continue
            yield {"id": fields[0], "values": fields[1:]}


def running_average_${n}():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            break
        total += value
        count += 1
        average = total / count
    return average


def take_${n}(iterable, limit):
    for index, item in enumerate(iterable):
        if index >= limit:
            return
        yield item


def chunked_${n}(iterable, size):
    iterator = iter(iterable)
    while True:
        chunk = []
        try:
            for _ in range(size):
                chunk.append(next(iterator))
        except StopIteration:
            if chunk:
                yield chunk
            return
        yield chunk


class Pipeline${n}:
    def __init__(self, source):
        self.source = source

    def __iter__(self):
        for record in self.source:
            yield from self.transform(record)

    def transform(self, record):
        for value in record.get("values", []):
            if value:
                yield value.strip()


def driver_${n}(path):
    averager = running_average_${n}()
    next(averager)
    for record in take_${n}(read_records_${n}(path), 100):
        averager.send(len(record["values"]))
    squares = (x * x for x in range(10))
    return sum(squares), list(chunked_${n}(range(7), 3))
`;
}

export function generateSource(targetLines = TARGET_LINES) {
  const parts = ['"""Generated benchmark module: generator pipelines, coroutines and iterators."""\n\nimport itertools\n'];
  let lines = 3;
  for (let n = 0; lines < targetLines; n++) {
    const text = block(n);
    parts.push(text);
    lines += text.split('\n').length - 1;
  }
  // Two real bugs so the published diagnostics are not empty.
  parts.push('\n\ndef leaky(items):\n    for item in items:\n        if item is None:\n            raise StopIteration\n        yield item\n');
  // A trace source, so that with traces on every keystroke that keeps the file valid re-runs it.
  parts.push('\n\nif __name__ == "__main__":\n    averager = running_average_0()\n    next(averager)\n    for value in take_0(range(10), 5):\n        averager.send(value)\n    print(list(chunked_0(range(7), 3)), sum(x * x for x in range(100)))\n');
  return parts.join('');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The launcher of the build measured: this checkout's, or YIELDLENS_BENCH_SERVER's (read at each start). */
function binPath() {
  return process.env.YIELDLENS_BENCH_SERVER ?? join(REPO, 'server/bin/yieldlens.js');
}

function serverCommand() {
  if (process.env.YIELDLENS_BENCH_SERVER === undefined && !existsSync(join(REPO, 'server/dist/lsp/server.js'))) throw new Error('build first: npx tsc -b');
  return [binPath(), 'lsp'];
}

async function startServer(workspaceFolder, initializationOptions = undefined, sendInitialized = true) {
  const child = spawn(process.execPath, [...(process.env.YIELDLENS_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.YIELDLENS_BENCH_PROF}`] : []), ...serverCommand()], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const listeners = new Set();
  const dispatch = (method, params) => { for (const listener of [...listeners]) listener(method, params); };
  connection.onNotification((method, params) => dispatch(method, params));
  // vscode-jsonrpc routes $/progress to progress handlers, never to the catch-all handler above.
  connection.onNotification('$/progress', (params) => dispatch('$/progress', params));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const folders = workspaceFolder === undefined ? null : [{ uri: pathToFileURL(workspaceFolder).href, name: 'stdlib' }];
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folders?.[0]?.uri ?? null,
    workspaceFolders: folders,
    initializationOptions,
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  if (sendInitialized) await connection.sendNotification('initialized', {});
  const waitFor = (method, match, timeoutMs = 600_000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listeners.delete(listener); reject(new Error(`timed out waiting for ${method}`)); }, timeoutMs);
    const listener = (got, params) => {
      if (got !== method || !match(params)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(params);
    };
    listeners.add(listener);
  });
  return {
    child,
    connection,
    waitFor,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
    },
  };
}

/** Resident memory of a process in MB (Linux /proc), current and peak. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function keystrokeLatency(targetLines, traces = true) {
  const server = await startServer(undefined, { trace: { enabled: traces } });
  const uri = 'file:///tmp/yieldlens-bench/generated.py';
  const text = generateSource(targetLines);
  const lineCount = text.split('\n').length;
  const published = (version) => server.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri && params.version === version, 10_000);
  const opened = published(1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const first = await opened;
  // Type statements one character at a time into the body of a function in the middle of the file.
  const lines = text.split('\n');
  const target = lines.findIndex((line, index) => index > lineCount / 2 && line.startsWith('def running_average_')) + 2;
  const typed = '    count += 1\n'.repeat(40);
  let line = target;
  let character = 0;
  const latencies = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const char = typed[edit % typed.length];
    const version = edit + 2;
    const done = published(version);
    const started = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: char }],
    });
    await done;
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (char === '\n') { line++; character = 0; } else character++;
  }
  await server.stop();
  latencies.sort((a, b) => a - b);
  return { lineCount, findings: first.diagnostics.length, median: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies[latencies.length - 1] };
}

/**
 * Structural edits on the generated 5,000-line file (traces off), keystroke → publishDiagnostics: a
 * three-line generator appended at the end and deleted again, alternately; a 50-line block pasted in the
 * middle and removed again; a module-level function renamed (its `def` line and back). Each as one
 * didChange, as an editor sends a paste or an undo.
 */
export async function structuralLatency(rounds = 40) {
  const server = await startServer(undefined, { trace: { enabled: false } });
  const uri = 'file:///tmp/yieldlens-bench/structural.py';
  let text = generateSource(TARGET_LINES);
  let version = 1;
  const published = (v) => server.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri && params.version === v, 10_000);
  const opened = published(1);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  await opened;
  const positionAt = (offset) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  const edit = async (start, end, newText) => {
    version++;
    const done = published(version);
    const range = { start: positionAt(start), end: positionAt(end) };
    const started = process.hrtime.bigint();
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    const params = await done;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    text = text.slice(0, start) + newText + text.slice(end);
    return { ms, findings: params.diagnostics.length };
  };
  const scenarios = { append: [], paste: [], rename: [] };
  const late = '\n\ndef late():\n    value = yield 1\n    yield value\n';
  const lines = text.split('\n');
  const middleLine = lines.findIndex((line, index) => index > lines.length / 2 && line.startsWith('def read_records_'));
  const middle = lines.slice(0, middleLine).join('\n').length + 1;
  const pasted = block(9999).split('\n').slice(0, 50).join('\n') + '\n';
  const renameAt = text.indexOf('def take_3(') + 4;
  for (let round = 0; round < rounds; round++) {
    const end = text.length;
    scenarios.append.push((await edit(end, end, late)).ms);
    scenarios.append.push((await edit(end, end + late.length, '')).ms);
    scenarios.paste.push((await edit(middle, middle, pasted)).ms);
    scenarios.paste.push((await edit(middle, middle + pasted.length, '')).ms);
    const name = round % 2 === 0 ? 'take_3x' : 'take_3';
    const current = round % 2 === 0 ? 'take_3' : 'take_3x';
    scenarios.rename.push((await edit(renameAt, renameAt + current.length, name)).ms);
  }
  await server.stop();
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: percentile(sorted, 50), p95: percentile(sorted, 95), count: sorted.length };
  };
  return { append: summary(scenarios.append), paste: summary(scenarios.paste), rename: summary(scenarios.rename) };
}

export function stdlibPath() {
  try {
    return execFileSync('python3.13', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { env: { ...process.env, PYENV_VERSION: '3.13.0' }, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export async function stdlibIndexing(stdlib) {
  const started = Date.now();
  const server = await startServer(stdlib, undefined, false);
  const baseline = memoryOf(server.child.pid);
  let title = null;
  const begun = server.waitFor('$/progress', (params) => params.value?.kind === 'begin');
  await server.connection.sendNotification('initialized', {});
  const begin = await begun;
  title = begin.value.message;
  await server.waitFor('$/progress', (params) => params.token === begin.token && params.value?.kind === 'end');
  const seconds = (Date.now() - started) / 1000;
  const after = memoryOf(server.child.pid);
  await server.stop();
  return { seconds, files: title?.split('/')[1] ?? '?', baseline, after };
}

/** `analyzeFile` alone on the same text, in this process: the part of the latency that is the analysis. */
async function analysisOnly(targetLines) {
  const { loadParser, parsePython } = await import(pathToFileURL(join(REPO, 'server/dist/parser.js')).href);
  await loadParser();
  const { analyzeFile } = await import(pathToFileURL(join(REPO, 'server/dist/analysis/index.js')).href);
  const text = generateSource(targetLines);
  const tree = parsePython(text);
  const times = [];
  for (let round = 0; round < 30; round++) {
    const started = process.hrtime.bigint();
    analyzeFile({ file: 'generated.py', text, tree });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

/**
 * Keystroke → refreshed inlay hints on the bundled example's coroutines.py: each edit changes a value its
 * `__main__` block sends, so the trace runs again, and the hints for the new version are asked for right
 * after the didChange (the server answers once that version's traces are complete). Then the same with
 * edits inside a comment, whose traces come from the cache.
 */
export async function hintLatency(edits = 60) {
  const file = join(REPO, 'test-fixtures/example/logpipe/coroutines.py');
  const text = readFileSync(file, 'utf8');
  const server = await startServer(join(REPO, 'test-fixtures/example'));
  const uri = pathToFileURL(file).href;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const hints = () => server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
  const first = await hints();
  const lines = text.split('\n');
  const run = async (line, column, version0, keys) => {
    const latencies = [];
    let character = column;
    for (let edit = 0; edit < edits; edit++) {
      const version = version0 + edit;
      const started = process.hrtime.bigint();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: keys[edit % keys.length] }],
      });
      const answer = await hints();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (!Array.isArray(answer) || answer.length === 0) throw new Error(`no hints after edit ${edit}`);
      character++;
    }
    latencies.sort((a, b) => a - b);
    return { median: percentile(latencies, 50), p95: percentile(latencies, 95) };
  };
  // Digits typed after `7.5` in `(12.5, 30.0, 7.5)`: every version is valid and traces differently.
  const valuesLine = lines.findIndex((each) => each.includes('(12.5, 30.0, 7.5)'));
  const traced = await run(valuesLine, lines[valuesLine].indexOf('7.5') + 3, 2, '1234567890');
  const commentLine = lines.findIndex((each) => each.includes('# Drives the coroutines'));
  const cached = await run(commentLine, lines[commentLine].length, 2 + edits, 'abcdefghij');
  await server.stop();
  return { hints: first.length, traced, cached };
}

/** The issue-12 cliff files: 2,000 redefinitions of one clean generator plus a buggy function, and so on. */
export function cliffSources() {
  const bug = 'def bad():\n    raise StopIteration\n    yield 1\n';
  return [
    ['2,000 redefinitions of `def g()` + 1 buggy function (6,003 lines)', 'def g():\n    yield 1\n\n'.repeat(2000) + bug],
    ['1,000 redefinitions of a buggy `def g()`', 'def g():\n    raise StopIteration\n    yield 1\n\n'.repeat(1000)],
    ['2,000 distinct generators + 1 buggy function', Array.from({ length: 2000 }, (_, n) => `def g${n}():\n    yield 1\n\n`).join('') + bug],
  ];
}

/**
 * didOpen → diagnostics on a cliff file in a fresh server, a hover sent 20 ms after the didOpen, then
 * hovers one after the other (each sent when the previous one is answered) until the diagnostics arrive:
 * how long a request waits during the analysis. And the CLI's whole process on the same file.
 */
export async function cliff(text) {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'yieldlens-cliff-'));
  const file = join(dir, 'cliff.py');
  writeFileSync(file, text);
  const server = await startServer(undefined, { trace: { enabled: false } });
  const uri = pathToFileURL(file).href;
  const published = server.waitFor('textDocument/publishDiagnostics', (params) => params.uri === uri && params.version === 1, 600_000);
  const started = performance.now();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const hoverSent = performance.now();
  const hoverAt = () => server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
  let done = false;
  const diagnostics = published.then((params) => {
    done = true;
    return { params, at: performance.now() };
  }, (error) => {
    done = true;
    throw error;
  });
  await hoverAt();
  const hoverMs = performance.now() - hoverSent;
  // Hovers sent during the analysis, one at a time; each latency counts only if answered before the diagnostics.
  const during = [];
  while (!done) {
    const sent = performance.now();
    await hoverAt();
    if (!done) during.push(performance.now() - sent);
  }
  const { params, at } = await diagnostics;
  const lsp = at - started;
  await server.stop();
  const cliStarted = performance.now();
  try {
    execFileSync(process.execPath, [binPath(), 'check', '--no-cache', '--quiet', file], { stdio: 'ignore' });
  } catch {
    // exit code 1: findings
  }
  const cli = performance.now() - cliStarted;
  rmSync(dir, { recursive: true, force: true });
  during.sort((a, b) => a - b);
  const hoversDuring = { count: during.length, median: during.length === 0 ? NaN : percentile(during, 50), max: during.length === 0 ? NaN : during[during.length - 1] };
  return { lsp, hoverMs, hoversDuring, cli, findings: params.diagnostics.length, diagnostics: JSON.stringify(params.diagnostics) };
}

export default async function run() {
  const rows = [];
  // Traces on and off in the same run, alternated, so machine drift does not pass for a difference.
  const withTraces = [];
  const withoutTraces = [];
  for (let round = 0; round < 2; round++) {
    withTraces.push(await keystrokeLatency(TARGET_LINES, true));
    withoutTraces.push(await keystrokeLatency(TARGET_LINES, false));
  }
  const pick = (results) => results.sort((a, b) => a.median - b.median)[0];
  const latency = pick(withTraces);
  const latencyOff = pick(withoutTraces);
  const analysis = await analysisOnly(TARGET_LINES);
  const small = await keystrokeLatency(500);
  const hints = await hintLatency();
  rows.push('| measure | result | target |', '|---|---|---|');
  rows.push(`| keystroke → publishDiagnostics, median (${EDITS} edits, ${latency.lineCount}-line file, its __main__ traced) | ${latency.median.toFixed(2)} ms | ≤ 5 ms |`);
  rows.push(`| keystroke → publishDiagnostics, p95 | ${latency.p95.toFixed(2)} ms | ≤ 15 ms |`);
  rows.push(`| keystroke → publishDiagnostics, max | ${latency.max.toFixed(2)} ms | |`);
  rows.push(`| the same with traces off, median / p95 / max (best of 2 rounds each, alternated) | ${latencyOff.median.toFixed(2)} / ${latencyOff.p95.toFixed(2)} / ${latencyOff.max.toFixed(2)} ms | unchanged |`);
  rows.push(`| keystroke → refreshed inlay hints, bundled example (coroutines.py, edit that re-runs its trace), median / p95 | ${hints.traced.median.toFixed(2)} / ${hints.traced.p95.toFixed(2)} ms | |`);
  rows.push(`| the same, edit in a comment (trace from the cache), median / p95 | ${hints.cached.median.toFixed(2)} / ${hints.cached.p95.toFixed(2)} ms | |`);
  rows.push(`| a full \`analyzeFile\` of the same file (what the server avoids), median | ${analysis.toFixed(2)} ms | |`);
  rows.push(`| keystroke → publishDiagnostics, median / p95 (${small.lineCount}-line file) | ${small.median.toFixed(2)} ms / ${small.p95.toFixed(2)} ms | |`);
  const structural = await structuralLatency();
  for (const [name, label] of [['append', 'append a three-line generator at the end / delete it, alternately'], ['paste', 'paste a 50-line block in the middle / remove it'], ['rename', 'rename a module-level function (and back)']]) {
    const result = structural[name];
    rows.push(`| structural edit, ${label}: keystroke → publishDiagnostics, median / p95 (${result.count} edits, ${latency.lineCount}-line file, traces off) | ${result.median.toFixed(2)} / ${result.p95.toFixed(2)} ms | ≤ 10 / 25 ms |`);
  }
  for (const [name, text] of cliffSources()) {
    const result = await cliff(text);
    rows.push(`| ${name}: didOpen → diagnostics (${result.findings} findings) / the CLI's whole process on it / a hover sent 20 ms in, answered after | ${result.lsp.toFixed(0)} ms / ${result.cli.toFixed(0)} ms (${(result.lsp / result.cli).toFixed(2)}×) / ${result.hoverMs.toFixed(0)} ms | ≤ 2× the CLI |`);
    rows.push(`| … hovers sent one after another during that analysis: answered before the diagnostics / median / max latency | ${result.hoversDuring.count} / ${result.hoversDuring.median.toFixed(1)} ms / ${result.hoversDuring.max.toFixed(1)} ms | a few tens of ms |`);
  }
  const stdlib = stdlibPath();
  if (stdlib === null) {
    rows.push('| CPython 3.13 stdlib indexing | skipped: `python3.13` (PYENV_VERSION=3.13.0) not found | |');
  } else {
    const indexing = await stdlibIndexing(stdlib);
    rows.push(`| index the CPython 3.13 stdlib as a workspace (${indexing.files.replace(' files', '')} files), start-up to progress end | ${indexing.seconds.toFixed(1)} s | |`);
    rows.push(`| server memory (RSS) after indexing | ${indexing.after.rss.toFixed(0)} MB (peak ${indexing.after.peak.toFixed(0)} MB; ${indexing.baseline.rss.toFixed(0)} MB before) | |`);
  }
  return rows.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run());
}
