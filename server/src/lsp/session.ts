// The server's state and its one analysis path: open documents, configuration, the workspace index,
// the idle queue and the traces. Feature handlers ask the session for a document's current analysis,
// findings and trace view; only the session runs the analysis, reports diagnostics, schedules traces and
// decides which other documents must be re-checked.

import { CodeLensRefreshRequest, InlayHintRefreshRequest, MessageType, ShowMessageNotification, type CancellationToken, type Connection } from 'vscode-languageserver';
import { TRACE_STATUS_NOTIFICATION, type Finding, type TraceStatusParams } from '@yieldlens/shared';
import { IncrementalAnalyzer, LineIndex, runSteps, SemanticModel, SharedSteps, WorkspaceIndex, type AnalysisResult, type Steps } from '../analysis/index.js';
import { stopReason } from './code-lens.js';
import { ConfigStore } from './config.js';
import { findingsSignature, publishDiagnostics } from './diagnostics.js';
import { RequestCancelledError } from './guard.js';
import { DocumentStore, skipReason, type OpenDocument } from './documents.js';
import { IdleQueue } from './idle-queue.js';
import { confirmFindings } from './trace-findings.js';
import type { DocumentTraceView } from './trace-view.js';
import { TraceService, type DocumentTraces } from './traces.js';
import { WorkspaceIndexer } from './workspace-indexer.js';
import { ProjectImports } from '../project/index.js';
import { collectProjectModules, readProjectText } from '../project/runtime-modules.js';
import type { ModuleSource } from '../runtime/index.js';

/** What the client said it can do, reduced to what the server's behaviour depends on. */
export interface ClientFeatures {
  documentChanges: boolean;
  workDoneProgress: boolean;
  configuration: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  workspaceFolderChanges: boolean;
  /** LSP 3.17 pull diagnostics (`textDocument/diagnostic`); push otherwise. */
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  inlayHintRefresh: boolean;
  codeLensRefresh: boolean;
  /** The client fills in inlay hint tooltips with inlayHint/resolve. */
  inlayHintTooltipResolve: boolean;
}

/** A changed module's summary is made once no analysis has run for this long. */
const SUMMARY_DELAY_MS = 50;
/**
 * How long an analysis runs before it lets the event loop answer what arrived meanwhile. A keystroke's
 * analysis (a few milliseconds) fits in one slice; the slices of a long one are this long, or as long
 * as its longest step (a parse, a whole-file model: tens of milliseconds in a 6,000-line file).
 */
const ANALYSIS_SLICE_MS = 4;

/** What a hover reads of a document: no findings. */
export type DocumentStructure = Pick<AnalysisResult, 'tree' | 'model' | 'lines'>;

/** A document's structure for a version whose analysis has not ended; `model` once built. */
interface Provisional {
  version: number;
  structure: DocumentStructure;
  model: SemanticModel | undefined;
  /** The running analysis' model being built, which a hover finishes rather than build another. */
  building: SharedSteps<SemanticModel> | undefined;
}

/** A document's analysis in progress, for one version. */
interface AnalysisTask {
  version: number;
  /** Its context changed (see `invalidate`): it is abandoned at its next slice. */
  stale: boolean;
  done: Promise<AnalysisResult | null | 'superseded'>;
}

export class Session {
  readonly documents = new DocumentStore();
  readonly config = new ConfigStore();
  readonly index = new WorkspaceIndex();
  /** How the project's files import each other (the traces' workspace imports); forgotten when files come and go. */
  readonly projectImports = new ProjectImports();
  readonly indexer: WorkspaceIndexer;
  readonly queue: IdleQueue;
  features: ClientFeatures = {
    documentChanges: false,
    workDoneProgress: false,
    configuration: false,
    watchedFilesRegistration: false,
    configurationRegistration: false,
    workspaceFolderChanges: false,
    pullDiagnostics: false,
    diagnosticRefresh: false,
    inlayHintRefresh: false,
    codeLensRefresh: false,
    inlayHintTooltipResolve: false,
  };
  readonly traces: TraceService;
  /** What each document's diagnostics last said (pushed or pulled), so an unchanged set is not sent again. */
  private readonly reportedFindings = new Map<string, { version: number; signature: string }>();
  private refreshScheduled = false;
  private readonly lastTraceState = new Map<string, TraceStatusParams['state']>();
  /** Configuration problems already shown, so a bad setting is reported once, not on every keystroke. */
  private readonly reportedProblems = new Set<string>();
  private readonly pendingSummaries = new Set<string>();
  private summaryTimer: NodeJS.Timeout | null = null;
  /** Each open document's per-statement analysis cache: a keystroke re-analyses one statement. */
  private readonly incremental = new WeakMap<OpenDocument, { analyzer: IncrementalAnalyzer; signature: string | null; generation: number }>();
  /** The analysis running for each document (at most one; a newer version supersedes it). */
  private readonly running = new Map<OpenDocument, AnalysisTask>();
  /** What `structureOf` made for a version not analysed yet. */
  private readonly structures = new WeakMap<OpenDocument, Provisional>();
  private disposed = false;

  constructor(private readonly connection: Connection) {
    this.indexer = new WorkspaceIndexer(this.index, (file) => this.documents.byFile(file) !== undefined, (message) => this.log(message));
    this.queue = new IdleQueue((uri) => this.analyzeAndPublish(uri));
    this.traces = new TraceService({
      started: (traces) => this.sendTraceStatus(traces, 'running'),
      cancelled: (traces) => this.sendTraceStatus(traces, 'cancelled'),
      finished: (traces) => this.tracesFinished(traces),
      log: (message) => this.log(message),
    });
  }

  /**
   * Analyses a built-in sample once, as a document would be (then forgets it), so that the first document
   * the editor opens does not wait for V8 to compile the analysis: in a fresh server that first analysis
   * took 50–80 ms of the first trace's wait, the next ones 5–9 ms. Nothing is published.
   */
  warmUp(): void {
    const uri = 'yieldlens-warm-up:///warm_up.py';
    if (this.documents.get(uri) !== undefined) return;
    const doc = this.documents.open(uri, 'python', 1, WARM_UP_SOURCE);
    try {
      this.analysisOf(doc);
    } finally {
      this.documents.close(uri);
    }
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /**
   * The analysis of the document's current text, computed now if the document changed since the last
   * one; null for documents that are not analysed (binary, huge). Runs the whole analysis at once: a
   * request that needs findings awaits `analysisWhenReady` instead, which leaves the event loop free.
   */
  analysisOf(doc: OpenDocument): AnalysisResult | null {
    if (doc.isAnalysed && doc.analysis !== null) return doc.analysis.result;
    return runSteps(this.analysisSteps(doc));
  }

  /**
   * The document's current text as a tree, a model and lines, without running the rules: what a hover
   * reads. The finished analysis' when there is one for this version; otherwise made now (a parse that
   * the analysis then reuses, and a model on demand) and kept for the version, so that a hover during a
   * long analysis waits for no finding. Null for documents that are not analysed.
   */
  structureOf(doc: OpenDocument): DocumentStructure | null {
    if (doc.isAnalysed && doc.analysis !== null) return doc.analysis.result;
    if (skipReason(doc.text) !== null) return null;
    return this.provisionalOf(doc).structure;
  }

  /** The structure of the document's current version made before its analysis ends (see `structureOf`). */
  private provisionalOf(doc: OpenDocument): Provisional {
    const known = this.structures.get(doc);
    if (known !== undefined && known.version === doc.version) return known;
    const tree = doc.currentTree();
    const text = doc.text;
    const provisional: Provisional = {
      version: doc.version,
      model: undefined,
      building: undefined,
      structure: {
        tree,
        lines: new LineIndex(text),
        get model(): SemanticModel {
          provisional.model ??= provisional.building?.finish() ?? new SemanticModel(tree, text);
          return provisional.model;
        },
      },
    };
    this.structures.set(doc, provisional);
    return provisional;
  }

  /**
   * The analysis of the document's text at the time of the call, computed in slices that yield to the
   * event loop (joining the one already running for this version): null when the document is not
   * analysed, `superseded` when it changed or closed first. Rejects with `RequestCancelledError` once
   * `token` is cancelled; the analysis itself goes on (the diagnostics need it).
   */
  async analysisWhenReady(doc: OpenDocument, token?: CancellationToken): Promise<AnalysisResult | null | 'superseded'> {
    const version = doc.version;
    for (;;) {
      if (this.documents.get(doc.uri) !== doc || doc.version !== version) return 'superseded';
      if (doc.isAnalysed && doc.analysis !== null) return doc.analysis.result;
      const outcome = await this.awaitTask(this.analysisTask(doc), token);
      // Abandoned because its context changed, the version still current: the next analysis answers.
      if (outcome !== 'superseded' || this.disposed) return outcome;
    }
  }

  private awaitTask(task: AnalysisTask, token: CancellationToken | undefined): Promise<AnalysisResult | null | 'superseded'> {
    if (token === undefined) return task.done;
    if (token.isCancellationRequested) return Promise.reject(new RequestCancelledError());
    return new Promise((resolve, reject) => {
      const listener = token.onCancellationRequested(() => reject(new RequestCancelledError()));
      task.done.then((outcome) => {
        listener.dispose();
        resolve(outcome);
      }, reject);
    });
  }

  /**
   * Forgets the document's analysis (its context changed: the configuration, the index, an imported
   * module's text), and abandons the one running: it reads the old context.
   */
  private invalidate(doc: OpenDocument): void {
    doc.analysis = null;
    const running = this.running.get(doc);
    if (running !== undefined) running.stale = true;
  }

  /** The running analysis of the document's current version, started now if there is none. */
  private analysisTask(doc: OpenDocument): AnalysisTask {
    const running = this.running.get(doc);
    if (running !== undefined && running.version === doc.version && !running.stale) return running;
    const version = doc.version;
    const steps = this.analysisSteps(doc);
    let settle!: (outcome: AnalysisResult | null | 'superseded') => void;
    const task: AnalysisTask = { version, stale: false, done: new Promise((resolve) => { settle = resolve; }) };
    this.running.set(doc, task);
    const finish = (outcome: AnalysisResult | null | 'superseded'): void => {
      if (this.running.get(doc) === task) this.running.delete(doc);
      settle(outcome);
    };
    const slice = (): void => {
      // A newer version (or closing the document) supersedes this analysis: its remaining steps would
      // read a tree and texts the document no longer has, and what they found would never be shown.
      if (this.disposed || task.stale || this.documents.get(doc.uri) !== doc || doc.version !== version) {
        steps.return(null);
        finish('superseded');
        return;
      }
      // A synchronous `analysisOf` of this version finished it meanwhile.
      if (doc.isAnalysed && doc.analysis !== null) {
        steps.return(null);
        finish(doc.analysis.result);
        return;
      }
      const until = performance.now() + ANALYSIS_SLICE_MS;
      try {
        for (;;) {
          const next = steps.next();
          if (next.done === true) {
            finish(next.value);
            return;
          }
          if (performance.now() >= until) break;
        }
      } catch (error) {
        // An analysis bug on one document must not stop the queue or the server; the log says what broke.
        this.connection.console.error(`yieldlens: analysing ${doc.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        finish(null);
        return;
      }
      setImmediate(slice);
    };
    // The first slice runs now: a keystroke's analysis usually fits in it whole.
    slice();
    return task;
  }

  /** The analysis of the document's current text in steps (see `Steps`); records it on the document when done. */
  private *analysisSteps(doc: OpenDocument): Steps<AnalysisResult | null> {
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
      state = { analyzer: new IncrementalAnalyzer(), signature: null, generation: -1 };
      this.incremental.set(doc, state);
    }
    const version = doc.version;
    const text = doc.text;
    const tree = doc.currentTree();
    // A request that arrived during the parse is answered before the model is built.
    yield;
    const enabled = config.enabled;
    // Everything besides the text that changes findings: the rules, the index, the module's name.
    const generation = this.indexer.generationExcluding(doc.file);
    const contextKey = `${[...enabled].sort().join(',')}|${generation}|${moduleName ?? ''}`;
    // The whole file's model, if the analysis builds one, serves hovers meanwhile (same text, same tree).
    const shareModel = (build: () => Steps<SemanticModel>): SharedSteps<SemanticModel> => {
      const shared = new SharedSteps(build());
      const provisional = doc.version === version ? this.provisionalOf(doc) : undefined;
      if (provisional !== undefined && provisional.structure.tree === tree && provisional.model === undefined) provisional.building = shared;
      return shared;
    };
    const incremental = yield* state.analyzer.analyzeSteps(
      { file: doc.file, text, tree, enabled, index: this.index, ...(moduleName === null ? {} : { moduleName }) },
      contextKey,
      shareModel,
    );
    state.generation = generation;
    // A hover during the analysis may have built the model of this very text already.
    const known = this.structures.get(doc);
    let model: SemanticModel | undefined = incremental.model ?? (known?.version === version && known.structure.tree === tree ? known.model : undefined);
    this.structures.delete(doc);
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
    doc.analysis = { version, result };
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
    this.armSummaryTimer();
  }

  /**
   * Summaries are made once edits pause: a summary costs a pass over the whole module, and a burst of
   * structural edits (pasting, undoing) would otherwise pay it between every keystroke and its
   * diagnostics. Armed by each analysis and again by each publication, so a slow analysis does not let
   * the timer run out before its own diagnostics are out.
   */
  private armSummaryTimer(): void {
    if (this.pendingSummaries.size === 0) return;
    if (this.summaryTimer !== null) clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      this.flushSummaries().catch((error: unknown) => this.log(`yieldlens: updating the index failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    }, SUMMARY_DELAY_MS);
    this.summaryTimer.unref();
  }

  /**
   * Summarises the documents whose interface changed, one document per turn of the event loop (a
   * summary is a pass over the whole module), and not while an analysis runs: its publication arms the
   * timer again.
   */
  private async flushSummaries(): Promise<void> {
    if (this.pendingSummaries.size === 0 || this.disposed) return;
    if (this.running.size > 0) {
      this.armSummaryTimer();
      return;
    }
    const uris = [...this.pendingSummaries];
    this.pendingSummaries.clear();
    const changed: string[] = [];
    for (const [position, uri] of uris.entries()) {
      if (position > 0) await new Promise((resolve) => setImmediate(resolve));
      if (this.disposed) return;
      const doc = this.documents.get(uri);
      if (doc === undefined || doc.analysis === null) continue;
      doc.detachTree();
      if (this.indexer.update(doc.file, doc.analysis.result.model)) changed.push(doc.file);
      // A module it imports may have changed while its summary (its import edges) was not yet in the
      // index, so that no refresh reached it: its analysis then saw an older index.
      const state = this.incremental.get(doc);
      if (state !== undefined && state.generation !== this.indexer.generationExcluding(doc.file)) {
        this.invalidate(doc);
        this.queue.enqueue(doc.uri);
      }
    }
    // Only once every summary of the batch is in: an importer's own summary (its import edges) may be
    // in the same batch as the module it imports.
    for (const file of changed) this.refreshDependents(file);
  }

  /**
   * Analyses a document (if needed, in slices that yield to the event loop) and publishes its
   * diagnostics, tagged with the analysed version; nothing when a newer version superseded it.
   */
  analyzeAndPublish(uri: string): void {
    const doc = this.documents.get(uri);
    if (doc === undefined) return;
    const version = doc.version;
    // Published once; an analysis abandoned for a changed context was enqueued again by whoever changed it.
    const task = doc.isAnalysed && doc.analysis !== null ? Promise.resolve(doc.analysis.result) : this.analysisTask(doc).done;
    void task.then((outcome) => {
      if (outcome !== 'superseded') this.publishWhenQuiet(doc, version, outcome);
    });
  }

  private publishWhenQuiet(doc: OpenDocument, version: number, result: AnalysisResult | null): void {
    const uri = doc.uri;
    // An analysis of a large file takes a while; edits that arrived meanwhile are still unread. Publishing
    // only once they have been looked at means a version the editor has already moved past is never shown.
    this.queue.whenQuiet(() => {
      if (this.documents.get(uri) !== doc || doc.version !== version) return;
      if (result !== null) {
        this.reportFindings(doc, result);
        this.armSummaryTimer();
        // Traces start once the diagnostics are out: finding the sources walks the tree.
        this.scheduleTraces(doc, result);
      } else {
        if (!this.features.pullDiagnostics) publishDiagnostics(this.connection, uri, version, []);
        this.traces.markEmpty(uri, doc.file, version);
        this.armSummaryTimer();
      }
      // Replace the tree the analysis exposed now, while the user reads, rather than on the next
      // keystroke (editing a tree with live JS nodes costs milliseconds; see `detachTree`).
      setImmediate(() => {
        if (this.documents.get(uri) === doc && doc.version === version) doc.detachTree();
      });
    });
  }

  /**
   * The findings of a document's current analysis, with those its traces reproduced marked confirmed and
   * the protocol errors only the traces found added — once the traces of this very version are complete.
   */
  findingsFor(doc: OpenDocument, result: AnalysisResult): Finding[] {
    const traces = this.traces.current(doc.uri);
    if (traces === undefined || traces.version !== doc.version || !traces.complete) return result.findings;
    const runs = this.traces.ownRuns(traces);
    if (runs.every((run) => run.report.error === null && (run.report.exampleErrors ?? []).length === 0)) return result.findings;
    return confirmFindings(result.findings, runs, { file: doc.file, result, enabled: this.config.forFile(doc.file).enabled });
  }

  /** Pushes the document's findings, or (pull clients) asks the client to pull again when they changed. */
  private reportFindings(doc: OpenDocument, result: AnalysisResult): void {
    const findings = this.findingsFor(doc, result);
    const signature = findingsSignature(findings);
    const last = this.reportedFindings.get(doc.uri);
    if (this.features.pullDiagnostics) {
      // The client pulls on each change itself; a refresh is only for what changed without an edit.
      if (last !== undefined && last.version === doc.version && last.signature !== signature && this.features.diagnosticRefresh) this.scheduleRefresh();
      return;
    }
    if (last !== undefined && last.version === doc.version && last.signature === signature) return;
    this.reportedFindings.set(doc.uri, { version: doc.version, signature });
    publishDiagnostics(this.connection, doc.uri, doc.version, findings);
  }

  /** Records what a pull answered, so that a later change of the same version asks for a refresh. */
  notePulled(doc: OpenDocument, findings: readonly Finding[]): string {
    const signature = findingsSignature(findings);
    this.reportedFindings.set(doc.uri, { version: doc.version, signature });
    return signature;
  }

  private scheduleTraces(doc: OpenDocument, result: AnalysisResult): void {
    // Open documents whose runs imported another text of this one run again (their key covers it).
    for (const uri of this.traces.staleDependentsOf(doc.file, doc.text)) {
      const dependent = this.documents.get(uri);
      if (dependent === undefined || dependent === doc) continue;
      this.invalidate(dependent);
      this.queue.enqueue(uri);
    }
    this.traces.update({
      uri: doc.uri,
      file: doc.file,
      version: doc.version,
      text: doc.text,
      tree: result.tree,
      broken: result.syntaxError !== null,
      moduleName: this.indexer.moduleNameFor(doc.file),
      settings: this.config.traceFor(doc.file),
      modules: this.projectModulesOf(doc),
    });
  }

  /**
   * The project's modules a document's traces can import: open documents' buffers first, else the files
   * on disk (read here, by the server: the runtime never reads the host's files).
   */
  private projectModulesOf(doc: OpenDocument): Record<string, ModuleSource | null> {
    if (!/\bimport\b/.test(doc.text) || !doc.uri.startsWith('file:')) return {};
    const read = (file: string): string | null => this.documents.byFile(file)?.text ?? readProjectText(file);
    try {
      return collectProjectModules(doc.file, doc.text, this.projectImports, read);
    } catch (error) {
      this.log(`yieldlens: collecting the modules ${doc.uri} imports failed: ${error instanceof Error ? error.message : String(error)}`);
      return {};
    }
  }

  /** The trace view of a document's current version, or null while its traces are not complete. */
  traceViewOf(doc: OpenDocument): DocumentTraceView | null {
    const traces = this.traces.current(doc.uri);
    return traces === undefined || traces.version !== doc.version || !traces.complete ? null : this.traces.viewOf(traces);
  }

  private tracesFinished(traces: DocumentTraces): void {
    const doc = this.documents.get(traces.uri);
    if (doc === undefined || doc.version !== traces.version) return;
    // Diagnostics first: a client that waits for the status then finds them already there.
    if (doc.isAnalysed && doc.analysis !== null) this.reportFindings(doc, doc.analysis.result);
    this.sendTraceStatus(traces, traces.runs.length === 0 ? 'unavailable' : 'finished');
    if (traces.runs.length > 0) this.scheduleRefresh();
  }

  private sendTraceStatus(traces: DocumentTraces, state: TraceStatusParams['state']): void {
    // A document without trace sources says so once, not on every keystroke.
    if (state === 'unavailable' && this.lastTraceState.get(traces.uri) === 'unavailable') return;
    this.lastTraceState.set(traces.uri, state);
    const params: TraceStatusParams = { uri: traces.uri, version: traces.version, state };
    if (state === 'finished') {
      params.sources = traces.runs.flatMap((run) => (run.report === null ? [] : [{
        source: run.source.info,
        outcome: run.report.unsupported !== null ? 'unsupported' as const : stopReason(run.report) !== null ? 'limit' as const : run.report.error !== null ? 'error' as const : 'completed' as const,
      }]));
    }
    void this.connection.sendNotification(TRACE_STATUS_NOTIFICATION, params);
  }

  /**
   * Asks the client to re-request what traces change (inlay hints, code lenses, pulled diagnostics),
   * once per turn of the event loop however many traces finished in it.
   */
  private scheduleRefresh(): void {
    if (this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      const failed = (what: string) => (error: unknown): void => this.log(`yieldlens: ${what} refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      if (this.features.inlayHintRefresh) this.connection.sendRequest(InlayHintRefreshRequest.type).catch(failed('inlay hint'));
      if (this.features.codeLensRefresh) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(failed('code lens'));
      if (this.features.pullDiagnostics && this.features.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
    });
  }

  /** Runs a document's traces (or every open document's) again, without their cached results. */
  rerunTraces(uri?: string): void {
    this.traces.invalidate(uri);
    for (const doc of this.documents.all()) {
      if (uri !== undefined && doc.uri !== uri) continue;
      if (doc.isAnalysed && doc.analysis !== null) this.scheduleTraces(doc, doc.analysis.result);
      else this.queue.enqueue(doc.uri);
    }
  }

  /** Forgets what was reported for a closed document. */
  forgetDocument(uri: string): void {
    this.reportedFindings.delete(uri);
    this.lastTraceState.delete(uri);
    this.traces.forget(uri);
  }

  /** Re-checks the open documents that may use what `file` defines (its summary changed). */
  refreshDependents(file: string): void {
    // The index knows importers through their summaries, and every open document has one.
    const dependents = new Set(this.index.dependentsOf(file));
    for (const doc of this.documents.all()) {
      if (doc.file === file || !dependents.has(doc.file)) continue;
      this.invalidate(doc);
      this.queue.enqueue(doc.uri);
    }
  }

  /** A project file changed on disk: open documents whose traces imported another text of it run again. */
  rerunTracesImporting(file: string): void {
    for (const uri of this.traces.staleDependentsOf(file, readProjectText(file) ?? '')) {
      const dependent = this.documents.get(uri);
      if (dependent === undefined) continue;
      this.invalidate(dependent);
      this.queue.enqueue(uri);
    }
  }

  /** Re-checks every open document (configuration changed, the index finished building). */
  refreshAll(): void {
    for (const doc of this.documents.all()) {
      this.invalidate(doc);
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

  /** Stops the queue, the indexer and the trace worker (resolved once the worker is gone). */
  dispose(): Promise<void> {
    this.disposed = true;
    if (this.summaryTimer !== null) clearTimeout(this.summaryTimer);
    this.queue.dispose();
    this.indexer.stop();
    return this.traces.dispose();
  }
}

/** What Session.warmUp analyses: the generator shapes the rules look at, with findings among them. */
const WARM_UP_SOURCE = `import contextlib


def numbers(n):
    for i in range(n):
        yield i


def leaky(items):
    for item in items:
        if item is None:
            raise StopIteration
        yield item


def running_average():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


@contextlib.contextmanager
def opened(path):
    handle = open(path)
    yield handle
    handle.close()


class Pipeline:
    def __iter__(self):
        yield from numbers(3)


averager = running_average()
averager.send(1)
print(sum(x * x for x in numbers(10)), list(Pipeline()))
`;
