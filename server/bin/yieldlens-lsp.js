#!/usr/bin/env node
// Launcher for the language server alone: the same as `yieldlens lsp`.
import { launch } from './launch.js';

await launch(['lsp', ...process.argv.slice(2)]);
