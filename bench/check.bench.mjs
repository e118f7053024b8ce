// `yieldlens check` benchmark: the whole CPython 3.13 standard library and its top-level modules (wall
// time of the built CLI, as a user runs it), single-threaded parse-only time for comparison, and pylint's
// stop-iteration-return check on the same top-level modules. Needs a build; run alone with
// `node bench/check.bench.mjs` (BENCH_RUNS=N repeats each timed command, default 3; the median is shown).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'server', 'bin', 'yieldlens.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const TARGET_STDLIB_SECONDS = 5;
const TARGET_SPEEDUP_OVER_PYLINT = 20;

function stdlibPath() {
  try {
    return execFileSync('python3.13', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
      env: { ...process.env, PYENV_VERSION: '3.13.0' },
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

/** Every *.py and *.pyi below `dir`, skipping what `check` skips by default (for the line count). */
function pythonFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (['.git', 'node_modules', '__pycache__'].includes(entry.name)) continue;
      try {
        statSync(join(path, 'pyvenv.cfg'));
        continue;
      } catch {
        // Not a virtualenv.
      }
      pythonFiles(path, out);
    } else if (entry.isFile() && /\.pyi?$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

function countLines(files) {
  let lines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  }
  return lines;
}

// GNU time reports the CPU time (user + sys, all threads) of a child: unlike wall time, it stays
// meaningful when other jobs share the machine.
const GNU_TIME = spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : null;
const CPU_MARK = 'yieldlens-bench-cpu:';

/** Runs a command RUNS times; returns the median wall and CPU times (seconds) and the last run's output. */
function timeCommand(command, args, options = {}) {
  const times = [];
  const cpus = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    last = GNU_TIME === null
      ? spawnSync(command, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options })
      : spawnSync(GNU_TIME, ['-f', `${CPU_MARK}%U %S`, command, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (last.error) throw last.error;
    const mark = last.stderr.split('\n').find((line) => line.startsWith(CPU_MARK));
    if (mark !== undefined) {
      const [user = 0, sys = 0] = mark.slice(CPU_MARK.length).split(' ').map(Number);
      cpus.push(user + sys);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  times.sort((a, b) => a - b);
  return { seconds: median(times), min: times[0], cpu: cpus.length === 0 ? null : median(cpus), result: last };
}

/** A cold run unless `cacheArgs` says otherwise (`--cache-dir DIR`): every run below analyses afresh. */
function checkRun(args, cacheArgs = ['--no-cache']) {
  const { seconds, min, cpu, result } = timeCommand(process.execPath, [CLI, 'check', '--format', 'json', ...cacheArgs, ...args]);
  if (result.status !== 0 && result.status !== 1) throw new Error(`yieldlens check exited ${result.status}: ${result.stderr.trim().split('\n')[0]}`);
  const report = JSON.parse(result.stdout);
  const byRule = {};
  for (const finding of report.findings) byRule[finding.code] = (byRule[finding.code] ?? 0) + 1;
  return { seconds, min, cpu, files: report.summary.files, findings: report.findings.length, errors: report.errors.length, byRule, stdout: result.stdout };
}

/** The same run with every file parsed (YIELDLENS_PARSE_ALL=1): are the findings byte-identical? */
function skipIsExact(paths, skipped) {
  const { seconds, result } = timeCommand(process.execPath, [CLI, 'check', '--format', 'json', '--no-cache', ...paths], { env: { ...process.env, YIELDLENS_PARSE_ALL: '1' } });
  const all = JSON.parse(result.stdout);
  const some = JSON.parse(skipped.stdout);
  return { seconds, identical: JSON.stringify(all.findings) === JSON.stringify(some.findings), errorsAll: all.errors.length, errorsSkipped: some.errors.length };
}

/** The same run with partial parsing off (YIELDLENS_PARTIAL=0: analysed files parsed whole): the baseline, and are the findings byte-identical? */
function partialIsExact(paths, partial) {
  const { seconds, min, cpu, result } = timeCommand(process.execPath, [CLI, 'check', '--format', 'json', '--no-cache', ...paths], { env: { ...process.env, YIELDLENS_PARTIAL: '0' } });
  const whole = JSON.parse(result.stdout);
  const some = JSON.parse(partial.stdout);
  return { seconds, min, cpu, identical: JSON.stringify(whole.findings) === JSON.stringify(some.findings), errorsWhole: whole.errors.length, errorsPartial: some.errors.length };
}

function sitePackagesPath() {
  try {
    return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The whole stdlib with a fresh cache: the cold run that fills it, then RUNS runs with nothing changed. */
function cachedRuns(stdlib) {
  const dir = mkdtempSync(join(tmpdir(), 'yieldlens-bench-cache-'));
  try {
    const filling = timeCommand(process.execPath, [CLI, 'check', '--format', 'json', '--cache-dir', dir, stdlib]);
    const warm = checkRun([stdlib], ['--cache-dir', dir]);
    return { filling: filling.seconds, warm, same: warm.stdout === filling.result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function parseOnly(files) {
  const { loadParser, parsePython } = await import(pathToFileURL(join(REPO, 'server', 'dist', 'parser.js')).href);
  await loadParser();
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  for (const text of texts) parsePython(text);
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 };
}

function pylintRun(files) {
  const probe = spawnSync('pylint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return null;
  const version = probe.stdout.split('\n')[0]?.trim() ?? 'pylint';
  const { seconds, min, cpu } = timeCommand('pylint', ['--disable=all', '--enable=stop-iteration-return', '-j', '2', '--score=n', ...files], { cwd: REPO });
  return { seconds, min, cpu, version };
}

const fmt = (seconds) => `${seconds.toFixed(2)} s`;
const cpuOf = (run) => (run.cpu === null || run.cpu === undefined ? '' : `; CPU ${fmt(run.cpu)}`);
const rules = (byRule) => Object.entries(byRule).sort().map(([code, n]) => `${code} ${n}`).join(', ') || 'none';

export default async function run() {
  const stdlib = stdlibPath();
  if (stdlib === null) return 'skipped: `python3.13` (PYENV_VERSION=3.13.0) not found, so there is no CPython 3.13 stdlib to check';
  const allFiles = pythonFiles(stdlib);
  const topLevel = readdirSync(stdlib).filter((name) => name.endsWith('.py')).sort().map((name) => join(stdlib, name));
  const allLines = countLines(allFiles);
  const topLines = countLines(topLevel);

  const whole = checkRun([stdlib]);
  const top = checkRun(topLevel);
  const topInProcess = checkRun(['--jobs', '1', ...topLevel]);
  const parseAll = await parseOnly(allFiles.filter((file) => statSync(file).size < 10 * 1024 * 1024));
  const parseTop = await parseOnly(topLevel);
  const pylint = pylintRun(topLevel);
  const cached = cachedRuns(stdlib);
  const exact = skipIsExact([stdlib], whole);
  const wholeParse = partialIsExact([stdlib], whole);

  const rows = [
    `Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} at the start; median of ${RUNS} run(s) (min in parentheses). Wall time of the built CLI, \`--format json\`; CPU is user + sys of all its threads (a fairer measure when other jobs share the machine).`,
    '',
    '| measure | files | lines | result | target |',
    '|---|---|---|---|---|',
    `| \`check\` whole stdlib (${whole.findings} findings: ${rules(whole.byRule)}; ${whole.errors} files not analysed) | ${whole.files} | ${allLines.toLocaleString('en')} | ${fmt(whole.seconds)} (${fmt(whole.min)})${cpuOf(whole)} | ≤ ${TARGET_STDLIB_SECONDS} s |`,
    `| \`check\` top-level modules, main thread + worker threads (${top.findings} findings) | ${top.files} | ${topLines.toLocaleString('en')} | ${fmt(top.seconds)} (${fmt(top.min)})${cpuOf(top)} | |`,
    `| \`check --jobs 1\` top-level modules, one thread | ${topInProcess.files} | ${topLines.toLocaleString('en')} | ${fmt(topInProcess.seconds)} (${fmt(topInProcess.min)})${cpuOf(topInProcess)} | |`,
    `| parse only, one thread, whole stdlib (tree-sitter, no analysis, no start-up) | ${allFiles.length} | ${allLines.toLocaleString('en')} | ${fmt(parseAll.seconds)}; CPU ${fmt(parseAll.cpu)} | |`,
    `| \`check\` whole stdlib against the one-thread parse | | | ${(whole.seconds / parseAll.seconds).toFixed(2)}× | ≤ 0.5× |`,
    `| \`check\` whole stdlib, analysed files parsed whole (YIELDLENS_PARTIAL=0, the baseline of partial parsing): findings ${wholeParse.identical ? 'byte-identical' : 'DIFFERENT'}; files not analysed ${wholeParse.errorsWhole} vs ${wholeParse.errorsPartial} | ${whole.files} | | ${fmt(wholeParse.seconds)} (${fmt(wholeParse.min)})${cpuOf(wholeParse)}; ${(wholeParse.seconds / parseAll.seconds).toFixed(2)}× the parse | |`,
    `| \`check\` whole stdlib with every file parsed (YIELDLENS_PARSE_ALL=1): findings ${exact.identical ? 'byte-identical' : 'DIFFERENT'}; files not analysed ${exact.errorsAll} (parsed all) vs ${exact.errorsSkipped} | ${whole.files} | | ${fmt(exact.seconds)} | identical |`,
    `| \`check\` whole stdlib, second run with nothing changed (cache; the run that filled it: ${fmt(cached.filling)}; report ${cached.same ? 'byte-identical' : 'DIFFERENT'}) | ${cached.warm.files} | ${allLines.toLocaleString('en')} | ${fmt(cached.warm.seconds)} (${fmt(cached.warm.min)})${cpuOf(cached.warm)}; ${(cached.warm.seconds / whole.seconds).toFixed(3)}× the cold run | ≤ 0.1× |`,
    `| parse only, one thread, top-level modules | ${topLevel.length} | ${topLines.toLocaleString('en')} | ${fmt(parseTop.seconds)}; CPU ${fmt(parseTop.cpu)} | |`,
  ];
  if (pylint === null) {
    rows.push('| pylint `--disable=all --enable=stop-iteration-return -j 2`, top-level modules | | | skipped: pylint not installed (`apt-get install pylint`) | |');
  } else {
    const speedup = pylint.seconds / top.seconds;
    rows.push(`| ${pylint.version} \`--disable=all --enable=stop-iteration-return -j 2\`, top-level modules | ${topLevel.length} | ${topLines.toLocaleString('en')} | ${fmt(pylint.seconds)} (${fmt(pylint.min)})${cpuOf(pylint)} | |`);
    const cpuSpeedup = pylint.cpu && top.cpu ? `; ${(pylint.cpu / top.cpu).toFixed(1)}× in CPU time` : '';
    rows.push(`| speed-up of \`check\` over pylint, top-level modules | | | ${speedup.toFixed(1)}× wall${cpuSpeedup} | ≥ ${TARGET_SPEEDUP_OVER_PYLINT}× |`);
  }
  const sitePackages = sitePackagesPath();
  if (sitePackages !== null && process.env.YIELDLENS_BENCH_SITE_PACKAGES !== '0') {
    const files = pythonFiles(sitePackages);
    const run = checkRun([sitePackages]);
    const peak = peakMegabytes([CLI, 'check', '--format', 'json', '--no-cache', sitePackages]);
    const parse = await parseOnly(files.filter((file) => statSync(file).size < 10 * 1024 * 1024));
    const same = skipIsExact([sitePackages], run);
    const wholeSite = partialIsExact([sitePackages], run);
    rows.push(`| \`check\` site-packages (${run.findings} findings; peak RSS ${peak === null ? '?' : `${peak.toFixed(0)} MB`}; every file parsed: findings ${same.identical ? 'byte-identical' : 'DIFFERENT'}) | ${run.files} | ${countLines(files).toLocaleString('en')} | ${fmt(run.seconds)}${cpuOf(run)}; one-thread parse ${fmt(parse.seconds)}: ${(run.seconds / parse.seconds).toFixed(2)}× | ≤ 0.5×, < 1 GB |`);
    rows.push(`| \`check\` site-packages, analysed files parsed whole (YIELDLENS_PARTIAL=0): findings ${wholeSite.identical ? 'byte-identical' : 'DIFFERENT'} | ${run.files} | | ${fmt(wholeSite.seconds)}${cpuOf(wholeSite)}; ${(wholeSite.seconds / parse.seconds).toFixed(2)}× the parse | |`);
  }
  return rows.join('\n');
}

/** Peak resident memory of a run (GNU time's %M), in MB, or null without GNU time. */
function peakMegabytes(args) {
  if (GNU_TIME === null) return null;
  const result = spawnSync(GNU_TIME, ['-f', `${CPU_MARK}%M`, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const mark = result.stderr.split('\n').find((line) => line.startsWith(CPU_MARK));
  return mark === undefined ? null : Number(mark.slice(CPU_MARK.length)) / 1024;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run());
}
