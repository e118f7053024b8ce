// The server's configuration: the `yieldlens` settings section (initializationOptions, then
// workspace/configuration) layered over `[tool.yieldlens]` of the nearest pyproject.toml, resolved per
// file into the set of enabled rule codes. Bad values are reported as problems, never thrown.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseToml } from 'smol-toml';
import type { YieldlensSettings } from '@yieldlens/shared';
import { codesForSelector, RULES, UnknownRuleError } from '../analysis/index.js';

interface PerFileIgnore {
  matches: (relativePath: string) => boolean;
  selectors: string[];
}

interface PyprojectConfig {
  path: string;
  select?: string[];
  ignore?: string[];
  perFileIgnores: PerFileIgnore[];
}

export interface FileConfig {
  enabled: ReadonlySet<string>;
  /** Messages about unusable configuration (unknown rule codes, unreadable pyproject.toml). */
  problems: string[];
}

export class ConfigStore {
  private settings: YieldlensSettings = {};
  /** Directory → the nearest pyproject.toml with a `[tool.yieldlens]` table (null: none up to the root). */
  private readonly pyprojectByDir = new Map<string, PyprojectConfig | null>();
  private readonly pyprojectProblems = new Map<string, string>();

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
      if (isRecord(section['trace'])) next.trace = section['trace'] as YieldlensSettings['trace'];
    }
    this.settings = next;
    return problems;
  }

  get clientSettings(): Readonly<YieldlensSettings> {
    return this.settings;
  }

  /** Forgets every pyproject.toml read so far (one changed on disk). */
  invalidatePyproject(): void {
    this.pyprojectByDir.clear();
    this.pyprojectProblems.clear();
  }

  /** The enabled codes for a file (a path, or a non-file URI that only gets the editor's settings). */
  forFile(file: string): FileConfig {
    const problems: string[] = [];
    const pyproject = isAbsolutePath(file) ? this.nearestPyproject(dirname(file)) : null;
    if (pyproject !== null) {
      const problem = this.pyprojectProblems.get(pyproject.path);
      if (problem !== undefined) problems.push(problem);
    }
    // The editor's settings win key by key, as command-line flags win over pyproject.toml in the CLI.
    const select = this.settings.select ?? pyproject?.select;
    const ignore = [...(this.settings.ignore ?? pyproject?.ignore ?? [])];
    if (pyproject !== null) {
      const relativePath = relative(dirname(pyproject.path), file).split(sep).join('/');
      for (const entry of pyproject.perFileIgnores) if (entry.matches(relativePath)) ignore.push(...entry.selectors);
    }
    const selected = select === undefined || select.length === 0 ? RULES.map((rule) => rule.code) : expand(select, problems);
    const ignored = new Set(expand(ignore, problems));
    return { enabled: new Set(selected.filter((code) => !ignored.has(code))), problems };
  }

  private nearestPyproject(dir: string): PyprojectConfig | null {
    const cached = this.pyprojectByDir.get(dir);
    if (cached !== undefined) return cached;
    let found: PyprojectConfig | null = null;
    const candidate = join(dir, 'pyproject.toml');
    if (existsSync(candidate)) found = this.readPyproject(candidate);
    if (found === null) {
      const parent = dirname(dir);
      found = parent === dir ? null : this.nearestPyproject(parent);
    }
    this.pyprojectByDir.set(dir, found);
    return found;
  }

  /** Reads `[tool.yieldlens]`; null when the file has no such table (the search goes on upwards). */
  private readPyproject(path: string): PyprojectConfig | null {
    let table: unknown;
    try {
      const document = parseToml(readFileSync(path, 'utf8'));
      const tool = document['tool'];
      table = isRecord(tool) ? tool['yieldlens'] : undefined;
    } catch (error) {
      // A half-edited pyproject.toml must not switch the linter off: report it and use the defaults.
      this.pyprojectProblems.set(path, `${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return { path, perFileIgnores: [] };
    }
    if (!isRecord(table)) return null;
    const config: PyprojectConfig = { path, perFileIgnores: [] };
    const select = stringList(table['select']);
    const ignore = stringList(table['ignore']);
    if (select !== undefined) config.select = select;
    if (ignore !== undefined) config.ignore = ignore;
    const perFile = table['per-file-ignores'];
    if (isRecord(perFile)) {
      for (const [pattern, selectors] of Object.entries(perFile)) {
        const list = stringList(selectors);
        if (list === undefined) continue;
        // A bare file name matches at any depth, as ruff's per-file-ignores do.
        const matcher = picomatch(pattern.includes('/') ? pattern : `**/${pattern}`, { dot: true });
        config.perFileIgnores.push({ matches: (relativePath) => matcher(relativePath), selectors: list });
      }
    }
    return config;
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

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAbsolutePath(file: string): boolean {
  return file.startsWith('/') || /^[a-z]:[\\/]/i.test(file);
}
