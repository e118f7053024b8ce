// `yieldlens check [PATH ...]`: configuration, discovery, the (parallel) analysis, and the report in
// the chosen format. Returns the exit code: 0 clean, 1 findings or files that could not be analysed,
// 2 usage, configuration or internal error, or a path that does not exist.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckReport, FileError, Finding } from '@yieldlens/shared';
import { resolveRuleSelection } from '../analysis/index.js';
import { discoverConfig, discoverFiles, emptyConfig, fileGlobMatcher, loadConfigFile, unknownSelector, type ProjectConfig } from '../project/index.js';
import type { FileOutcome, FileTask } from './file-job.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import { compareErrors, compareFindings, FORMATS, type OutputFormat } from './formats/report.js';
import { formatSarif } from './formats/sarif.js';
import { formatText } from './formats/text.js';
import { usageMessage, type CliIo } from './io.js';
import { analyzeFiles, defaultWorkerCount } from './pool.js';
import { Progress } from './progress.js';

export const CHECK_HELP = `Usage: yieldlens check [options] [PATH ...]

Checks Python files (*.py, *.pyi) for generator bugs. PATHs are files or directories
(searched recursively, honouring .gitignore, skipping virtualenvs); default: the current directory.

Options:
  --format FORMAT    text (default), json, sarif or github
  --select RULES     only these rules (codes, code prefixes or names, comma separated)
  --ignore RULES     skip these rules (codes, code prefixes or names, comma separated)
  --exit-zero        exit 0 even when there are findings or files that could not be analysed
  --config FILE      read settings from FILE instead of the nearest pyproject.toml
  --no-config        ignore configuration files
  --jobs N           threads, the main one included (default: one per core; 1: no worker threads)
  -h, --help         show this help

Exit codes: 0 no findings; 1 findings, or files that could not be read or parsed;
2 usage, configuration or internal error, or a PATH that does not exist.
`;

interface CheckOptions {
  format: OutputFormat;
  select: string[] | undefined;
  ignore: string[] | undefined;
  exitZero: boolean;
  noConfig: boolean;
  configFile: string | undefined;
  jobs: number | undefined;
  paths: string[];
}

export async function runCheckCommand(args: string[], io: CliIo): Promise<number> {
  const usage = (message: string): number => {
    io.stderr(`yieldlens check: ${message}\nRun 'yieldlens check --help' for usage.\n`);
    return 2;
  };
  let options: CheckOptions;
  try {
    const parsed = parseCheckArgs(args);
    if (parsed === 'help') {
      io.stdout(CHECK_HELP);
      return 0;
    }
    options = parsed;
  } catch (error) {
    return usage(usageMessage(error));
  }

  for (const [flag, selectors] of [['--select', options.select], ['--ignore', options.ignore]] as const) {
    const unknown = unknownSelector(selectors ?? []);
    if (unknown !== null) return usage(`${flag}: unknown rule or code "${unknown}" (run 'yieldlens rules' for the list)`);
  }

  const config = loadConfiguration(options, io.cwd);
  if (!config.ok) {
    io.stderr(`yieldlens: configuration error: ${config.message}\n`);
    return 2;
  }
  const settings = config.config;
  const enabled = resolveRuleSelection({ select: options.select ?? settings.select, ignore: options.ignore ?? settings.ignore });
  const perFileIgnores = settings.perFileIgnores.map((entry) => ({ matches: fileGlobMatcher(entry.pattern, settings.root), codes: entry.codes }));

  const discovery = discoverFiles(options.paths, io.cwd, settings);
  if (discovery.files.length === 0 && discovery.missing.length === 0) {
    // Not an error (an empty directory is clean), but a wrong PATH or an over-eager exclude is likely.
    io.stderr('yieldlens: warning: no Python files found\n');
  }
  const tasks: FileTask[] = discovery.files.map((file, id) => ({ id, ...file }));
  const enabledFor = (task: FileTask): string[] => {
    const ignoredHere = new Set(perFileIgnores.filter((entry) => entry.matches(task.absolute)).flatMap((entry) => entry.codes));
    return [...enabled].filter((code) => !ignoredHere.has(code));
  };

  const progress = Progress.forStderr(tasks.length);
  let outcomes: FileOutcome[];
  const poolOptions = { enabledFor, onProgress: (done: number, total: number) => progress?.update(done, total) };
  const workers = options.jobs === undefined ? defaultWorkerCount(tasks.length) : Math.min(options.jobs, tasks.length);
  try {
    ({ outcomes } = await analyzeFiles(tasks, { ...poolOptions, workers }));
  } catch (poolError) {
    // A worker thread that cannot start or dies (say, a native module that refuses to load in a
    // worker) should cost speed, not the run: start again in-process.
    if (workers <= 1) return internalError(poolError, io, progress);
    progress?.finish();
    io.stderr(`yieldlens: warning: worker threads failed (${describe(poolError)}); checking in-process\n`);
    try {
      ({ outcomes } = await analyzeFiles(tasks, { ...poolOptions, workers: 0 }));
    } catch (error) {
      return internalError(error, io, progress);
    }
  } finally {
    progress?.finish();
  }

  const findings: Finding[] = [];
  const errors: FileError[] = [...discovery.missing];
  let internalErrors = 0;
  for (const outcome of outcomes) {
    findings.push(...outcome.findings);
    const task = tasks[outcome.id];
    if (outcome.problem !== null && task !== undefined) {
      errors.push({ file: task.display, message: outcome.problem.message });
      if (outcome.problem.internal) internalErrors++;
    }
  }
  findings.sort(compareFindings);
  errors.sort(compareErrors);
  const report: CheckReport = { version: 1, findings, errors, summary: { files: tasks.length, findings: findings.length } };

  const failedBadly = internalErrors > 0 || discovery.missing.length > 0;
  io.stdout(render(report, options.format, io, !failedBadly));
  if (failedBadly) return 2;
  if (options.exitZero) return 0;
  return findings.length > 0 || errors.length > 0 ? 1 : 0;
}

function internalError(error: unknown, io: CliIo, progress: Progress | null): number {
  progress?.finish();
  io.stderr(`yieldlens: internal error: ${describe(error)}\n`);
  return 2;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function render(report: CheckReport, format: OutputFormat, io: CliIo, executionSuccessful: boolean): string {
  switch (format) {
    case 'text':
      return formatText(report, io.color);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { cwd: io.cwd, executionSuccessful });
    case 'github':
      return formatGithub(report);
  }
}

function parseCheckArgs(args: string[]): CheckOptions | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      select: { type: 'string', multiple: true },
      ignore: { type: 'string', multiple: true },
      'exit-zero': { type: 'boolean' },
      config: { type: 'string' },
      'no-config': { type: 'boolean' },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new Error(`unknown format "${format}" (expected ${FORMATS.join(', ')})`);
  if (values.config !== undefined && values['no-config'] === true) throw new Error('--config and --no-config cannot be used together');
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs expects a positive integer, got "${values.jobs}"`);
  }
  return {
    format: format as OutputFormat,
    select: splitSelectors(values.select),
    ignore: splitSelectors(values.ignore),
    exitZero: values['exit-zero'] === true,
    noConfig: values['no-config'] === true,
    configFile: values.config,
    jobs,
    paths: positionals,
  };
}

/** `--select A,B --select C` → `[A, B, C]`; absent → undefined (the configuration decides). */
function splitSelectors(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}

/**
 * `--config FILE` wins, `--no-config` uses defaults; otherwise the nearest `pyproject.toml` with a
 * `[tool.yieldlens]` table above the first path (the current directory when none is given).
 */
function loadConfiguration(options: CheckOptions, cwd: string): { ok: true; config: ProjectConfig } | { ok: false; message: string } {
  if (options.noConfig) return { ok: true, config: emptyConfig(cwd) };
  if (options.configFile !== undefined) return loadConfigFile(path.resolve(cwd, options.configFile), { requireTable: true, shown: options.configFile });
  const first = options.paths[0];
  let start = cwd;
  if (first !== undefined) {
    const absolute = path.resolve(cwd, first);
    try {
      start = fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    } catch {
      // A missing path is reported with the results; the configuration search starts from the cwd.
    }
  }
  return discoverConfig(start);
}
