// Wires the trace features to the connection: inlay hints and their resolve, code lenses and their
// resolve, the `yieldlens/trace` and `yieldlens/rerunTraces` requests. A request about a document
// version is answered with that version's traces once they are complete (they run in the worker, so
// waiting costs the request thread nothing), and with nothing if the document moves on first.

import {
  RERUN_TRACES_REQUEST,
  TRACE_REQUEST,
  TRACE_SOURCE_KINDS,
  type RerunTracesParams,
  type TraceRequestParams,
  type TraceRequestResult,
} from '@yieldlens/shared';
import type { CancellationToken, CodeLens, Connection, InlayHint, InlayHintParams, CodeLensParams } from 'vscode-languageserver';
import type { AnalysisResult } from '../analysis/index.js';
import { codeLensesFor, isCodeLensData, resolveCodeLens } from './code-lens.js';
import type { OpenDocument } from './documents.js';
import { guardAsyncRequest, guardRequest } from './guard.js';
import { inlayHintsFor, isInlayHintData, resolveInlayHint } from './inlay-hints.js';
import type { Session } from './session.js';
import type { DocumentTraceView } from './trace-view.js';
import type { DocumentTraces } from './traces.js';

interface ReadyTraces {
  doc: OpenDocument;
  result: AnalysisResult;
  traces: DocumentTraces;
  view: DocumentTraceView;
}

/** The document's analysis and traces for its version at the time of the request, once complete. */
async function tracesOfCurrentVersion(session: Session, uri: string, token: CancellationToken): Promise<ReadyTraces | null> {
  const doc = session.documents.get(uri);
  if (doc === undefined) return null;
  const version = doc.version;
  const traces = await session.traces.whenComplete(uri, version, token);
  // Superseded, closed, or still broken when the wait ended: this version's traces will never exist.
  if (traces === null || session.documents.get(uri) !== doc || doc.version !== version) return null;
  // Done by now as a rule (traces start after the diagnostics); awaited, not run at once, if it was redone.
  const result = await session.analysisWhenReady(doc, token);
  if (result === null || result === 'superseded' || session.documents.get(uri) !== doc || doc.version !== version) return null;
  return { doc, result, traces, view: session.traces.viewOf(traces) };
}

export function registerTraceFeatures(connection: Connection, session: Session): void {
  connection.languages.inlayHint.on(guardAsyncRequest(connection, 'textDocument/inlayHint', async (params: InlayHintParams, token): Promise<InlayHint[]> => {
    const ready = await tracesOfCurrentVersion(session, params.textDocument.uri, token);
    if (ready === null) return [];
    const target = { uri: ready.doc.uri, version: ready.doc.version, view: ready.view, result: ready.result };
    return inlayHintsFor(target, params.range, !session.features.inlayHintTooltipResolve);
  }));

  connection.languages.inlayHint.resolve(guardRequest(connection, 'inlayHint/resolve', (hint: InlayHint): InlayHint => {
    if (!isInlayHintData(hint.data)) return hint;
    const doc = session.documents.get(hint.data.uri);
    // A hint of an older version keeps what it has: its tooltip would describe another trace.
    const view = doc === undefined || doc.version !== hint.data.version ? null : session.traceViewOf(doc);
    return resolveInlayHint(hint, view);
  }));

  connection.onCodeLens(guardAsyncRequest(connection, 'textDocument/codeLens', async (params: CodeLensParams, token): Promise<CodeLens[]> => {
    const ready = await tracesOfCurrentVersion(session, params.textDocument.uri, token);
    if (ready === null) return [];
    return codeLensesFor({ uri: ready.doc.uri, version: ready.doc.version, view: ready.view, runs: session.traces.ownRuns(ready.traces), result: ready.result });
  }));

  connection.onCodeLensResolve(guardRequest(connection, 'codeLens/resolve', (lens: CodeLens): CodeLens => {
    if (!isCodeLensData(lens.data)) return lens;
    const doc = session.documents.get(lens.data.uri);
    const traces = doc === undefined ? undefined : session.traces.current(doc.uri);
    if (doc === undefined || traces === undefined || doc.version !== lens.data.version || traces.version !== doc.version || !traces.complete) return resolveCodeLens(lens, null);
    return resolveCodeLens(lens, { view: session.traces.viewOf(traces), runs: session.traces.ownRuns(traces) });
  }));

  connection.onRequest(TRACE_REQUEST, guardAsyncRequest(connection, TRACE_REQUEST, async (params: TraceRequestParams, token): Promise<TraceRequestResult> => {
    // A document being typed in may move on while its traces run; follow it a few versions.
    for (let attempt = 0; attempt < 5 && !token.isCancellationRequested; attempt++) {
      const ready = await tracesOfCurrentVersion(session, params.uri, token);
      if (ready === null) {
        if (session.documents.get(params.uri) === undefined) return null;
        continue;
      }
      return pickTrace(session, ready, params);
    }
    return null;
  }));

  connection.onRequest(RERUN_TRACES_REQUEST, guardRequest(connection, RERUN_TRACES_REQUEST, (params: RerunTracesParams | null): null => {
    session.rerunTraces(params?.uri);
    return null;
  }));
}

/**
 * The trace a `yieldlens/trace` request asks for: the source with that id or kind, the one that traced
 * that generator (what its code lens shows), or the document's first source in the preferred order.
 */
function pickTrace(session: Session, ready: ReadyTraces, params: TraceRequestParams): TraceRequestResult {
  const own = session.traces.ownRuns(ready.traces);
  if (params.generator !== undefined) {
    const traced = ready.view.generators.find((trace) => trace.function === params.generator);
    if (traced === undefined) return null;
    const owner = traced.tracedFile === ready.doc.file ? ready.traces : [...session.documents.all()].map((doc) => session.traces.current(doc.uri)).find((each) => each?.file === traced.tracedFile);
    const run = owner === undefined ? undefined : session.traces.ownRuns(owner).find((each) => each.source.id === traced.source.id);
    return run === undefined ? null : { source: run.source, report: run.report };
  }
  const wanted = params.source;
  const run = wanted === undefined
    ? own[0]
    : own.find((each) => each.source.id === wanted) ?? ((TRACE_SOURCE_KINDS as readonly string[]).includes(wanted) ? own.find((each) => each.source.kind === wanted) : undefined);
  return run === undefined ? null : { source: run.source, report: run.report };
}
