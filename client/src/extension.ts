// Placeholder for the VS Code extension (its own issue); it only names the server it will start.
export const SERVER_COMMAND = ['yieldlens', 'lsp'] as const;
