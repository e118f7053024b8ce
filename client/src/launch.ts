// Which server the extension starts: the bundled one (run by VS Code's own Node, nothing else installed), or
// the executable `yieldlens.path` names in a trusted workspace. Pure: the file check comes in as a function.

export type ServerLaunch =
  | { kind: 'bundled'; module: string; args: string[] }
  | { kind: 'executable'; command: string; args: string[] };

export interface LaunchDecision {
  launch: ServerLaunch;
  /** For the log and, when the configured path is unusable, a warning to the user. */
  message: string;
  warning: boolean;
}

/** The arguments that make `yieldlens` a language server; vscode-languageclient adds `--stdio`. */
export const SERVER_ARGS = ['lsp'];

/**
 * `serverPath` is `yieldlens.path` after trust was applied (null in an untrusted workspace). A configured path
 * that does not exist falls back to the bundled server with a warning rather than leaving the user with none.
 */
export function chooseServer(serverPath: string | null, bundledModule: string, isFile: (path: string) => boolean): LaunchDecision {
  const bundled: ServerLaunch = { kind: 'bundled', module: bundledModule, args: SERVER_ARGS };
  if (serverPath === null) return { launch: bundled, message: `starting the bundled server (${bundledModule})`, warning: false };
  if (!isFile(serverPath)) {
    return { launch: bundled, message: `yieldlens.path is ${serverPath}, which is not a file: starting the bundled server instead`, warning: true };
  }
  return { launch: { kind: 'executable', command: serverPath, args: SERVER_ARGS }, message: `starting ${serverPath} ${SERVER_ARGS.join(' ')} (yieldlens.path)`, warning: false };
}
