// The package version, read from server/package.json so that `--version` and SARIF never drift from it.

import fs from 'node:fs';

function readVersion(): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    // A bundled copy may not ship package.json beside it; the version is then unknown, not an error.
    return '0.0.0';
  }
}

export const VERSION = readVersion();
