// The workspace index: module summaries of every file being checked (or open in the editor), looked up
// by dotted module name, with the reverse dependency edges the language server needs for refreshes.

import type { ModuleSummary } from './summary.js';

export class WorkspaceIndex {
  private readonly byModule = new Map<string, ModuleSummary>();
  private readonly byFile = new Map<string, ModuleSummary>();

  constructor(summaries: Iterable<ModuleSummary> = []) {
    for (const summary of summaries) this.update(summary);
  }

  update(summary: ModuleSummary): void {
    this.remove(summary.file);
    this.byFile.set(summary.file, summary);
    if (summary.moduleName !== null) this.byModule.set(summary.moduleName, summary);
  }

  remove(file: string): void {
    const old = this.byFile.get(file);
    if (old === undefined) return;
    this.byFile.delete(file);
    if (old.moduleName !== null && this.byModule.get(old.moduleName) === old) this.byModule.delete(old.moduleName);
  }

  module(moduleName: string): ModuleSummary | undefined {
    return this.byModule.get(moduleName);
  }

  file(file: string): ModuleSummary | undefined {
    return this.byFile.get(file);
  }

  get size(): number {
    return this.byFile.size;
  }
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
