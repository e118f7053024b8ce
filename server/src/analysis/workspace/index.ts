// The workspace index: module summaries of every file being checked (or open in the editor), looked up
// by dotted module name, with symbol resolution across modules (imports, aliases, package re-exports)
// and the reverse dependency edges the language server needs to refresh dependents.

import type { FunctionSummary, ModuleSummary } from './summary.js';

/** What a dotted path inside a module names, following imports and re-exports across the workspace. */
export type SymbolResolution =
  | { kind: 'function'; module: string; summary: FunctionSummary }
  | { kind: 'class'; module: string; qualname: string }
  | { kind: 'module'; module: string }
  /** `primed = coroutine(raw)` at module level: a decorator applied by hand. */
  | { kind: 'decorated'; module: string; decorator: string; target: string }
  /** Something outside the workspace (the standard library when it is not being checked, site-packages). */
  | { kind: 'external'; qualifiedName: string }
  | { kind: 'unknown' };

/**
 * Makes summaries on demand, for an index that knows every module's name but summarises a module only
 * when a resolution reaches it (the CLI: rules consult a few dozen modules of a thousand).
 */
export interface SummaryProvider {
  /** Every module the provider can summarise. */
  moduleNames(): Iterable<string>;
  /** The module's summary, or undefined when its file cannot be read or parsed. Called once a name. */
  summarize(moduleName: string): ModuleSummary | undefined;
  /**
   * Whether a module or package of this name exists, namespace packages included, for a provider that
   * finds modules on demand instead of listing them (the CLI resolves imports on disk).
   */
  hasModule?(moduleName: string): boolean;
}

/**
 * Told of every lookup that can change a finding: a module's summary asked for, and whether a module
 * exists. The CLI's cache records them as the dependencies of the file being analysed.
 */
export interface IndexObserver {
  moduleLooked(moduleName: string, summary: ModuleSummary | undefined): void;
  moduleExists(moduleName: string, exists: boolean): void;
}

/** Re-export chains longer than this are given up on (they also stop import cycles). */
const MAX_RESOLUTION_DEPTH = 12;

/**
 * A copy of `summary` that shares no string with the source it was made from. Names are slices of the
 * file's text, and V8 keeps a slice of 13 or more characters as a view of the whole string: an index of
 * summaries would otherwise keep the text of every file it summarised alive. A summary is plain JSON
 * data, and `JSON.parse` also shares its short strings (`'function'`, `'other'`), which a structured
 * clone copies one by one: the standard library's index takes 59 MB of heap with the views, 36 MB as
 * structured clones, 31 MB so. Call it on a summary that is kept.
 */
export function detachedFromSource(summary: ModuleSummary): ModuleSummary {
  return JSON.parse(JSON.stringify(summary)) as ModuleSummary;
}

export class WorkspaceIndex {
  private readonly byModule = new Map<string, ModuleSummary>();
  private readonly byFile = new Map<string, ModuleSummary>();
  /** Module name → files whose summaries list it among their imports. */
  private readonly importers = new Map<string, Set<string>>();
  /** Every module name and each of its dotted prefixes, counted (namespace packages have no summary). */
  private readonly prefixes = new Map<string, number>();

  /** Module names already asked of the provider (whether or not it had a summary). */
  private readonly provided = new Set<string>();
  observer: IndexObserver | null = null;

  constructor(
    summaries: Iterable<ModuleSummary> = [],
    private readonly provider?: SummaryProvider,
  ) {
    for (const summary of summaries) this.update(summary);
    if (provider !== undefined) {
      for (const name of provider.moduleNames()) {
        for (const prefix of dottedPrefixes(name)) this.prefixes.set(prefix, (this.prefixes.get(prefix) ?? 0) + 1);
      }
    }
  }

  update(summary: ModuleSummary): void {
    this.remove(summary.file);
    this.byFile.set(summary.file, summary);
    if (summary.moduleName !== null) {
      this.byModule.set(summary.moduleName, summary);
      for (const prefix of dottedPrefixes(summary.moduleName)) this.prefixes.set(prefix, (this.prefixes.get(prefix) ?? 0) + 1);
    }
    for (const module of summary.imports ?? []) {
      let files = this.importers.get(module);
      if (files === undefined) {
        files = new Set();
        this.importers.set(module, files);
      }
      files.add(summary.file);
    }
  }

  remove(file: string): void {
    const old = this.byFile.get(file);
    if (old === undefined) return;
    this.byFile.delete(file);
    if (old.moduleName !== null && this.byModule.get(old.moduleName) === old) {
      this.byModule.delete(old.moduleName);
      for (const prefix of dottedPrefixes(old.moduleName)) {
        const count = (this.prefixes.get(prefix) ?? 1) - 1;
        if (count === 0) this.prefixes.delete(prefix);
        else this.prefixes.set(prefix, count);
      }
    }
    for (const module of old.imports ?? []) {
      const files = this.importers.get(module);
      files?.delete(file);
      if (files?.size === 0) this.importers.delete(module);
    }
  }

  module(moduleName: string): ModuleSummary | undefined {
    const summary = this.lookUp(moduleName);
    this.observer?.moduleLooked(moduleName, summary);
    return summary;
  }

  private lookUp(moduleName: string): ModuleSummary | undefined {
    const known = this.byModule.get(moduleName);
    if (known !== undefined || this.provider === undefined || this.provided.has(moduleName)) return known;
    this.provided.add(moduleName);
    const summary = this.provider.summarize(moduleName);
    if (summary !== undefined) {
      // Not `update`: the provider's module names are already counted among the prefixes.
      this.byModule.set(moduleName, summary);
      this.byFile.set(summary.file, summary);
    }
    return summary;
  }

  file(file: string): ModuleSummary | undefined {
    return this.byFile.get(file);
  }

  get size(): number {
    return this.byFile.size;
  }

  files(): IterableIterator<string> {
    return this.byFile.keys();
  }

  /**
   * Files whose analysis may change when `file` changes: the files that import its module, and, through
   * modules that re-export from it (a package `__init__` with `from .mod import f`), their importers too.
   */
  dependentsOf(file: string): string[] {
    const summary = this.byFile.get(file);
    if (summary === undefined || summary.moduleName === null) return [];
    const result = new Set<string>();
    const queue: string[] = [summary.moduleName];
    const seenModules = new Set<string>(queue);
    while (queue.length > 0) {
      const module = queue.shift() ?? '';
      for (const importer of this.importers.get(module) ?? []) {
        if (importer === file || result.has(importer)) continue;
        result.add(importer);
        const importerSummary = this.byFile.get(importer);
        const importerModule = importerSummary?.moduleName ?? null;
        if (importerSummary === undefined || importerModule === null || seenModules.has(importerModule)) continue;
        if (reExportsFrom(importerSummary, module)) {
          seenModules.add(importerModule);
          queue.push(importerModule);
        }
      }
    }
    return [...result].sort();
  }

  /** What `module.path[0].path[1]…` names. `path` empty names the module itself. */
  resolveSymbol(module: string, path: readonly string[], depth = 0): SymbolResolution {
    if (depth > MAX_RESOLUTION_DEPTH) return { kind: 'unknown' };
    const summary = this.module(module);
    const [name, ...rest] = path;
    if (summary === undefined) {
      if (name !== undefined && this.hasModuleUnder(`${module}.${name}`)) return this.resolveSymbol(`${module}.${name}`, rest, depth + 1);
      if (this.hasModuleUnder(module)) return name === undefined ? { kind: 'module', module } : { kind: 'unknown' };
      return { kind: 'external', qualifiedName: [module, ...path].join('.') };
    }
    if (name === undefined) return { kind: 'module', module };
    const binding = summary.bindings?.[name];
    if (binding !== undefined) {
      switch (binding.kind) {
        case 'function': {
          const fn = summary.functions[binding.qualname];
          return rest.length === 0 && fn !== undefined ? { kind: 'function', module, summary: fn } : { kind: 'unknown' };
        }
        case 'class': {
          if (rest.length === 0) return { kind: 'class', module, qualname: binding.qualname };
          return { kind: 'unknown' };
        }
        case 'module':
          return this.resolveSymbol(binding.module, rest, depth + 1);
        case 'importFrom':
          // `from . import util` in `pkg/__init__.py` names the submodule `pkg.util`, not itself.
          if (binding.module === module) {
            const submodule = `${module}.${binding.name}`;
            return this.hasModuleUnder(submodule) ? this.resolveSymbol(submodule, rest, depth + 1) : { kind: 'unknown' };
          }
          return this.resolveSymbol(binding.module, [binding.name, ...rest], depth + 1);
        case 'alias':
          return this.resolveSymbol(module, [...binding.target.split('.'), ...rest], depth + 1);
        case 'decorated':
          return rest.length === 0 ? { kind: 'decorated', module, decorator: binding.decorator, target: binding.target } : { kind: 'unknown' };
        case 'other':
          return { kind: 'unknown' };
      }
    }
    // Not bound in the package's `__init__`: `pkg.mod` may still be a submodule.
    if (this.hasModuleUnder(`${module}.${name}`)) return this.resolveSymbol(`${module}.${name}`, rest, depth + 1);
    // `from .core import *` re-exports the public names of `core` (those not starting with `_`).
    if (!name.startsWith('_')) {
      for (const star of summary.starImports ?? []) {
        if (star === module) continue;
        const found = this.resolveSymbol(star, path, depth + 1);
        if (found.kind !== 'unknown' && found.kind !== 'external') return found;
      }
    }
    return { kind: 'unknown' };
  }

  /** True when the module, or a module inside it (a namespace package), is in the index. */
  private hasModuleUnder(module: string): boolean {
    const exists = this.prefixes.has(module) || (this.provider?.hasModule?.(module) ?? false);
    this.observer?.moduleExists(module, exists);
    return exists;
  }
}

function dottedPrefixes(module: string): string[] {
  const parts = module.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

function reExportsFrom(summary: ModuleSummary, module: string): boolean {
  if ((summary.starImports ?? []).includes(module)) return true;
  for (const binding of Object.values(summary.bindings ?? {})) {
    if (binding.kind === 'importFrom' && (binding.module === module || `${binding.module}.${binding.name}` === module)) return true;
    if (binding.kind === 'module' && binding.module === module) return true;
  }
  return false;
}

/**
 * The dotted module name of a file: its stem, prefixed by each enclosing directory that is a package
 * (`isPackageDir` says whether a directory has an `__init__.py`; the caller owns the file system).
 * `segments` are the path's parts, file name last.
 */
export function moduleNameForPath(segments: readonly string[], isPackageDir: (dirSegments: readonly string[]) => boolean): string | null {
  const fileName = segments[segments.length - 1];
  if (fileName === undefined) return null;
  const stem = fileName.replace(/\.pyi?$/, '');
  const parts = stem === '__init__' ? [] : [stem];
  let dir = segments.slice(0, -1);
  while (dir.length > 0 && isPackageDir(dir)) {
    parts.unshift(dir[dir.length - 1] ?? '');
    dir = dir.slice(0, -1);
  }
  if (parts.length === 0) return null;
  return parts.every((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) ? parts.join('.') : null;
}
