// What CPython's str knows of Unicode and JavaScript's string does not: indices by code point (a JS string
// counts UTF-16 units), Python's whitespace set, its case predicates (the Lowercase/Uppercase properties and
// titlecase letters), printability (for repr and isprintable) and titlecasing.

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

/** Python's str.isspace characters (Unicode White_Space plus the separators \x1c-\x1f). */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const PY_SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'u');
export const PY_LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`, 'u');
export const PY_TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`, 'u');
export const PY_ALL_SPACE = new RegExp(`^[${PY_SPACE}]+$`, 'u');

const UPPER = /[\p{Uppercase}]/u;
const LOWER = /[\p{Lowercase}]/u;
const TITLE = /\p{Lt}/u;
/** A cased character: Python's Py_UNICODE_ISUPPER/ISLOWER/ISTITLE. */
export const isUpperChar = (c: string): boolean => UPPER.test(c);
export const isLowerChar = (c: string): boolean => LOWER.test(c);
export const isTitleChar = (c: string): boolean => TITLE.test(c);
const isCased = (c: string): boolean => isUpperChar(c) || isLowerChar(c) || isTitleChar(c);

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

export function pyIsTitle(s: string): boolean {
  let cased = false;
  let previousCased = false;
  for (const c of s) {
    if (isUpperChar(c) || isTitleChar(c)) {
      if (previousCased) return false;
      previousCased = true;
      cased = true;
    } else if (isLowerChar(c)) {
      if (!previousCased) return false;
      previousCased = true;
      cased = true;
    } else previousCased = false;
  }
  return cased;
}

/** The titlecase digraphs, whose titlecase differs from their uppercase. */
const TITLECASE: Record<string, string> = {
  'Ǆ': 'ǅ', 'ǅ': 'ǅ', 'ǆ': 'ǅ', 'Ǉ': 'ǈ', 'ǈ': 'ǈ', 'ǉ': 'ǈ', 'Ǌ': 'ǋ', 'ǋ': 'ǋ', 'ǌ': 'ǋ', 'Ǳ': 'ǲ', 'ǲ': 'ǲ', 'ǳ': 'ǲ',
};

/** A character's full titlecase mapping: its uppercase, with the tail of a multi-character one lowered ('ß' → 'Ss'). */
export function titleChar(c: string): string {
  const special = TITLECASE[c];
  if (special !== undefined) return special;
  const upper = c.toUpperCase();
  const chars = Array.from(upper);
  return chars.length > 1 ? chars[0] + chars.slice(1).join('').toLowerCase() : upper;
}

/** str.title(): a cased character after an uncased one is titlecased, the others lowered. */
export function pyTitle(s: string): string {
  let out = '';
  let previousCased = false;
  // A run lowered after a titlecased character is lowered with it, so that a final sigma sees the word it ends.
  let head = '';
  let run = '';
  const flush = (): void => {
    if (run !== '') out += (head + run).toLowerCase().slice(head.toLowerCase().length);
    run = '';
  };
  for (const c of s) {
    if (previousCased) run += c;
    else {
      flush();
      head = c;
      out += titleChar(c);
    }
    previousCased = isCased(c);
  }
  flush();
  return out;
}

/** str.capitalize(): the first character titlecased, the rest lowered. */
export function pyCapitalize(s: string): string {
  const chars = Array.from(s);
  if (chars.length === 0) return s;
  return titleChar(chars[0]!) + chars.slice(1).join('').toLowerCase();
}

/** str.swapcase(): upper to lower and lower to upper; titlecase and uncased characters stay. */
export function pySwapcase(s: string): string {
  let out = '';
  for (const c of s) {
    if (isUpperChar(c)) out += c.toLowerCase();
    else if (isLowerChar(c)) out += c.toUpperCase();
    else out += c;
  }
  return out;
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
/** Py_UNICODE_ISPRINTABLE: not a control, format, surrogate, private-use, unassigned or separator character (space is printable). */
export function isPrintableChar(c: string): boolean {
  return c === ' ' || !NOT_PRINTABLE.test(c);
}

/** The last run of Python whitespace in a string (rsplit without a separator). */
export const PY_LAST_SPACE_RUN = new RegExp(`[${PY_SPACE}]+(?=[^${PY_SPACE}]*$)`, 'u');

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
