// Custom LSP requests and settings shared by the language server and the VS Code client.

import type { TraceReport } from './trace.js';

/** `yieldlens/trace`: the full trace of a document's trace source, if it has one. */
export const TRACE_REQUEST = 'yieldlens/trace';

export interface TraceRequestParams {
  uri: string;
}

export type TraceRequestResult = TraceReport | null;

/** The `yieldlens` settings section (workspace/configuration and initializationOptions). */
export interface YieldlensSettings {
  select?: string[];
  ignore?: string[];
  trace?: { enabled?: boolean; maxSteps?: number; timeoutMs?: number };
}

/** Where each rule's documentation lives; diagnostics link to it through codeDescription.href. */
export const RULE_DOCS_BASE_URL = 'https://github.com/yieldlens/yieldlens/blob/main/docs/rules/';
