// `--diff`: the changes fixes would make, as a unified diff per file (what `patch -p0` and `git apply`
// read), computed by jsdiff.

import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file, `---`/`+++` headers naming it as reported, three lines of context. */
export function unifiedDiff(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(file, file, before, after, undefined, undefined, { context: 3, headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } });
  return patch;
}
