// The two parsers server/src/parser.ts can load, side by side: the native tree-sitter binding and the WASM
// build (web-tree-sitter), each forced with YIELDLENS_PARSER in its own process. Parse-only time on the CPython
// 3.13 standard library, an incremental re-parse as the language server does on each keystroke, start-up,
// and the whole `yieldlens check` (whose findings must be identical). Needs a build; run alone with
// `node bench/run.mjs parser` (BENCH_RUNS=N, default 3; medians).

import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'server', 'bin', 'yieldlens.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const PARSERS = ['native', 'wasm'];

function stdlibPath() {
  try {
    return execFileSync('python3.13', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { env: { ...process.env, PYENV_VERSION: '3.13.0' }, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function pythonFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['__pycache__', 'site-packages', 'node_modules'].includes(entry.name)) pythonFiles(path, out);
    } else if (/\.pyi?$/.test(entry.name) && statSync(path).size < 10 * 1024 * 1024) out.push(path);
  }
  return out;
}

/** Runs in a child process per parser: parse every file once, then 200 one-character edits of the largest. */
const PARSE_SCRIPT = `
const { readFileSync } = await import('node:fs');
const started = performance.now();
const { loadParser, parsePython } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'server', 'dist', 'parser.js')).href)});
const info = await loadParser();
const loadMs = performance.now() - started;
const files = JSON.parse(readFileSync(0, 'utf8'));
const texts = files.map((file) => readFileSync(file, 'utf8'));
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let nodes = 0;
for (const text of texts) nodes += parsePython(text).rootNode.childCount;
const parseMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// Incremental: insert and delete a character in the middle of the largest file, as typing does.
const big = texts.reduce((a, b) => (b.length > a.length ? b : a));
let tree = parsePython(big);
let text = big;
const at = text.indexOf('\\n', text.length >> 1) + 1;
const point = (offset) => { const before = text.slice(0, offset); const row = before.split('\\n').length - 1; return { row, column: offset - before.lastIndexOf('\\n') - 1 }; };
const edits = [];
for (let round = 0; round < 200; round++) {
  const insert = round % 2 === 0;
  const start = point(at);
  const next = insert ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  tree.edit({ startIndex: at, oldEndIndex: insert ? at : at + 1, newEndIndex: insert ? at + 1 : at, startPosition: start, oldEndPosition: insert ? start : { row: start.row, column: start.column + 1 }, newEndPosition: insert ? { row: start.row, column: start.column + 1 } : start });
  text = next;
  const t = performance.now();
  tree = parsePython(text, tree);
  edits.push(performance.now() - t);
}
edits.sort((a, b) => a - b);
globalThis.gc?.();
process.stdout.write(JSON.stringify({ kind: info.kind, loadMs, parseMs, cpuMs: (cpu.user + cpu.system) / 1000, nodes, bigLines: big.split('\\n').length, editMedianMs: edits[100], editP95Ms: edits[190], maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function parseRun(parser, files) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', PARSE_SCRIPT], { input: JSON.stringify(files), encoding: 'utf8', env: { ...process.env, YIELDLENS_PARSER: parser }, maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`${parser} parse run failed: ${child.stderr.trim().split('\n').at(-1)}`);
    samples.push(JSON.parse(child.stdout));
  }
  const pick = (key) => median(samples.map((sample) => sample[key]));
  return { kind: samples[0].kind, nodes: samples[0].nodes, bigLines: samples[0].bigLines, loadMs: pick('loadMs'), parseMs: pick('parseMs'), cpuMs: pick('cpuMs'), editMedianMs: pick('editMedianMs'), editP95Ms: pick('editP95Ms'), maxRssMb: pick('maxRssMb') };
}

function checkRun(parser, args) {
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    last = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { encoding: 'utf8', env: { ...process.env, YIELDLENS_PARSER: parser }, maxBuffer: 512 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (last.status !== 0 && last.status !== 1) throw new Error(`check with ${parser} exited ${last.status}: ${last.stderr.trim().split('\n')[0]}`);
  }
  return { seconds: median(times), report: JSON.parse(last.stdout) };
}

const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`);
const ratio = (wasm, native) => `${(wasm / native).toFixed(2)}×`;

export default async function run() {
  const stdlib = stdlibPath();
  if (stdlib === null) return 'skipped: `python3.13` (PYENV_VERSION=3.13.0) not found, so there is no CPython 3.13 stdlib to parse';
  const files = pythonFiles(stdlib);
  const native = parseRun('native', files);
  const wasm = parseRun('wasm', files);
  const small = join(REPO, 'test-fixtures', 'rules', 'unprimed-send.py');
  const startNative = checkRun('native', [small]);
  const startWasm = checkRun('wasm', [small]);
  const wholeNative = checkRun('native', [stdlib]);
  const wholeWasm = checkRun('wasm', [stdlib]);
  const identical = JSON.stringify(wholeNative.report) === JSON.stringify(wholeWasm.report);
  if (native.nodes !== wasm.nodes) throw new Error(`the parsers disagree on the stdlib's top-level statements: ${native.nodes} vs ${wasm.nodes}`);

  return [
    `Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} at the start; median of ${RUNS} run(s). Each parser runs in its own process (YIELDLENS_PARSER).`,
    '',
    '| measure | native | WASM | WASM / native |',
    '|---|---:|---:|---:|',
    `| load the parser (import + grammar) | ${ms(native.loadMs)} | ${ms(wasm.loadMs)} | ${ratio(wasm.loadMs, native.loadMs)} |`,
    `| parse the whole stdlib, one thread (${files.length} files) | ${ms(native.parseMs)} | ${ms(wasm.parseMs)} | ${ratio(wasm.parseMs, native.parseMs)} |`,
    `| incremental re-parse after a one-character edit, ${native.bigLines.toLocaleString('en')}-line file, median / p95 | ${ms(native.editMedianMs)} / ${ms(native.editP95Ms)} | ${ms(wasm.editMedianMs)} / ${ms(wasm.editP95Ms)} | ${ratio(wasm.editMedianMs, native.editMedianMs)} |`,
    `| peak memory of the parse-only process | ${native.maxRssMb.toFixed(0)} MB | ${wasm.maxRssMb.toFixed(0)} MB | |`,
    `| \`yieldlens check\` of one small file (start-up included) | ${ms(startNative.seconds * 1000)} | ${ms(startWasm.seconds * 1000)} | ${ratio(startWasm.seconds, startNative.seconds)} |`,
    `| \`yieldlens check\` of the whole stdlib, both cores (${wholeNative.report.findings.length} findings) | ${wholeNative.seconds.toFixed(2)} s | ${wholeWasm.seconds.toFixed(2)} s | ${ratio(wholeWasm.seconds, wholeNative.seconds)} |`,
    '',
    identical ? 'The two parsers give byte-identical `check --format json` output on the whole standard library.' : '**The two parsers give different `check` output on the standard library.**',
  ].join('\n');
}
