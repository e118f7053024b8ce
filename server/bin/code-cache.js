// Runs a CommonJS bundle of the server (scripts/bundle-server.mjs) compiled with V8's code cache: Node 20
// has none for ES modules (module.enableCompileCache is 22.1+). Used by launch.js for the main thread and by
// the stub the bundle starts as a worker thread (trace-worker.js, which loads trace-worker.cjs).
//
// The cache is kept beside the bundle, or where that directory is read-only, in a directory of the user's
// own (mode 700) under the temporary directory; one per `tag` (a command, a worker), named by Node's
// version and the bundle's size and time; written (to a temporary file, then renamed) by saveCache() after
// a run whose cache was missing or rejected, holding what that run compiled. NODE_DISABLE_COMPILE_CACHE
// turns it off.

import { accessSync, constants, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';

/** Compiles and runs the CommonJS file `bundle` with the code cache of `tag`; returns its exports and how to save its cache. */
export function loadWithCodeCache(bundle, tag) {
  // The bundle is ASCII (scripts/bundle-server.mjs makes sure): latin1 reads it exactly, faster than UTF-8.
  const source = readFileSync(bundle, 'latin1');
  const stat = statSync(bundle);
  // V8 checks a cache against the source's length only: the file's size and time are in the name.
  const cacheName = `yieldlens-${tag}-${process.version}-${process.arch}-${stat.size}-${Math.floor(stat.mtimeMs)}.v8cache`;
  const cachePath = process.env.NODE_DISABLE_COMPILE_CACHE !== undefined ? undefined : cacheFile(dirname(bundle), cacheName);
  let cachedData;
  if (cachePath !== undefined) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, cachedData });
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, dirname(bundle));
  const saveCache = () => {
    if (cachePath === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return;
    try {
      // What the run compiled goes into the cache too: the next run starts with those functions compiled.
      const temporary = `${cachePath}.${process.pid}-${threadId}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cachePath);
    } catch {
      // A cache that cannot be written costs the next start its compilation, nothing else.
    }
  };
  return { exports: loaded.exports, saveCache };
}

/** Where the cache called `name` lives: in `beside` when that is writable, else in a directory of this user's. */
function cacheFile(beside, name) {
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
