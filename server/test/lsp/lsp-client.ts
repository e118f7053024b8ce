// A test client that spawns the real, built language server (`node server/bin/yieldlens.js lsp`) and
// drives it over stdio with vscode-jsonrpc. Every wait is for a specific message, with a timeout that
// fails loudly and says what was expected and what arrived instead.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { TracedSource } from '@yieldlens/shared';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(REPO, 'server/bin/yieldlens.js');
const DEFAULT_TIMEOUT_MS = 10_000;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  tags?: number[];
}
export interface PublishDiagnosticsParams { uri: string; version?: number; diagnostics: Diagnostic[] }
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] };
}
export interface Hover { contents: { kind: string; value: string }; range?: Range }
export interface InlayHint { position: Position; label: string; tooltip?: string | { kind: string; value: string }; paddingLeft?: boolean; data?: unknown }
export interface CodeLens { range: Range; command?: { title: string; command: string; arguments?: unknown[] }; data?: unknown }
export interface TraceStatus { uri: string; version: number; state: string; sources?: { source: { id: string; kind: string; label: string; line: number }; outcome: string }[] }

export interface StartOptions {
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** What the client answers to workspace/configuration for section `yieldlens` (null: no settings). */
  settings?: unknown;
  /** Client capabilities beyond the defaults (a modern client: progress, configuration, watchers). */
  capabilities?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Waiter<T> { match: (message: T) => boolean; resolve: (message: T) => void }

/** Resolves with the first message (past or future) that matches, or rejects after the timeout. */
class MessageLog<T> {
  readonly all: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(message: T): void {
    this.all.push(message);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(message)) {
        this.waiters = this.waiters.filter((each) => each !== waiter);
        waiter.resolve(message);
      }
    }
  }

  /** Waits for a match among messages arriving from index `from` on. */
  waitFor(what: string, match: (message: T) => boolean, from = 0, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    const seen = this.all.slice(from).find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((each) => each !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received: ${JSON.stringify(this.all.slice(from)).slice(0, 2000)}`));
      }, timeoutMs);
      const waiter: Waiter<T> = { match, resolve: (message) => { clearTimeout(timer); resolvePromise(message); } };
      this.waiters.push(waiter);
    });
  }
}

export function serverCommand(): { command: string; args: string[] } {
  if (existsSync(join(REPO, 'server/dist/cli/main.js'))) return { command: process.execPath, args: [BIN, 'lsp'] };
  // Until the CLI's `main.js` is built, start the same server module directly (the bin imports it the same way).
  const serverModule = pathToFileURL(join(REPO, 'server/dist/lsp/server.js')).href;
  return { command: process.execPath, args: ['--input-type=module', '-e', `(await import(${JSON.stringify(serverModule)})).startServer()`] };
}

export class LspClient {
  readonly diagnostics = new MessageLog<PublishDiagnosticsParams>();
  readonly progress = new MessageLog<{ token: unknown; value: { kind: string; title?: string; message?: string } }>();
  readonly logs: string[] = [];
  readonly shownMessages: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly stderr: string[] = [];
  readonly traceStatus = new MessageLog<TraceStatus>();
  /** Refresh requests the server sent (`workspace/inlayHint/refresh`, …), in order. */
  readonly refreshes = new MessageLog<string>();
  configurationRequests = 0;
  settings: unknown;
  private readonly versions = new Map<string, number>();

  private constructor(readonly connection: MessageConnection, readonly child: ChildProcess, settings: unknown) {
    this.settings = settings;
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const { command, args } = serverCommand();
    const child = spawn(command, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, YIELDLENS_TEST_HOOKS: '1', ...options.env } });
    if (child.stdout === null || child.stdin === null || child.stderr === null) throw new Error('no stdio pipes to the server');
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(connection, child, options.settings ?? null);
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => client.diagnostics.push(params));
    connection.onNotification('window/logMessage', (params: { message: string }) => client.logs.push(params.message));
    connection.onNotification('window/showMessage', (params: { message: string }) => client.shownMessages.push(params.message));
    connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string } }) => client.progress.push(params));
    connection.onNotification('yieldlens/traceStatus', (params: TraceStatus) => client.traceStatus.push(params));
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/diagnostic/refresh']) {
      connection.onRequest(method, () => {
        client.refreshes.push(method);
        return null;
      });
    }
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      client.configurationRequests++;
      return params.items.map((item) => (item.section === 'yieldlens' ? client.settings : null));
    });
    connection.listen();
    const folders = (options.workspaceFolders ?? []).map((path) => ({ uri: pathToFileURL(path).href, name: path }));
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } } },
        ...options.capabilities,
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  }

  /** Sends one didChange with the given content changes; returns the new version. */
  async change(uri: string, changes: ({ range: Range; text: string } | { text: string })[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.waitFor(`diagnostics for ${uri} version ${version}`, (params) => params.uri === uri && params.version === version, 0, timeoutMs);
  }

  /** The next publication for `uri` after `from` (an index into `diagnostics.all`) that satisfies `match`. */
  nextDiagnostics(uri: string, what: string, match: (params: PublishDiagnosticsParams) => boolean, from: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.waitFor(`${what} for ${uri}`, (params) => params.uri === uri && match(params), from);
  }

  /** Waits for the traces of exactly this version to finish (or to be found unavailable). */
  tracesFor(uri: string, version: number, timeoutMs?: number): Promise<TraceStatus> {
    return this.traceStatus.waitFor(`traces of ${uri} version ${version}`, (params) => params.uri === uri && params.version === version && (params.state === 'finished' || params.state === 'unavailable'), 0, timeoutMs);
  }

  inlayHints(uri: string, range: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } }): Promise<InlayHint[] | null> {
    return this.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  resolveInlayHint(hint: InlayHint): Promise<InlayHint> {
    return this.connection.sendRequest('inlayHint/resolve', hint);
  }

  codeLenses(uri: string): Promise<CodeLens[] | null> {
    return this.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }

  resolveCodeLens(lens: CodeLens): Promise<CodeLens> {
    return this.connection.sendRequest('codeLens/resolve', lens);
  }

  trace(uri: string, selector: { source?: string; generator?: string } = {}): Promise<TracedSource | null> {
    return this.connection.sendRequest('yieldlens/trace', { uri, ...selector });
  }

  /** LSP 3.17 pull diagnostics for one document. */
  pullDiagnostics(uri: string, previousResultId?: string): Promise<{ kind: 'full' | 'unchanged'; resultId?: string; items?: Diagnostic[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId === undefined ? {} : { previousResultId }) });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  /** Sends shutdown and exit and resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolveExit) => this.child.once('exit', (code) => resolveExit(code)));
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await withTimeout(exited, 5_000, 'the server to exit after shutdown/exit');
    this.connection.dispose();
    return code;
  }

  /** Kills the server if a test failed before shutting it down. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then((value) => { clearTimeout(timer); resolvePromise(value); }, (error: unknown) => { clearTimeout(timer); reject(error); });
  });
}

/** Applies LSP text edits to a text (edits of one action never overlap; applied from the end). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: Position): number => (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The edits of a code action for one document, whichever form the server used. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const fromChanges = action.edit?.changes?.[uri];
  if (fromChanges !== undefined) return fromChanges;
  return (action.edit?.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits);
}
