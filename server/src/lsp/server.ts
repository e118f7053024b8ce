// Placeholder for the language server (issue 3): `startServer` will serve LSP over stdio.
export function startServer(): void {
  process.stderr.write('yieldlens lsp: the language server is not built yet\n');
  process.exitCode = 2;
}
