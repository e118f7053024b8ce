// The messages between the timeline panel (extension host) and its webview. Types only.

import type { TraceSourceInfo } from '@yieldlens/shared';
import type { TimelineModel } from './model.js';

export interface TimelineDocument {
  uri: string;
  /** The file name a person reads. */
  name: string;
}

export type ToWebview =
  | {
      type: 'trace';
      document: TimelineDocument;
      source: TraceSourceInfo;
      /** The document's other trace sources, to switch between (from the last `yieldlens/traceStatus`). */
      sources: TraceSourceInfo[];
      model: TimelineModel;
      /** The generator function whose lanes to bring into view (the code lens's `yieldlens.showTrace` argument). */
      focus: string | null;
    }
  | { type: 'message'; document: TimelineDocument | null; text: string }
  | { type: 'busy' };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; line: number; file?: string }
  | { type: 'selectSource'; id: string }
  | { type: 'rerun' };
