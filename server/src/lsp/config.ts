// The server's configuration: the `yieldlens` settings section (initializationOptions, then
// workspace/configuration) layered over `[tool.yieldlens]` of the nearest pyproject.toml (read by
// `project/`, as the CLI reads it, so both see the same settings), resolved per file into the set of
// enabled rule codes.
// Bad values are reported as problems, never thrown.

import { dirname } from 'node:path';
import { TRACE_SOURCE_KINDS, type TraceSettings, type TraceSourceKind, type YieldlensSettings } from '@yieldlens/shared';
import { codesForSelector, RULES, UnknownRuleError } from '../analysis/index.js';
import { discoverConfig, emptyConfig, fileGlobMatcher, type ProjectConfig } from '../project/index.js';

/** A project configuration with its per-file-ignores globs compiled once. */
interface LoadedProject {
  config: ProjectConfig;
  perFileIgnores: { matches: (absolute: string) => boolean; codes: string[] }[];
  /** Why the configuration could not be used (invalid TOML, unknown key); defaults apply then. */
  problem: string | null;
}

export interface FileConfig {
  enabled: ReadonlySet<string>;
  /** Messages about unusable configuration (unknown rule codes, unreadable pyproject.toml). */
  problems: string[];
}

/** The trace settings in force for a file, every key filled in. */
export type ResolvedTraceSettings = Required<TraceSettings>;

/** What traces get when nothing is configured (the runtime's own defaults, product spec). */
export const TRACE_DEFAULTS: ResolvedTraceSettings = { enabled: true, sources: [...TRACE_SOURCE_KINDS], maxSteps: 1_000_000, timeoutMs: 2_000 };

export class ConfigStore {
  private settings: YieldlensSettings = {};
  /** Directory → the project configuration that applies to files in it (read by `project/`). */
  private readonly projectByDir = new Map<string, LoadedProject>();

  /** Replaces the editor's settings; accepts the section itself or an object holding `yieldlens`. */
  setClientSettings(raw: unknown): string[] {
    const problems: string[] = [];
    const section = isRecord(raw) && isRecord(raw['yieldlens']) ? raw['yieldlens'] : raw;
    const next: YieldlensSettings = {};
    if (isRecord(section)) {
      for (const key of ['select', 'ignore'] as const) {
        const value = section[key];
        if (value === undefined || value === null) continue;
        if (Array.isArray(value) && value.every((item) => typeof item === 'string')) next[key] = value;
        else if (typeof value === 'string') next[key] = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
        else problems.push(`yieldlens.${key} must be a list of rule codes or names`);
      }
      const trace = section['trace'];
      if (isRecord(trace)) next.trace = validTraceSettings(trace, problems);
      else if (trace !== undefined && trace !== null) problems.push('yieldlens.trace must be an object ({ enabled, sources, maxSteps, timeoutMs })');
    }
    this.settings = next;
    return problems;
  }

  get clientSettings(): Readonly<YieldlensSettings> {
    return this.settings;
  }

  /** Forgets every pyproject.toml read so far (one changed on disk). */
  invalidatePyproject(): void {
    this.projectByDir.clear();
  }

  /** The enabled codes for a file (a path, or a non-file URI that only gets the editor's settings). */
  forFile(file: string): FileConfig {
    const problems: string[] = [];
    const project = isAbsolutePath(file) ? this.projectFor(dirname(file)) : null;
    if (project !== null && project.problem !== null) problems.push(project.problem);
    // The editor's settings win key by key, as command-line flags win over pyproject.toml in the CLI.
    const select = this.settings.select ?? project?.config.select;
    const ignore = this.settings.ignore ?? project?.config.ignore ?? [];
    const selected = select === undefined || select.length === 0 ? RULES.map((rule) => rule.code) : expand(select, problems);
    const ignored = new Set(expand(ignore, problems));
    for (const entry of project?.perFileIgnores ?? []) if (entry.matches(file)) for (const code of entry.codes) ignored.add(code);
    return { enabled: new Set(selected.filter((code) => !ignored.has(code))), problems };
  }

  /**
   * The trace settings for a file: the editor's, key by key over `[tool.yieldlens.trace]` of the file's
   * pyproject.toml, over the defaults.
   */
  traceFor(file: string): ResolvedTraceSettings {
    const project = isAbsolutePath(file) ? this.projectFor(dirname(file)).config.trace : {};
    const client = this.settings.trace ?? {};
    return {
      enabled: client.enabled ?? project.enabled ?? TRACE_DEFAULTS.enabled,
      sources: client.sources ?? project.sources ?? TRACE_DEFAULTS.sources,
      maxSteps: client.maxSteps ?? project.maxSteps ?? TRACE_DEFAULTS.maxSteps,
      timeoutMs: client.timeoutMs ?? project.timeoutMs ?? TRACE_DEFAULTS.timeoutMs,
    };
  }

  private projectFor(dir: string): LoadedProject {
    const cached = this.projectByDir.get(dir);
    if (cached !== undefined) return cached;
    const result = discoverConfig(dir);
    let loaded: LoadedProject;
    if (result.ok) {
      const { config } = result;
      loaded = { config, perFileIgnores: config.perFileIgnores.map((entry) => ({ matches: fileGlobMatcher(entry.pattern, config.root), codes: entry.codes })), problem: null };
    } else {
      // A half-edited pyproject.toml must not switch the linter off: say so and use the defaults.
      loaded = { config: emptyConfig(dir), perFileIgnores: [], problem: result.message };
    }
    this.projectByDir.set(dir, loaded);
    return loaded;
  }
}

/** Expands selectors to codes, turning unknown ones into problems instead of failing the whole set. */
function expand(selectors: readonly string[], problems: string[]): string[] {
  const codes: string[] = [];
  for (const selector of selectors) {
    try {
      codes.push(...codesForSelector(selector));
    } catch (error) {
      if (!(error instanceof UnknownRuleError)) throw error;
      problems.push(`unknown rule or code in yieldlens settings: ${selector}`);
    }
  }
  return codes;
}

/** The editor's `yieldlens.trace` object, each bad key reported and left out (the others still apply). */
function validTraceSettings(raw: Record<string, unknown>, problems: string[]): TraceSettings {
  const trace: TraceSettings = {};
  const { enabled, sources, maxSteps, timeoutMs } = raw;
  if (typeof enabled === 'boolean') trace.enabled = enabled;
  else if (enabled !== undefined && enabled !== null) problems.push('yieldlens.trace.enabled must be true or false');
  if (Array.isArray(sources) && sources.every((kind) => (TRACE_SOURCE_KINDS as readonly unknown[]).includes(kind))) trace.sources = sources as TraceSourceKind[];
  else if (sources !== undefined && sources !== null) problems.push(`yieldlens.trace.sources must be a list of ${TRACE_SOURCE_KINDS.join(', ')}`);
  for (const [key, value] of [['maxSteps', maxSteps], ['timeoutMs', timeoutMs]] as const) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) trace[key] = value;
    else if (value !== undefined && value !== null) problems.push(`yieldlens.trace.${key} must be a positive integer`);
  }
  return trace;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsolutePath(file: string): boolean {
  return file.startsWith('/') || /^[a-z]:[\\/]/i.test(file);
}
