// Entry point of the `yieldlens` command: dispatches to `check`, `rules`, `rule`, `trace` and `lsp`,
// sets `process.exitCode`, and turns anything unexpected into one line on stderr instead of a stack trace.

import fs from 'node:fs';
import { describeParser, loadParser, ParserUnavailableError } from '../parser.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

export const MAIN_HELP = `yieldlens ${VERSION} — finds the bugs generators make possible in Python code.

Usage:
  yieldlens check [options] [PATH ...]   check files and directories (see 'yieldlens help check')
  yieldlens rules [--format text|json]   list the rules
  yieldlens rule NAME|CODE               show one rule's documentation
  yieldlens trace FILE [options]         run FILE in the mini-runtime and show what its generators did
  yieldlens lsp [--stdio]                start the language server on stdin/stdout
  yieldlens help [COMMAND]               show this help, or a command's

Options:
  --version   print the version
  -h, --help  show this help
`;

export const LSP_HELP = `Usage: yieldlens lsp [--stdio]

Starts the yieldlens language server (LSP 3.17) on stdin/stdout; also installed as yieldlens-lsp.
Editors start it themselves: see docs/editors.md for Neovim, Helix, Emacs, Sublime Text and VS Code.
It reads [tool.yieldlens] from the nearest pyproject.toml, and the editor's "yieldlens" settings.

Options:
  --stdio     accepted and ignored (stdio is the only transport)
  -h, --help  show this help
`;

const COMMANDS = ['check', 'rules', 'rule', 'trace', 'lsp'];

function processIo(): CliIo {
  const env = process.env;
  // no-color.org: NO_COLOR set to a non-empty value turns colour off, whatever else says.
  const color = (env['NO_COLOR'] ?? '') === '' && ('FORCE_COLOR' in env || (process.stdout.isTTY === true && env['TERM'] !== 'dumb'));
  return {
    stdout: (text) => void process.stdout.write(text),
    stdoutBytes: (bytes) => void process.stdout.write(bytes),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => fs.readFileSync(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    color,
  };
}

export async function main(argv: string[]): Promise<void> {
  // `yieldlens check | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    const code = await dispatch(argv, processIo());
    if (code !== null) process.exitCode = code;
  } catch (error) {
    // No parser on this machine is a fact about the installation, not a bug: one line, exit 2.
    if (error instanceof ParserUnavailableError) {
      process.stderr.write(`yieldlens: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`yieldlens: internal error: ${message}\n`);
    if (process.env['YIELDLENS_DEBUG'] !== undefined && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = 2;
  }
}

/** The exit code, or null when a long-running command (the language server) owns the process. */
async function dispatch(argv: string[], io: CliIo): Promise<number | null> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'help': {
      // `yieldlens help check` is `yieldlens check --help`, as in git, cargo and ruff.
      const [topic, ...extra] = rest;
      if (topic === undefined) break;
      if (extra.length > 0 || !COMMANDS.includes(topic)) {
        io.stderr(`yieldlens help: unknown command "${[topic, ...extra].join(' ')}" (commands: ${COMMANDS.join(', ')})\n`);
        return 2;
      }
      return dispatch([topic, '--help'], io);
    }
    case undefined:
    case '-h':
    case '--help':
      break;
    case '--version':
    case '-V':
    case 'version':
      io.stdout(`yieldlens ${VERSION}\n`);
      return 0;
    case 'check': {
      await prepareParser(io);
      const { runCheckCommand } = await import('./check.js');
      return runCheckCommand(rest, io);
    }
    case 'rules': {
      const { runRulesCommand } = await import('./rules-command.js');
      return runRulesCommand(rest, io);
    }
    case 'rule': {
      const { runRuleCommand } = await import('./rules-command.js');
      return runRuleCommand(rest, io);
    }
    case 'trace': {
      await prepareParser(io);
      const { runTraceCommand } = await import('./trace.js');
      return runTraceCommand(rest, io);
    }
    case 'lsp': {
      if (rest.includes('--help') || rest.includes('-h')) {
        io.stdout(LSP_HELP);
        return 0;
      }
      // vscode-languageclient adds `--clientProcessId=N`, which vscode-languageserver reads from process.argv
      // to exit when the editor is gone; both are accepted and need nothing here.
      const unexpected = rest.filter((arg) => arg !== '--stdio' && !/^--clientProcessId=\d+$/.test(arg));
      if (unexpected.length > 0) {
        io.stderr(`yieldlens lsp: unexpected argument "${unexpected[0]}" (the server speaks LSP over stdio)\n`);
        return 2;
      }
      // First, so that its thread starts while this one loads the server (lsp/trace-prestart.ts).
      (await import('../lsp/trace-prestart.js')).prestartTraceWorker();
      const { startServer } = await import('../lsp/server.js');
      await startServer();
      // The server owns the process from here on; it sets the exit code when the client says `exit`.
      return null;
    }
    default:
      io.stderr(`yieldlens: unknown command "${command}"\n\n${MAIN_HELP}`);
      return 2;
  }
  io[command === undefined ? 'stderr' : 'stdout'](MAIN_HELP);
  return command === undefined ? 2 : 0;
}

/** Loads the parser for the commands that parse; says so on stderr when the native binding did not load. */
async function prepareParser(io: CliIo): Promise<void> {
  const info = await loadParser();
  if (info.fallbackReason !== null && !info.forced) io.stderr(`yieldlens: ${describeParser(info)}\n`);
}
