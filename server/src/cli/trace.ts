// Placeholder for `yieldlens trace` until the runtime lands.
export async function runTraceCommand(
  _argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; readFile: (path: string) => string },
): Promise<number> {
  io.stderr('yieldlens trace: the runtime is not built yet\n');
  return 2;
}
