#!/usr/bin/env node
// Launcher for the language server alone: the same as `yieldlens lsp`.
import('../dist/cli/main.js').then((cli) => cli.main(['lsp', ...process.argv.slice(2)]));
