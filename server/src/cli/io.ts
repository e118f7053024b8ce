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

/** The first sentence of an argument-parsing error, without Node's advice about `--`. */
export function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(/\. (?=To specify)/)[0] ?? message).replace(/\.$/, '');
}
