// `yieldlens check [PATH ...]`: configuration, discovery (or stdin), the (parallel) analysis with its
// fixes, and the report in the chosen format. Returns the exit code: 0 clean, 1 findings or files that
// could not be analysed (with --diff: fixes to make), 2 usage, configuration or internal error, or a
// path that does not exist.

import fs from 'node:fs';
import path from 'node:path';
import type { CheckReport, FileError, Finding } from '@yieldlens/shared';
import { fixApplies, resolveRuleSelection, ruleByCodeOrName, type RuleSelection } from '../analysis/index.js';
import {
  decodeSource, describeFsError, discoverConfig, discoverFiles, emptyConfig, encodeSource, fileGlobMatcher, isExcludedPath, loadConfigFile,
  ProjectImports, readSource, unknownSelector, type Discovery, type ProjectConfig, type SourceEncoding, type TextStyle,
} from '../project/index.js';
import { CHECK_HELP, parseCheckArgs, UsageError, type CheckOptions } from './check-options.js';
import type { FileOutcome, FileTask, RunSettings } from './file-job.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import { compareErrors, compareFindings, type OutputFormat } from './formats/report.js';
import { formatSarif } from './formats/sarif.js';
import { formatStatisticsJson, formatStatisticsText, ruleStatistics } from './formats/statistics.js';
import { formatFixEnumeration, formatText } from './formats/text.js';
import type { CliIo } from './io.js';
import { cacheDirectory, CheckCache } from './cache.js';
import { analyzeFiles, defaultWorkerCount } from './pool.js';
import { Progress } from './progress.js';

export { CHECK_HELP } from './check-options.js';

/** The source read from stdin, decoded as a file would be. */
interface StdinSource {
  bytes: Buffer;
  decoded: ReturnType<typeof decodeSource>;
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
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  const flags = [['--select', options.select], ['--ignore', options.ignore], ['--extend-select', options.extendSelect], ['--extend-ignore', options.extendIgnore]] as const;
  for (const [flag, selectors] of flags) {
    const unknown = unknownSelector(selectors ?? []);
    if (unknown !== null) return usage(`${flag}: unknown rule or code "${unknown}" (run 'yieldlens rules' for the list)`);
  }

  const stdinPath = options.stdin ? path.resolve(io.cwd, options.stdinFilename ?? '-') : null;
  const config = loadConfiguration(options, io.cwd, stdinPath);
  if (!config.ok) {
    io.stderr(`yieldlens: configuration error: ${config.message}\n`);
    return 2;
  }
  const settings = config.config;
  const fromFile: RuleSelection = { select: settings.select, ignore: settings.ignore, extendSelect: settings.extendSelect, extendIgnore: settings.extendIgnore };
  const fromFlags: RuleSelection = { select: options.select, ignore: options.ignore, extendSelect: options.extendSelect, extendIgnore: options.extendIgnore };
  const enabled = resolveRuleSelection([fromFile, fromFlags]);
  const perFileIgnores = settings.perFileIgnores.map((entry) => ({ matches: fileGlobMatcher(entry.pattern, settings.root), codes: entry.codes }));
  const enabledFor = (absolute: string): string[] => {
    const ignoredHere = new Set(perFileIgnores.filter((entry) => entry.matches(absolute)).flatMap((entry) => entry.codes));
    return [...enabled].filter((code) => !ignoredHere.has(code));
  };
  const run: RunContext = {
    options,
    io,
    settings,
    style: options.textStyle ?? settings.outputFormat ?? 'concise',
    forceExclude: options.forceExclude || settings.forceExclude === true,
  };

  let stdin: StdinSource | null = null;
  let discovery: Discovery;
  if (stdinPath !== null) {
    const bytes = await io.readStdin();
    stdin = { bytes, decoded: decodeSource(bytes) };
    const display = options.stdinFilename ?? '-';
    const excluded = run.forceExclude && options.stdinFilename !== undefined && isExcludedPath(stdinPath, settings);
    discovery = { files: excluded ? [] : [{ display, absolute: stdinPath, bytes: bytes.length }], missing: [], unreadable: [] };
  } else {
    discovery = discoverFiles(options.paths, io.cwd, settings, { forceExclude: run.forceExclude });
  }

  if (options.showFiles) return showFiles(discovery, io);
  if (options.showSettings) return showSettings(run, discovery, enabled, enabledFor, stdinPath);
  if (discovery.files.length === 0 && discovery.missing.length === 0 && discovery.unreadable.length === 0 && !options.quiet && stdin === null) {
    // Not an error (an empty directory is clean), but a wrong PATH or an over-eager exclude is likely.
    io.stderr('yieldlens: warning: no Python files found\n');
  }

  const tasks: FileTask[] = discovery.files.map((file, id) => ({ id, ...file }));
  const stdinTask = tasks[0];
  if (stdin !== null && stdinTask !== undefined) {
    if (stdin.decoded.ok) {
      stdinTask.text = stdin.decoded.text;
      stdinTask.encoding = stdin.decoded.encoding;
    } else {
      // The runner reports the decoding problem; it must never read a file of that name instead.
      stdinTask.text = '';
    }
  }
  // Only plain checks of files on disk are cached: fixing and stdin always analyse afresh.
  const cache = options.noCache || stdin !== null || options.fix || options.diff || options.addNoqa
    ? null
    : new CheckCache(cacheDirectory(options.cacheDir, process.env, configStart(options, io.cwd), io.cwd));
  const configurationKey = `${JSON.stringify(settings)}\0${process.env["YIELDLENS_PARSE_ALL"] ?? ""}`;
  const cached = cache === null ? { hits: [], misses: tasks, keys: new Map<number, string>() } : lookUpCached(cache, tasks, (task) => `${configurationKey}\0${enabledFor(task.absolute).sort().join(',')}`);
  const runSettings: RunSettings = {
    fix: options.diff || (options.fix && stdin !== null) ? 'preview' : options.fix ? 'apply' : 'off',
    unsafeFixes: options.unsafeFixes,
    addNoqa: options.addNoqa,
    checkedFiles: tasks.map((task) => task.absolute),
    recordDependencies: cache !== null,
  };

  const toAnalyse = cached.misses;
  if (cache !== null && process.env['YIELDLENS_TIMING'] !== undefined) io.stderr(`yieldlens: cache ${cache.root}: ${cached.hits.length} of ${tasks.length} files from the cache\n`);
  const progress = Progress.forStderr(toAnalyse.length);
  let outcomes: FileOutcome[];
  const poolOptions = { settings: runSettings, enabledFor: (task: FileTask) => enabledFor(task.absolute), onProgress: (done: number, total: number) => progress?.update(done, total) };
  const workers = stdin !== null ? 0 : options.jobs === undefined ? defaultWorkerCount(toAnalyse.length) : Math.min(options.jobs, toAnalyse.length);
  try {
    ({ outcomes } = await analyzeFiles(toAnalyse, { ...poolOptions, workers }));
  } catch (poolError) {
    // A worker thread that cannot start or dies (say, a native module that refuses to load in a
    // worker) should cost speed, not the run: start again in-process.
    if (workers <= 1) return internalError(poolError, io, progress);
    progress?.finish();
    if (!options.quiet) io.stderr(`yieldlens: warning: worker threads failed (${describe(poolError)}); checking in-process\n`);
    try {
      ({ outcomes } = await analyzeFiles(toAnalyse, { ...poolOptions, workers: 0 }));
    } catch (error) {
      return internalError(error, io, progress);
    }
  } finally {
    progress?.finish();
  }
  if (cache !== null) {
    for (const outcome of outcomes) {
      const task = tasks[outcome.id];
      const key = cached.keys.get(outcome.id);
      // A yieldlens bug in one file is not remembered: the next run tries again.
      if (task === undefined || key === undefined || outcome.deps === undefined || outcome.problems.some((problem) => problem.internal)) continue;
      cache.store(task.absolute, key, outcome, outcome.deps);
    }
    const failed = cache.save();
    if (failed !== null && !options.quiet) io.stderr(`yieldlens: warning: cannot write the cache in ${cache.root}: ${failed}\n`);
    outcomes = [...cached.hits, ...outcomes];
  }

  if (stdin !== null && !stdin.decoded.ok && stdinTask !== undefined) {
    const failed = stdin.decoded;
    outcomes = [{ id: stdinTask.id, findings: [], problems: [{ message: failed.message, internal: false, ...failed.position }], suppressed: 0, lines: 0, fixed: {}, change: null, noqaAdded: 0 }];
  }
  // Loaded only when needed: the diff library costs start-up time every other run would pay.
  const differ = options.diff ? await import('./diff.js') : null;
  return report(run, tasks, outcomes, discovery, stdin, differ?.unifiedDiff ?? null);
}

/** Splits the tasks into those whose cached outcome still holds and those to analyse (with their keys). */
function lookUpCached(cache: CheckCache, tasks: readonly FileTask[], configurationOf: (task: FileTask) => string): { hits: FileOutcome[]; misses: FileTask[]; keys: Map<number, string> } {
  const hits: FileOutcome[] = [];
  const misses: FileTask[] = [];
  const keys = new Map<number, string>();
  for (const task of tasks) {
    const source = readSource(task.absolute);
    if (!source.ok) {
      misses.push(task);
      continue;
    }
    const key = cache.keyOf(task.display, task.absolute, source.text, configurationOf(task));
    const outcome = cache.lookup(task.absolute, key);
    if (outcome === null) {
      keys.set(task.id, key);
      misses.push(task);
    } else {
      hits.push({ id: task.id, ...outcome, fixed: {}, change: null, noqaAdded: 0 });
    }
  }
  return { hits, misses, keys };
}

/** Where the configuration search starts (the first PATH's directory, or the current directory). */
function configStart(options: CheckOptions, cwd: string): string {
  const first = options.paths[0];
  if (first === undefined) return cwd;
  const absolute = path.resolve(cwd, first);
  try {
    return fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    return cwd;
  }
}

interface RunContext {
  options: CheckOptions;
  io: CliIo;
  settings: ProjectConfig;
  style: TextStyle;
  forceExclude: boolean;
}

/** Gathers the outcomes into the report and prints it (or the diffs, the fixed stdin, the statistics). */
function report(
  run: RunContext,
  tasks: readonly FileTask[],
  outcomes: readonly FileOutcome[],
  discovery: Discovery,
  stdin: StdinSource | null,
  unifiedDiff: ((file: string, before: string, after: string) => string) | null,
): number {
  const { options, io } = run;
  const findings: Finding[] = [];
  const errors: FileError[] = [...discovery.missing, ...discovery.unreadable];
  const fixedByFile = new Map<string, Record<string, number>>();
  const changes: { file: string; before: string; after: string }[] = [];
  let internalErrors = 0;
  let noqaAdded = 0;
  let fixed = 0;
  for (const outcome of outcomes) {
    const task = tasks[outcome.id];
    if (task === undefined) continue;
    // One at a time: a file with 100,000 findings would overflow `push(...findings)`.
    for (const finding of outcome.findings) findings.push(finding);
    for (const problem of outcome.problems) {
      errors.push({ file: task.display, message: problem.message, ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }) });
      if (problem.internal) internalErrors++;
    }
    if (Object.keys(outcome.fixed).length > 0) fixedByFile.set(task.display, outcome.fixed);
    for (const count of Object.values(outcome.fixed)) fixed += count;
    if (outcome.change !== null) changes.push({ file: task.display, ...outcome.change });
    noqaAdded += outcome.noqaAdded;
  }
  findings.sort(compareFindings);
  errors.sort(compareErrors);
  const fixable = findings.filter((finding) => fixApplies(finding.fix, options.unsafeFixes)).length;
  const checkReport: CheckReport = { version: 1, findings, errors, summary: { files: tasks.length, findings: findings.length, fixable, fixed } };
  const failedBadly = internalErrors > 0 || discovery.missing.length > 0;
  const exitCode = (dirty: boolean): number => (failedBadly ? 2 : options.exitZero || !dirty ? 0 : 1);
  const sortedFixed = new Map([...fixedByFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  if (options.addNoqa) {
    for (const error of errors) io.stderr(`${error.file}: error: ${error.message}\n`);
    if (!options.quiet) io.stderr(`Added ${noqaAdded} noqa directive${noqaAdded === 1 ? '' : 's'}.\n`);
    return exitCode(errors.length > 0);
  }

  if (options.diff && unifiedDiff !== null) {
    changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const diffs = changes.map((change) => unifiedDiff(change.file, change.before, change.after)).join('');
    if (!writeReport(run, diffs)) return 2;
    for (const error of errors) io.stderr(`${error.file}: error: ${error.message}\n`);
    if (options.showFixes && sortedFixed.size > 0) {
      io.stderr(`${formatFixEnumeration(sortedFixed, false, (code) => ruleByCodeOrName(code)?.name ?? code).join('\n')}\n\n`);
    }
    if (!options.quiet) {
      const hidden = options.unsafeFixes ? 0 : findings.filter((finding) => finding.fix?.applicability === 'unsafe').length;
      const more = hidden === 0 ? '' : ` (${hidden} more fix${hidden === 1 ? '' : 'es'} available with \`--unsafe-fixes\`)`;
      io.stderr(fixed === 0 ? `No findings would be fixed${more}.\n` : `Would fix ${fixed} finding${fixed === 1 ? '' : 's'}${more}.\n`);
    }
    return exitCode(changes.length > 0 || errors.length > 0);
  }

  const sources = new Map<string, string | null>();
  const byDisplay = new Map(tasks.map((task) => [task.display, task]));
  const sourceOf = (file: string): string | null => {
    if (!sources.has(file)) {
      const task = byDisplay.get(file);
      let text: string | null = null;
      if (task?.text !== undefined) text = changes.find((change) => change.file === file)?.after ?? task.text;
      else if (task !== undefined) {
        const source = readSource(task.absolute);
        text = source.ok ? source.text : null;
      }
      sources.set(file, text);
    }
    return sources.get(file) ?? null;
  };

  let rendered: string;
  if (options.statistics) {
    const statistics = ruleStatistics(findings, options.unsafeFixes);
    rendered = options.format === 'json' ? formatStatisticsJson(statistics) : formatStatisticsText(statistics, io.color && options.outputFile === undefined);
    if (options.format !== 'json') rendered += errors.map((error) => `${error.file}: error: ${error.message}\n`).join('');
  } else {
    rendered = render(checkReport, options.format, run, {
      sourceOf,
      fixed: sortedFixed,
      executionSuccessful: !failedBadly,
      fixMode: options.fix ? 'apply' : 'off',
    });
  }

  if (stdin !== null && options.fix) {
    // An editor replaces its buffer with what `--fix` prints on stdout: it must always be the whole
    // source, fixed or as it came in, in its own encoding; the report goes to stderr.
    const change = changes[0];
    const encoding: SourceEncoding = stdin.decoded.ok ? stdin.decoded.encoding : { name: 'utf-8', bom: false };
    const fixedBytes = change === undefined ? null : encodeSource(change.after, encoding);
    io.stdoutBytes(fixedBytes ?? stdin.bytes);
    if (options.outputFile !== undefined) {
      if (!writeReport(run, rendered)) return 2;
    } else {
      io.stderr(rendered);
    }
  } else if (!writeReport(run, rendered)) {
    return 2;
  }
  return exitCode(findings.length > 0 || errors.length > 0);
}

interface RenderContext {
  sourceOf(file: string): string | null;
  fixed: ReadonlyMap<string, Record<string, number>>;
  executionSuccessful: boolean;
  fixMode: 'off' | 'apply' | 'preview';
}

function render(checkReport: CheckReport, format: OutputFormat, run: RunContext, context: RenderContext): string {
  const { options, io } = run;
  switch (format) {
    case 'text':
      return formatText(checkReport, {
        color: io.color && options.outputFile === undefined,
        style: run.style,
        sourceOf: context.sourceOf,
        unsafeFixes: options.unsafeFixes,
        fixMode: context.fixMode,
        fixed: context.fixed,
        ruleName: (code) => ruleByCodeOrName(code)?.name ?? code,
        showFixes: options.showFixes,
        quiet: options.quiet,
      });
    case 'json':
      return formatJson(checkReport);
    case 'sarif':
      return formatSarif(checkReport, { cwd: io.cwd, executionSuccessful: context.executionSuccessful });
    case 'github':
      return formatGithub(checkReport);
  }
}

/** Prints the report on stdout, or writes it to `--output-file`; false (after saying why) when that fails. */
function writeReport(run: RunContext, text: string): boolean {
  const { options, io } = run;
  if (options.outputFile === undefined) {
    io.stdout(text);
    return true;
  }
  const target = path.resolve(io.cwd, options.outputFile);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    return true;
  } catch (error) {
    io.stderr(`yieldlens: cannot write the report to ${options.outputFile}: ${describeFsError(error)}\n`);
    return false;
  }
}

/** `--show-files`: the files a run would check, one a line, as they would be reported. */
function showFiles(discovery: Discovery, io: CliIo): number {
  const files = discovery.files.map((file) => file.display).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  io.stdout(files.length === 0 ? '' : `${files.join('\n')}\n`);
  for (const error of [...discovery.missing, ...discovery.unreadable]) io.stderr(`${error.file}: error: ${error.message}\n`);
  return discovery.missing.length > 0 ? 2 : discovery.unreadable.length > 0 ? 1 : 0;
}

/**
 * `--show-settings`: what applies to the first PATH (or the stdin file): the configuration file, the
 * rules that run there, the import roots and module name, and the run-wide settings.
 */
function showSettings(run: RunContext, discovery: Discovery, selected: ReadonlySet<string>, enabledFor: (absolute: string) => string[], stdinPath: string | null): number {
  const { options, io, settings } = run;
  const given = stdinPath ?? (options.paths[0] === undefined ? io.cwd : path.resolve(io.cwd, options.paths[0]));
  const first = discovery.files.find((file) => file.absolute === given) ?? discovery.files[0];
  const subject = stdinPath ?? first?.absolute ?? given;
  const shown = options.stdinFilename ?? first?.display ?? options.paths[0] ?? '.';
  const enabled = enabledFor(subject);
  const perFile = [...selected].filter((code) => !enabled.includes(code));
  const context = new ProjectImports().contextFor(subject);
  const list = (items: readonly string[]): string => (items.length === 0 ? '[]' : `[${items.map((item) => JSON.stringify(item)).join(', ')}]`);
  const lines = [
    `Settings for: ${shown}`,
    `configuration: ${settings.source ?? 'none (defaults)'}`,
    `configuration root: ${settings.root}`,
    `enabled rules (${enabled.length}): ${enabled.map((code) => `${code} ${ruleByCodeOrName(code)?.name ?? ''}`.trim()).join(', ') || 'none'}`,
    `switched off here by per-file-ignores: ${perFile.length === 0 ? 'none' : perFile.join(', ')}`,
    `select: ${settings.select === undefined ? 'default' : list(settings.select)}${options.select === undefined ? '' : `, --select ${list(options.select)}`}`,
    `ignore: ${list(settings.ignore ?? [])}${options.ignore === undefined ? '' : `, --ignore ${list(options.ignore)}`}`,
    `extend-select: ${list(settings.extendSelect ?? [])}${options.extendSelect === undefined ? '' : `, --extend-select ${list(options.extendSelect)}`}`,
    `extend-ignore: ${list(settings.extendIgnore ?? [])}${options.extendIgnore === undefined ? '' : `, --extend-ignore ${list(options.extendIgnore)}`}`,
    `exclude: ${list(settings.exclude)}`,
    `per-file-ignores: ${settings.perFileIgnores.length === 0 ? '{}' : settings.perFileIgnores.map((entry) => `${JSON.stringify(entry.pattern)} = ${list(entry.codes)}`).join(', ')}`,
    `force-exclude: ${run.forceExclude}`,
    `output-format: ${run.style}`,
    `module name: ${context.moduleName ?? 'none'}`,
    'import search path:',
    ...context.searchPath.map((entry) => `  ${entry}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function internalError(error: unknown, io: CliIo, progress: Progress | null): number {
  progress?.finish();
  io.stderr(`yieldlens: internal error: ${describe(error)}\n`);
  return 2;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `--config FILE` wins, `--no-config` uses defaults; otherwise the nearest `pyproject.toml` with a
 * `[tool.yieldlens]` table above the first path (the stdin file's, or the current directory when
 * none is given).
 */
function loadConfiguration(options: CheckOptions, cwd: string, stdinPath: string | null): { ok: true; config: ProjectConfig } | { ok: false; message: string } {
  if (options.noConfig) return { ok: true, config: emptyConfig(cwd) };
  if (options.configFile !== undefined) return loadConfigFile(path.resolve(cwd, options.configFile), { requireTable: true, shown: options.configFile });
  if (stdinPath !== null) return discoverConfig(path.dirname(stdinPath));
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
