// Reads `[tool.yieldlens]` from the nearest `pyproject.toml` (or a file named with `--config`) and
// validates it into plain data; every problem comes back as a one-line message, never as a throw.

import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { TRACE_SOURCE_KINDS, type TraceSettings, type TraceSourceKind } from '@yieldlens/shared';
import { codesForSelector, UnknownRuleError } from '../analysis/index.js';
import { describeFsError } from './fs-errors.js';

export { describeFsError };

export interface PerFileIgnore {
  pattern: string;
  /** Rule codes switched off for files matching `pattern`. */
  codes: string[];
}

export interface ProjectConfig {
  /** The file the settings came from, or null when none was found (or `--no-config`). */
  source: string | null;
  /** Directory that `exclude` and `per-file-ignores` globs are relative to. */
  root: string;
  select: string[] | undefined;
  ignore: string[] | undefined;
  /** Rules switched on on top of `select` (ruff's `extend-select`). */
  extendSelect: string[] | undefined;
  /** The same as `ignore`, for configurations written for ruff. */
  extendIgnore: string[] | undefined;
  exclude: string[];
  perFileIgnores: PerFileIgnore[];
  /** The text format's style: `full` (source excerpts) or `concise` (one line a finding). */
  outputFormat: TextStyle | undefined;
  /** Apply `exclude` to files named on the command line too (for pre-commit). */
  forceExclude: boolean | undefined;
  /** `[tool.yieldlens.trace]`: the editor's inline traces (keys left out are absent). */
  trace: TraceSettings;
}

export const TEXT_STYLES = ['full', 'concise'] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];

export type ConfigResult = { ok: true; config: ProjectConfig } | { ok: false; message: string };

const KNOWN_KEYS = new Set(['select', 'ignore', 'extend-select', 'extend-ignore', 'exclude', 'per-file-ignores', 'output-format', 'force-exclude', 'trace']);
const TRACE_KEYS = ['enabled', 'sources', 'max-steps', 'timeout-ms'];

/** The settings used when no configuration file applies. */
export function emptyConfig(root: string): ProjectConfig {
  return {
    source: null, root, select: undefined, ignore: undefined, extendSelect: undefined, extendIgnore: undefined,
    exclude: [], perFileIgnores: [], outputFormat: undefined, forceExclude: undefined, trace: {},
  };
}

/**
 * Finds the nearest `pyproject.toml` with a `[tool.yieldlens]` table, searching upwards from `start`
 * (a directory). A `pyproject.toml` without the table is passed over, as ruff does with `[tool.ruff]`;
 * one that is not valid TOML is an error, because it may be the file the user meant.
 */
export function discoverConfig(start: string): ConfigResult {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'pyproject.toml');
    if (isFile(candidate)) {
      const loaded = loadConfigFile(candidate, { requireTable: false });
      if (!loaded.ok || loaded.config.source !== null) return loaded;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { ok: true, config: emptyConfig(path.resolve(start)) };
    dir = parent;
  }
}

/**
 * Loads one configuration file. A `pyproject.toml` is read from its `[tool.yieldlens]` table; any other
 * TOML file (say `yieldlens.toml`) from that table when present, else from its top level.
 * With `requireTable: false`, a pyproject without the table yields a config whose `source` is null.
 */
export function loadConfigFile(file: string, options: { requireTable: boolean; shown?: string }): ConfigResult {
  const shown = options.shown ?? file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read configuration ${shown}: ${describeFsError(error)}` };
  }
  let document: Record<string, unknown>;
  try {
    document = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const where = error instanceof TomlError ? ` at line ${error.line}, column ${error.column}` : '';
    const reason = error instanceof Error ? firstLine(error.message).replace(/^Invalid TOML document:\s*/, '') : String(error);
    return { ok: false, message: `invalid TOML in ${shown}${where}: ${reason}` };
  }
  const tool = document['tool'];
  let table: unknown = isTable(tool) ? tool['yieldlens'] : undefined;
  const label = '[tool.yieldlens]';
  if (table === undefined) {
    if (path.basename(file) !== 'pyproject.toml') table = document;
    else if (options.requireTable) return { ok: false, message: `${shown} has no ${label} table` };
    else return { ok: true, config: emptyConfig(path.dirname(path.resolve(file))) };
  }
  if (!isTable(table)) return { ok: false, message: `${shown}: ${label} must be a table` };
  return validate(table, path.resolve(file), shown);
}

function validate(table: Record<string, unknown>, absoluteFile: string, shown: string): ConfigResult {
  const fail = (message: string): ConfigResult => ({ ok: false, message: `${shown}: ${message}` });
  for (const key of Object.keys(table)) {
    // `tool` can appear at the top level of a yieldlens.toml that also holds other tools' settings.
    if (!KNOWN_KEYS.has(key) && key !== 'tool') return fail(`unknown key "${key}" in [tool.yieldlens] (known: ${[...KNOWN_KEYS].join(', ')})`);
  }
  const lists: Partial<Record<'select' | 'ignore' | 'extend-select' | 'extend-ignore' | 'exclude', string[]>> = {};
  for (const key of ['select', 'ignore', 'extend-select', 'extend-ignore', 'exclude'] as const) {
    const value = table[key];
    if (value === undefined) continue;
    if (!isStringArray(value)) return fail(`"${key}" must be an array of strings`);
    lists[key] = value;
  }
  const outputFormat = table['output-format'];
  if (outputFormat !== undefined && !(TEXT_STYLES as readonly unknown[]).includes(outputFormat)) {
    return fail(`"output-format" must be one of ${TEXT_STYLES.map((style) => `"${style}"`).join(', ')}`);
  }
  const forceExclude = table['force-exclude'];
  if (forceExclude !== undefined && typeof forceExclude !== 'boolean') return fail('"force-exclude" must be true or false');
  for (const key of ['select', 'ignore', 'extend-select', 'extend-ignore'] as const) {
    const problem = unknownSelector(lists[key] ?? []);
    if (problem !== null) return fail(`"${key}": unknown rule or code "${problem}"`);
  }
  const perFileIgnores: PerFileIgnore[] = [];
  const perFile = table['per-file-ignores'];
  if (perFile !== undefined) {
    if (!isTable(perFile)) return fail('"per-file-ignores" must be a table of glob = [rule, ...]');
    for (const [pattern, selectors] of Object.entries(perFile)) {
      if (!isStringArray(selectors)) return fail(`"per-file-ignores"."${pattern}" must be an array of strings`);
      const problem = unknownSelector(selectors);
      if (problem !== null) return fail(`"per-file-ignores"."${pattern}": unknown rule or code "${problem}"`);
      perFileIgnores.push({ pattern, codes: selectors.flatMap(codesForSelector) });
    }
  }
  const trace = validateTrace(table['trace']);
  if (typeof trace === 'string') return fail(trace);
  return {
    ok: true,
    config: {
      source: absoluteFile,
      root: path.dirname(absoluteFile),
      select: lists.select,
      ignore: lists.ignore,
      extendSelect: lists['extend-select'],
      extendIgnore: lists['extend-ignore'],
      exclude: lists.exclude ?? [],
      perFileIgnores,
      outputFormat: outputFormat as TextStyle | undefined,
      forceExclude,
      trace,
    },
  };
}

/** `[tool.yieldlens.trace]` as TraceSettings, or what is wrong with it. */
function validateTrace(value: unknown): TraceSettings | string {
  if (value === undefined) return {};
  if (!isTable(value)) return '"trace" must be a table ([tool.yieldlens.trace])';
  const unknown = Object.keys(value).find((key) => !TRACE_KEYS.includes(key));
  if (unknown !== undefined) return `unknown key "${unknown}" in [tool.yieldlens.trace] (known: ${TRACE_KEYS.join(', ')})`;
  const trace: TraceSettings = {};
  const { enabled, sources } = value;
  if (enabled !== undefined) {
    if (typeof enabled !== 'boolean') return '"trace.enabled" must be true or false';
    trace.enabled = enabled;
  }
  if (sources !== undefined) {
    if (!isStringArray(sources) || !sources.every((kind) => (TRACE_SOURCE_KINDS as readonly string[]).includes(kind)))
      return `"trace.sources" must be an array of ${TRACE_SOURCE_KINDS.map((kind) => `"${kind}"`).join(', ')}`;
    trace.sources = sources as TraceSourceKind[];
  }
  for (const [key, field] of [['max-steps', 'maxSteps'], ['timeout-ms', 'timeoutMs']] as const) {
    const budget = value[key];
    if (budget === undefined) continue;
    // smol-toml reads TOML integers as numbers (bigint only beyond 2^53, far past any sensible budget).
    if (typeof budget !== 'number' || !Number.isSafeInteger(budget) || budget <= 0) return `"trace.${key}" must be a positive integer`;
    trace[field] = budget;
  }
  return trace;
}

/** The first selector in `selectors` that names no rule, or null. */
export function unknownSelector(selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    try {
      codesForSelector(selector);
    } catch (error) {
      if (error instanceof UnknownRuleError) return selector;
      throw error;
    }
  }
  return null;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

