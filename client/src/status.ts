// What the status bar item says: the server's state and, for the document in the active editor, whether its
// traces are running or how they ended (from `yieldlens/traceStatus`). Pure; the extension draws the result.

import type { TraceStatusParams } from '@yieldlens/shared';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export interface StatusInput {
  server: ServerState;
  /** The last trace status the server sent for the active editor's document, if any. */
  trace: TraceStatusParams | undefined;
  /** Restricted Mode: traces are off. */
  trusted: boolean;
  /** "parser: native tree-sitter 0.25.1", once the server has said it; null before. */
  parser: string | null;
}

export interface StatusView {
  /** With a `$(codicon)`, as StatusBarItem.text takes it. */
  text: string;
  tooltip: string;
  /** `error` and `warning` colour the item with VS Code's status bar error/warning background. */
  severity: 'normal' | 'warning' | 'error';
}

const OUTCOME_WORDS = { completed: 'ran to the end', error: 'raised', unsupported: 'used something the runtime does not support', limit: 'hit a limit' } as const;

export function statusView(input: StatusInput): StatusView {
  const lines: string[] = [];
  let text: string;
  let severity: StatusView['severity'] = 'normal';
  switch (input.server) {
    case 'starting':
      text = '$(loading~spin) yieldlens';
      lines.push('The yieldlens server is starting.');
      break;
    case 'stopped':
      text = '$(circle-slash) yieldlens';
      lines.push('The yieldlens server is stopped.');
      severity = 'warning';
      break;
    case 'failed':
      text = '$(error) yieldlens';
      lines.push('The yieldlens server could not start or stopped unexpectedly; the log says why.');
      severity = 'error';
      break;
    case 'running':
      text = `$(pulse) yieldlens${traceSuffix(input.trace)}`;
      lines.push('The yieldlens server is running.');
      break;
  }
  if (input.parser !== null) lines.push(capitalize(input.parser) + '.');
  if (!input.trusted) lines.push('Restricted Mode: traces are off and yieldlens.path is ignored until the workspace is trusted.');
  else if (input.server === 'running' && input.trace !== undefined) lines.push(...traceLines(input.trace));
  lines.push('', 'Click to show the server log.');
  return { text, tooltip: lines.join('\n'), severity };
}

function traceSuffix(trace: TraceStatusParams | undefined): string {
  if (trace === undefined) return '';
  switch (trace.state) {
    case 'running':
      return ' $(sync~spin) tracing';
    case 'finished': {
      const sources = trace.sources ?? [];
      const failed = sources.filter((source) => source.outcome !== 'completed').length;
      if (sources.length === 0) return '';
      return failed === 0 ? ` $(check) traced` : ` $(warning) traced`;
    }
    case 'cancelled':
    case 'unavailable':
      return '';
  }
}

function traceLines(trace: TraceStatusParams): string[] {
  switch (trace.state) {
    case 'running':
      return ['Tracing this document…'];
    case 'cancelled':
      return ['The last trace was cancelled by an edit.'];
    case 'unavailable':
      return ['No trace source in this document (a __main__ block, a doctest, or a # yieldlens: trace directive).'];
    case 'finished': {
      const sources = trace.sources ?? [];
      if (sources.length === 0) return ['No trace source in this document.'];
      return sources.map(({ source, outcome }) => `${source.label}: ${OUTCOME_WORDS[outcome]}.`);
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
