// Shared by the two launchers. They run the bundle (server/bundle/yieldlens.cjs, see
// scripts/bundle-server.mjs: what an installed package ships, and what `npm run build` makes in a checkout)
// unless the compiled sources (server/dist) are newer than it, as after a bare `npx tsc -b`; then those.
// YIELDLENS_LAUNCH=dist or =bundle picks one.
//
// One file instead of ~300 ES modules saves the module loader's resolving and reading; the bundle is
// compiled with V8's code cache, kept beside it (or, where that directory is read-only, in a directory of
// the user's own under the temporary directory), one cache per command, so that a second `yieldlens trace`
// does not parse and compile the runtime again. Numbers: README, "Mini-runtime".

import { existsSync, statSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadWithCodeCache } from './code-cache.js';

// Node 22.1+: V8's code cache on disk for ES modules too (the worker threads, and server/dist).
module.enableCompileCache?.();

const HERE = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(HERE, '..', 'bundle', 'yieldlens.cjs');
const TRACE_PRESTART = join(HERE, '..', 'bundle', 'trace-prestart.cjs');
const DIST = join(HERE, '..', 'dist', 'cli', 'main.js');
/** What `tsc -b` rewrites whenever it emits: newer than the bundle means the bundle is out of date. */
const BUILD_INFOS = [join(HERE, '..', 'dist', '.tsbuildinfo'), join(HERE, '..', '..', 'shared', 'dist', '.tsbuildinfo')];

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * `'bundle'`, `'dist'` or undefined (not built): the bundle unless the compiled sources are newer (their
 * build info written after it) or YIELDLENS_LAUNCH says otherwise. The paths are parameters for the tests.
 */
export function chooseEntry(env = process.env, paths = { bundle: BUNDLE, dist: DIST, buildInfos: BUILD_INFOS }) {
  const bundle = mtimeOf(paths.bundle);
  const dist = existsSync(paths.dist);
  if (env.YIELDLENS_LAUNCH === 'dist' && dist) return 'dist';
  if (env.YIELDLENS_LAUNCH === 'bundle' && bundle !== undefined) return 'bundle';
  if (bundle === undefined) return dist ? 'dist' : undefined;
  if (!dist) return 'bundle';
  const built = Math.max(...paths.buildInfos.map((path) => mtimeOf(path) ?? 0));
  return bundle >= built ? 'bundle' : 'dist';
}

/** Runs the `yieldlens` command with `args`. */
export async function launch(args) {
  const entry = chooseEntry();
  if (entry === undefined) {
    process.stderr.write('yieldlens: not built: run `npm run build` in the yieldlens checkout\n');
    process.exitCode = 2;
    return;
  }
  if (entry === 'dist') {
    const { main } = await import('../dist/cli/main.js');
    await main(args);
    return;
  }
  const command = ['trace', 'check', 'lsp'].includes(args[0]) ? args[0] : 'other';
  // The language server's trace worker starts before this thread reads and compiles the bundle, so that
  // the two start-ups overlap (server/src/lsp/trace-prestart.ts; main starts it when this cannot).
  if (command === 'lsp' && !args.includes('--help') && !args.includes('-h')) {
    try {
      createRequire(import.meta.url)(TRACE_PRESTART).prestartTraceWorker();
    } catch {
      // A bundle made before the file existed: main starts the worker a little later.
    }
  }
  const { exports, saveCache } = loadWithCodeCache(BUNDLE, command);
  const { main } = exports;
  await main(args);
  // The language server owns the process from here: its cache is written once it has settled.
  if (command === 'lsp') setTimeout(saveCache, 3_000).unref();
  else saveCache();
}
