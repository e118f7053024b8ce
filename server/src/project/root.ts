// The root of the user's project: the nearest directory, from a file or directory upwards, that holds a
// `pyproject.toml` or a `.git`. Imports of the project's own modules resolve from it (and from its `src/`).

import fs from 'node:fs';
import path from 'node:path';

/** Files whose presence marks a directory as a project root, nearest first wins. */
const ROOT_MARKERS = ['pyproject.toml', '.git'];

/**
 * The nearest ancestor of `start` (itself included when it is a directory) that holds a root marker,
 * or null outside any project.
 */
export function findProjectRoot(start: string): string | null {
  let dir = path.resolve(start);
  if (!isDirectory(dir)) dir = path.dirname(dir);
  for (;;) {
    if (ROOT_MARKERS.some((marker) => fs.existsSync(path.join(dir, marker)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function isDirectory(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}
