// The VS Code extension: starts the yieldlens language server (the bundled one, or `yieldlens.path` in a
// trusted workspace) with vscode-languageclient over stdio, and adds what the protocol alone does not give —
// settings with workspace trust applied, the status bar item, the trace timeline and the commands.

import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import {
  RERUN_TRACES_REQUEST,
  TRACE_REQUEST,
  TRACE_STATUS_NOTIFICATION,
  type RerunTracesParams,
  type TraceRequestParams,
  type TraceRequestResult,
  type TraceSourceInfo,
  type TraceStatusParams,
} from '@yieldlens/shared';
import { COMMANDS } from './commands.js';
import { chooseServer, type ServerLaunch } from './launch.js';
import { configurationForServer, readSettings, SECTION, type SettingGetter } from './settings.js';
import { statusView, type ServerState } from './status.js';
import { TimelinePanel, type TraceProvider } from './timeline/panel.js';

const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'python' },
  { scheme: 'untitled', language: 'python' },
];

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  controller = new ServerController(context);
  context.subscriptions.push(controller);
  await controller.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
}

class ServerController implements vscode.Disposable, TraceProvider {
  private readonly log: vscode.OutputChannel;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private state: ServerState = 'starting';
  private parser: string | null = null;
  /** The last `yieldlens/traceStatus` per document URI. */
  private readonly traceStatus = new Map<string, TraceStatusParams>();
  /** Serialises start, stop and restart: a restart requested while one runs waits for it. */
  private transition: Promise<void> = Promise.resolve();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('yieldlens');
    this.statusItem = vscode.window.createStatusBarItem('yieldlens.status', vscode.StatusBarAlignment.Right, 100);
    this.statusItem.name = 'yieldlens';
    this.statusItem.command = COMMANDS.showLog;
    this.disposables.push(
      this.log,
      this.statusItem,
      vscode.commands.registerCommand(COMMANDS.showTrace, (uri?: unknown, generator?: unknown) => this.showTrace(uri, generator)),
      vscode.commands.registerCommand(COMMANDS.rerunTraces, () => this.rerunActive()),
      vscode.commands.registerCommand(COMMANDS.restartServer, () => this.restart('restart requested')),
      vscode.commands.registerCommand(COMMANDS.showLog, () => this.log.show(true)),
      // Trust, the server path and the server's arguments need a new server; other settings it pulls itself.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.restart('the workspace is now trusted')),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.path`)) void this.restart('yieldlens.path changed');
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
    );
    this.updateStatus();
    this.statusItem.show();
  }

  start(): Promise<void> {
    return this.serialise(() => this.startClient());
  }

  stop(): Promise<void> {
    return this.serialise(() => this.stopClient());
  }

  restart(reason: string): Promise<void> {
    this.info(`restarting the server: ${reason}`);
    return this.serialise(async () => {
      await this.stopClient();
      await this.startClient();
    });
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  // TraceProvider, for the timeline panel.

  async trace(uri: string, source: string | undefined, generator: string | undefined): Promise<TraceRequestResult> {
    const client = this.runningClient();
    const params: TraceRequestParams = { uri, ...(source === undefined ? {} : { source }), ...(generator === undefined ? {} : { generator }) };
    return client.sendRequest<TraceRequestResult>(TRACE_REQUEST, params);
  }

  async rerun(uri: string): Promise<void> {
    const params: RerunTracesParams = { uri };
    await this.runningClient().sendRequest(RERUN_TRACES_REQUEST, params);
  }

  sourcesOf(uri: string): TraceSourceInfo[] {
    return (this.traceStatus.get(uri)?.sources ?? []).map((entry) => entry.source);
  }

  unavailableReason(): string | null {
    if (!vscode.workspace.isTrusted) return 'Traces are off in Restricted Mode: they run the workspace’s code. Trust the workspace to see them.';
    if (this.state !== 'running') return 'The yieldlens server is not running; the log says why.';
    if (this.settings().server.trace?.enabled === false) return 'Traces are turned off (yieldlens.trace.enabled).';
    return null;
  }

  private async startClient(): Promise<void> {
    const trusted = vscode.workspace.isTrusted;
    const settings = this.settings();
    for (const restriction of settings.restrictions) this.info(`Restricted Mode: ${restriction}`);
    const bundled = this.context.asAbsolutePath('server/bin/yieldlens.js');
    const decision = chooseServer(settings.serverPath, bundled, isFile);
    this.info(decision.message);
    if (decision.warning) void vscode.window.showWarningMessage(`yieldlens: ${decision.message}`);

    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.serverLog(),
      // The server decides what to log; the log opens only when the user asks for it.
      revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
      initializationOptions: settings.server,
      middleware: {
        workspace: {
          // The server asks for the `yieldlens` section; it gets the same trust-filtered view as at start-up.
          configuration: (params, token, next) => {
            const answers = params.items.map((item) => (item.section === SECTION ? configurationForServer(this.getter(item.scopeUri), vscode.workspace.isTrusted) : undefined));
            if (answers.every((answer) => answer !== undefined)) return answers;
            return Promise.resolve(next(params, token)).then((raw) => (Array.isArray(raw) ? raw.map((value, index) => answers[index] ?? value) : raw));
          },
          // Never push VS Code's raw values (they would bypass trust): an empty change makes the server pull.
          didChangeConfiguration: (_sections, next) => next(undefined),
        },
      },
    };
    const client = new LanguageClient('yieldlens', 'yieldlens', serverOptions(decision.launch), clientOptions);
    this.client = client;
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) this.setState('running');
      else if (event.newState === State.Starting) this.setState('starting');
      else if (this.client === client) this.setState(this.state === 'running' || this.state === 'starting' ? 'failed' : this.state);
    });
    this.setState('starting');
    const started = Date.now();
    try {
      await client.start();
    } catch (error) {
      this.info(`the server did not start: ${error instanceof Error ? error.message : String(error)}`);
      this.setState('failed');
      return;
    }
    this.info(`server ready in ${Date.now() - started} ms${trusted ? '' : ' (Restricted Mode)'}`);
    this.setState('running');
    client.onNotification(TRACE_STATUS_NOTIFICATION, (params: TraceStatusParams) => this.onTraceStatus(params));
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.traceStatus.clear();
    if (client === undefined) return;
    this.setState('stopped');
    try {
      await client.stop(5_000);
    } catch (error) {
      this.info(`the server did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private onTraceStatus(params: TraceStatusParams): void {
    const previous = this.traceStatus.get(params.uri);
    // A status for an older document version than one already seen is stale.
    if (previous !== undefined && previous.version > params.version) return;
    this.traceStatus.set(params.uri, params);
    this.updateStatus();
    if (params.state === 'finished') TimelinePanel.showing(params.uri)?.refresh();
  }

  private async showTrace(uri: unknown, generator: unknown): Promise<void> {
    const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target === undefined) {
      void vscode.window.showInformationMessage('yieldlens: open a Python file to see its trace timeline.');
      return;
    }
    TimelinePanel.show(this.context.extensionUri, this, target, typeof generator === 'string' ? generator : null);
  }

  private async rerunActive(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const params: RerunTracesParams = document?.languageId === 'python' ? { uri: document.uri.toString() } : {};
    try {
      await this.runningClient().sendRequest(RERUN_TRACES_REQUEST, params);
    } catch (error) {
      void vscode.window.showErrorMessage(`yieldlens: could not re-run the traces: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private runningClient(): LanguageClient {
    if (this.client === undefined || this.state !== 'running') throw new Error('the yieldlens server is not running');
    return this.client;
  }

  private settings(): ReturnType<typeof readSettings> {
    return readSettings(this.getter(undefined), vscode.workspace.isTrusted);
  }

  private getter(scopeUri: string | undefined): SettingGetter {
    const configuration = vscode.workspace.getConfiguration(SECTION, scopeUri === undefined ? undefined : vscode.Uri.parse(scopeUri));
    return (key) => configuration.get(key);
  }

  private setState(state: ServerState): void {
    this.state = state;
    this.updateStatus();
  }

  private updateStatus(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const view = statusView({ server: this.state, trace: uri === undefined ? undefined : this.traceStatus.get(uri), trusted: vscode.workspace.isTrusted, parser: this.parser });
    this.statusItem.text = view.text;
    this.statusItem.tooltip = view.tooltip;
    this.statusItem.backgroundColor = view.severity === 'normal' ? undefined : new vscode.ThemeColor(`statusBarItem.${view.severity}Background`);
  }

  /**
   * The channel vscode-languageclient writes the server's stderr and log messages to: the extension's log,
   * watched for the server's line about which parser it runs (shown in the status tooltip).
   */
  private serverLog(): vscode.OutputChannel {
    const log = this.log;
    const watch = (text: string): void => {
      const match = /yieldlens: (parser: [^\n]*)/.exec(text);
      if (match?.[1] !== undefined) {
        this.parser = match[1].trim();
        this.updateStatus();
      }
    };
    return {
      name: log.name,
      append: (value) => {
        watch(value);
        log.append(value);
      },
      appendLine: (value) => {
        watch(value);
        log.appendLine(value);
      },
      replace: (value) => log.replace(value),
      clear: () => log.clear(),
      show: (columnOrPreserve?: vscode.ViewColumn | boolean, preserveFocus?: boolean) => (typeof columnOrPreserve === 'boolean' ? log.show(columnOrPreserve) : log.show(columnOrPreserve, preserveFocus)),
      hide: () => log.hide(),
      // The extension owns the channel; the client must not close it when it stops.
      dispose: () => undefined,
    };
  }

  private info(message: string): void {
    this.log.appendLine(`[client ${new Date().toISOString().slice(11, 23)}] ${message}`);
  }

  private serialise(step: () => Promise<void>): Promise<void> {
    this.transition = this.transition.then(step, step);
    return this.transition;
  }
}

function serverOptions(launch: ServerLaunch): ServerOptions {
  if (launch.kind === 'bundled') {
    // Forked with VS Code's own Node runtime: nothing else needs to be installed.
    const run = { module: launch.module, args: launch.args, transport: TransportKind.stdio };
    return { run, debug: run };
  }
  // npm installs a `.cmd` shim on Windows, which only a shell can run.
  const shell = process.platform === 'win32' && /\.(cmd|bat)$/i.test(launch.command);
  const run = { command: launch.command, args: launch.args, transport: TransportKind.stdio, options: { shell } };
  return { run, debug: run };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
