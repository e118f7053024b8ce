// The open documents: text kept current from incremental `didChange` events, and for each one a
// tree-sitter tree that is edited in step with the text and re-parsed incrementally when analysed.

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { AnalysisResult } from '../analysis/index.js';
import { parsePython, type Edit, type Point, type Tree } from '../parser.js';
import { analysisPathOf } from './uri.js';

/** Files larger than this are not analysed: tree-sitter would cope, but the editor must stay responsive. */
export const MAX_DOCUMENT_CHARS = 5 * 1024 * 1024;

/** Why a document is not analysed, or null when it is. */
export function skipReason(text: string): string | null {
  if (text.length > MAX_DOCUMENT_CHARS) return `larger than ${MAX_DOCUMENT_CHARS / (1024 * 1024)} MB`;
  // A NUL never occurs in Python source (CPython refuses it): this is a binary file opened as text.
  if (text.includes('\u0000')) return 'binary content (NUL characters)';
  return null;
}

export class OpenDocument {
  /** The tree matching `text` once `treeIsCurrent`; before that, an old tree already `edit`ed to match. */
  private tree: Tree | null = null;
  private treeIsCurrent = false;
  /**
   * True once `tree` has been handed out (to the analysis). node-tree-sitter's `Tree.edit` updates every
   * JS node object still cached for the tree — tens of milliseconds after an analysis of a large file —
   * so an exposed tree is never edited: a fresh tree object is re-parsed from it first (`detachTree`).
   */
  private treeIsExposed = false;
  /** The last analysis and the version it was computed for. */
  analysis: { version: number; result: AnalysisResult } | null = null;
  /** Set when the document is skipped; remembered so the log says it once per reason. */
  skipped: string | null = null;

  constructor(
    private textDocument: TextDocument,
    readonly file: string,
  ) {}

  get uri(): string {
    return this.textDocument.uri;
  }

  get version(): number {
    return this.textDocument.version;
  }

  get text(): string {
    return this.textDocument.getText();
  }

  get document(): TextDocument {
    return this.textDocument;
  }

  /** True when the last analysis was computed for the current text. */
  get isAnalysed(): boolean {
    return this.analysis !== null && this.analysis.version === this.version;
  }

  /**
   * Applies the changes in order. Each ranged change is mirrored onto the old tree with `tree.edit`, so
   * the next parse reuses everything outside the edited ranges; a full-text change drops the tree.
   */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    this.detachTree();
    for (const change of changes) {
      if (!('range' in change)) {
        this.textDocument = TextDocument.update(this.textDocument, [change], version);
        this.tree = null;
        this.treeIsCurrent = false;
        continue;
      }
      const before = this.textDocument;
      // Offsets first: they clamp positions past the end of a line or the document, as LSP asks.
      const startIndex = before.offsetAt(change.range.start);
      const oldEndIndex = before.offsetAt(change.range.end);
      const startPosition = toPoint(before.positionAt(startIndex));
      const oldEndPosition = toPoint(before.positionAt(oldEndIndex));
      this.textDocument = TextDocument.update(before, [change], version);
      const newEndIndex = startIndex + change.text.length;
      const newEndPosition = toPoint(this.textDocument.positionAt(newEndIndex));
      if (this.tree !== null) {
        const edit: Edit = { startIndex, oldEndIndex, newEndIndex, startPosition, oldEndPosition, newEndPosition };
        this.tree.edit(edit);
      }
      this.treeIsCurrent = false;
    }
  }

  /** The tree for the current text, re-parsed incrementally from the edited old tree when there is one. */
  currentTree(): Tree {
    if (this.tree === null || !this.treeIsCurrent) {
      this.tree = parsePython(this.text, this.tree ?? undefined);
      this.treeIsCurrent = true;
    }
    this.treeIsExposed = true;
    return this.tree;
  }

  /**
   * Replaces an exposed, current tree by a fresh tree object for the same text (tree-sitter reuses every
   * node, so this costs a few milliseconds) that no JS node refers to, ready to be edited cheaply. The
   * session calls it when idle after publishing, so it is usually off the keystroke's path.
   */
  detachTree(): void {
    if (this.tree === null || !this.treeIsExposed) return;
    if (this.treeIsCurrent) this.tree = parsePython(this.text, this.tree);
    else this.tree = null;
    this.treeIsExposed = false;
  }

  /** Drops the tree (a skipped document must not pin megabytes of native memory). */
  releaseTree(): void {
    this.tree = null;
    this.treeIsCurrent = false;
    this.treeIsExposed = false;
  }
}

function toPoint(position: Position): Point {
  // LSP characters and tree-sitter columns are both UTF-16 code units here (the parser reads JS strings).
  return { row: position.line, column: position.character };
}

/** The open documents by URI. */
export class DocumentStore {
  private readonly byUri = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const doc = new OpenDocument(TextDocument.create(uri, languageId, version, text), analysisPathOf(uri));
    this.byUri.set(uri, doc);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  close(uri: string): OpenDocument | undefined {
    const doc = this.byUri.get(uri);
    this.byUri.delete(uri);
    return doc;
  }

  byFile(file: string): OpenDocument | undefined {
    for (const doc of this.byUri.values()) if (doc.file === file) return doc;
    return undefined;
  }

  all(): OpenDocument[] {
    return [...this.byUri.values()];
  }
}
