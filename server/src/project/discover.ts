// Finds the Python files a `check` run covers: explicit files always, directories recursively
// (`*.py`, `*.pyi`), honouring `.gitignore` files and the configured `exclude`, skipping virtualenvs.

import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { FileError } from '@yieldlens/shared';
import { describeFsError, type ProjectConfig } from './config.js';

export interface SourceFile {
  /** The path as reported: the user's path, joined with the path inside a directory they gave. */
  display: string;
  absolute: string;
  /** Size in bytes at discovery (0 when unknown), used to schedule big files first. */
  bytes: number;
}

export interface Discovery {
  files: SourceFile[];
  /** Paths given on the command line that do not exist. */
  missing: FileError[];
  /** Directories that could not be listed (their files might need checking: a run that skipped them is not clean). */
  unreadable: FileError[];
}

export interface DiscoveryOptions {
  /** Apply `exclude` and the always-skipped directories to paths named on the command line too (ruff's `--force-exclude`). */
  forceExclude?: boolean;
}

/** Directories never descended into: version control, caches, tool state. Virtualenvs are found by `pyvenv.cfg`. */
export const SKIPPED_DIRECTORIES = new Set([
  '.git', '.hg', '.svn', '.bzr', 'node_modules', '__pycache__', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
]);

const PYTHON_FILE = /\.pyi?$/;

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

export function discoverFiles(paths: readonly string[], cwd: string, config: ProjectConfig, options: DiscoveryOptions = {}): Discovery {
  const files: SourceFile[] = [];
  const missing: FileError[] = [];
  const unreadable: FileError[] = [];
  const seen = new Set<string>();
  const excluded = excludeMatcher(config);
  const add = (display: string, absolute: string): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ display, absolute, bytes: sizeOf(absolute) });
  };
  const walker: Walker = { excluded, add, unreadable };

  const roots = paths.length === 0 ? ['.'] : paths;
  for (const given of roots) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push({ file: given, message: 'no such file or directory' });
      continue;
    }
    // pre-commit names every changed file, generated ones included: `--force-exclude` drops those the
    // configuration excludes, by their own name, an enclosing directory's, or their path.
    if (options.forceExclude === true && isForceExcluded(absolute, config, excluded)) continue;
    // Otherwise an explicitly named file is checked whatever its name, exclusions or ignore files say.
    if (!stat.isDirectory()) {
      add(given, absolute);
      continue;
    }
    // A directory named on the command line is walked even when an outer `.gitignore` ignores it
    // (say, a pyenv checkout ignoring `/versions`): its outer layers are then dropped, as ripgrep does.
    let layers = ancestorIgnoreLayers(absolute);
    if (isIgnored(layers, absolute, true)) layers = [];
    const display = given === '.' || given === `.${path.sep}` ? '' : given;
    walk(absolute, display, layers, walker);
  }
  return { files, missing, unreadable };
}

interface Walker {
  excluded: (absolute: string, name: string) => boolean;
  add: (display: string, absolute: string) => void;
  unreadable: FileError[];
}

/**
 * True when `absolute` (a file or directory named on the command line, or the path given to stdin
 * input; it need not exist), or a directory above it up to the configuration's directory, is excluded
 * by the configuration or is one of the directories a walk never enters (`.git`, `node_modules`, …).
 */
export function isExcludedPath(absolute: string, config: ProjectConfig): boolean {
  return isForceExcluded(absolute, config, excludeMatcher(config));
}

function isForceExcluded(absolute: string, config: ProjectConfig, excluded: (absolute: string, name: string) => boolean): boolean {
  const relative = path.relative(config.root, absolute);
  // Outside the configuration's directory only the path's own name can match.
  if (relative.startsWith('..') || path.isAbsolute(relative)) return excluded(absolute, path.basename(absolute));
  for (let current = absolute; ; current = path.dirname(current)) {
    if (current === config.root || path.dirname(current) === current) return false;
    const name = path.basename(current);
    if (excluded(current, name)) return true;
    if (current !== absolute && SKIPPED_DIRECTORIES.has(name)) return true;
  }
}

function walk(directory: string, display: string, parentLayers: readonly IgnoreLayer[], walker: Walker): void {
  const { excluded, add } = walker;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    // Its files might be the ones that need checking: say so, rather than report a clean run.
    walker.unreadable.push({ file: display === '' ? '.' : display, message: `cannot read directory: ${describeFsError(error)}` });
    return;
  }
  const layers = [...parentLayers];
  if (entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) {
    const rules = readIgnoreFile(path.join(directory, '.gitignore'));
    if (rules !== null) layers.push({ base: directory, rules });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = path.join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Symlinked files are followed; symlinked directories are not, which rules out cycles.
      try {
        isFile = fs.statSync(absolute).isFile();
      } catch {
        isFile = false;
      }
      isDirectory = false;
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (isIgnored(layers, absolute, true) || excluded(absolute, entry.name)) continue;
      if (fs.existsSync(path.join(absolute, 'pyvenv.cfg'))) continue;
      walk(absolute, joinDisplay(display, entry.name), layers, walker);
    } else if (isFile && PYTHON_FILE.test(entry.name)) {
      if (isIgnored(layers, absolute, false) || excluded(absolute, entry.name)) continue;
      add(joinDisplay(display, entry.name), absolute);
    }
  }
}

/** Applies the `.gitignore` layers from the outermost in, so a deeper `!pattern` can re-include. */
function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = path.relative(layer.base, absolute);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const result = layer.rules.test(toPosix(relative) + (isDirectory ? '/' : ''));
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * `.gitignore` files of the directories above a given directory, up to the repository root (the
 * nearest ancestor holding `.git`). Outside a repository only the walked directories' files count.
 */
function ancestorIgnoreLayers(directory: string): IgnoreLayer[] {
  const ancestors: string[] = [];
  for (let dir = path.dirname(directory); ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if (fs.existsSync(path.join(dir, '.git'))) break;
    if (path.dirname(dir) === dir) return [];
  }
  if (fs.existsSync(path.join(directory, '.git'))) return [];
  const layers: IgnoreLayer[] = [];
  for (const dir of ancestors) {
    const rules = readIgnoreFile(path.join(dir, '.gitignore'));
    if (rules !== null) layers.push({ base: dir, rules });
  }
  return layers;
}

function readIgnoreFile(file: string): Ignore | null {
  try {
    return ignore().add(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The configured `exclude` globs, relative to the configuration's directory. A pattern without `/`
 * matches a file or directory name anywhere (`build`, `*_pb2.py`); one with `/` matches the path
 * from the configuration's directory (`src/generated/**`), as in ruff and `.gitignore`.
 */
function excludeMatcher(config: ProjectConfig): (absolute: string, name: string) => boolean {
  if (config.exclude.length === 0) return () => false;
  const byName: picomatch.Matcher[] = [];
  const byPath: picomatch.Matcher[] = [];
  for (const raw of config.exclude) {
    const pattern = raw.replace(/^\.\//, '').replace(/\/$/, '');
    if (pattern.includes('/')) byPath.push(picomatch(pattern.replace(/^\//, ''), { dot: true }));
    else byName.push(picomatch(pattern, { dot: true }));
  }
  return (absolute, name) => {
    if (byName.some((matches) => matches(name))) return true;
    const relative = path.relative(config.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    const posix = toPosix(relative);
    return byPath.some((matches) => matches(posix));
  };
}

/** Matches `per-file-ignores` globs the same way `exclude` globs match. */
export function fileGlobMatcher(pattern: string, root: string): (absolute: string) => boolean {
  const cleaned = pattern.replace(/^\.\//, '');
  if (!cleaned.includes('/')) {
    const matches = picomatch(cleaned, { dot: true });
    return (absolute) => matches(path.basename(absolute));
  }
  const matches = picomatch(cleaned.replace(/^\//, ''), { dot: true });
  return (absolute) => {
    const relative = path.relative(root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return matches(toPosix(relative));
  };
}

/**
 * The reported path of an entry: the directory exactly as the user wrote it, then the entry's name
 * (no normalisation, so `./src` stays `./src/...`); the current directory, given as `.` or not at
 * all, contributes no prefix.
 */
function joinDisplay(directory: string, name: string): string {
  if (directory === '') return name;
  return directory.endsWith(path.sep) ? directory + name : directory + path.sep + name;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    // Reading the file will report the problem; for scheduling it is just small.
    return 0;
  }
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
