// The trace timeline panel: one webview beside the editor showing a document's trace (from `yieldlens/trace`),
// redrawn when the server says the document's traces finished again, and revealing a mark's line on click.

import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { TraceRequestResult, TraceSourceInfo } from '@yieldlens/shared';
import { createNonce, timelineHtml } from './html.js';
import type { FromWebview, TimelineDocument, ToWebview } from './messages.js';
import { buildTimeline } from './model.js';

/** What the panel needs from the language client. */
export interface TraceProvider {
  /**
   * The trace of one of the document's sources, or the one a generator was traced in (`generator`, which wins);
   * null when there is none; throws when the server cannot answer.
   */
  trace(uri: string, source: string | undefined, generator: string | undefined): Promise<TraceRequestResult>;
  rerun(uri: string): Promise<void>;
  /** The document's trace sources from its last `yieldlens/traceStatus`, if any. */
  sourcesOf(uri: string): TraceSourceInfo[];
  /** Null, or why traces cannot be shown now (Restricted Mode, traces turned off, server not running). */
  unavailableReason(): string | null;
}

export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri;
  private source: string | undefined;
  private focus: string | null;
  /** Ask for the trace `focus` was traced in, until the user picks a source. */
  private followFocus: boolean;
  private ready = false;
  /** Requests answered out of order must not overwrite a newer answer. */
  private generation = 0;

  /** Shows the timeline of `uri` (focused on the `focus` generator function), reusing the open panel. */
  static show(extensionUri: vscode.Uri, provider: TraceProvider, uri: vscode.Uri, focus: string | null): TimelinePanel {
    const existing = TimelinePanel.current;
    if (existing !== undefined) {
      existing.panel.reveal(undefined, true);
      existing.open(uri, focus);
      return existing;
    }
    TimelinePanel.current = new TimelinePanel(extensionUri, provider, uri, focus);
    return TimelinePanel.current;
  }

  /** The open panel, when it shows `uri`; the server's trace status for it redraws it. */
  static showing(uri: string): TimelinePanel | undefined {
    const panel = TimelinePanel.current;
    return panel !== undefined && panel.uri.toString() === uri ? panel : undefined;
  }

  private constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly provider: TraceProvider,
    uri: vscode.Uri,
    focus: string | null,
  ) {
    this.uri = uri;
    this.focus = focus;
    this.followFocus = focus !== null;
    this.panel = vscode.window.createWebviewPanel('yieldlens.timeline', titleFor(uri), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      // The page loads nothing but the extension's own script and stylesheet.
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
      retainContextWhenHidden: false,
    });
    const webview = this.panel.webview;
    webview.html = timelineHtml({
      cspSource: webview.cspSource,
      nonce: createNonce((size) => randomBytes(size)),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'timeline.css')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: FromWebview) => void this.onMessage(message)),
      this.panel.onDidDispose(() => this.dispose()),
      // A hidden webview loses its page (no retained context); it asks again with `ready` when shown.
      this.panel.onDidChangeViewState(() => {
        if (!this.panel.visible) this.ready = false;
      }),
    );
  }

  /** Redraws from a fresh `yieldlens/trace` answer (the server finished the document's traces again). */
  refresh(): void {
    if (this.ready) void this.load();
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }

  private open(uri: vscode.Uri, focus: string | null): void {
    if (uri.toString() !== this.uri.toString()) this.source = undefined;
    this.uri = uri;
    this.focus = focus;
    this.followFocus = focus !== null;
    this.panel.title = titleFor(uri);
    if (this.ready) void this.load();
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.load();
        return;
      case 'selectSource':
        this.source = message.id;
        this.followFocus = false;
        await this.load();
        return;
      case 'rerun':
        await this.post({ type: 'busy' });
        try {
          // The new trace arrives with the server's `finished` status, which calls refresh().
          await this.provider.rerun(this.uri.toString());
        } catch (error) {
          await this.post({ type: 'message', document: this.document(), text: `Could not re-run the traces: ${errorText(error)}` });
        }
        return;
      case 'reveal':
        await this.reveal(message.line, message.file);
        return;
    }
  }

  private async load(): Promise<void> {
    const generation = ++this.generation;
    const document = this.document();
    const unavailable = this.provider.unavailableReason();
    if (unavailable !== null) {
      await this.post({ type: 'message', document, text: unavailable });
      return;
    }
    let result: TraceRequestResult;
    try {
      result = await this.provider.trace(this.uri.toString(), this.source, this.followFocus && this.focus !== null ? this.focus : undefined);
    } catch (error) {
      if (generation === this.generation) await this.post({ type: 'message', document, text: `The server could not give the trace: ${errorText(error)}` });
      return;
    }
    if (generation !== this.generation) return;
    if (result === null) {
      await this.post({
        type: 'message',
        document,
        text: 'This document has no trace source yet: add an `if __name__ == "__main__":` block, a doctest (>>>) in a generator’s docstring, or a `# yieldlens: trace <expression>` comment above a generator function.',
      });
      return;
    }
    this.source = result.source.id;
    await this.post({ type: 'trace', document, source: result.source, sources: this.provider.sourcesOf(this.uri.toString()), model: buildTimeline(result.report), focus: this.focus });
  }

  private async reveal(line: number, file: string | undefined): Promise<void> {
    const target = file !== undefined ? vscode.Uri.file(file) : this.uri;
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === target.toString());
    const document = shown?.document ?? (await vscode.workspace.openTextDocument(target));
    const lineIndex = Math.min(Math.max(0, line - 1), document.lineCount - 1);
    const text = document.lineAt(lineIndex);
    const range = new vscode.Range(lineIndex, text.firstNonWhitespaceCharacterIndex, lineIndex, text.range.end.character);
    await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
  }

  private document(): TimelineDocument {
    return { uri: this.uri.toString(), name: basename(this.uri.path) };
  }

  private async post(message: ToWebview): Promise<void> {
    await this.panel.webview.postMessage(message);
  }
}

function titleFor(uri: vscode.Uri): string {
  return `Trace: ${basename(uri.path)}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
