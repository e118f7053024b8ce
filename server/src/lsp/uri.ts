// Converts between LSP document URIs and the file paths the analysis and the workspace index use.
// Documents that are not files (`untitled:`, `vscode-notebook-cell:`) keep their URI as their "path".

import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file system path of a `file:` URI, or null for other schemes. */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    // A malformed file URI (a client bug) must not take a handler down; treat it as a non-file document.
    return null;
  }
}

/** The key a document is known by in findings and in the workspace index. */
export function analysisPathOf(uri: string): string {
  return filePathOf(uri) ?? uri;
}

/** The URI to report for a path that came back from the analysis (related locations, index entries). */
export function uriOfPath(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return path;
  return pathToFileURL(path).href;
}
