// re: CPython's regular expressions for str patterns. The pattern is parsed and translated by re-translate.ts into
// a JS RegExp that matches as sre does (or refused); the module itself (Pattern, Match, the functions, templates of
// sub(), RegexFlag, PatternError) is Python after CPython's re/__init__.py and _sre, run by the VM. The natives below
// only search: one call is one sre search from a position, with sre's rule after an empty match (`must_advance`: the
// next match may start at the same place but not be empty there).

import { native } from '../args.js';
import { objectType, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyDict, PyObject, PyTuple, PyType, type Py, type PyModule } from '../values.js';
import { PatternRefused, PatternSyntaxError, PatternValueError, translate, type Translated } from './re-translate.js';
import { pythonModule } from './support.js';

const handleType = new PyType('_sre_pattern', [objectType]);
handleType.builtin = true;
handleType.module = '_sre';

class CompiledRegex extends PyObject {
  private cache = new Map<string, RegExp>();
  constructor(public t: Translated) {
    super();
  }
  get pyType(): PyType {
    return handleType;
  }
  regex(kind: 'search' | 'match' | 'full'): RegExp {
    let r = this.cache.get(kind);
    if (r === undefined) {
      const flags = 'du' + (this.t.ignoreCase ? 'i' : '') + (kind === 'search' ? 'g' : 'y');
      r = new RegExp(kind === 'full' ? `(?:${this.t.source})$` : this.t.source, flags);
      this.cache.set(kind, r);
    }
    return r;
  }
  /** The pattern at code point `p` (sticky) with a match that must not end at `p`. */
  nonEmptyAt(p: number): RegExp {
    return new RegExp(`(?:${this.t.source})(?<!^[\\s\\S]{${p}})`, 'duy' + (this.t.ignoreCase ? 'i' : ''));
  }
  /** A translated pattern: no Python object inside (finalisation by reference looks past it). */
  traverse(): Py[] {
    return [];
  }
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** UTF-16 offsets ↔ code point indices of one string (the identity for strings without astral characters). */
class Offsets {
  private units: number[] | null = null;
  length: number;
  constructor(s: string) {
    this.length = s.length;
    if (!SURROGATE.test(s)) return;
    this.units = [];
    let i = 0;
    for (const ch of s) {
      this.units.push(i);
      i += ch.length;
    }
    this.units.push(i);
    this.length = this.units.length - 1;
  }
  unit(cp: number): number {
    return this.units === null ? cp : this.units[cp]!;
  }
  cp(unit: number): number {
    if (this.units === null) return unit;
    let lo = 0;
    let hi = this.units.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.units[mid]! < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function spans(m: RegExpExecArray, groups: number, off: Offsets): PyTuple {
  const out: Py[] = [];
  const ind = m.indices!;
  for (let g = 0; g <= groups; g++) {
    const span = ind[g];
    if (span === undefined) out.push(-1, -1);
    else out.push(off.cp(span[0]), off.cp(span[1]));
  }
  return new PyTuple(out);
}

function reNatives(vm: VM): [string, Py][] {
  const line = (): number => vm.currentLine();
  const compile = native('_sre_compile', (a) => {
    const [pattern, flags] = a;
    if (typeof pattern !== 'string') throw new UnsupportedSignal('re with a bytes pattern', line());
    const patternError = (): Py => vm.modules.get('re')!.dict.get('PatternError')!;
    try {
      const t = translate(pattern, Number(flags));
      const groupindex = new PyDict();
      for (const [name, index] of t.groupindex) vm.dictSet(groupindex, name, index);
      return new PyTuple([new CompiledRegex(t), t.flags, t.groups, groupindex, new PyTuple(t.closeOrder)]);
    } catch (e) {
      if (e instanceof PatternSyntaxError) throw vm.call(patternError(), [e.msg, pattern, e.pos]);
      if (e instanceof PatternValueError) throw vm.error('ValueError', e.message);
      if (e instanceof PatternRefused) throw new UnsupportedSignal(e.message, line());
      if (e instanceof SyntaxError) throw new UnsupportedSignal(`re: a pattern the JS engine rejects (${e.message})`, line());
      throw e;
    }
  });
  // _search(handle, string, pos, endpos, mode, must_advance): the group spans, or None. mode 0 match, 1 search, 2 fullmatch.
  const search = native('_sre_search', (a) => {
    const [h, s, posArg, endArg, mode, mustAdvance] = a as [CompiledRegex, Py, number, number, number, boolean];
    if (typeof s !== 'string') {
      throw vm.typeError(`expected string or bytes-like object, got '${typeOf(s).tpName}'`);
    }
    if (h.t.subjectRule !== null && h.t.subjectRule.test(s)) throw new UnsupportedSignal('re: IGNORECASE on a string whose characters CPython and JS case-fold differently', line());
    const off = new Offsets(s);
    const n = off.length;
    const end = Math.min(Math.max(Number(endArg), 0), n);
    let pos = Math.min(Math.max(Number(posArg), 0), n);
    if (end < pos) return null;
    const subject = s.slice(0, off.unit(end));
    const kind = mode === 0 ? 'match' : mode === 1 ? 'search' : 'full';
    for (;;) {
      const r = h.regex(kind);
      r.lastIndex = off.unit(pos);
      const m = r.exec(subject);
      if (m === null) return null;
      const start = off.cp(m.index);
      const stop = off.cp(m.index + m[0].length);
      if (!(mustAdvance && start === pos && stop === pos)) return spans(m, h.t.groups, off);
      // sre's must_advance: at `pos` the match may not be empty; elsewhere anything goes.
      const again = h.nonEmptyAt(pos);
      again.lastIndex = off.unit(pos);
      const m2 = again.exec(subject);
      if (m2 !== null) return spans(m2, h.t.groups, off);
      if (mode !== 1 || pos >= end) return null;
      pos += 1;
      const r2 = h.regex(kind);
      r2.lastIndex = off.unit(pos);
      const m3 = r2.exec(subject);
      return m3 === null ? null : spans(m3, h.t.groups, off);
    }
  });
  return [['_sre_compile', compile], ['_sre_search', search]];
}

// After CPython 3.13's re/__init__.py, re/_parser.py (parse_template) and Modules/_sre (Pattern and Match).
const RE_SOURCE = String.raw`
import sys as _sys

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError"
]

_FLAG_NAMES = ('NOFLAG', 'ASCII', 'IGNORECASE', 'LOCALE', 'UNICODE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'DEBUG')
_FLAG_VALUES = {'NOFLAG': 0, 'ASCII': 256, 'IGNORECASE': 2, 'LOCALE': 4, 'UNICODE': 32, 'MULTILINE': 8,
                'DOTALL': 16, 'VERBOSE': 64, 'DEBUG': 128}


class RegexFlag:
    """The flags of re as an int-like flag set (CPython's is an enum.IntFlag)."""

    def __init__(self, value):
        self._value_ = value

    @property
    def value(self):
        return self._value_

    @property
    def name(self):
        names = [n for n in _FLAG_NAMES[1:] if self._value_ & _FLAG_VALUES[n]]
        if self._value_ == 0:
            return 'NOFLAG'
        return '|'.join(names) if names else None

    def __repr__(self):
        v = self._value_
        if v == 0:
            return 're.NOFLAG'
        parts = []
        for n in _FLAG_NAMES[1:]:
            if v & _FLAG_VALUES[n]:
                parts.append('re.' + n)
                v &= ~_FLAG_VALUES[n]
        if v:
            parts.append(hex(v))
        return '|'.join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        # IntFlag's is int.__format__, which gives str(self) for an empty spec.
        return str(self) if spec == '' else format(self._value_, spec)

    def __int__(self):
        return self._value_

    __index__ = __int__

    def __bool__(self):
        return bool(self._value_)

    def __eq__(self, other):
        if isinstance(other, RegexFlag):
            return self._value_ == other._value_
        if isinstance(other, int):
            return self._value_ == other
        return NotImplemented

    def __hash__(self):
        return hash(self._value_)

    def __or__(self, other):
        if isinstance(other, (RegexFlag, int)) and type(other) is not bool:
            return _flag(self._value_ | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, (RegexFlag, int)) and type(other) is not bool:
            return _flag(self._value_ & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, (RegexFlag, int)) and type(other) is not bool:
            return _flag(self._value_ ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        _refuse('~ of a re flag (enum.IntFlag inversion)')

    # IntFlag's other arithmetic and its orderings are int's: they give plain ints (or floats).
    def __add__(self, other):
        return self._value_.__add__(_int_of(other))

    def __radd__(self, other):
        return self._value_.__radd__(_int_of(other))

    def __sub__(self, other):
        return self._value_.__sub__(_int_of(other))

    def __rsub__(self, other):
        return self._value_.__rsub__(_int_of(other))

    def __mul__(self, other):
        return self._value_.__mul__(_int_of(other))

    def __rmul__(self, other):
        return self._value_.__rmul__(_int_of(other))

    def __truediv__(self, other):
        return self._value_.__truediv__(_int_of(other))

    def __rtruediv__(self, other):
        return self._value_.__rtruediv__(_int_of(other))

    def __floordiv__(self, other):
        return self._value_.__floordiv__(_int_of(other))

    def __rfloordiv__(self, other):
        return self._value_.__rfloordiv__(_int_of(other))

    def __mod__(self, other):
        return self._value_.__mod__(_int_of(other))

    def __rmod__(self, other):
        return self._value_.__rmod__(_int_of(other))

    def __pow__(self, other):
        return self._value_.__pow__(_int_of(other))

    def __rpow__(self, other):
        return self._value_.__rpow__(_int_of(other))

    def __lshift__(self, other):
        return self._value_.__lshift__(_int_of(other))

    def __rlshift__(self, other):
        return self._value_.__rlshift__(_int_of(other))

    def __rshift__(self, other):
        return self._value_.__rshift__(_int_of(other))

    def __rrshift__(self, other):
        return self._value_.__rrshift__(_int_of(other))

    def __lt__(self, other):
        return self._value_.__lt__(_int_of(other))

    def __le__(self, other):
        return self._value_.__le__(_int_of(other))

    def __gt__(self, other):
        return self._value_.__gt__(_int_of(other))

    def __ge__(self, other):
        return self._value_.__ge__(_int_of(other))

    def __neg__(self):
        return self._value_.__neg__()

    def __pos__(self):
        return self._value_.__pos__()

    def __abs__(self):
        return self._value_.__abs__()


def _int_of(value):
    return value._value_ if isinstance(value, RegexFlag) else value


NOFLAG = RegexFlag(0)
ASCII = RegexFlag(256)
IGNORECASE = RegexFlag(2)
LOCALE = RegexFlag(4)
UNICODE = RegexFlag(32)
MULTILINE = RegexFlag(8)
DOTALL = RegexFlag(16)
VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
_FLAG_MEMBERS = {f.value: f for f in (NOFLAG, ASCII, IGNORECASE, LOCALE, UNICODE, MULTILINE, DOTALL, VERBOSE, DEBUG)}


def _flag(value):
    f = _FLAG_MEMBERS.get(value)
    return f if f is not None else RegexFlag(value)


A = ASCII
I = IGNORECASE
L = LOCALE
U = UNICODE
M = MULTILINE
S = DOTALL
X = VERBOSE


class PatternError(Exception):
    """Exception raised for invalid regular expressions.

    Attributes:

        msg: The unformatted error message
        pattern: The regular expression pattern
        pos: The index in the pattern where compilation failed (may be None)
        lineno: The line corresponding to pos (may be None)
        colno: The column corresponding to pos (may be None)
    """

    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error = PatternError

_REPR_FLAGS = (('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8), ('DOTALL', 16),
               ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128), ('ASCII', 256))


def _check_string(string):
    if not isinstance(string, str):
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        handle, self.flags, self.groups, self._groupindex, self._close_order = _sre_compile(pattern, flags)
        self._handle = handle
        self.pattern = pattern

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def __repr__(self):
        text = repr(self.pattern)[:200]
        flags = self.flags
        if flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, bit in _REPR_FLAGS:
            if flags & bit:
                names.append('re.' + name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        if names:
            return 're.compile(%s, %s)' % (text, '|'.join(names))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _search(self, string, pos, endpos, mode, must_advance=False):
        _check_string(string)
        spans = _sre_search(self._handle, string, pos, endpos, mode, must_advance)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_sys.maxsize):
        return self._search(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_sys.maxsize):
        return self._search(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_sys.maxsize):
        return self._search(string, pos, endpos, 1)

    def _iter(self, string, pos=0, endpos=_sys.maxsize):
        must_advance = False
        while True:
            m = self._search(string, pos, endpos, 1, must_advance)
            if m is None:
                return
            yield m
            start, end = m.span()
            must_advance = start == end
            pos = end

    def finditer(self, string, pos=0, endpos=_sys.maxsize):
        _check_string(string)
        return _scanner_iterator(self._iter(string, pos, endpos))

    def findall(self, string, pos=0, endpos=_sys.maxsize):
        _check_string(string)
        out = []
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or '')
            else:
                out.append(tuple(g or '' for g in m.groups()))
        return out

    def split(self, string, maxsplit=0):
        _check_string(string)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            b, e = m.span()
            out.append(string[last:b])
            out.extend(m.groups())
            n += 1
            last = e
        out.append(string[last:])
        return out

    def _subx(self, repl, string, count):
        _check_string(string)
        if callable(repl):
            expand = repl
        elif isinstance(repl, str):
            template = _parse_template(repl, self)
            if len(template) == 1:
                literal = template[0]
                expand = lambda m: literal
            else:
                expand = lambda m: _expand_template(template, m)
        else:
            raise TypeError("expected str instance, %s found" % type(repl).__name__)
        parts = []
        i = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            b, e = m.span()
            if i < b:
                parts.append(string[i:b])
            item = expand(m)
            if item is not None:
                parts.append(item)
            i = e
            n += 1
        parts.append(string[i:])
        return ''.join(parts), n

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class callable_iterator:
    __module__ = 'builtins'

    def __init__(self, it):
        self._it = it

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __repr__(self):
        return '<callable_iterator object at 0x%x>' % id(self)


_scanner_iterator = callable_iterator
del callable_iterator


class Match:
    """The result of re.match() and re.search()."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        n = len(string)
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)
        self._spans = spans
        last = None
        for g in pattern._close_order:
            if spans[2 * g] >= 0:
                last = g
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, index in pattern._groupindex.items():
                if index == last:
                    self.lastgroup = name

    def _index(self, group):
        if isinstance(group, str):
            index = self.re._groupindex.get(group)
            if index is not None:
                return index
        elif isinstance(group, int) or hasattr(type(group), '__index__'):
            try:
                index = group.__index__() if not isinstance(group, int) else group
            except Exception:
                index = -1
            if 0 <= index <= self.re.groups:
                return index
        raise IndexError('no such group')

    def _get(self, index, default=None):
        start = self._spans[2 * index]
        if start < 0:
            return default
        return self.string[start:self._spans[2 * index + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re._groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        index = self._index(group)
        return (self._spans[2 * index], self._spans[2 * index + 1])

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1))

    def expand(self, template):
        return _expand_template(_parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (self._spans[0], self._spans[1], repr(self.group(0))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\'}
_OCTDIGITS = '01234567'
_DIGITS = '0123456789'


def _template_error(msg, template, pos):
    return PatternError(msg, template, pos)


def _parse_template(source, pattern):
    if not isinstance(source, str):
        _refuse('re: a template that is not a str')
    result = []
    literal = []
    i = 0
    n = len(source)

    def addgroup(index, pos):
        if index > pattern.groups:
            raise _template_error("invalid group reference %d" % index, source, pos)
        result.append(''.join(literal))
        del literal[:]
        result.append(index)

    while i < n:
        this = source[i]
        i += 1
        if this != '\\':
            literal.append(this)
            continue
        if i >= n:
            raise PatternError("bad escape (end of pattern)", source, n - 1)
        c = source[i]
        i += 1
        this += c
        if c == 'g':
            if i >= n or source[i] != '<':
                raise _template_error("missing <", source, i)
            i += 1
            close = source.find('>', i)
            if close < 0:
                if i >= n:
                    raise _template_error("missing group name", source, i)
                raise _template_error("missing >, unterminated name", source, i)
            name = source[i:close]
            if not name:
                raise _template_error("missing group name", source, i)
            i = close + 1
            if not (name.isdecimal() and name.isascii()):
                if not name.isidentifier():
                    raise _template_error("bad character in group name %r" % name, source, i - 1 - len(name))
                try:
                    index = pattern._groupindex[name]
                except KeyError:
                    raise IndexError("unknown group name %r" % name) from None
            else:
                index = int(name)
            addgroup(index, i - 1 - len(name))
        elif c == '0':
            if i < n and source[i] in _OCTDIGITS:
                this += source[i]
                i += 1
                if i < n and source[i] in _OCTDIGITS:
                    this += source[i]
                    i += 1
            literal.append(chr(int(this[1:], 8) & 0xff))
        elif c in _DIGITS:
            isoctal = False
            if i < n and source[i] in _DIGITS:
                this += source[i]
                i += 1
                if c in _OCTDIGITS and this[2] in _OCTDIGITS and i < n and source[i] in _OCTDIGITS:
                    this += source[i]
                    i += 1
                    isoctal = True
                    value = int(this[1:], 8)
                    if value > 0o377:
                        raise _template_error('octal escape value %s outside of range 0-0o377' % this, source, i - len(this))
                    literal.append(chr(value))
            if not isoctal:
                addgroup(int(this[1:]), i - len(this) + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise _template_error('bad escape %s' % this, source, i - 2)
        else:
            literal.append(this)
    result.append(''.join(literal))
    return result


def _expand_template(template, match):
    parts = []
    for i, item in enumerate(template):
        if i % 2:
            parts.append(match.group(item) or '')
        else:
            parts.append(item)
    return ''.join(parts)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        if type(pattern).__name__ in ('bytes', 'bytearray'):
            _refuse('re with a bytes pattern')
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern.__new__(Pattern)
        p.__init__(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


_SPECIAL = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'


def escape(pattern):
    """
    Escape special characters in a string.
    """
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    _refuse('re.escape() of bytes')
`;

export function reModule(vm: VM): PyModule {
  const refuse = native('_refuse', (a) => {
    throw new UnsupportedSignal(String(a[0]), vm.currentLine());
  });
  const m = pythonModule(vm, 're', RE_SOURCE, [...reNatives(vm), ['_refuse', refuse]]);
  // CPython's RegexFlag is an enum.IntFlag: an int subclass made by enum.EnumType, neither of which the runtime has.
  const flag = m.dict.get('RegexFlag') as PyType;
  flag.unmodelledMetaclass = { name: 'enum.EnumType', reprDiffers: true };
  flag.standsInForIntSubclass = true;
  return m;
}
