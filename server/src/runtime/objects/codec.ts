// The codecs the runtime has (utf-8, ascii, latin-1), with CPython's error handling: UnicodeDecodeError and
// UnicodeEncodeError over the same ranges with the same reasons (Objects/unicodeobject.c, stringlib/codecs.h),
// and the handlers strict, replace, ignore, backslashreplace, plus surrogateescape on decode and
// xmlcharrefreplace and surrogatepass on encode. Any other codec or handler is refused.

import { excTypes, UnsupportedSignal, type VM } from '../interp.js';
import { PyBytes, type Py } from '../values.js';

export type Codec = 'utf-8' | 'ascii' | 'latin-1';

const ALIASES: Record<string, Codec> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', cp65001: 'utf-8', utf8_ucs2: 'utf-8', utf8_ucs4: 'utf-8',
  ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii', us: 'ascii', 'ansi_x3.4_1968': 'ascii', iso646_us: 'ascii', cp367: 'ascii', csascii: 'ascii', ibm367: 'ascii', iso_ir_6: 'ascii',
  latin_1: 'latin-1', latin1: 'latin-1', iso_8859_1: 'latin-1', iso8859_1: 'latin-1', '8859': 'latin-1', cp819: 'latin-1', l1: 'latin-1', latin: 'latin-1', iso_ir_100: 'latin-1', csisolatin1: 'latin-1', ibm819: 'latin-1', iso_8859_1_1987: 'latin-1',
};

/** The runtime's codec for an encoding name (normalised as encodings.normalize_encoding does), or null. */
export function codecOf(encoding: string): Codec | null {
  const norm = encoding.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  return ALIASES[norm] ?? null;
}

/** The codec, or a refusal for a codec CPython has and the runtime does not (an unknown name is LookupError). */
export function requireCodec(vm: VM, encoding: string): Codec {
  const c = codecOf(encoding);
  if (c === null) throw new UnsupportedSignal(`the ${encoding} codec`, vm.currentLine());
  return c;
}

function unknownHandler(vm: VM, errors: string): never {
  if (['namereplace', 'surrogatepass', 'surrogateescape', 'xmlcharrefreplace', 'backslashreplace', 'replace', 'ignore', 'strict'].includes(errors))
    throw new UnsupportedSignal(`errors=${JSON.stringify(errors)} here`, vm.currentLine());
  throw vm.error('LookupError', `unknown error handler name '${errors}'`);
}

export function decodeError(vm: VM, codec: string, data: Uint8Array, start: number, end: number, reason: string): never {
  const e = vm.newException(excTypes.get('UnicodeDecodeError')!, [codec, new PyBytes(data), start, end, reason]);
  throw e;
}

function encodeError(vm: VM, codec: string, text: string, start: number, end: number, reason: string): never {
  throw vm.newException(excTypes.get('UnicodeEncodeError')!, [codec, text, start, end, reason]);
}

/** UnicodeDecodeError_str / UnicodeEncodeError_str for the five-argument form. */
export function unicodeErrorStr(vm: VM, decode: boolean, a: Py[]): string | null {
  const [enc, obj, start, end, reason] = a;
  if (typeof enc !== 'string' || typeof start !== 'number' || typeof end !== 'number' || typeof reason !== 'string') return null;
  if (decode) {
    if (!(obj instanceof PyBytes)) return null;
    if (start >= 0 && start < obj.data.length && end === start + 1)
      return `'${enc}' codec can't decode byte 0x${obj.data[start]!.toString(16).padStart(2, '0')} in position ${start}: ${reason}`;
    return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  }
  if (typeof obj !== 'string') return null;
  const cps = Array.from(obj);
  if (start >= 0 && start < cps.length && end === start + 1) {
    const ch = cps[start]!.codePointAt(0)!;
    const hex = ch <= 0xff ? `\\x${ch.toString(16).padStart(2, '0')}` : ch <= 0xffff ? `\\u${ch.toString(16).padStart(4, '0')}` : `\\U${ch.toString(16).padStart(8, '0')}`;
    return `'${enc}' codec can't encode character '${hex}' in position ${start}: ${reason}`;
  }
  return `'${enc}' codec can't encode characters in position ${start}-${end - 1}: ${reason}`;
}

const isCont = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/**
 * One UTF-8 sequence at `i`: [code point, length], or [0, 0] for data that ends inside a valid prefix, or
 * [-n, 0] for an error: 1 invalid start byte, 2..4 invalid continuation byte (n - 1 bytes in the range).
 */
function utf8Step(d: Uint8Array, i: number): [number, number] {
  const b = d[i]!;
  const left = d.length - i;
  if (b < 0x80) return [b, 1];
  if (b < 0xc2 || b > 0xf4) return [-1, 0];
  if (b < 0xe0) {
    if (left < 2) return [0, 0];
    if (!isCont(d[i + 1])) return [-2, 0];
    return [((b & 0x1f) << 6) | (d[i + 1]! & 0x3f), 2];
  }
  if (b < 0xf0) {
    const b2 = d[i + 1];
    if (left >= 2 && (!isCont(b2) || (b2! < 0xa0 ? b === 0xe0 : b === 0xed))) return [-2, 0];
    if (left < 3) return [0, 0];
    if (!isCont(d[i + 2])) return [-3, 0];
    return [((b & 0x0f) << 12) | ((b2! & 0x3f) << 6) | (d[i + 2]! & 0x3f), 3];
  }
  const b2 = d[i + 1];
  if (left >= 2 && (!isCont(b2) || (b2! < 0x90 ? b === 0xf0 : b === 0xf4))) return [-2, 0];
  if (left >= 3 && !isCont(d[i + 2])) return [-3, 0];
  if (left < 4) return [0, 0];
  if (!isCont(d[i + 3])) return [-4, 0];
  return [((b & 0x07) << 18) | ((b2! & 0x3f) << 12) | ((d[i + 2]! & 0x3f) << 6) | (d[i + 3]! & 0x3f), 4];
}

/** What a decode error handler puts for bytes [start, end), or throws. */
function decodeReplacement(vm: VM, codec: string, d: Uint8Array, start: number, end: number, reason: string, errors: string): string {
  switch (errors) {
    case 'strict':
      return decodeError(vm, codec, d, start, end, reason);
    case 'replace':
      return '\ufffd';
    case 'ignore':
      return '';
    case 'backslashreplace': {
      let s = '';
      for (let k = start; k < end; k++) s += '\\x' + d[k]!.toString(16).padStart(2, '0');
      return s;
    }
    case 'surrogateescape': {
      let s = '';
      for (let k = start; k < end; k++) {
        if (d[k]! < 0x80) return decodeError(vm, codec, d, start, end, reason);
        s += String.fromCharCode(0xdc00 + d[k]!);
      }
      return s;
    }
    default:
      return unknownHandler(vm, errors);
  }
}

/** codecs.utf_8_decode: [text, bytes consumed]; when not final, an incomplete sequence at the end waits. */
export function utf8Decode(vm: VM, d: Uint8Array, errors: string, final: boolean): [string, number] {
  let out = '';
  let i = 0;
  const n = d.length;
  while (i < n) {
    // ASCII runs in one slice.
    let j = i;
    while (j < n && d[j]! < 0x80) j++;
    if (j > i) {
      out += String.fromCharCode.apply(null, Array.from(d.subarray(i, j)));
      i = j;
      if (i >= n) break;
    }
    const [cp, len] = utf8Step(d, i);
    if (len > 0) {
      out += String.fromCodePoint(cp);
      i += len;
      continue;
    }
    let end: number;
    let reason: string;
    if (cp === 0) {
      if (!final) break;
      // A truncated surrogate (ED A0..BF) at the end of a chunk also waits in CPython; covered above.
      end = n;
      reason = 'unexpected end of data';
    } else if (cp === -1) {
      end = i + 1;
      reason = 'invalid start byte';
    } else {
      end = i - cp - 1;
      reason = 'invalid continuation byte';
      // A chunk ending in ED A0..BF: CPython waits for more rather than call it an error yet.
      if (!final && cp === -2 && d[i] === 0xed && n - i === 2 && d[i + 1]! >= 0xa0 && d[i + 1]! <= 0xbf) break;
    }
    out += decodeReplacement(vm, 'utf-8', d, i, end, reason, errors);
    i = end;
  }
  return [out, i];
}

/** bytes.decode / codecs.decode for the runtime's codecs. */
export function decodeBytes(vm: VM, d: Uint8Array, codec: Codec, errors: string): string {
  if (codec === 'utf-8') return utf8Decode(vm, d, errors, true)[0];
  let out = '';
  for (let i = 0; i < d.length; i++) {
    const b = d[i]!;
    if (codec === 'ascii' && b >= 0x80) {
      out += decodeReplacement(vm, 'ascii', d, i, i + 1, 'ordinal not in range(128)', errors);
      continue;
    }
    out += String.fromCharCode(b);
  }
  return out;
}

/** str.encode / codecs.encode for the runtime's codecs. */
export function encodeText(vm: VM, text: string, codec: Codec, errors: string): Uint8Array {
  const out: number[] = [];
  const cps = Array.from(text);
  const limit = codec === 'ascii' ? 0x80 : codec === 'latin-1' ? 0x100 : 0x110000;
  const bad = (cp: number): boolean => (codec === 'utf-8' ? cp >= 0xd800 && cp <= 0xdfff : cp >= limit);
  const reason = codec === 'utf-8' ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
  const utf8 = (cp: number): void => {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  };
  const ascii = (s: string): void => {
    for (let k = 0; k < s.length; k++) out.push(s.charCodeAt(k));
  };
  let i = 0;
  while (i < cps.length) {
    const cp = cps[i]!.codePointAt(0)!;
    if (!bad(cp)) {
      if (codec === 'utf-8') utf8(cp);
      else out.push(cp);
      i++;
      continue;
    }
    // The error covers the run of characters the codec cannot encode.
    let end = i + 1;
    while (end < cps.length && bad(cps[end]!.codePointAt(0)!)) end++;
    switch (errors) {
      case 'strict':
        encodeError(vm, codec, text, i, end, reason);
        break;
      case 'replace':
        ascii('?'.repeat(end - i));
        break;
      case 'ignore':
        break;
      case 'backslashreplace':
        for (let k = i; k < end; k++) {
          const c = cps[k]!.codePointAt(0)!;
          ascii(c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : c <= 0xffff ? `\\u${c.toString(16).padStart(4, '0')}` : `\\U${c.toString(16).padStart(8, '0')}`);
        }
        break;
      case 'xmlcharrefreplace':
        for (let k = i; k < end; k++) ascii(`&#${cps[k]!.codePointAt(0)!};`);
        break;
      case 'surrogatepass':
        if (codec !== 'utf-8') encodeError(vm, codec, text, i, end, reason);
        for (let k = i; k < end; k++) utf8(cps[k]!.codePointAt(0)!);
        break;
      default:
        unknownHandler(vm, errors);
    }
    i = end;
  }
  return Uint8Array.from(out);
}
