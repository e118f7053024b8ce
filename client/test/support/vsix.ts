// The packaged extension for the tests that need it (its contents, the real editor): `npm run package`'s
// client/yieldlens-<version>.vsix, rebuilt when a file it is made from is newer. Test files run in parallel,
// so a lock directory makes sure one packs while the others wait.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
const CLIENT = join(REPO, 'client');
const LOCK = join(CLIENT, '.vsix.lock');
const LOCK_STALE_MS = 5 * 60_000;

export const EXTENSION_VERSION = (JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8')) as { version: string }).version;
export const VSIX = join(CLIENT, `yieldlens-${EXTENSION_VERSION}.vsix`);

/** What the .vsix is made of (the compiled server, not its TypeScript: tests need `npm run build` first anyway). */
const INPUTS = ['server/dist', 'server/bin', 'server/package.json', 'client/src', 'client/media', 'client/package.json', 'client/README.md', 'client/CHANGELOG.md', 'client/LICENSE', 'scripts', 'package-lock.json'];

/** The path of an up-to-date .vsix, packing it first when needed. */
export function packagedVsix(): string {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is packing; a lock older than any packing run was left by a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      if (waited > LOCK_STALE_MS) throw new Error(`${LOCK} is held for too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!existsSync(VSIX) || statSync(VSIX).mtimeMs < newestInput()) {
      const result = spawnSync(process.execPath, [join(REPO, 'scripts', 'package-vsix.mjs'), '--skip-build'], { cwd: REPO, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
    }
    return VSIX;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function newestInput(): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of INPUTS) visit(join(REPO, input));
  return newest;
}

/** Unpacks a .vsix (a zip) with Python's zipfile, which every machine that runs these tests has. */
export function unpack(vsix: string, into: string): void {
  const result = spawnSync('python3', ['-m', 'zipfile', '-e', vsix, into], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not unpack ${vsix}: ${result.stderr}`);
}
