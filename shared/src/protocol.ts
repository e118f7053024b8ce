// Custom LSP requests, notifications and settings shared by the language server and the VS Code client.

import type { TraceReport } from './trace.js';

/** Where a trace's code comes from (product spec, "Trace sources in the editor"). */
export type TraceSourceKind = 'main' | 'doctest' | 'directive';

/** Every trace source kind, in the order the server prefers them. */
export const TRACE_SOURCE_KINDS: readonly TraceSourceKind[] = ['main', 'doctest', 'directive'];

/** One trace source found in a document. */
export interface TraceSourceInfo {
  kind: TraceSourceKind;
  /**
   * Stable within a document version: `main`, `doctest:<qualname or module>:<index>`,
   * `directive:<generator qualname>`.
   */
  id: string;
  /** What a person reads: "__main__ block", "doctest of pairs", "# yieldlens: trace list(pairs([1, 2]))". */
  label: string;
  /** 1-based line where the source starts in the document. */
  line: number;
}

/** `yieldlens/trace`: the full trace of one of a document's trace sources, if it has one. */
export const TRACE_REQUEST = 'yieldlens/trace';

export interface TraceRequestParams {
  uri: string;
  /** A `TraceSourceInfo.id` or a kind; without it, the document's first source in TRACE_SOURCE_KINDS order. */
  source?: string;
  /**
   * A generator function's qualname (the second argument of SHOW_TRACE_COMMAND): the trace its code lens
   * and inlay hints were shown from, which may be another document's source. Wins over `source`.
   */
  generator?: string;
}

export interface TracedSource {
  source: TraceSourceInfo;
  report: TraceReport;
}

export type TraceRequestResult = TracedSource | null;

/** `yieldlens/traceStatus` (server → client notification): a document's traces started, finished or failed. */
export const TRACE_STATUS_NOTIFICATION = 'yieldlens/traceStatus';

export interface TraceStatusParams {
  uri: string;
  /** The document version the traces ran for. */
  version: number;
  state: 'running' | 'finished' | 'cancelled' | 'unavailable';
  /** Sources traced (when finished), with how each run ended. */
  sources?: { source: TraceSourceInfo; outcome: 'completed' | 'error' | 'unsupported' | 'limit' }[];
}

/** `yieldlens/rerunTraces` (client → server request): run the traces of a document (or of all) again. */
export const RERUN_TRACES_REQUEST = 'yieldlens/rerunTraces';

export interface RerunTracesParams {
  /** Omitted: every open document. */
  uri?: string;
}

/** The client-side command a code lens over a traced generator carries: open its full timeline. */
export const SHOW_TRACE_COMMAND = 'yieldlens.showTrace';

/** Arguments of SHOW_TRACE_COMMAND, in this order: the document and the generator's qualname. */
export type ShowTraceArguments = [uri: string, generator: string];

/** Trace settings: `yieldlens.trace.*`, `initializationOptions.trace`, `[tool.yieldlens.trace]`. */
export interface TraceSettings {
  /** Default true: traces run where a document has a trace source. */
  enabled?: boolean;
  /** Default every kind. */
  sources?: TraceSourceKind[];
  /** Step budget of one trace run (default 1,000,000). */
  maxSteps?: number;
  /** Wall-clock budget of one trace run in milliseconds (default 2,000). */
  timeoutMs?: number;
}

/** The `yieldlens` settings section (workspace/configuration and initializationOptions). */
export interface YieldlensSettings {
  select?: string[];
  ignore?: string[];
  trace?: TraceSettings;
}

/** Where each rule's documentation lives; diagnostics link to it through codeDescription.href. */
export const RULE_DOCS_BASE_URL = 'https://github.com/yieldlens/yieldlens/blob/main/docs/rules/';
