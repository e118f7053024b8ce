// The persistent cache of `check` (as ruff has one): per file, the outcome of its last analysis, keyed by
// the tool's build, the effective configuration, the file's path, module name and content, and valid
// only while every module its analysis looked up still has the summary it had (or is still missing).
// One JSON file per directory of checked files under `.yieldlens_cache/` beside the nearest
// `pyproject.toml`; written to a temporary file and renamed, so a concurrent run sees the old file or
// the new one, never half of one. Anything unreadable, corrupt or foreign is ignored and rewritten.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelForAnalysis, summarizeModule } from '../analysis/index.js';
import { parsePython } from '../parser.js';
import { ProjectImports, readSource, type ModuleResolver } from '../project/index.js';
import type { FileOutcome } from './file-job.js';
import { VERSION } from './version.js';

/** What a file's analysis looked up in the index, enough to tell later whether the answers changed. */
export interface FileDependencies {
  /** Each module whose summary was asked for: its file (or null) and that file's summary, hashed. */
  modules: { name: string; file: string | null; content: string | null; summary: string | null }[];
  /** Each "does this module exist" question and its answer. */
  exists: { name: string; exists: boolean }[];
}

interface CacheEntry {
  key: string;
  deps: FileDependencies;
  outcome: Pick<FileOutcome, 'findings' | 'problems' | 'suppressed' | 'lines'>;
}

interface DirectoryFile {
  format: number;
  tool: string;
  directory: string;
  files: Record<string, CacheEntry>;
}

const FORMAT = 1;
export const CACHE_DIR_NAME = '.yieldlens_cache';

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The tool's identity: its version and, so that a rebuilt checkout never trusts old results, its code. */
function toolFingerprint(): string {
  const hash = createHash('sha1').update(VERSION);
  // server/dist (this file is dist/cli/cache.js), or the bundle's own directory (server/bundle).
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = path.basename(here) === 'cli' ? path.dirname(here) : here;
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') || entry.name.endsWith('.cjs')) {
        const stat = fs.statSync(full);
        hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(root);
  return hash.digest('base64url');
}

/**
 * Where the cache lives: `--cache-dir`, else `YIELDLENS_CACHE_DIR`, else `.yieldlens_cache/` beside the
 * nearest `pyproject.toml` above `start`, else in the current directory.
 */
export function cacheDirectory(option: string | undefined, env: NodeJS.ProcessEnv, start: string, cwd: string): string {
  if (option !== undefined) return path.resolve(cwd, option);
  const fromEnv = env['YIELDLENS_CACHE_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(cwd, fromEnv);
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'pyproject.toml'))) return path.join(dir, CACHE_DIR_NAME);
    if (path.dirname(dir) === dir) return path.join(cwd, CACHE_DIR_NAME);
  }
}

export class CheckCache {
  private readonly tool = toolFingerprint();
  private readonly directories = new Map<string, DirectoryFile>();
  private readonly updated = new Map<string, Map<string, CacheEntry>>();
  private readonly imports = new ProjectImports();
  private readonly contentHashes = new Map<string, string | null>();
  private readonly summaryHashes = new Map<string, string | null>();

  constructor(readonly root: string) {}

  /** The key of a file's entry: everything besides the modules it looks up that decides its outcome. */
  keyOf(display: string, absolute: string, text: string, configuration: string): string {
    const moduleName = this.imports.contextFor(absolute).moduleName ?? '';
    return hashText(`${this.tool}\0${configuration}\0${display}\0${moduleName}\0${hashText(text)}`);
  }

  /** The cached outcome of `absolute` under `key`, if its dependencies still say what they said. */
  lookup(absolute: string, key: string): CacheEntry['outcome'] | null {
    const entry = this.directoryOf(path.dirname(absolute)).files[path.basename(absolute)];
    if (entry === undefined || entry.key !== key || !this.stillValid(absolute, entry.deps)) return null;
    return entry.outcome;
  }

  store(absolute: string, key: string, outcome: FileOutcome, deps: FileDependencies): void {
    const dir = path.dirname(absolute);
    let entries = this.updated.get(dir);
    if (entries === undefined) {
      entries = new Map();
      this.updated.set(dir, entries);
    }
    const { findings, problems, suppressed, lines } = outcome;
    entries.set(path.basename(absolute), { key, deps, outcome: { findings, problems, suppressed, lines } });
  }

  /** Writes the directories that changed; a cache that cannot be written costs speed, never the run. */
  save(): string | null {
    if (this.updated.size === 0) return null;
    try {
      fs.mkdirSync(this.root, { recursive: true });
      const ignore = path.join(this.root, '.gitignore');
      if (!fs.existsSync(ignore)) writeAtomically(ignore, '# Created by yieldlens automatically.\n*\n');
      for (const [dir, entries] of this.updated) {
        // Re-read: another run may have written entries for other files of this directory meanwhile.
        const current = this.readDirectory(dir);
        for (const [name, entry] of entries) current.files[name] = entry;
        writeAtomically(this.fileFor(dir), JSON.stringify(current));
      }
      this.updated.clear();
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private stillValid(absolute: string, deps: FileDependencies): boolean {
    const resolver = this.resolverFor(absolute);
    for (const dep of deps.exists) if ((resolver.resolve(dep.name) !== null) !== dep.exists) return false;
    for (const dep of deps.modules) {
      const file = resolver.resolveFile(dep.name);
      if (file !== dep.file) return false;
      if (file === null) continue;
      if (this.contentHashOf(file) === dep.content) continue;
      // The module changed: its findings' inputs did only if its summary did.
      if (dep.summary === null || this.summaryHashOf(file, dep.name) !== dep.summary) return false;
    }
    return true;
  }

  private resolverFor(absolute: string): ModuleResolver {
    return this.imports.resolverFor(this.imports.contextFor(absolute).searchPath);
  }

  private contentHashOf(file: string): string | null {
    let known = this.contentHashes.get(file);
    if (known === undefined) {
      const source = readSource(file);
      known = source.ok ? hashText(source.text) : null;
      this.contentHashes.set(file, known);
    }
    return known;
  }

  private summaryHashOf(file: string, moduleName: string): string | null {
    const key = `${file}\0${moduleName}`;
    let known = this.summaryHashes.get(key);
    if (known === undefined) {
      known = null;
      const source = readSource(file);
      if (source.ok) {
        try {
          known = summaryHash(summarizeModule(file, moduleName, modelForAnalysis(parsePython(source.text), source.text)));
        } catch {
          known = null;
        }
      }
      this.summaryHashes.set(key, known);
    }
    return known;
  }

  private directoryOf(dir: string): DirectoryFile {
    let known = this.directories.get(dir);
    if (known === undefined) {
      known = this.readDirectory(dir);
      this.directories.set(dir, known);
    }
    return known;
  }

  private readDirectory(dir: string): DirectoryFile {
    const empty: DirectoryFile = { format: FORMAT, tool: this.tool, directory: dir, files: {} };
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.fileFor(dir), 'utf8'));
      return isDirectoryFile(parsed, this.tool, dir) ? parsed : empty;
    } catch {
      // Missing, unreadable or not JSON: as if empty; the next save replaces it.
      return empty;
    }
  }

  private fileFor(dir: string): string {
    return path.join(this.root, `${hashText(dir).slice(0, 20)}.json`);
  }
}

export function summaryHash(summary: unknown): string {
  return hashText(JSON.stringify(summary));
}

/** A cache file written by this build for this directory, with entries of the expected shape. */
function isDirectoryFile(value: unknown, tool: string, dir: string): value is DirectoryFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<DirectoryFile>;
  if (file.format !== FORMAT || file.tool !== tool || file.directory !== dir || typeof file.files !== 'object' || file.files === null) return false;
  return Object.values(file.files).every((entry: Partial<CacheEntry> | null) =>
    typeof entry === 'object' && entry !== null && typeof entry.key === 'string'
    && Array.isArray(entry.deps?.modules) && Array.isArray(entry.deps?.exists)
    && typeof entry.outcome === 'object' && entry.outcome !== null && Array.isArray(entry.outcome.findings) && Array.isArray(entry.outcome.problems));
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`;
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
