// The streams a command writes to, passed in so that commands stay testable and never touch
// `process` directly.

export interface CliIo {
  stdout(text: string): void;
  /** Raw bytes on stdout (a fixed source in its own encoding). */
  stdoutBytes(bytes: Uint8Array): void;
  stderr(text: string): void;
  readFile(path: string): string;
  /** All of stdin (for `check -`). */
  readStdin(): Promise<Buffer>;
  cwd: string;
  /** Whether colour may be used on stdout (a terminal, unless NO_COLOR; or FORCE_COLOR). */
  color: boolean;
}

/**
 * The first line of an argument-parsing error, lower-case like every other message of the command,
 * without Node's advice about `--`.
 */
export function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split(/\. (?=To specify)|\n/)[0] ?? message).replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}
