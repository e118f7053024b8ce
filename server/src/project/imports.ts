// Imports of the user's own modules, resolved on disk as CPython's path-based finder would resolve them
// with the project's import roots on `sys.path`: a regular package (a directory with `__init__.py`), a
// module file, or a namespace package (directories without `__init__.py`, possibly split over several
// roots). `check`, the language server and the runtime's workspace imports all resolve through here.

import fs from 'node:fs';
import path from 'node:path';
import { ModuleNamer } from './modules.js';
import { findProjectRoot } from './root.js';

/** Where a dotted module name leads. */
export type ModuleLocation =
  /** A module file, or a regular package's `__init__.py` (`isPackage`). */
  | { kind: 'module'; file: string; isPackage: boolean }
  /** A namespace package: its portions, one directory per import root that has one (PEP 420). */
  | { kind: 'namespace'; directories: string[] };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Source suffixes in the order they are tried. CPython imports only `.py`; a `.pyi` stub stands in
 * where no `.py` exists (a stub-only package), since its summary is all the analysis can have.
 */
const SOURCE_SUFFIXES = ['.py', '.pyi'];

/** One directory listing per directory, read on first use: resolving a thousand names reads each root once. */
export class DirectoryCache {
  private readonly listings = new Map<string, Map<string, 'file' | 'directory'> | null>();

  /** What `name` is inside `directory` (symbolic links followed), or undefined. Names are case-sensitive. */
  entry(directory: string, name: string): 'file' | 'directory' | undefined {
    return this.listing(directory)?.get(name);
  }

  isDirectory(directory: string): boolean {
    return this.entry(path.dirname(directory), path.basename(directory)) === 'directory';
  }

  /** Forgets every listing (files were created, renamed or deleted). */
  invalidate(): void {
    this.listings.clear();
  }

  private listing(directory: string): Map<string, 'file' | 'directory'> | null {
    let listing = this.listings.get(directory);
    if (listing !== undefined) return listing;
    listing = null;
    try {
      listing = new Map();
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        let kind: 'file' | 'directory' | undefined = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
        if (entry.isSymbolicLink()) {
          try {
            const stat = fs.statSync(path.join(directory, entry.name));
            kind = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
          } catch {
            // A dangling link names nothing importable.
            kind = undefined;
          }
        }
        if (kind !== undefined) listing.set(entry.name, kind);
      }
    } catch {
      // A missing or unreadable directory holds nothing importable; the import stays unresolved.
      listing = null;
    }
    this.listings.set(directory, listing);
    return listing;
  }
}

/** Resolves dotted module names against one ordered list of import roots (a `sys.path`). */
export class ModuleResolver {
  private readonly resolved = new Map<string, ModuleLocation | null>();

  constructor(
    readonly searchPath: readonly string[],
    private readonly directories: DirectoryCache = new DirectoryCache(),
  ) {}

  /**
   * Where `name` (`pkg.sub.mod`) leads, or null when nothing on the search path provides it. Each
   * package level is resolved in turn, as CPython imports `pkg` before `pkg.sub`: a submodule is
   * searched only in its parent package's directory (or, for a namespace package, its portions).
   */
  resolve(name: string): ModuleLocation | null {
    const known = this.resolved.get(name);
    if (known !== undefined) return known;
    let result: ModuleLocation | null = null;
    const parts = name.split('.');
    if (parts.every((part) => IDENTIFIER.test(part))) {
      const dot = name.lastIndexOf('.');
      if (dot === -1) {
        result = this.find(parts[0] ?? '', this.searchPath);
      } else {
        const parent = this.resolve(name.slice(0, dot));
        const locations = parent === null ? [] : parent.kind === 'namespace' ? parent.directories : parent.isPackage ? [path.dirname(parent.file)] : [];
        result = locations.length === 0 ? null : this.find(name.slice(dot + 1), locations);
      }
    }
    this.resolved.set(name, result);
    return result;
  }

  /** The file of a module or regular package named `name`, or null (namespace packages have none). */
  resolveFile(name: string): string | null {
    const location = this.resolve(name);
    return location?.kind === 'module' ? location.file : null;
  }

  /**
   * One name in a list of directories, as `PathFinder` scans `sys.path`: the first regular package or
   * module wins; directories without `__init__.py` found before it are namespace portions, used only
   * when no entry provides a package or module.
   */
  private find(name: string, locations: readonly string[]): ModuleLocation | null {
    const portions: string[] = [];
    for (const location of locations) {
      const isDirectory = this.directories.entry(location, name) === 'directory';
      if (isDirectory) {
        const packageDir = path.join(location, name);
        for (const suffix of SOURCE_SUFFIXES) {
          if (this.directories.entry(packageDir, `__init__${suffix}`) === 'file') {
            return { kind: 'module', file: path.join(packageDir, `__init__${suffix}`), isPackage: true };
          }
        }
      }
      for (const suffix of SOURCE_SUFFIXES) {
        if (this.directories.entry(location, name + suffix) === 'file') return { kind: 'module', file: path.join(location, name + suffix), isPackage: false };
      }
      if (isDirectory) portions.push(path.join(location, name));
    }
    return portions.length === 0 ? null : { kind: 'namespace', directories: portions };
  }
}

/** How a file of the project imports: where its absolute imports are searched, and its own module name. */
export interface ImportContext {
  /** The import roots, in the order they are searched. */
  searchPath: string[];
  /** The dotted name the file is imported under (for its relative imports), or null. */
  moduleName: string | null;
}

/**
 * The user's project as the import system sees it, with every file-system answer cached. For a file,
 * the import roots are, in order: the directory above its top-level package (the script's directory,
 * which is what `python script.py` and pytest's default import mode put first on `sys.path`), the
 * project root's `src/` when it exists, and the project root itself (the nearest directory with a
 * `pyproject.toml` or `.git`). Files that share these roots share a resolver.
 */
export class ProjectImports {
  readonly directories = new DirectoryCache();
  private readonly namer = new ModuleNamer();
  private readonly roots = new Map<string, string | null>();
  private readonly resolvers = new Map<string, ModuleResolver>();

  /** The import context of a (possibly not yet existing) file, given by its absolute path. */
  contextFor(file: string): ImportContext {
    const absolute = path.resolve(file);
    return { searchPath: this.searchPathFor(absolute), moduleName: this.moduleNameOf(absolute) };
  }

  /** The resolver for a search path; one per distinct path, so their caches are shared. */
  resolverFor(searchPath: readonly string[]): ModuleResolver {
    const key = searchPath.join('\0');
    let resolver = this.resolvers.get(key);
    if (resolver === undefined) {
      resolver = new ModuleResolver(searchPath, this.directories);
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  /** What `import name` in `file` imports, or null when it is not one of the project's modules. */
  resolveImport(file: string, name: string): ModuleLocation | null {
    return this.resolverFor(this.searchPathFor(file)).resolve(name);
  }

  /** Forgets every cached answer (files or directories were created, renamed or deleted). */
  invalidate(): void {
    this.directories.invalidate();
    this.namer.invalidate();
    this.roots.clear();
    this.resolvers.clear();
  }

  searchPathFor(file: string): string[] {
    const absolute = path.resolve(file);
    return [...new Set([this.packageRoot(absolute), ...this.projectImportRoots(absolute)])];
  }

  /** The project root's `src/` (when it exists) and the project root, for a file inside the project. */
  private projectImportRoots(file: string): string[] {
    const root = this.projectRoot(path.dirname(file));
    if (root === null) return [];
    const src = path.join(root, 'src');
    return this.directories.isDirectory(src) ? [src, root] : [root];
  }

  /**
   * The name CPython would give the file when the project's roots (`src/`, then the root) are on
   * `sys.path` — which keeps namespace packages in the name — when it can be imported that way;
   * otherwise the name from the `__init__.py` files above it.
   */
  private moduleNameOf(absolute: string): string | null {
    for (const root of this.projectImportRoots(absolute)) {
      const relative = path.relative(root, absolute);
      if (relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const parts = relative.split(path.sep);
      const fileName = parts.pop() ?? '';
      const stem = fileName.replace(/\.pyi?$/, '');
      if (stem === fileName) continue;
      if (stem !== '__init__') parts.push(stem);
      if (parts.length === 0 || !parts.every((part) => IDENTIFIER.test(part))) continue;
      const name = parts.join('.');
      // `pkg/mod.py` beside a `pkg.py`, or a stub beside its module, is not what that name imports.
      if (this.resolverFor([root]).resolveFile(name) === absolute) return name;
    }
    return this.namer.moduleNameFor(absolute);
  }

  /** The first directory above the file that is not a package: where its top-level package lives. */
  private packageRoot(file: string): string {
    let dir = path.dirname(file);
    for (;;) {
      const isPackage = SOURCE_SUFFIXES.some((suffix) => this.directories.entry(dir, `__init__${suffix}`) === 'file');
      const parent = path.dirname(dir);
      if (!isPackage || parent === dir) return dir;
      dir = parent;
    }
  }

  private projectRoot(dir: string): string | null {
    let root = this.roots.get(dir);
    if (root === undefined) {
      root = findProjectRoot(dir);
      this.roots.set(dir, root);
    }
    return root;
  }
}
