// Module names of the user's files: a file's dotted name comes from the real `__init__.py` files of the
// directories above it, as CPython's import system would find it from the directory that holds the top
// package. The file-system lookups are cached per instance; the pure naming rule lives in analysis.

import fs from 'node:fs';
import path from 'node:path';
// The defining file, not the analysis barrel: `yieldlens trace` loads this without the analysis.
import { moduleNameForPath } from '../analysis/workspace/index.js';

export class ModuleNamer {
  /** Directory → whether it holds an `__init__.py(i)`. */
  private readonly packageDirs = new Map<string, boolean>();

  /** The dotted module name of an absolute file path, or null (a non-identifier name, a bare `__init__.py`). */
  moduleNameFor(absolute: string): string | null {
    if (!path.isAbsolute(absolute)) return null;
    const segments = absolute.split(path.sep).filter((segment) => segment !== '');
    const root = absolute.startsWith(path.sep) ? path.sep : '';
    return moduleNameForPath(segments, (dirSegments) => this.isPackageDir(root + dirSegments.join(path.sep)));
  }

  /** Forgets the cached `__init__.py` lookups (files were created or deleted). */
  invalidate(): void {
    this.packageDirs.clear();
  }

  private isPackageDir(dir: string): boolean {
    let known = this.packageDirs.get(dir);
    if (known === undefined) {
      known = fs.existsSync(path.join(dir, '__init__.py')) || fs.existsSync(path.join(dir, '__init__.pyi'));
      this.packageDirs.set(dir, known);
    }
    return known;
  }
}
