// Keeps the workspace index current: a background scan of the workspace folders at start-up (one file
// at a time, yielding to the event loop so editing stays responsive), re-reads of files that change on
// disk, and summaries of the open documents, which win over the disk while they are open.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { detachedFromSource, SemanticModel, summarizeModule, type ModuleSummary, type WorkspaceIndex } from '../analysis/index.js';
import { collectDeadTrees, parsePython } from '../parser.js';
import { decodeSource, ModuleNamer } from '../project/index.js';
import { skipReason } from './documents.js';

/** Directories never scanned (besides hidden ones and virtual environments, found by their pyvenv.cfg). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '__pycache__', 'site-packages', 'dist-packages']);
/** A safety net for enormous workspaces: the index is an aid, not worth minutes of CPU. */
const MAX_INDEXED_FILES = 50_000;

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  done(summary: string): void;
}

export interface IndexingResult {
  files: number;
  skipped: number;
  milliseconds: number;
}

export class WorkspaceIndexer {
  private readonly moduleNamer = new ModuleNamer();
  /** The part of each summary that other files' analyses depend on (line numbers left out). */
  private readonly shapes = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly isOpen: (file: string) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /** Scans the folders and summarises every Python file that is not open in the editor. */
  async indexFolders(folders: readonly string[], progress: IndexProgress): Promise<IndexingResult> {
    const started = Date.now();
    const files: string[] = [];
    for (const folder of folders) await this.collect(folder, files);
    progress.begin(files.length);
    let skipped = 0;
    let lastReport = Date.now();
    for (const [position, file] of files.entries()) {
      if (this.stopped) break;
      if (!this.isOpen(file) && !(await this.indexFromDisk(file))) skipped++;
      if (Date.now() - lastReport > 100) {
        progress.report(position + 1, files.length);
        lastReport = Date.now();
      }
    }
    // What indexing parsed is garbage now, but V8 may not look for it for a long while.
    collectDeadTrees();
    await new Promise((resolve) => setImmediate(resolve));
    const result = { files: files.length - skipped, skipped, milliseconds: Date.now() - started };
    progress.done(`${result.files} files indexed in ${(result.milliseconds / 1000).toFixed(1)} s`);
    return result;
  }

  /** Re-reads a file from disk; returns false when it could not be read or is not Python source. */
  async indexFromDisk(file: string): Promise<boolean> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      // Deleted or unreadable between the scan and now: it simply leaves the index.
      this.remove(file);
      return false;
    }
    // Decoded as the CLI decodes it (PEP 263 coding cookies), so both index the same text.
    const source = decodeSource(bytes);
    if (!source.ok) {
      this.log(`yieldlens: not indexing ${file}: ${source.message}`);
      this.remove(file);
      return false;
    }
    const text = source.text;
    const reason = skipReason(text);
    if (reason !== null) {
      this.log(`yieldlens: not indexing ${file}: ${reason}`);
      this.remove(file);
      return false;
    }
    // Parse, summarise, and let the tree go: only the summary stays in memory.
    const model = new SemanticModel(parsePython(text), text);
    this.update(file, model);
    return true;
  }

  /**
   * Counts changes to what files can see of each other; cached analyses are keyed by it, so a change
   * anywhere in the index invalidates them.
   */
  private generation = 0;
  private readonly changesByFile = new Map<string, number>();

  /**
   * Changes to the index made by files other than `file`: a document's own summary does not change its
   * own findings, and counting it would throw away its cached analysis whenever its interface changes.
   */
  generationExcluding(file: string): number {
    return this.generation - (this.changesByFile.get(file) ?? 0);
  }

  private countChange(file: string): void {
    this.generation++;
    this.changesByFile.set(file, (this.changesByFile.get(file) ?? 0) + 1);
  }

  /** Records a file's summary; true when what other files can see of it changed. */
  update(file: string, model: SemanticModel): boolean {
    const summary = detachedFromSource(summarizeModule(file, this.moduleNameFor(file), model));
    this.index.update(summary);
    // A digest: the shapes of a whole standard library would otherwise hold megabytes of JSON.
    const shape = createHash('sha1').update(shapeOf(summary)).digest('base64');
    const changed = this.shapes.get(file) !== shape;
    this.shapes.set(file, shape);
    if (changed) this.countChange(file);
    return changed;
  }

  /** Drops a file; true when it was indexed. */
  remove(file: string): boolean {
    const known = this.shapes.delete(file);
    this.index.remove(file);
    if (known) this.countChange(file);
    return known;
  }

  /** The dotted module name of a file path (null for non-file documents and non-identifier names). */
  moduleNameFor(file: string): string | null {
    return this.moduleNamer.moduleNameFor(file);
  }

  /** Forgets cached `__init__.py` lookups (a file was created or deleted). */
  invalidatePackages(): void {
    this.moduleNamer.invalidate();
  }

  private async collect(dir: string, into: string[]): Promise<void> {
    if (this.stopped || into.length >= MAX_INDEXED_FILES) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      // Permission denied or vanished: skip the directory, the rest of the workspace still counts.
      return;
    }
    if (entries.some((entry) => entry.name === 'pyvenv.cfg')) return;
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
        await this.collect(path, into);
      } else if (entry.isFile() && /\.pyi?$/.test(entry.name)) {
        if (into.length >= MAX_INDEXED_FILES) {
          this.log(`yieldlens: indexing stopped at ${MAX_INDEXED_FILES} files (${dirname(path)} and later are not indexed)`);
          return;
        }
        into.push(path);
      }
    }
  }
}

function shapeOf(summary: ModuleSummary): string {
  const functions = Object.values(summary.functions)
    .map(({ line: _line, ...rest }) => rest)
    .sort((a, b) => a.qualname.localeCompare(b.qualname));
  return JSON.stringify({ ...summary, functions });
}
