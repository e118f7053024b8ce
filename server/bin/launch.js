// Shared by the two launchers. They run the bundle (server/bundle/yieldlens.cjs, see
// scripts/bundle-server.mjs: what an installed package ships, and what `npm run build` makes in a checkout)
// unless the compiled sources (server/dist) are newer than it, as after a bare `npx tsc -b`; then those.
// YIELDLENS_LAUNCH=dist or =bundle picks one.
//
// One file instead of ~300 ES modules saves the module loader's resolving and reading; the bundle is
// compiled with V8's code cache, kept beside it (or, where that directory is read-only, in a directory of
// the user's own under the temporary directory), one cache per command, so that a second `yieldlens trace`
// does not parse and compile the runtime again. Numbers: README, "Mini-runtime".

import { accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// Node 22.1+: V8's code cache on disk for ES modules too (the worker threads, and server/dist).
module.enableCompileCache?.();

const HERE = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(HERE, '..', 'bundle', 'yieldlens.cjs');
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
  const { main, saveCache } = loadBundle(command);
  await main(args);
  // The language server owns the process from here: its cache is written once it has settled.
  if (command === 'lsp') setTimeout(saveCache, 5_000).unref();
  else saveCache();
}

/** Compiles and runs the CommonJS bundle with the code cache of `command`; returns its `main`. */
function loadBundle(command) {
  // The bundle is ASCII (scripts/bundle-server.mjs makes sure): latin1 reads it exactly, faster than UTF-8.
  const source = readFileSync(BUNDLE, 'latin1');
  const stat = statSync(BUNDLE);
  // V8 checks a cache against the source's length only: the file's size and time are in the name.
  const cacheName = `yieldlens-${command}-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}.v8cache`;
  const disabled = process.env.NODE_DISABLE_COMPILE_CACHE !== undefined;
  const cachePath = disabled ? undefined : cacheFile(cacheName);
  let cachedData;
  if (cachePath !== undefined) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: BUNDLE, cachedData });
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, createRequire(BUNDLE), loaded, BUNDLE, dirname(BUNDLE));
  const saveCache = () => {
    if (cachePath === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
    try {
      // What the run compiled goes into the cache too: the next run starts with those functions compiled.
      const temporary = `${cachePath}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cachePath);
    } catch {
      // A cache that cannot be written costs the next start its compilation, nothing else.
    }
  };
  return { main: loaded.exports.main, saveCache };
}

/** Where the cache called `name` lives: beside the bundle when that is writable, else in a directory of this user's. */
function cacheFile(name) {
  const beside = dirname(BUNDLE);
  if (writable(beside)) return join(beside, name);
  try {
    const dir = join(tmpdir(), `yieldlens-code-cache-${process.getuid?.() ?? 'user'}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    // Someone else's directory, or one others can write into, could hand this process code to run.
    if ((process.getuid !== undefined && stat.uid !== process.getuid()) || (stat.mode & 0o022) !== 0) return undefined;
    return join(dir, name);
  } catch {
    return undefined;
  }
}

function writable(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
