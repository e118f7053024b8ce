// Shared by the two launchers: in a checkout they run the compiled sources (server/dist); an installed
// package ships only the bundle (server/bundle, see scripts/bundle-server.mjs) and runs that.

import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+: V8's code cache on disk (in the temporary directory, or NODE_COMPILE_CACHE), so that a
// second start does not compile the runtime and the analysis again; measured on Node 24 on a loaded
// 2-core machine, `yieldlens trace` of an empty file went from ~0.42 s to ~0.30 s (median of 4). Node 20
// has no such API and skips this.
module.enableCompileCache?.();

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
