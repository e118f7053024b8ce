// Reads a Python source file into text the way CPython would decode it (UTF-8 unless a PEP 263 coding
// cookie says otherwise), turning every reason it cannot be analysed into a message instead of a throw.

import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from './fs-errors.js';

/** Files larger than this are listed under `errors` instead of analysed: no Python module is that big by hand. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type SourceText =
  | { ok: true; text: string; bytes: number; encoding: SourceEncoding }
  /** `position`: where decoding failed (1-based line, column in UTF-16 units of the decoded line), when known. */
  | { ok: false; message: string; position?: { line: number; column: number } };

/** How a file's bytes became its text, so that a fixed text can be written back the same way. */
export interface SourceEncoding {
  /** `utf-8`, or the codec a PEP 263 coding cookie names (`latin-1`, `shift_jis`, …). */
  name: string;
  /** The file starts with a UTF-8 byte order mark (which the text does not contain). */
  bom: boolean;
}

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
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: decoder.decode(bytes), bytes: bytes.length, encoding: { name: encoding ?? 'utf-8', bom } };
  } catch {
    const offset = encoding === null ? firstInvalidUtf8Offset(bytes) : -1;
    const where = offset >= 0 ? ` at byte offset ${offset}` : '';
    const message = `cannot decode as ${encoding ?? 'UTF-8'}${where}; declare the encoding with a coding comment or re-save the file as UTF-8`;
    return offset >= 0 ? { ok: false, message, position: positionOfByte(bytes, offset) } : { ok: false, message };
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

/**
 * The bytes of `text` in the encoding it was read with, or null when some character has no encoding
 * there. Non-UTF-8 codecs are encoded through the inverse of their decoder (Node has no encoders for
 * them), which covers single-byte and two-byte codecs; the caller checks the original round-trips.
 */
export function encodeSource(text: string, encoding: SourceEncoding): Buffer | null {
  if (encoding.name === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const table = encoderTable(encoding.name);
  if (table === null) return null;
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 && table.asciiCompatible) {
      out.push(code);
      continue;
    }
    const bytes = table.bytes.get(char);
    if (bytes === undefined) return null;
    for (const byte of bytes) out.push(byte);
  }
  return Buffer.from(out);
}

/**
 * Replaces a file's content all at once: the bytes go to a temporary file beside the target (through
 * a symbolic link, beside the file it points to), which then takes the target's mode and owner and is
 * renamed over it, so a reader or a crash never sees half a file. Returns an error message or null.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array): string | null {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    return `cannot write file: ${describeFsError(error)}`;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.yieldlens-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    fs.writeFileSync(temporary, bytes, { mode: 0o600, flag: 'wx' });
    // Set after writing: the mode given to open() is narrowed by the umask.
    fs.chmodSync(temporary, stat.mode & 0o7777);
    try {
      fs.chownSync(temporary, stat.uid, stat.gid);
    } catch {
      // Only root may give a file away; anyone else's new file is theirs already.
    }
    fs.renameSync(temporary, target);
    return null;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    return `cannot write file: ${describeFsError(error)}`;
  }
}

interface EncoderTable {
  bytes: Map<string, readonly number[]>;
  asciiCompatible: boolean;
}

const encoderTables = new Map<string, EncoderTable | null>();

function encoderTable(name: string): EncoderTable | null {
  const known = encoderTables.get(name);
  if (known !== undefined) return known;
  const decoder = decoderFor(name);
  let table: EncoderTable | null = null;
  if (decoder !== null) {
    const bytes = new Map<string, readonly number[]>();
    const decode = (sequence: number[]): string | null => {
      try {
        return decoder.decode(Uint8Array.from(sequence));
      } catch {
        return null;
      }
    };
    let asciiCompatible = true;
    for (let lead = 0; lead < 256; lead++) {
      const single = decode([lead]);
      if (single !== null && [...single].length === 1) {
        if (!bytes.has(single)) bytes.set(single, [lead]);
        if (lead < 0x80 && single.codePointAt(0) !== lead) asciiCompatible = false;
        continue;
      }
      if (lead < 0x80) continue;
      for (let trail = 0; trail < 256; trail++) {
        const pair = decode([lead, trail]);
        if (pair !== null && [...pair].length === 1 && !bytes.has(pair)) bytes.set(pair, [lead, trail]);
      }
    }
    table = { bytes, asciiCompatible };
  }
  encoderTables.set(name, table);
  return table;
}

/** The 1-based line and column of a byte of (otherwise) UTF-8 text; the bytes before it on its line decode. */
function positionOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = bytes.indexOf(10); at !== -1 && at < offset; at = bytes.indexOf(10, at + 1)) {
    line++;
    lineStart = at + 1;
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '');
  return { line, column: before.length + 1 };
}

/**
 * Writes a fixed text over a file, in the encoding it was read with and atomically. Refuses, with a
 * message, when the file no longer holds exactly `before` (edited meanwhile, or not representable:
 * the bytes must round-trip) or when `after` has a character the encoding cannot hold.
 */
export function writeSourceText(file: string, before: string, after: string, encoding: SourceEncoding): string | null {
  let current: Buffer;
  try {
    current = fs.readFileSync(file);
  } catch (error) {
    return `cannot write fixes: ${describeFsError(error)}`;
  }
  const original = encodeSource(before, encoding);
  if (original === null || !original.equals(current)) return 'file changed on disk while it was checked (or does not round-trip through its encoding); not written';
  const bytes = encodeSource(after, encoding);
  if (bytes === null) return `the new text cannot be encoded in ${encoding.name}; not written`;
  return writeFileAtomically(file, bytes);
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
