// Placeholder until the interpreter lands: every run is reported as unsupported, never guessed.
import type { TraceReport } from '@yieldlens/shared';
import type { RunOptions } from './index.js';

export function runSnippet(_source: string, _options: RunOptions = {}): TraceReport {
  return { version: 1, stdout: '', error: null, unsupported: { feature: 'interpreter not built yet', line: 1 }, truncated: false, events: [] };
}
