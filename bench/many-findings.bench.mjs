// `yieldlens check` on one generated file with very many findings: N small generator functions that
// each raise StopIteration (one GEN004 apiece), for N = 20,000, 60,000 and 130,000 (the last is 6.3 MB,
// under the 10 MB file limit). The cost must grow linearly with N: CPU seconds per 10,000 findings is
// the column to watch. Also `--fix` (which analyses the file twice) on the largest. Needs a build; run
// alone with `node bench/many-findings.bench.mjs` (BENCH_RUNS=N repeats each run, default 1;
// YIELDLENS_BENCH_CLI=path/to/bin/yieldlens.js measures another build).

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
// YIELDLENS_BENCH_CLI points at another build's bin/yieldlens.js, to measure a baseline in the same session.
const CLI = process.env.YIELDLENS_BENCH_CLI ?? join(REPO, 'server', 'bin', 'yieldlens.js');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const SIZES = [20_000, 60_000, 130_000];
const GNU_TIME = spawnSync('/usr/bin/time', ['-f', '%U %S', 'true'], { encoding: 'utf8' }).status === 0 ? '/usr/bin/time' : null;
const MARK = 'yieldlens-bench:';

/** `def gN(): raise StopIteration; yield` on three lines: about 48 bytes a function. */
function generate(file, count) {
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(`def g${i}():\n    raise StopIteration\n    yield\n`);
  writeFileSync(file, parts.join(''));
}

function timed(args) {
  const samples = [];
  let last;
  // Cold runs: this build skips its cache (a baseline build from before the cache has no such flag).
  if (process.env.YIELDLENS_BENCH_CLI === undefined && args[0] === 'check') args = ['check', '--no-cache', ...args.slice(1)];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    last = GNU_TIME === null
      ? spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 })
      : spawnSync(GNU_TIME, ['-f', `${MARK}%U %S %M`, process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const mark = last.stderr.split('\n').find((line) => line.startsWith(MARK));
    const [user = NaN, sys = NaN, kilobytes = NaN] = mark === undefined ? [] : mark.slice(MARK.length).split(' ').map(Number);
    samples.push({ wall, cpu: user + sys, megabytes: kilobytes / 1024 });
  }
  samples.sort((a, b) => a.cpu - b.cpu || a.wall - b.wall);
  return { ...samples[Math.floor(samples.length / 2)], result: last };
}

export default async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'yieldlens-many-'));
  try {
    const rows = [
      `Machine: ${availableParallelism()} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} at the start; median of ${RUNS} run(s). CPU is user + sys (GNU time), steadier than wall time on a shared machine.`,
      '',
      '| file | size | findings | exit | wall | CPU | CPU per 10,000 findings | peak memory |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    ];
    for (const count of SIZES) {
      const file = join(dir, `many${count}.py`);
      generate(file, count);
      const { wall, cpu, megabytes, result } = timed(['check', '--format', 'json', file]);
      let findings = 'none (no JSON on stdout)';
      try {
        findings = JSON.parse(result.stdout).findings.length.toLocaleString('en');
      } catch {
        // The run died: the exit code and stderr say why.
      }
      const size = `${(statSync(file).size / 1e6).toFixed(1)} MB`;
      rows.push(`| ${count.toLocaleString('en')} functions | ${size} | ${findings} | ${result.status} | ${wall.toFixed(1)} s | ${cpu.toFixed(1)} s | ${((cpu / count) * 10_000).toFixed(2)} s | ${megabytes.toFixed(0)} MB |`);
    }
    const largest = SIZES[SIZES.length - 1];
    const fixed = join(dir, 'fixed.py');
    copyFileSync(join(dir, `many${largest}.py`), fixed);
    const fix = timed(['check', '--fix', '--quiet', '--format', 'json', fixed]);
    rows.push(`| \`--fix\`, ${largest.toLocaleString('en')} functions (two analyses, ${largest.toLocaleString('en')} fixes) | | | ${fix.result.status} | ${fix.wall.toFixed(1)} s | ${fix.cpu.toFixed(1)} s | | ${fix.megabytes.toFixed(0)} MB |`);
    return rows.join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run());
}
