// The server's state and its one analysis path: open documents, configuration, the workspace index and
// the idle queue. Feature handlers ask the session for a document's current analysis; only the session
// runs `analyzeFile`, publishes diagnostics and decides which other documents must be re-checked.

import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { IncrementalAnalyzer, SemanticModel, WorkspaceIndex, type AnalysisResult } from '../analysis/index.js';
import { ConfigStore } from './config.js';
import { publishDiagnostics } from './diagnostics.js';
import { DocumentStore, skipReason, type OpenDocument } from './documents.js';
import { IdleQueue } from './idle-queue.js';
import { WorkspaceIndexer } from './workspace-indexer.js';

/** What the client said it can do, reduced to what the server's behaviour depends on. */
export interface ClientFeatures {
  documentChanges: boolean;
  workDoneProgress: boolean;
  configuration: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  workspaceFolderChanges: boolean;
}

export class Session {
  readonly documents = new DocumentStore();
  readonly config = new ConfigStore();
  readonly index = new WorkspaceIndex();
  readonly indexer: WorkspaceIndexer;
  readonly queue: IdleQueue;
  features: ClientFeatures = {
    documentChanges: false,
    workDoneProgress: false,
    configuration: false,
    watchedFilesRegistration: false,
    configurationRegistration: false,
    workspaceFolderChanges: false,
  };
  /** Configuration problems already shown, so a bad setting is reported once, not on every keystroke. */
  private readonly reportedProblems = new Set<string>();
  private readonly pendingSummaries = new Set<string>();
  /** Each open document's per-statement analysis cache: a keystroke re-analyses one statement. */
  private readonly incremental = new WeakMap<OpenDocument, { analyzer: IncrementalAnalyzer; signature: string | null }>();

  constructor(private readonly connection: Connection) {
    this.indexer = new WorkspaceIndexer(this.index, (file) => this.documents.byFile(file) !== undefined, (message) => this.log(message));
    this.queue = new IdleQueue((uri) => this.analyzeAndPublish(uri));
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /**
   * The analysis of the document's current text, computed now if the document changed since the last
   * one; null for documents that are not analysed (binary, huge).
   */
  analysisOf(doc: OpenDocument): AnalysisResult | null {
    if (doc.isAnalysed && doc.analysis !== null) return doc.analysis.result;
    const reason = skipReason(doc.text);
    if (reason !== null) {
      if (doc.skipped !== reason) this.log(`yieldlens: not analysing ${doc.uri}: ${reason}`);
      doc.skipped = reason;
      doc.analysis = null;
      doc.releaseTree();
      return null;
    }
    doc.skipped = null;
    const config = this.config.forFile(doc.file);
    for (const problem of config.problems) this.showProblemOnce(problem);
    const moduleName = this.indexer.moduleNameFor(doc.file);
    let state = this.incremental.get(doc);
    if (state === undefined) {
      state = { analyzer: new IncrementalAnalyzer(), signature: null };
      this.incremental.set(doc, state);
    }
    const text = doc.text;
    const tree = doc.currentTree();
    const enabled = config.enabled;
    // Everything besides the text that changes findings: the rules, the index, the module's name.
    const contextKey = `${[...enabled].sort().join(',')}|${this.indexer.generationExcluding(doc.file)}|${moduleName ?? ''}`;
    const incremental = state.analyzer.analyze(
      { file: doc.file, text, tree, enabled, index: this.index, ...(moduleName === null ? {} : { moduleName }) },
      contextKey,
    );
    let model: SemanticModel | undefined;
    const result: AnalysisResult = {
      findings: incremental.findings,
      suppressed: incremental.suppressed,
      suppressedLines: [],
      syntaxError: incremental.syntaxError,
      tree,
      lines: incremental.lines,
      // Hovers and summaries need the whole model; keystrokes do not, so it is built on demand.
      get model(): SemanticModel {
        model ??= new SemanticModel(tree, text);
        return model;
      },
    };
    doc.analysis = { version: doc.version, result };
    // The summary only changes when the module's interface does (headers, generator-ness, module code).
    // While a statement does not parse ('E' in the signature) the last clean interface stands: typing a
    // line flips it between broken and valid on nearly every keystroke, and a summary costs a full model.
    if (!incremental.signature.includes('E') && incremental.signature !== state.signature) {
      state.signature = incremental.signature;
      this.scheduleSummary(doc.uri);
    }
    return result;
  }

  /**
   * Updates the index from the document's latest analysis after the diagnostics are out: the open
   * document is the freshest source of its own summary, others may depend on it, but summarising a
   * large module costs milliseconds that do not belong between a keystroke and its diagnostics.
   */
  private scheduleSummary(uri: string): void {
    this.pendingSummaries.add(uri);
    if (this.pendingSummaries.size === 1) setImmediate(() => this.flushSummaries());
  }

  private flushSummaries(): void {
    const uris = [...this.pendingSummaries];
    this.pendingSummaries.clear();
    for (const uri of uris) {
      const doc = this.documents.get(uri);
      if (doc === undefined || doc.analysis === null) continue;
      doc.detachTree();
      if (this.indexer.update(doc.file, doc.analysis.result.model)) this.refreshDependents(doc.file);
    }
  }

  /** Analyses a document (if needed) and publishes its diagnostics, tagged with the analysed version. */
  analyzeAndPublish(uri: string): void {
    const doc = this.documents.get(uri);
    if (doc === undefined) return;
    const version = doc.version;
    let result: AnalysisResult | null;
    try {
      result = this.analysisOf(doc);
    } catch (error) {
      // An analysis bug on one document must not stop the queue or the server; the log says what broke.
      this.connection.console.error(`yieldlens: analysing ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      result = null;
    }
    const findings = result?.findings ?? [];
    // An analysis of a large file takes a while; edits that arrived meanwhile are still unread. Publishing
    // only once they have been looked at means a version the editor has already moved past is never shown.
    this.queue.whenQuiet(() => {
      if (this.documents.get(uri) !== doc || doc.version !== version) return;
      publishDiagnostics(this.connection, uri, version, findings);
      // Replace the tree the analysis exposed now, while the user reads, rather than on the next
      // keystroke (editing a tree with live JS nodes costs milliseconds; see `detachTree`).
      setImmediate(() => {
        if (this.documents.get(uri) === doc && doc.version === version) doc.detachTree();
      });
    });
  }

  /** Re-checks the open documents that may use what `file` defines (its summary changed). */
  refreshDependents(file: string): void {
    // The index knows importers through their summaries, and every open document has one.
    const dependents = new Set(this.index.dependentsOf(file));
    for (const doc of this.documents.all()) {
      if (doc.file === file || !dependents.has(doc.file)) continue;
      doc.analysis = null;
      this.queue.enqueue(doc.uri);
    }
  }

  /** Re-checks every open document (configuration changed, the index finished building). */
  refreshAll(): void {
    for (const doc of this.documents.all()) {
      doc.analysis = null;
      this.queue.enqueue(doc.uri);
    }
  }

  showProblemOnce(problem: string): void {
    if (this.reportedProblems.has(problem)) return;
    this.reportedProblems.add(problem);
    // A notification, not window/showMessageRequest: nothing to answer, and Neovim shows no prompt.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `yieldlens: ${problem}` });
    this.log(`yieldlens: ${problem}`);
  }

  forgetProblems(): void {
    this.reportedProblems.clear();
  }

  dispose(): void {
    this.queue.dispose();
    this.indexer.stop();
  }
}
