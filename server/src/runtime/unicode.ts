// What CPython 3.13's str knows of Unicode and JavaScript's string does not. From its Unicode 15.1
// database (generated into unicode-tables.ts): decimal digits for int()/float(), str.isdigit/isdecimal/
// isnumeric, printability (repr and isprintable), and the whitespace str.isspace, str.split() and
// str.strip() use (which differs from JavaScript's \s: Python counts \x1c-\x1f and \x85, and not \ufeff).
// Besides: indices by code point (a JS string counts UTF-16 units), the case predicates (the
// Lowercase/Uppercase properties and titlecase letters), titlecasing, casefolding and code-point order.

import { DECIMAL_RANGES, DIGIT_RANGES, NUMERIC_RANGES, PRINTABLE_RANGES, SPACE_RANGES, TITLE_SPECIAL } from './unicode-tables.js';

/** The index of the range holding cp in a flattened [start, end, ...] table, or -1. */
function rangeIndex(table: readonly number[], cp: number): number {
  let lo = 0;
  let hi = table.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[2 * mid]!) hi = mid - 1;
    else if (cp > table[2 * mid + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Py_UNICODE_TODECIMAL: the value of a decimal digit (category Nd), or -1. */
export function decimalValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  if (cp < 0x80) return -1;
  const i = rangeIndex(DECIMAL_RANGES, cp);
  return i < 0 ? -1 : (cp - DECIMAL_RANGES[2 * i]!) % 10;
}
export const isDecimalChar = (cp: number): boolean => decimalValue(cp) >= 0;
export const isDigitChar = (cp: number): boolean => rangeIndex(DIGIT_RANGES, cp) >= 0;
export const isNumericChar = (cp: number): boolean => rangeIndex(NUMERIC_RANGES, cp) >= 0;
export const isPrintableChar = (cp: number): boolean => rangeIndex(PRINTABLE_RANGES, cp) >= 0;
export const isSpaceChar = (cp: number): boolean => rangeIndex(SPACE_RANGES, cp) >= 0;

/** A regex character class body (for `[...]` with the u flag) matching exactly Python's whitespace. */
export const SPACE_CLASS = ((): string => {
  const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;
  let body = '';
  for (let i = 0; i < SPACE_RANGES.length; i += 2) {
    const [a, b] = [SPACE_RANGES[i]!, SPACE_RANGES[i + 1]!];
    body += a === b ? hex(a) : `${hex(a)}-${hex(b)}`;
  }
  return body;
})();

/** Every code point of a non-empty s satisfies the test (the str.isX methods). */
export function allChars(s: string, test: (cp: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!test(ch.codePointAt(0)!)) return false;
  return true;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII, what int() and float() parse: each non-ASCII whitespace
 * becomes ' ' and each decimal digit its ASCII digit; any other non-ASCII character becomes '?', which
 * no number grammar accepts. ASCII is kept as is (so '\x1c' stays and is not stripped).
 */
export function toAsciiNumber(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (isSpaceChar(cp)) out += ' ';
    else {
      const d = decimalValue(cp);
      out += d >= 0 ? String(d) : '?';
    }
  }
  return out;
}

/** Strips the ASCII whitespace (Py_ISSPACE: space, \t, \n, \v, \f, \r) int() and float() allow around a number. */
export function stripAsciiSpace(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;
/** len() of a str: code points, not UTF-16 units (an astral character such as an emoji is one). */
export function cpLength(s: string): number {
  if (!/[\ud800-\udbff]/.test(s)) return s.length;
  return s.length - (s.match(SURROGATE_PAIR)?.length ?? 0);
}

// Case as CPython's unicodectype.c: Uppercase/Lowercase are the derived properties, titlecase is Lt,
// "cased" the derived Cased property; lower() applies Final_Sigma.
const isCased = (ch: string): boolean => /\p{Cased}/u.test(ch);
const isCaseIgnorable = (ch: string): boolean => /\p{Case_Ignorable}/u.test(ch);
export const isUpperChar = (ch: string): boolean => /\p{Uppercase}/u.test(ch);
export const isLowerChar = (ch: string): boolean => /\p{Lowercase}/u.test(ch);
export const isTitleChar = (ch: string): boolean => /\p{Lt}/u.test(ch);

/** The full title case of one character (ß -> Ss): the upper case unless CPython's table says otherwise. */
export function titleChar(ch: string): string {
  return TITLE_SPECIAL.get(ch.codePointAt(0)!) ?? ch.toUpperCase();
}
/** lower_ucs4: the full lower case of chars[i], with Σ as final ς after a cased letter and before none. */
export function lowerAt(chars: string[], i: number): string {
  const ch = chars[i]!;
  if (ch !== '\u03a3') return ch.toLowerCase();
  let j = i - 1;
  while (j >= 0 && isCaseIgnorable(chars[j]!)) j--;
  const after = (): boolean => {
    let k = i + 1;
    while (k < chars.length && isCaseIgnorable(chars[k]!)) k++;
    return k < chars.length && isCased(chars[k]!);
  };
  return j >= 0 && isCased(chars[j]!) && !after() ? '\u03c2' : '\u03c3';
}
/** str.title (do_title): title case after an uncased character, lower case after a cased one. */
export function pyTitle(s: string): string {
  const chars = Array.from(s);
  let out = '';
  let previousCased = false;
  chars.forEach((ch, i) => {
    out += previousCased ? lowerAt(chars, i) : titleChar(ch);
    previousCased = isCased(ch);
  });
  return out;
}
/** str.capitalize (do_capitalize): the first character in title case, the rest in lower case. */
export function pyCapitalize(s: string): string {
  const chars = Array.from(s);
  return chars.map((ch, i) => (i === 0 ? titleChar(ch) : lowerAt(chars, i))).join('');
}
/** str.swapcase (do_swapcase): upper to lower, lower to upper, others (titlecase too) unchanged. */
export function pySwapcase(s: string): string {
  const chars = Array.from(s);
  return chars.map((ch, i) => (isUpperChar(ch) ? lowerAt(chars, i) : isLowerChar(ch) ? ch.toUpperCase() : ch)).join('');
}
/** str.istitle: upper/titlecase only after uncased characters, lowercase only after cased ones. */
export function pyIsTitle(s: string): boolean {
  let cased = false;
  let previousCased = false;
  for (const ch of s) {
    if (isUpperChar(ch) || isTitleChar(ch)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (isLowerChar(ch)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Whether UTF-16 indices of `s` differ from its code point indices. */
export function hasAstral(s: string): boolean {
  return SURROGATE.test(s);
}

/** The UTF-16 offset of code point index `cp` (0 ≤ cp ≤ length in code points). */
export function utf16Offset(s: string, cp: number): number {
  if (!hasAstral(s)) return cp;
  let offset = 0;
  for (let i = 0; i < cp && offset < s.length; i++) offset += s.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}

/** The code point index of UTF-16 offset `offset` (a code point boundary). */
export function codePointIndex(s: string, offset: number): number {
  if (!hasAstral(s)) return offset;
  return Array.from(s.slice(0, offset)).length;
}

/** Python's str.isspace characters as a regex class body (the u flag), from the Unicode database. */
export const PY_SPACE = SPACE_CLASS;
export const PY_SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'u');
export const PY_LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`, 'u');
export const PY_TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`, 'u');

export function pyIsLower(s: string): boolean {
  let cased = false;
  for (const c of s) {
    if (isUpperChar(c) || isTitleChar(c)) return false;
    if (isLowerChar(c)) cased = true;
  }
  return cased;
}

export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (const c of s) {
    if (isLowerChar(c) || isTitleChar(c)) return false;
    if (isUpperChar(c)) cased = true;
  }
  return cased;
}

/** str.isidentifier: XID_Start or '_', then XID_Continue. */
export function pyIsIdentifier(s: string): boolean {
  return /^[\p{XID_Start}_]\p{XID_Continue}*$/u.test(s);
}

/** Compares strs by code point, as CPython does (JS compares UTF-16 units, which orders astral characters early). */
export function compareStr(a: string, b: string): number {
  if (!hasAstral(a) && !hasAstral(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length - y.length < 0 ? -1 : x.length > y.length ? 1 : 0;
}

/** str.casefold(): per character, lowercase of the uppercase (ß → ss, ς → σ); Cherokee folds to uppercase. */
export function pyCasefold(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if ((code >= 0x13f8 && code <= 0x13fd) || (code >= 0xab70 && code <= 0xabbf)) out += c.toUpperCase();
    else if (code >= 0x13a0 && code <= 0x13f5) out += c;
    else out += c.toUpperCase().toLowerCase();
  }
  return out;
}
