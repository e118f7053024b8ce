// Reads a Python source file into text the way CPython would decode it (UTF-8 unless a PEP 263 coding
// cookie says otherwise), turning every reason it cannot be analysed into a message instead of a throw.

import fs from 'node:fs';
import { describeFsError } from './config.js';

/** Files larger than this are listed under `errors` instead of analysed: no Python module is that big by hand. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type SourceText = { ok: true; text: string; bytes: number } | { ok: false; message: string };

// PEP 263: `# -*- coding: latin-1 -*-` or `# vim: set fileencoding=utf-8 :` on line 1 or 2.
const CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

export function readSource(file: string): SourceText {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory' };
    // A FIFO or device named on the command line would block the read forever.
    if (!stat.isFile()) return { ok: false, message: 'not a regular file, not analysed' };
    if (stat.size > MAX_FILE_BYTES) {
      return { ok: false, message: `file too large (${formatMegabytes(stat.size)} MB; the limit is ${formatMegabytes(MAX_FILE_BYTES)} MB), not analysed` };
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, message: `cannot read file: ${describeFsError(error)}` };
  }
  return decodeSource(bytes);
}

/**
 * Decodes the bytes of a Python source file as CPython would: UTF-8 unless a PEP 263 coding cookie says
 * otherwise. For callers that read the file themselves (asynchronously, say).
 */
export function decodeSource(bytes: Buffer): SourceText {
  // CPython refuses these too ("source code cannot contain null bytes"); it is a binary file.
  if (bytes.includes(0)) return { ok: false, message: 'binary file (contains NUL bytes), not analysed' };
  const encoding = declaredEncoding(bytes);
  const decoder = decoderFor(encoding ?? 'utf-8');
  if (decoder === null) return { ok: false, message: `unknown encoding "${encoding}" in coding declaration` };
  try {
    return { ok: true, text: decoder.decode(bytes), bytes: bytes.length };
  } catch {
    const offset = encoding === null ? firstInvalidUtf8Offset(bytes) : -1;
    const where = offset >= 0 ? ` at byte offset ${offset}` : '';
    return { ok: false, message: `cannot decode as ${encoding ?? 'UTF-8'}${where}; declare the encoding with a coding comment or re-save the file as UTF-8` };
  }
}

/** The encoding named by a coding cookie on line 1, or on line 2 when line 1 is only a comment or blank. */
function declaredEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 512).toString('latin1');
  const [first = '', second = ''] = head.split(/\r\n|\r|\n/, 2);
  let match = CODING_COOKIE.exec(first);
  if (match === null && /^[ \t\f]*(#.*)?$/.test(first)) match = CODING_COOKIE.exec(second);
  const name = match?.[1]?.toLowerCase().replace(/_/g, '-');
  if (name === undefined || name === 'utf-8' || name === 'utf8' || name === 'utf-8-sig') return null;
  return name;
}

/**
 * A strict decoder for a Python codec name, trying the spellings the WHATWG encoding labels use
 * (`latin-1` → `latin1`, `shift-jis` → `shift_jis`). WHATWG decodes latin-1 as windows-1252, which
 * differs from CPython only in the C1 control characters 0x80–0x9F.
 */
function decoderFor(name: string): InstanceType<typeof TextDecoder> | null {
  for (const label of [name, name.replace(/-/g, ''), name.replace(/-/g, '_')]) {
    try {
      return new TextDecoder(label, { fatal: true });
    } catch {
      // Not a label this runtime knows; try the next spelling.
    }
  }
  return null;
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  // Only runs after decoding failed: find the bad line, then the first prefix of it that cannot decode
  // (streaming mode tolerates a sequence cut short at the end of the prefix, not an invalid one).
  let lineStart = 0;
  while (lineStart < bytes.length) {
    let lineEnd = bytes.indexOf(10, lineStart);
    if (lineEnd === -1) lineEnd = bytes.length;
    if (!decodes(bytes.subarray(lineStart, lineEnd), false)) {
      for (let i = lineStart; i < lineEnd; i++) {
        if (decodes(bytes.subarray(lineStart, i + 1), true)) continue;
        // Byte i cannot continue what came before: if an unfinished multi-byte sequence precedes it,
        // that sequence's lead byte is the bad one (as CPython's "can't decode byte" reports).
        let lead = i - 1;
        while (lead >= lineStart && i - lead < 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
        const leadByte = bytes[lead] ?? 0;
        const length = leadByte >= 0xf0 ? 4 : leadByte >= 0xe0 ? 3 : leadByte >= 0xc0 ? 2 : 1;
        return lead >= lineStart && length > 1 && lead + length > i ? lead : i;
      }
      return lineStart;
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

function formatMegabytes(size: number): string {
  return (size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
