// vitest global setup: every CLI the tests start keeps its cache of results in one temporary directory,
// removed at the end, so that no test run leaves a `.yieldlens_cache/` in the repository or in a
// fixture project. Tests of the cache's default location unset YIELDLENS_CACHE_DIR themselves.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-test-cache-'));
  process.env['YIELDLENS_CACHE_DIR'] = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
