// Shared by the two launchers: in a checkout they run the compiled sources (server/dist); an installed
// package ships only the bundle (server/bundle, see scripts/bundle-server.mjs) and runs that.

import { existsSync } from 'node:fs';

const ENTRIES = ['../dist/cli/main.js', '../bundle/yieldlens.js'];

/** Runs the `yieldlens` command with `args`. */
export async function launch(args) {
  const entry = ENTRIES.find((candidate) => existsSync(new URL(candidate, import.meta.url)));
  if (entry === undefined) {
    process.stderr.write('yieldlens: not built: run `npm run build` in the yieldlens checkout\n');
    process.exitCode = 2;
    return;
  }
  const { main } = await import(entry);
  await main(args);
}
