// How a file-system error reads in a message; apart from config.ts, which loads the analysis (the rules'
// selectors), so that what reads files for `yieldlens trace` does not.

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

/** `ENOENT: no such file or directory, open 'x'` → `no such file or directory`. */
export function describeFsError(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const match = /^[A-Z]+: ([^,]+)/.exec(error.message);
    if (match?.[1] !== undefined) return match[1];
  }
  return error instanceof Error ? firstLine(error.message) : String(error);
}
