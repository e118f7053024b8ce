// str: concatenation, repetition and subscripts (by code point, as CPython indexes a str), the str()
// constructor, and every method of str. Formatting (`%`, str.format, format specs) is in format.ts.

import { def, methodArity, native, toInt, type Kw } from '../args.js';
import { formatValue, percentFormat, strFormat } from '../format.js';
import { isIntLike, NOT_IMPLEMENTED, strRepr, strType, subOverride, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyByteArray, PyBytes, PyDict, PyDictSub, PyInstance, PyList, PySlice, PyStaticMethod, PyTuple, normInt, strHash, type Py } from '../values.js';
import { indexOf, repeatCount } from './sequence.js';
import { sliceArray, sliceIndices } from './slice.js';
import { allChars, cpLength, isDecimalChar, isDigitChar, isNumericChar, isPrintableChar, isSpaceChar, SPACE_CLASS } from '../unicode.js';
import {
  codePointIndex, PY_LEADING_SPACE, PY_SPACE_RUN, PY_TRAILING_SPACE, pyCapitalize,
  pyCasefold, pyIsIdentifier, pyIsLower, pyIsTitle, pyIsUpper, pySwapcase, pyTitle, utf16Offset,
} from '../unicode.js';
import { arityCheck } from './method-arity.js';

// Python's whitespace (str.isspace), which split() and strip() without arguments use; not JS's \s.
const WS_TAIL = new RegExp(`[${SPACE_CLASS}]+$`, 'u');
const WS_LAST_WORD = new RegExp(`[${SPACE_CLASS}]+([^${SPACE_CLASS}]+)$`, 'u');
const isAlphaChar = (cp: number): boolean => /^\p{L}$/u.test(String.fromCodePoint(cp));

/** `s op b` for a str `s` (`n * s` is `s * n`), or NotImplemented. */
export function strBinary(vm: VM, op: string, a: string, b: Py): Py {
  if (op === '+' && typeof b === 'string') {
    if (a.length + b.length > vm.opts.maxCollection) vm.checkSize(a.length + b.length);
    return a + b;
  }
  if (op === '*' && isIntLike(b)) return a.repeat(repeatCount(vm, b, a.length, 'str'));
  if (op === '%') return percentFormat(vm, a, b);
  return NOT_IMPLEMENTED;
}

export function strSubscript(vm: VM, o: string, k: Py): Py {
  if (k instanceof PySlice) return sliceArray(vm, Array.from(o), k).join('');
  const chars = o.length === Array.from(o).length ? null : Array.from(o);
  const len = chars === null ? o.length : chars.length;
  if (!isIntLike(k) && !(k instanceof PyInstance)) throw vm.typeError(`string indices must be integers, not '${typeOf(k).tpName}'`);
  const i = indexOf(vm, k, len, 'string');
  if (i < 0 || i >= len) throw vm.error('IndexError', 'string index out of range');
  return chars === null ? o[i] : chars[i];
}

/** len() of a str: its code points, as CPython counts them. */
export function strLength(s: string): number {
  return cpLength(s);
}

/** The type named in an argument-clinic TypeError ('None' for None, as _PyArg_BadArgument says). */
function argTypeName(v: Py): string {
  return v === null ? 'None' : typeOf(v).tpName;
}

export function installStrType(vm: VM): void {
  const selfStr = (args: Py[], name: string): string => {
    const s = args[0];
    if (typeof s !== 'string') throw vm.typeError(`descriptor '${name}' for 'str' objects doesn't apply to a '${typeOf(s).tpName}' object`);
    return s;
  };
  // unicode_new_impl: str(object='', encoding=..., errors=...), by position or by name.
  strType.dict.set('__new__', native('__new__', (a, kw) => {
    // A subclass's instances would be plain strs here: its methods and type would be lost, so it is refused.
    if (a[0] !== strType) throw new UnsupportedSignal('subclassing str', vm.currentLine());
    const args = a.slice(1);
    if (args.length > 3) throw vm.typeError(`str expected at most 3 arguments, got ${args.length}`);
    const given = args.length + (kw?.size ?? 0);
    if (given > 3) throw vm.typeError(`str() takes at most 3 arguments (${given} given)`);
    const names = ['object', 'encoding', 'errors'];
    const bound: (Py | undefined)[] = [args[0], args[1], args[2]];
    for (const [k, v] of kw ?? []) {
      const i = names.indexOf(k);
      if (i < 0) throw vm.typeError(`str() got an unexpected keyword argument '${k}'`);
      if (i < args.length) throw vm.typeError(`argument for str() given by name ('${k}') and position (${i + 1})`);
      bound[i] = v;
    }
    const [object, encoding, errors] = bound;
    if (encoding === undefined && errors === undefined) return object === undefined ? '' : vm.str(object);
    for (const [name, v] of [['encoding', encoding], ['errors', errors]] as const)
      if (v !== undefined && typeof v !== 'string') throw vm.typeError(`str() argument '${name}' must be str, not ${typeOf(v).tpName}`);
    if (object === undefined) return '';
    if (typeof object === 'string') throw vm.typeError('decoding str is not supported');
    if (!(object instanceof PyBytes || object instanceof PyByteArray))
      throw vm.typeError(`decoding to str: need a bytes-like object, ${typeOf(object).tpName} found`);
    return vm.call(vm.getAttr(object, 'decode'), [encoding ?? 'utf-8', errors ?? 'strict']);
  }));
  installStrMethods(vm, selfStr);
}

function installStrMethods(vm: VM, selfStr: (a: Py[], n: string) => string): void {
  const t = strType;
  // The str methods that take keywords (their Argument Clinic signatures); the others reject any keyword, as
  // METH_FASTCALL/METH_O/METH_NOARGS methods and slot wrappers do.
  const keywordMethods = new Set(['split', 'rsplit', 'splitlines', 'expandtabs', 'encode', 'replace', 'format']);
  const m = (name: string, f: (s: string, a: Py[], kw: Kw) => Py): void => {
    const checkArity = arityCheck('str', name);
    defStr(name, checkArity, f);
  };
  const defStr = (name: string, checkArity: ReturnType<typeof arityCheck>, f: (s: string, a: Py[], kw: Kw) => Py): void => def(t, name, (a, kw) => {
    if (kw !== null && kw.size > 0 && !keywordMethods.has(name))
      throw vm.typeError(name.startsWith('__') ? `wrapper ${name}() takes no keyword arguments` : `str.${name}() takes no keyword arguments`);
    // Every method checks its own argument count (METH_NOARGS, METH_O, Argument Clinic, slot wrappers).
    if (checkArity !== null) checkArity(vm, a.length - 1);
    return f(selfStr(a, name), a.slice(1), kw);
  });
  const strArg = (v: Py, name: string): string => {
    if (typeof v !== 'string') throw vm.typeError(`${name} arg must be None or str`);
    return v;
  };
  m('join', (s, a) => {
    const parts: string[] = [];
    let i = 0;
    let iterator: Py;
    try {
      iterator = vm.getIter(a[0]);
    } catch (error) {
      const exception = vm.toPyException(error);
      if (vm.excMatches(exception, 'TypeError')) throw vm.typeError('can only join an iterable');
      throw exception;
    }
    for (const x of vm.iterate(iterator)) {
      if (typeof x !== 'string') throw vm.typeError(`sequence item ${i}: expected str instance, ${typeOf(x).tpName} found`);
      parts.push(x);
      i++;
    }
    const r = parts.join(s);
    vm.checkSize(r.length);
    return r;
  });
  m('split', (s, a, kw) => {
    const sep = a.length > 0 ? a[0] : kw?.get('sep') ?? null;
    const maxsplit = toInt(vm, a.length > 1 ? a[1] : kw?.get('maxsplit') ?? -1);
    if (sep === null) {
      const out: string[] = [];
      let rest = s.replace(PY_LEADING_SPACE, '');
      while (rest.length > 0) {
        if (maxsplit >= 0 && out.length >= maxsplit) {
          out.push(rest);
          break;
        }
        const mm = PY_SPACE_RUN.exec(rest);
        if (mm === null) {
          out.push(rest);
          break;
        }
        out.push(rest.slice(0, mm.index));
        rest = rest.slice(mm.index + mm[0].length);
      }
      return new PyList(out);
    }
    if (typeof sep !== 'string') throw vm.typeError(`must be str or None, not ${typeOf(sep).tpName}`);
    const sp = sep;
    if (sp === '') throw vm.error('ValueError', 'empty separator');
    const parts = s.split(sp);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const head = parts.slice(0, maxsplit);
      head.push(parts.slice(maxsplit).join(sp));
      return new PyList(head);
    }
    return new PyList(parts);
  });
  m('rsplit', (s, a, kw) => {
    const sep = a.length > 0 ? a[0] : kw?.get('sep') ?? null;
    const maxsplit = toInt(vm, a.length > 1 ? a[1] : kw?.get('maxsplit') ?? -1);
    if (sep === null) {
      // rsplit_whitespace: words from the right; what is left after maxsplit splits keeps its leading whitespace.
      const out: string[] = [];
      let rest = s.replace(WS_TAIL, '');
      while (rest.length > 0) {
        if (maxsplit >= 0 && out.length >= maxsplit) {
          out.unshift(rest);
          break;
        }
        const mm = WS_LAST_WORD.exec(rest);
        if (mm === null) {
          out.unshift(rest);
          break;
        }
        out.unshift(mm[1]!);
        rest = rest.slice(0, mm.index);
      }
      return new PyList(out);
    }
    if (typeof sep !== 'string') throw vm.typeError(`must be str or None, not ${typeOf(sep).tpName}`);
    if (sep === '') throw vm.error('ValueError', 'empty separator');
    const parts = s.split(sep);
    if (maxsplit >= 0 && parts.length > maxsplit + 1) {
      const tail = parts.slice(parts.length - maxsplit);
      tail.unshift(parts.slice(0, parts.length - maxsplit).join(sep));
      return new PyList(tail);
    }
    return new PyList(parts);
  });
  m('splitlines', (s, a, kw) => {
    // splitlines(keepends=False): one argument, by position or by name.
    const given = a.length + (kw?.size ?? 0);
    if (given > 1) throw vm.typeError(`splitlines() takes at most 1 argument (${given} given)`);
    if (kw !== null) for (const k of kw.keys()) if (k !== 'keepends') throw vm.typeError(`splitlines() got an unexpected keyword argument '${k}'`);
    const keepArg = a.length > 0 ? a[0] : kw?.get('keepends');
    const keep = keepArg !== undefined && vm.truthy(keepArg);
    const out: string[] = [];
    const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
    let last = 0;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(s)) !== null) {
      out.push(s.slice(last, keep ? mm.index + mm[0].length : mm.index));
      last = mm.index + mm[0].length;
    }
    if (last < s.length) out.push(s.slice(last));
    return new PyList(out);
  });
  const stripChars = (a: Py[], name = 'strip'): string | null => (a.length > 0 && a[0] !== null ? strArg(a[0], name) : null);
  const esc = (c: string): string => c.replace(/[\\\]^-]/g, '\\$&');
  m('strip', (s, a) => {
    const c = stripChars(a);
    if (c === null) return s.replace(PY_LEADING_SPACE, '').replace(PY_TRAILING_SPACE, '');
    if (c === '') return s;
    return s.replace(new RegExp(`^[${esc(c)}]+|[${esc(c)}]+$`, 'gu'), '');
  });
  m('lstrip', (s, a) => {
    const c = stripChars(a, 'lstrip');
    if (c === null) return s.replace(PY_LEADING_SPACE, '');
    if (c === '') return s;
    return s.replace(new RegExp(`^[${esc(c)}]+`, 'u'), '');
  });
  m('rstrip', (s, a) => {
    const c = stripChars(a, 'rstrip');
    if (c === null) return s.replace(PY_TRAILING_SPACE, '');
    if (c === '') return s;
    return s.replace(new RegExp(`[${esc(c)}]+$`, 'u'), '');
  });
  m('upper', (s) => s.toUpperCase());
  m('lower', (s) => s.toLowerCase());
  m('casefold', (s) => pyCasefold(s));
  m('title', (s) => pyTitle(s));
  m('capitalize', (s) => pyCapitalize(s));
  m('swapcase', (s) => pySwapcase(s));
  /** The part of `s` from code point index st to en (both already clamped by sliceIndices). */
  const window = (s: string, st: number, en: number): string => (en <= st ? '' : s.slice(utf16Offset(s, st), utf16Offset(s, en)));
  /**
   * ADJUST_INDICES of CPython's stringlib: the end clamped to the length, the start made non-negative but not
   * clamped, so that a start beyond the end finds nothing (not even '').
   */
  const adjustIndices = (start: Py, end: Py, length: number): [number, number] => {
    const [, en] = sliceIndices(vm, new PySlice(null, end ?? null, null), length);
    let st = start === null || start === undefined ? 0 : Number(toInt(vm, start));
    if (st < 0) st = Math.max(0, st + length);
    return [st, en];
  };
  const prefixTest = (name: string, test: (s: string, p: string) => boolean) => (s: string, a: Py[]): Py => {
    methodArity(vm, name, [s, ...a], 1, 3);
    const length = strLength(s);
    const [st, en] = adjustIndices(a[1], a[2], length);
    // CPython's tailmatch: a start past the end, or an end before the start, matches nothing, not even ''.
    const check = (x: string): boolean => st <= length && (en >= st || x !== '' ? en >= st && test(window(s, st, en), x) : false);
    const p = a[0];
    if (p instanceof PyTuple) {
      for (const x of p.items) {
        if (typeof x !== 'string') throw vm.typeError(`tuple for ${name} must only contain str, not ${typeOf(x).tpName}`);
        if (check(x)) return true;
      }
      return false;
    }
    if (typeof p !== 'string') throw vm.typeError(`${name} first arg must be str or a tuple of str, not ${typeOf(p).tpName}`);
    return check(p);
  };
  m('startswith', prefixTest('startswith', (s, p) => s.startsWith(p)));
  m('endswith', prefixTest('endswith', (s, p) => s.endsWith(p)));
  m('replace', (s, a) => {
    const [old, nw] = a;
    if (typeof old !== 'string') throw vm.typeError(`replace() argument 1 must be str, not ${argTypeName(old)}`);
    if (typeof nw !== 'string') throw vm.typeError(`replace() argument 2 must be str, not ${argTypeName(nw)}`);
    const count = a.length > 2 ? toInt(vm, a[2]) : -1;
    if (count < 0) {
      const r = old === '' ? nw + [...s].join(nw) + (s.length > 0 ? nw : '') : s.split(old).join(nw);
      vm.checkSize(r.length);
      return r;
    }
    if (old === '') {
      // An empty pattern matches before every character and at the end: the first `count` of those.
      const chars = [...s];
      let out = '';
      for (let i = 0; i <= chars.length; i++) out += (i < count ? nw : '') + (chars[i] ?? '');
      return out;
    }
    let out = s;
    let idx = 0;
    for (let i = 0; i < count; i++) {
      const j = out.indexOf(old, idx);
      if (j < 0) break;
      out = out.slice(0, j) + nw + out.slice(j + old.length);
      idx = j + nw.length;
    }
    return out;
  });
  /** find/rfind/index/rindex/count's substring argument. */
  const subArg = (name: string, sub: Py): string => {
    if (typeof sub !== 'string') throw vm.typeError(`${name}() argument 1 must be str, not ${argTypeName(sub)}`);
    return sub;
  };
  /** str.find and rfind: a code point index, or -1. */
  const findIn = (name: string, s: string, a: Py[], rev: boolean): number => {
    methodArity(vm, name, [s, ...a], 1, 3);
    const sub = subArg(name, a[0]);
    const length = strLength(s);
    const [st, en] = adjustIndices(a[1], a[2], length);
    if (st > length || en - st < strLength(sub)) return -1;
    const hay = window(s, st, en);
    const r = rev ? hay.lastIndexOf(sub) : hay.indexOf(sub);
    return r < 0 ? -1 : st + codePointIndex(hay, r);
  };
  m('find', (s, a) => findIn('find', s, a, false));
  m('rfind', (s, a) => findIn('rfind', s, a, true));
  m('index', (s, a) => {
    const r = findIn('index', s, a, false);
    if (r < 0) throw vm.error('ValueError', 'substring not found');
    return r;
  });
  m('rindex', (s, a) => {
    const r = findIn('rindex', s, a, true);
    if (r < 0) throw vm.error('ValueError', 'substring not found');
    return r;
  });
  m('count', (s, a) => {
    methodArity(vm, 'count', [s, ...a], 1, 3);
    const sub = subArg('count', a[0]);
    const length = strLength(s);
    const [st, en] = adjustIndices(a[1], a[2], length);
    if (st > length || en < st) return 0;
    const hay = window(s, st, en);
    if (sub === '') return strLength(hay) + 1;
    return hay.split(sub).length - 1;
  });
  m('format', (s, a, kw) => strFormat(vm, s, a, kw));
  m('format_map', (s, a) => {
    const kw = new Map<string, Py>();
    const d = a[0] as PyDict;
    // CPython looks each field up with mapping[key]: a dict subclass's __getitem__ or __missing__ would run.
    if (d instanceof PyDictSub && (d.cls.lookup('__missing__') !== undefined || subOverride(d, '__getitem__') !== undefined))
      throw new UnsupportedSignal(`str.format_map() of a ${d.cls.name} with __getitem__ or __missing__`, vm.currentLine());
    for (const [hk, v] of d.vals) kw.set(d.keys.get(hk), v);
    return strFormat(vm, s, [], kw);
  });
  const charTest = (re: RegExp) => (s: string): boolean => s.length > 0 && re.test(s);
  m('isdigit', (s) => allChars(s, isDigitChar));
  m('isdecimal', (s) => allChars(s, isDecimalChar));
  m('isnumeric', (s) => allChars(s, isNumericChar));
  m('isalpha', charTest(/^\p{L}+$/u));
  m('isalnum', (s) => allChars(s, (cp) => isAlphaChar(cp) || isNumericChar(cp)));
  m('isspace', (s) => allChars(s, isSpaceChar));
  m('isprintable', (s) => s.length === 0 || allChars(s, isPrintableChar));
  m('isupper', (s) => pyIsUpper(s));
  m('islower', (s) => pyIsLower(s));
  m('isidentifier', (s) => pyIsIdentifier(s));
  m('istitle', (s) => pyIsTitle(s));
  m('isascii', (s) => /^[\x00-\x7f]*$/.test(s));
  const padFn = (kind: string) => (s: string, a: Py[]): string => {
    const w = toInt(vm, a[0]);
    const fill = a.length > 1 ? a[1] : ' ';
    if (typeof fill !== 'string') throw vm.typeError(`The fill character must be a unicode character, not ${typeOf(fill).tpName}`);
    if (strLength(fill) !== 1) throw vm.typeError('The fill character must be exactly one character long');
    vm.checkSize(w);
    const n = w - strLength(s);
    if (n <= 0) return s;
    if (kind === 'l') return s + fill.repeat(n);
    if (kind === 'r') return fill.repeat(n) + s;
    const left = Math.floor(n / 2) + (n & w & 1);
    return fill.repeat(left) + s + fill.repeat(n - left);
  };
  m('ljust', padFn('l'));
  m('rjust', padFn('r'));
  m('center', padFn('c'));
  m('zfill', (s, a) => {
    const w = toInt(vm, a[0]);
    if (strLength(s) >= w) return s;
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return sign + '0'.repeat(w - strLength(s)) + s.slice(sign.length);
  });
  const separator = (name: string, s: string, a: Py[]): string => {
    methodArity(vm, `str.${name}`, [s, ...a], 1, 1);
    const sep = a[0];
    if (typeof sep !== 'string') throw vm.typeError(`must be str, not ${typeOf(sep).tpName}`);
    if (sep === '') throw vm.error('ValueError', 'empty separator');
    return sep;
  };
  m('partition', (s, a) => {
    const sep = separator('partition', s, a);
    const i = s.indexOf(sep);
    if (i < 0) return new PyTuple([s, '', '']);
    return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  });
  m('rpartition', (s, a) => {
    const sep = separator('rpartition', s, a);
    const i = s.lastIndexOf(sep);
    if (i < 0) return new PyTuple(['', '', s]);
    return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
  });
  const affixArg = (name: string, v: Py): string => {
    if (typeof v !== 'string') throw vm.typeError(`${name}() argument must be str, not ${argTypeName(v)}`);
    return v;
  };
  m('removeprefix', (s, a) => {
    const prefix = affixArg('removeprefix', a[0]);
    return s.startsWith(prefix) ? s.slice(prefix.length) : s;
  });
  m('removesuffix', (s, a) => {
    const suffix = affixArg('removesuffix', a[0]);
    return suffix !== '' && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s;
  });
  m('expandtabs', (s, a) => {
    // unicode_expandtabs_impl: the length first (an OverflowError past Py_ssize_t, as CPython's), then the
    // string; a column restarts after '\n' and after '\r'.
    const size = BigInt(a.length > 0 ? toInt(vm, a[0]) : 8);
    // tabsize is a C int.
    if (size > 2n ** 31n - 1n || size < -(2n ** 31n)) throw vm.error('OverflowError', 'Python int too large to convert to C int');
    const widths: bigint[] = [];
    let total = 0n;
    let col = 0n;
    for (const c of s) {
      if (c === '\t') {
        const n = size > 0n ? size - (col % size) : 0n;
        widths.push(n);
        total += n;
        col += n;
      } else {
        total += 1n;
        col = c === '\n' || c === '\r' ? 0n : col + 1n;
      }
      if (total > 2n ** 63n - 1n) throw vm.error('OverflowError', 'new string is too long');
    }
    vm.checkSize(Number(total));
    let out = '';
    let tab = 0;
    for (const c of s) out += c === '\t' ? ' '.repeat(Number(widths[tab++])) : c;
    return out;
  });
  m('encode', () => {
    throw new UnsupportedSignal('str.encode (bytes)', vm.currentLine());
  });
  m('__len__', (s) => strLength(s));
  m('__contains__', (s, a) => vm.contains(s, a[0]));
  m('__getitem__', (s, a) => vm.getItem(s, a[0]));
  m('__add__', (s, a) => vm.binaryOp(0, s, a[0], false));
  m('__mul__', (s, a) => vm.binaryOp(2, s, a[0], false));
  m('__mod__', (s, a) => vm.binaryOp(5, s, a[0], false));
  m('__eq__', (s, a) => (typeof a[0] === 'string' ? s === a[0] : NOT_IMPLEMENTED));
  m('__lt__', (s, a) => (typeof a[0] === 'string' ? vm.order(0, s, a[0]) : NOT_IMPLEMENTED));
  m('__hash__', (s) => normInt(strHash(s)));
  m('__str__', (s) => s);
  m('__repr__', (s) => strRepr(s));
  m('__format__', (s, a) => formatValue(vm, s, a[0]));
  m('__iter__', (s) => vm.getIter(s));
  // A staticmethod, as in CPython: 'x'.maketrans(table) passes no self.
  strType.dict.set('maketrans', new PyStaticMethod(native('maketrans', (a) => {
    if (a.length === 0) throw vm.typeError('maketrans expected at least 1 argument, got 0');
    if (a.length > 3) throw vm.typeError(`maketrans expected at most 3 arguments, got ${a.length}`);
    const d = new PyDict();
    if (a.length === 1) {
      const table = a[0];
      if (!(table instanceof PyDict)) throw vm.typeError('if you give only one argument to maketrans it must be a dict');
      for (const [hk, v] of table.vals) {
        const k = table.keys.get(hk);
        if (typeof k === 'string') {
          if (cpLength(k) !== 1) throw vm.error('ValueError', 'string keys in translate table must be of length 1');
          vm.dictSet(d, k.codePointAt(0), v);
        } else if (isIntLike(k)) vm.dictSet(d, k, v);
        else throw vm.typeError('keys in translate table must be strings or integers');
      }
      return d;
    }
    if (typeof a[0] !== 'string') throw vm.typeError('first maketrans argument must be a string if there is a second argument');
    for (let i = 1; i < a.length; i++)
      if (typeof a[i] !== 'string') throw vm.typeError(`maketrans() argument ${i + 1} must be str, not ${typeOf(a[i]).tpName}`);
    const x = Array.from(a[0]);
    const y = Array.from(a[1] as string);
    if (x.length !== y.length) throw vm.error('ValueError', 'the first two maketrans arguments must have equal length');
    for (let i = 0; i < x.length; i++) vm.dictSet(d, x[i]!.codePointAt(0), y[i]!.codePointAt(0));
    if (a.length === 3) for (const c of a[2] as string) vm.dictSet(d, c.codePointAt(0), null);
    return d;
  })));
  m('translate', (s, a) => {
    const table = a[0];
    let out = '';
    for (const c of s) {
      const code = c.codePointAt(0)!;
      let r: Py;
      try {
        r = vm.getItem(table, code);
      } catch (e) {
        const pe = vm.toPyException(e);
        if (vm.excMatches(pe, 'LookupError')) {
          out += c;
          continue;
        }
        throw pe;
      }
      if (r === null) continue;
      out += typeof r === 'string' ? r : String.fromCodePoint(toInt(vm, r));
    }
    return out;
  });
}
