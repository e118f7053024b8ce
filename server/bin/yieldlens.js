#!/usr/bin/env node
// Launcher kept in git so that npm can link the bin before the TypeScript is built.
import('../dist/cli/main.js').then((cli) => cli.main(process.argv.slice(2)));
