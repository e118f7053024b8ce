// The workspace features: configuration (initializationOptions, workspace/configuration, pushed
// changes, pyproject.toml), the background index of the workspace folders with work-done progress,
// and file watching (`workspace/didChangeWatchedFiles`, registered dynamically when the client can).

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import type { Session } from './session.js';
import { guardNotification } from './guard.js';
import { filePathOf } from './uri.js';
import type { IndexProgress } from './workspace-indexer.js';

export function registerWorkspaceFeatures(connection: Connection, session: Session, initialFolders: () => readonly WorkspaceFolder[]): void {
  connection.onInitialized(guardNotification(connection, 'initialized', async () => {
    if (session.features.workspaceFolderChanges) {
      // Subscribed before any await: a folder change may be the very next message. The getter only
      // exists once the client said it sends these events (it throws otherwise).
      connection.workspace.onDidChangeWorkspaceFolders(guardNotification(connection, 'workspace/didChangeWorkspaceFolders', async (event) => {
        await indexWorkspace(connection, session, event.added);
      }));
    }
    if (session.features.watchedFilesRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.py' }, { globPattern: '**/*.pyi' }, { globPattern: '**/pyproject.toml' }],
      });
    }
    if (session.features.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'yieldlens' });
    await pullConfiguration(connection, session);
    await indexWorkspace(connection, session, initialFolders());
  }));

  connection.onDidChangeConfiguration(guardNotification(connection, 'workspace/didChangeConfiguration', async (params: DidChangeConfigurationParams) => {
    const pushed: unknown = params.settings;
    const section = typeof pushed === 'object' && pushed !== null && 'yieldlens' in pushed ? (pushed as { yieldlens: unknown }).yieldlens : undefined;
    // Clients that push the new settings (Neovim, Helix) are taken at their word; others are asked.
    if (section !== undefined && section !== null) applySettings(session, section);
    else await pullConfiguration(connection, session);
    session.config.invalidatePyproject();
    session.forgetProblems();
    session.refreshAll();
  }));

  connection.onDidChangeWatchedFiles(guardNotification(connection, 'workspace/didChangeWatchedFiles', async (params: DidChangeWatchedFilesParams) => {
    let configChanged = false;
    for (const change of params.changes) {
      const file = filePathOf(change.uri);
      if (file === null) continue;
      if (file.endsWith('pyproject.toml')) {
        configChanged = true;
        continue;
      }
      if (!/\.pyi?$/.test(file)) continue;
      if (/__init__\.pyi?$/.test(file)) session.indexer.invalidatePackages();
      if (change.type !== FileChangeType.Changed) session.projectImports.invalidate();
      // An open document's summary comes from the editor's buffer, not from the disk.
      if (session.documents.byFile(file) !== undefined) continue;
      session.rerunTracesImporting(file);
      const changed = change.type === FileChangeType.Deleted ? session.indexer.remove(file) : await indexChangedFile(session, file);
      if (changed) session.refreshDependents(file);
    }
    if (configChanged) {
      session.config.invalidatePyproject();
      session.forgetProblems();
      session.refreshAll();
    }
  }));

}

async function indexChangedFile(session: Session, file: string): Promise<boolean> {
  const before = session.index.file(file);
  const indexed = await session.indexer.indexFromDisk(file);
  return indexed ? JSON.stringify(before) !== JSON.stringify(session.index.file(file)) : before !== undefined;
}

/** Asks the client for the `yieldlens` section, layered over the initializationOptions. */
async function pullConfiguration(connection: Connection, session: Session): Promise<void> {
  if (!session.features.configuration) return;
  const pulled: unknown = await connection.workspace.getConfiguration({ section: 'yieldlens' });
  // A client without settings answers null; the initializationOptions then stay in force.
  if (pulled === null || pulled === undefined || typeof pulled !== 'object') return;
  const current = session.config.clientSettings;
  const pulledSettings = pulled as Record<string, unknown>;
  // Key by key, the trace table too: a client that sets only `trace.enabled` keeps the budgets it was started with.
  const trace = typeof pulledSettings['trace'] === 'object' && pulledSettings['trace'] !== null ? { ...current.trace, ...(pulledSettings['trace'] as object) } : current.trace;
  applySettings(session, { ...current, ...pulledSettings, ...(trace === undefined ? {} : { trace }) });
  session.refreshAll();
}

function applySettings(session: Session, settings: unknown): void {
  for (const problem of session.config.setClientSettings(settings)) session.showProblemOnce(problem);
}

async function indexWorkspace(connection: Connection, session: Session, folders: readonly WorkspaceFolder[]): Promise<void> {
  const paths = folders.map((folder) => filePathOf(folder.uri)).filter((path): path is string => path !== null);
  if (paths.length === 0) return;
  const reporter = session.features.workDoneProgress ? await connection.window.createWorkDoneProgress() : null;
  const progress: IndexProgress = {
    begin: (total) => reporter?.begin('yieldlens: indexing', 0, `0/${total} files`, false),
    report: (done, total) => reporter?.report(Math.floor((done / Math.max(total, 1)) * 100), `${done}/${total} files`),
    done: (summary) => {
      reporter?.done();
      session.log(`yieldlens: ${summary}`);
    },
  };
  await session.indexer.indexFolders(paths, progress);
  // Cross-file rules may now see generator functions they could not see before.
  session.refreshAll();
}
