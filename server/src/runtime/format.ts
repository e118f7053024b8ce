// The formatting mini-language: format specs (format(), f-strings, `__format__` of int, float and str),
// printf-style `%` formatting and str.format, with CPython 3.13's results and error messages. Floats are
// formatted from their exact binary value (exactFixed/exactDigits), as CPython's dtoa does.

import type { Kw } from './args.js';
import { excTypes, isIntLike, isNumeric, toNumber, typeOf, type VM } from './interp.js';
import { asBig, intOf } from './objects/int.js';
import { PyByteArray, PyBytes, PyDict, PyFloat, PyInstance, PyList, PyObject, PyRange, PyTuple, exactDigits, exactFixed, floatRepr, type Py } from './values.js';
import { cpLength, decimalValue } from './unicode.js';

/** sys.maxsize: the largest width or precision CPython's format parser accepts. */
const MAX_SSIZE = 2n ** 63n - 1n;

interface Spec {
  fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number;
  grouping: string; precision: number; type: string;
}
/** A spec's Unicode decimal digits as ASCII (CPython reads width and precision with TODECIMAL); the fill stays. */
function asciiSpecDigits(spec: string): string {
  if (/^[\x00-\x7f]*$/.test(spec)) return spec;
  const chars = Array.from(spec);
  const fillAt = chars.length >= 2 && '<>=^'.includes(chars[1]!) ? 0 : -1;
  let out = '';
  chars.forEach((c, i) => {
    const d = i === fillAt || c.codePointAt(0)! < 0x80 ? -1 : decimalValue(c.codePointAt(0)!);
    // Only an ASCII '0' is the zero-padding flag: a leading Unicode zero of a width is just a digit.
    if (d === 0 && !/[0-9.]$/.test(out)) return;
    out += d >= 0 ? String(d) : c;
  });
  return out;
}
function parseSpec(vm: VM, rawSpec: string, typeName = 'str'): Spec {
  const spec = asciiSpecDigits(rawSpec);
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/s.exec(spec);
  if (m === null) {
    // A well-formed spec whose last character is no presentation type (unknown_presentation_type).
    const unknown = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?(.)$/su.exec(spec);
    if (unknown !== null) {
      const code = unknown[9]!.codePointAt(0)!;
      const shown = code > 32 && code < 128 ? unknown[9] : `\\x${code.toString(16)}`;
      throw vm.error('ValueError', `Unknown format code '${shown}' for object of type '${typeName}'`);
    }
    throw vm.error('ValueError', `Invalid format specifier '${rawSpec}' for object of type '${typeName}'`);
  }
  // get_integer: more than a Py_ssize_t holds is CPython's ValueError; what fits but is huge would build a
  // string the size of the width, which the memory cap stops (never a JavaScript "Invalid string length").
  for (const digits of [m[6], m[8]]) {
    if (digits === undefined) continue;
    if (BigInt(digits) > MAX_SSIZE) throw vm.error('ValueError', 'Too many decimal digits in format string');
    vm.checkSize(Number(digits));
  }
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '), align: m[2] ?? (m[5] ? '=' : ''), sign: m[3] ?? '-', alt: m[4] !== undefined,
    zero: m[5] !== undefined, width: m[6] ? parseInt(m[6], 10) : 0, grouping: m[7] ?? '',
    precision: m[8] !== undefined ? parseInt(m[8], 10) : -1, type: m[9] ?? '',
  };
}
function group(digits: string, sep: string, every = 3): string {
  if (sep === '') return digits;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % every === 0) out += sep;
    out += digits[i];
  }
  return out;
}
/** Width counts code points, as CPython's str does. */
function pad(s: Spec, body: string, signStr: string, defaultAlign: string): string {
  const total = signStr.length + cpLength(body);
  if (total >= s.width) return signStr + body;
  const n = s.width - total;
  const align = s.align || defaultAlign;
  if (align === '=') return signStr + s.fill.repeat(n) + body;
  if (align === '<') return signStr + body + s.fill.repeat(n);
  if (align === '>') return s.fill.repeat(n) + signStr + body;
  const left = Math.floor(n / 2);
  return s.fill.repeat(left) + signStr + body + s.fill.repeat(n - left);
}
function fixed(x: number, prec: number): string {
  return exactFixed(Math.abs(x), prec);
}
function expo(x: number, prec: number, upper: boolean): string {
  const [digits, e] = exactDigits(Math.abs(x), prec + 1);
  const mant = prec > 0 ? digits[0] + '.' + digits.slice(1) : digits;
  const r = `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return upper ? r.toUpperCase() : r;
}
function generalFormat(x: number, prec: number, alt: boolean, upper: boolean): string {
  if (prec === 0) prec = 1;
  if (x === 0) return alt ? '0.' + '0'.repeat(prec - 1) : '0';
  const e = exactDigits(Math.abs(x), prec)[1];
  let r: string;
  if (e >= -4 && e < prec) r = fixed(x, Math.max(0, prec - 1 - e));
  else r = expo(x, prec - 1, upper);
  if (!alt) {
    if (r.includes('e') || r.includes('E')) r = r.replace(/\.?0+(?=[eE])/, '');
    else if (r.includes('.')) r = r.replace(/\.?0+$/, '');
  }
  return r;
}
export function formatValue(vm: VM, v: Py, spec: string): string {
  if (spec === '') return vm.str(v);
  if (typeof v === 'string') {
    const s = parseSpec(vm, spec);
    if (s.type !== '' && s.type !== 's') throw vm.error('ValueError', `Unknown format code '${s.type}' for object of type 'str'`);
    if (/^(?:.?[<>=^])?[+\- ]/.test(spec)) throw vm.error('ValueError', 'Sign not allowed in string format specifier');
    const body = s.precision >= 0 ? Array.from(v).slice(0, s.precision).join('') : v;
    return pad(s, body, '', '<');
  }
  if (isIntLike(v) || v instanceof PyFloat) {
    const s = parseSpec(vm, spec, typeOf(v).tpName);
    let t = s.type;
    const isFloat = v instanceof PyFloat;
    if (isFloat && 'bcdoxX'.includes(t) && t !== '') throw vm.error('ValueError', `Unknown format code '${t}' for object of type 'float'`);
    if (!isFloat && t === '' && s.precision >= 0) throw vm.error('ValueError', 'Precision not allowed in integer format specifier');
    if (t === '' && isFloat) t = s.precision >= 0 ? 'g' : 'r';
    if (t === '' || t === 'n') t = isFloat ? 'g' : 'd';
    const neg = isFloat ? v.v < 0 || Object.is(v.v, -0) : asBig(intOf(v)) < 0n;
    const signStr = neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
    let body: string;
    if ('bdoxXc'.includes(t)) {
      const n = asBig(intOf(v));
      const a = n < 0n ? -n : n;
      if (t === 'c') {
        if (n < 0n || n >= 0x110000n) throw vm.error('OverflowError', '%c arg not in range(0x110000)');
        return pad(s, String.fromCodePoint(Number(n)), '', '<');
      }
      const base = t === 'b' ? 2 : t === 'o' ? 8 : t === 'd' ? 10 : 16;
      let digits = a.toString(base);
      if (t === 'X') digits = digits.toUpperCase();
      digits = group(digits, s.grouping, base === 10 ? 3 : 4);
      const prefix = s.alt ? (t === 'b' ? '0b' : t === 'o' ? '0o' : t === 'x' ? '0x' : t === 'X' ? '0X' : '') : '';
      body = digits;
      if (s.align === '=' || (s.zero && !s.align)) {
        const width = s.width - signStr.length - prefix.length;
        if (s.fill === '0' && body.length < width) body = (s.grouping ? group('0'.repeat(width - body.length) + a.toString(base), s.grouping, base === 10 ? 3 : 4).slice(-width) : '0'.repeat(width - body.length) + body);
        return pad({ ...s, width: 0 }, prefix + body, signStr, '>') .padStart(s.width, s.fill);
      }
      return pad(s, prefix + body, signStr, '>');
    }
    const x = Math.abs(toNumber(v));
    const prec = s.precision >= 0 ? s.precision : 6;
    switch (t) {
      case 'f':
      case 'F':
        body = Number.isFinite(x) ? fixed(x, prec) : Number.isNaN(x) ? 'nan' : 'inf';
        if (t === 'F') body = body.toUpperCase();
        break;
      case 'e':
      case 'E':
        body = Number.isFinite(x) ? expo(x, prec, t === 'E') : Number.isNaN(x) ? 'nan' : 'inf';
        if (t === 'E') body = body.toUpperCase();
        break;
      case '%':
        body = Number.isFinite(x) ? fixed(x * 100, prec) + '%' : Number.isNaN(x) ? 'nan%' : 'inf%';
        break;
      case 'g':
      case 'G':
        body = Number.isFinite(x) ? generalFormat(x, prec, s.alt, t === 'G') : Number.isNaN(x) ? 'nan' : 'inf';
        if (t === 'G') body = body.toUpperCase();
        break;
      case 'r':
        body = floatRepr(x);
        break;
      default:
        throw vm.error('ValueError', `Unknown format code '${t}' for object of type '${typeOf(v).tpName}'`);
    }
    if (s.grouping !== '') {
      const [ip, fp] = body.split('.') as [string, string | undefined];
      if (/^\d+$/.test(ip)) body = group(ip, s.grouping) + (fp !== undefined ? '.' + fp : '');
    }
    if (s.zero && !s.align) {
      const width = s.width - signStr.length;
      if (body.length < width) body = '0'.repeat(width - body.length) + body;
      return signStr + body;
    }
    return pad(s, body, signStr, '>');
  }
  if (v === null || typeof v === 'boolean' || v instanceof PyObject) {
    if (v instanceof PyInstance || v === null || v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) {
      throw vm.typeError(`unsupported format string passed to ${typeOf(v).tpName}.__format__`);
    }
  }
  throw vm.typeError(`unsupported format string passed to ${typeOf(v).tpName}.__format__`);
}

export function percentFormat(vm: VM, fmt: string, arg: Py): string {
  const args = arg instanceof PyTuple ? arg.items : [arg];
  let ai = 0;
  const next = (): Py => {
    if (ai >= args.length) throw vm.typeError('not enough arguments for format string');
    return args[ai++];
  };
  const out = fmt.replace(/%(\([^)]*\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g, (_m, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let v: Py;
    if (key !== undefined) v = vm.getItem(arg, key.slice(1, -1));
    else {
      const star = (): string => {
        const n = next();
        if ((typeof n === 'bigint' || typeof n === 'number') && BigInt(n) > MAX_SSIZE) throw vm.error('OverflowError', 'Python int too large to convert to C ssize_t');
        return String(n);
      };
      if (width === '*') width = star();
      if (prec === '*') prec = star();
      v = next();
    }
    // PyUnicode_Format's own limits on digits written in the format (a `*` argument is a C ssize_t).
    if (width !== undefined && /^\d+$/.test(width) && BigInt(width) > MAX_SSIZE) throw vm.error('ValueError', 'width too big');
    if (prec !== undefined && /^\d+$/.test(prec) && BigInt(prec) > MAX_SSIZE) throw vm.error('ValueError', 'precision too big');
    let spec = '';
    if (flags.includes('-')) spec += '<';
    else if (!flags.includes('0') && width) spec += '>';
    if (flags.includes('+')) spec += '+';
    else if (flags.includes(' ')) spec += ' ';
    if (flags.includes('#')) spec += '#';
    if (flags.includes('0') && !flags.includes('-')) spec += '0';
    if (width) spec += width;
    if (prec !== undefined) spec += '.' + prec;
    // %s, %r, %a and %c take only '-', a width and a precision.
    const textSpec = `${flags.includes('-') ? '<' : width ? '>' : ''}${width ?? ''}${prec !== undefined ? '.' + prec : ''}`;
    switch (conv) {
      case 's':
        return formatValue(vm, vm.str(v), textSpec);
      case 'r':
        return formatValue(vm, vm.repr(v), textSpec);
      case 'a':
        return formatValue(vm, vm.call(vm.builtins.get('ascii'), [v]) as string, textSpec);
      case 'c': {
        const charSpec = `${flags.includes('-') ? '<' : width ? '>' : ''}${width ?? ''}`;
        if (typeof v === 'string') {
          if (Array.from(v).length !== 1) throw vm.typeError('%c requires int or char');
          return formatValue(vm, v, charSpec);
        }
        if (!isIntLike(v)) throw vm.typeError('%c requires int or char');
        const code = asBig(intOf(v));
        if (code < 0n || code >= 0x110000n) throw vm.error('OverflowError', '%c arg not in range(0x110000)');
        return formatValue(vm, String.fromCodePoint(Number(code)), charSpec);
      }
      case 'o':
      case 'x':
      case 'X':
        if (!isIntLike(v)) throw vm.typeError(`%${conv} format: an integer is required, not ${typeOf(v).tpName}`);
        return formatValue(vm, v, spec + conv);
      case 'd':
      case 'i':
      case 'u':
        if (!isNumeric(v)) throw vm.typeError(`%${conv} format: a real number is required, not ${typeOf(v).tpName}`);
        // PyNumber_Long of a float: NaN and the infinities have no int.
        if (v instanceof PyFloat && Number.isNaN(v.v)) throw vm.error('ValueError', 'cannot convert float NaN to integer');
        if (v instanceof PyFloat && !Number.isFinite(v.v)) throw vm.error('OverflowError', 'cannot convert float infinity to integer');
        return formatValue(vm, v instanceof PyFloat ? Math.trunc(v.v) : v, spec + 'd');
      default:
        if (!isNumeric(v)) throw vm.typeError(`must be real number, not ${typeOf(v).tpName}`);
        return formatValue(vm, 'eEfFgG'.includes(conv) ? new PyFloat(toNumber(v)) : v, spec + conv);
    }
  });
  // PyMapping_Check: any subscriptable argument but a tuple or str (a list too) silences the check.
  const mapping = arg instanceof PyDict || arg instanceof PyList || arg instanceof PyRange || arg instanceof PyBytes || arg instanceof PyByteArray
    || (arg instanceof PyInstance && arg.cls.lookup('__getitem__') !== undefined);
  if (ai < args.length && !mapping) throw vm.typeError('not all arguments converted during string formatting');
  return out;
}

/** str.format: fields `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}` with `!r`/`!s` and specs. */
export function strFormat(vm: VM, fmt: string, args: Py[], kw: Kw): string {
  let auto = 0;
  let manual = false;
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        j++;
      }
      if (depth !== 0) throw vm.error('ValueError', "expected '}' before end of string");
      const field = fmt.slice(i + 1, j - 1);
      i = j;
      const m = /^([^!:.[]*)((?:\.[^!:.[]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (m === null) throw vm.error('ValueError', 'invalid format field');
      const name = m[1]!;
      let v: Py;
      if (name === '' && manual) throw vm.error('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      if (/^\d+$/.test(name) && auto > 0) throw vm.error('ValueError', 'cannot switch from automatic field numbering to manual field specification');
      if (/^\d+$/.test(name)) manual = true;
      if (name === '') {
        if (auto >= args.length) throw vm.error('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
        v = args[auto++];
      } else if (/^\d+$/.test(name)) {
        // get_integer: a field number past a C ssize_t is a ValueError; a smaller one is named exactly.
        const big = BigInt(name);
        if (big > 9223372036854775807n) throw vm.error('ValueError', 'Too many decimal digits in format string');
        const idx = Number(big);
        if (big >= BigInt(args.length)) throw vm.error('IndexError', `Replacement index ${big} out of range for positional args tuple`);
        v = args[idx];
      } else {
        v = kw?.get(name);
        if (v === undefined) throw vm.newException(excTypes.get('KeyError')!, [name]);
      }
      for (const part of (m[2] ?? '').match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
        if (part.startsWith('.')) v = vm.getAttr(v, part.slice(1));
        else {
          const key = part.slice(1, -1);
          v = vm.getItem(v, /^\d+$/.test(key) ? parseInt(key, 10) : key);
        }
      }
      if (m[3] === 'r' || m[3] === 'a') v = vm.repr(v);
      else if (m[3] === 's') v = vm.str(v);
      const spec = m[4] !== undefined ? strFormat(vm, m[4], args, kw) : '';
      out += vm.format(v, spec);
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw vm.error('ValueError', "Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
