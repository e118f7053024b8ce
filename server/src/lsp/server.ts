// The language server over stdio: creates the connection, negotiates capabilities and wires one handler
// per feature (documents and diagnostics here; code actions, hover, traces and the workspace in their
// files).

import { createRequire } from 'node:module';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Connection,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node.js';
import { describeParser, loadParser, ParserUnavailableError, type ParserInfo } from '../parser.js';
import { codeActionsFor } from './code-actions.js';
import { registerPullDiagnostics } from './diagnostics.js';
import { guardAsyncRequest, guardNotification, guardRequest } from './guard.js';
import { hoverAt } from './hover.js';
import { Session } from './session.js';
import { discardPrestartedWorker, prestartTraceWorker } from './trace-prestart.js';
import { describeContextFor } from './describe-helpers.js';
import { registerTraceFeatures } from './trace-features.js';
import { registerWorkspaceFeatures } from './workspace.js';
import { startWatchdog, type Watchdog } from './watchdog.js';

/** A request that always throws, for the tests of the error path; only with YIELDLENS_TEST_HOOKS=1. */
export const DEBUG_THROW_REQUEST = 'yieldlens/debug/throw';
/**
 * A notification that keeps the main thread busy for `ms` milliseconds without yielding, as a long
 * analysis does, for the tests of the orphan watchdog; only with YIELDLENS_TEST_HOOKS=1.
 */
export const DEBUG_BLOCK_NOTIFICATION = 'yieldlens/debug/block';

export async function startServer(): Promise<void> {
  // stdout carries the protocol: anything printed there by accident would corrupt it.
  console.log = console.error;
  console.info = console.error;
  // The trace worker starts now if `main` has not started it (trace-prestart.ts).
  prestartTraceWorker();
  let parser: ParserInfo;
  try {
    parser = await loadParser();
  } catch (error) {
    if (!(error instanceof ParserUnavailableError)) throw error;
    process.stderr.write(`yieldlens: ${error.message}\n`);
    process.exit(2);
  }
  // stderr is the server log (VS Code's output channel, Neovim's lsp.log): say which parser runs.
  process.stderr.write(`yieldlens: ${describeParser(parser)}\n`);
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Started before anything can block the event loop: the editor may quit during the first analysis.
  const watchdog = startWatchdog((reason) => {
    process.stderr.write(`yieldlens: exiting: ${reason}\n`);
    process.exit(1);
  });
  serve(connection, watchdog);
  process.on('uncaughtException', (error) => connection.console.error(`yieldlens: uncaught exception: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`yieldlens: unhandled rejection: ${String(reason)}`));
  connection.listen();
}

export function serve(connection: Connection, watchdog?: Watchdog): Session {
  const session = new Session(connection);
  let folders: WorkspaceFolder[] = [];

  // Not guarded: it only reads the client's parameters, and vscode-jsonrpc answers a throw with an error.
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    if (typeof params.processId === 'number') watchdog?.watchClient(params.processId);
    session.features = {
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      workDoneProgress: capabilities.window?.workDoneProgress === true,
      configuration: capabilities.workspace?.configuration === true,
      watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      workspaceFolderChanges: capabilities.workspace?.workspaceFolders === true,
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
      inlayHintRefresh: capabilities.workspace?.inlayHint?.refreshSupport === true,
      codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
      inlayHintTooltipResolve: capabilities.textDocument?.inlayHint?.resolveSupport?.properties.includes('tooltip') === true,
    };
    for (const problem of session.config.setClientSettings(params.initializationOptions)) session.showProblemOnce(problem);
    folders = params.workspaceFolders ?? (params.rootUri !== null && params.rootUri !== undefined ? [{ uri: params.rootUri, name: 'root' }] : []);
    // The trace worker (started with the process, see startServer) is taken over now and warms up, not
    // when the first document with a trace source opens, unless the editor turned traces off; its answer
    // goes out first.
    if (session.config.clientSettings.trace?.enabled !== false) setImmediate(() => session.traces.prepare());
    else discardPrestartedWorker();
    // And the analysis is compiled by V8 on a sample before the first document needs it.
    setImmediate(() => session.warmUp());
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: true },
        codeLensProvider: { resolveProvider: true },
        // Only for clients that pull: advertising it makes such clients stop reading pushed diagnostics.
        ...(session.features.pullDiagnostics ? { diagnosticProvider: { identifier: 'yieldlens', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'yieldlens', version: serverVersion() },
    };
  });

  connection.onDidOpenTextDocument(guardNotification(connection, 'textDocument/didOpen', ({ textDocument }) => {
    const doc = session.documents.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    session.queue.enqueue(doc.uri);
  }));

  connection.onDidChangeTextDocument(guardNotification(connection, 'textDocument/didChange', ({ textDocument, contentChanges }) => {
    const doc = session.documents.get(textDocument.uri);
    // A change for a document that was never opened is a client bug; there is no text to apply it to.
    if (doc === undefined) return;
    doc.applyChanges(contentChanges, textDocument.version);
    session.queue.enqueue(doc.uri);
  }));

  connection.onDidCloseTextDocument(guardNotification(connection, 'textDocument/didClose', async ({ textDocument }) => {
    const doc = session.documents.close(textDocument.uri);
    session.queue.drop(textDocument.uri);
    session.forgetDocument(textDocument.uri);
    if (!session.features.pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    if (doc === undefined) return;
    // The unsaved buffer no longer counts: the index goes back to what is on disk.
    const changed = doc.file === textDocument.uri ? session.indexer.remove(doc.file) : await session.indexer.indexFromDisk(doc.file);
    if (changed) session.refreshDependents(doc.file);
  }));

  // Code actions fix findings, so they wait for this version's analysis (which yields to the event loop,
  // so other requests are answered meanwhile); none once the document moved on (the client asks again).
  connection.onCodeAction(guardAsyncRequest(connection, 'textDocument/codeAction', async (params: CodeActionParams, token) => {
    const doc = session.documents.get(params.textDocument.uri);
    if (doc === undefined) return [];
    const version = doc.version;
    const text = doc.text;
    const result = await session.analysisWhenReady(doc, token);
    if (result === null || result === 'superseded' || doc.version !== version) return [];
    const target = { uri: doc.uri, version, text, result, supportsDocumentChanges: session.features.documentChanges };
    return codeActionsFor(target, params.range, params.context.only);
  }));

  connection.onHover(guardRequest(connection, 'textDocument/hover', (params: HoverParams) => {
    const doc = session.documents.get(params.textDocument.uri);
    if (doc === undefined) return null;
    // The model of the current text, not its findings: a hover during a long analysis is not held back by it.
    const structure = session.structureOf(doc);
    if (structure === null) return null;
    // The trace part only when this version's traces are complete: a hover never waits for a run.
    return hoverAt(structure, doc.document.offsetAt(params.position), describeContextFor(session, doc), session.traceViewOf(doc));
  }));

  registerPullDiagnostics(connection, session);
  registerTraceFeatures(connection, session);

  if (process.env['YIELDLENS_TEST_HOOKS'] === '1') {
    connection.onRequest(DEBUG_THROW_REQUEST, guardRequest(connection, DEBUG_THROW_REQUEST, (): null => {
      throw new Error('thrown on purpose by the test hook');
    }));
    connection.onNotification(DEBUG_BLOCK_NOTIFICATION, (params: { ms?: unknown }) => {
      const until = Date.now() + (typeof params.ms === 'number' ? params.ms : 0);
      while (Date.now() < until) { /* busy, on purpose */ }
    });
  }

  registerWorkspaceFeatures(connection, session, () => folders);

  // Answered once the trace worker is gone, so that `exit` never interrupts it.
  const shutdown = guardAsyncRequest(connection, 'shutdown', () => session.dispose());
  connection.onShutdown((token) => shutdown(undefined, token));
  return session;
}

function serverVersion(): string {
  try {
    const manifest: unknown = createRequire(import.meta.url)('../../package.json');
    return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
  } catch {
    return 'unknown';
  }
}

