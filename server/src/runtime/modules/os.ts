// os and os.path: the path functions of CPython 3.13's posixpath.py and genericpath.py (pure string functions, run
// by the VM), and what the in-memory file system can answer (listdir, exists, isfile, isdir, getsize, remove). What
// describes the host stays `unsupported`: getcwd (and so abspath and relpath of relative paths), environ, getenv,
// the process, real files. Bytes paths are refused.

import { native } from '../args.js';
import { excTypes, strRepr, UnsupportedSignal, type VM } from '../interp.js';
import { PyException, PyList, type Py, type PyModule } from '../values.js';
import { module, pythonModule } from './support.js';

const POSIXPATH_SOURCE = String.raw`
"""Common operations on Posix pathnames."""

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

__all__ = ["normcase","isabs","join","splitdrive","splitroot","split","splitext",
           "basename","dirname","commonprefix","getsize","exists","isdir","isfile",
           "abspath","curdir","pardir","sep","pathsep","defpath","altsep","extsep",
           "devnull","normpath","commonpath","relpath"]


class _NoBytes:
    """Stands for bytes in the code below: bytes paths are refused by _fspath before they get there."""


def _fspath(path):
    if isinstance(path, str):
        return path
    if type(path).__name__ in ('bytes', 'bytearray'):
        _refuse('os.path with bytes paths')
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not " + path_type.__name__)
    if isinstance(path_repr, str):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}".format(path_type.__name__, type(path_repr).__name__))


def _sep_of(path):
    return '/'


def abspath(path):
    """Return an absolute path."""
    path = _fspath(path)
    if not isabs(path):
        _refuse('os.path.abspath() of a relative path (it needs the host\'s working directory)')
    return normpath(path)


def exists(path):
    """Test whether a path exists in the in-memory file system."""
    try:
        path = _fspath(path)
    except TypeError:
        raise
    return _fs_kind(path) is not None


def isfile(path):
    """Test whether a path is a regular file of the in-memory file system."""
    return _fs_kind(_fspath(path)) == 'file'


def isdir(s):
    """Return true if the pathname refers to a directory of the in-memory file system."""
    return _fs_kind(_fspath(s)) == 'dir'


def getsize(filename):
    """Return the size of a file (in characters: the in-memory files are text)."""
    return _fs_size(_fspath(filename))


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return _fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = _fspath(s)
    sep = _sep_of(s)
    return s.startswith(sep)


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    If any component is an absolute path, all previous path components
    will be discarded.  An empty last part will result in a path that
    ends with a separator."""
    a = _fspath(a)
    sep = _sep_of(a)
    path = a
    try:
        for b in p:
            b = _fspath(b)
            if b.startswith(sep) or not path:
                path = b
            elif path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = _fspath(p)
    sep = _sep_of(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep*len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    if isinstance(p, _NoBytes):
        sep = b'/'
        extsep = b'.'
    else:
        sep = '/'
        extsep = '.'
    return _splitext(p, sep, None, extsep)


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always
    empty."""
    p = _fspath(p)
    return p[:0], p


def splitroot(p):
    """Split a pathname into drive, root and tail.

    The tail contains anything after the root."""
    p = _fspath(p)
    if isinstance(p, _NoBytes):
        sep = b'/'
        empty = b''
    else:
        sep = '/'
        empty = ''
    if p[:1] != sep:
        # Relative path, e.g.: 'foo'
        return empty, empty, p
    elif p[1:2] != sep or p[2:3] == sep:
        # Absolute path, e.g.: '/foo', '///foo', '////foo', etc.
        return empty, sep, p[1:]
    else:
        # Precisely two leading slashes, e.g.: '//foo'. Implementation defined per POSIX, see
        # https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap04.html#tag_04_13
        return empty, p[:2], p[2:]


def basename(p):
    """Returns the final component of a pathname"""
    p = _fspath(p)
    sep = _sep_of(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = _fspath(p)
    sep = _sep_of(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep*len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if isinstance(path, _NoBytes):
        sep = b'/'
        dot = b'.'
        dotdot = b'..'
    else:
        sep = '/'
        dot = '.'
        dotdot = '..'
    if not path:
        return dot
    _, initial_slashes, path = splitroot(path)
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if not comp or comp == dot:
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
             (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = initial_slashes + sep.join(comps)
    return path or dot


def relpath(path, start=None):
    """Return a relative version of a path"""

    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")

    if isinstance(path, _NoBytes):
        curdir = b'.'
        sep = b'/'
        pardir = b'..'
    else:
        curdir = '.'
        sep = '/'
        pardir = '..'

    if start is None:
        start = curdir
    else:
        start = _fspath(start)

    try:
        start_tail = abspath(start).lstrip(sep)
        path_tail = abspath(path).lstrip(sep)
        start_list = start_tail.split(sep) if start_tail else []
        path_list = path_tail.split(sep) if path_tail else []
        # Work out how much of the filepath is shared by start and path.
        i = len(commonprefix([start_list, path_list]))

        rel_list = [pardir] * (len(start_list)-i) + path_list[i:]
        if not rel_list:
            return curdir
        return sep.join(rel_list)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""

    paths = tuple(map(_fspath, paths))

    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')

    if isinstance(paths[0], _NoBytes):
        sep = b'/'
        curdir = b'.'
    else:
        sep = '/'
        curdir = '.'

    try:
        split_paths = [path.split(sep) for path in paths]

        try:
            isabs, = {p.startswith(sep) for p in paths}
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None

        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break

        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


def commonprefix(m):
    "Given a list of pathnames, returns the longest common leading component"
    if not m: return ''
    # Some people pass in a list of pathname parts to operate in an OS-agnostic
    # fashion; don't try to translate in that case as that's an abuse of the
    # API and they are already doing what they need to be OS-agnostic and so
    # they most likely won't be using an os.PathLike object in the sublists.
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def _splitext(p, sep, altsep, extsep):
    """Split the extension from a pathname.

    Extension is everything from the last dot to the end, ignoring
    leading dots.  Returns "(root, ext)"; ext may be empty."""
    # NOTE: This code must work for text and _NoBytes strings.

    sepIndex = p.rfind(sep)
    if altsep:
        altsepIndex = p.rfind(altsep)
        sepIndex = max(sepIndex, altsepIndex)

    dotIndex = p.rfind(extsep)
    if dotIndex > sepIndex:
        # skip all leading dots
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex:filenameIndex+1] != extsep:
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1

    return p, p[:0]


def _check_arg_types(funcname, *args):
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, _NoBytes):
            hasbytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and _NoBytes in path components") from None

`;

function normalized(path: string): string {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '.') return '';
  return p.replace(/\/+$/, '');
}

function notFound(vm: VM, path: string): PyException {
  const e = vm.newException(excTypes.get('FileNotFoundError')!, [2, 'No such file or directory']);
  e.dict.set('filename', path);
  (e as PyException & { strOverride?: string }).strOverride = `[Errno 2] No such file or directory: ${strRepr(path)}`;
  return e;
}

/** 'file', 'dir' or null for a path of the in-memory file system (keys are paths; directories are their prefixes). */
function kind(vm: VM, path: string): 'file' | 'dir' | null {
  if (path === '') return null;
  const p = normalized(path);
  if (vm.files.has(p)) return 'file';
  if (p === '') return 'dir';
  for (const k of vm.files.keys()) if (normalized(k).startsWith(p + '/')) return 'dir';
  return null;
}

function fsNatives(vm: VM): [string, Py][] {
  return [
    ['_fs_kind', native('_fs_kind', (a) => kind(vm, a[0] as string))],
    ['_fs_size', native('_fs_size', (a) => {
      const p = a[0] as string;
      if (kind(vm, p) === null) throw notFound(vm, p);
      return [...(vm.files.get(normalized(p)) ?? '')].length;
    })],
    ['_refuse', native('_refuse', (a) => {
      throw new UnsupportedSignal(String(a[0]), vm.currentLine());
    })],
  ];
}

export function posixpathModule(vm: VM): PyModule {
  return pythonModule(vm, 'posixpath', POSIXPATH_SOURCE, fsNatives(vm));
}

export function osModule(vm: VM): PyModule {
  const path = vm.importModule('posixpath');
  const fspath = path.dict.get('_fspath')!;
  const hostOnly = (name: string) => native(name, () => {
    throw new UnsupportedSignal(`os.${name}() (it describes the host)`, vm.currentLine());
  });
  const listdir = native('listdir', (a) => {
    const p = a.length > 0 && a[0] !== null ? (vm.call(fspath, [a[0]!]) as string) : '.';
    if (kind(vm, p) !== 'dir') throw notFound(vm, p);
    const base = normalized(p);
    const names: string[] = [];
    for (const k of vm.files.keys()) {
      const rel = normalized(k);
      if (base !== '' && !rel.startsWith(base + '/')) continue;
      const rest = base === '' ? rel : rel.slice(base.length + 1);
      const name = rest.split('/')[0]!;
      if (!names.includes(name)) names.push(name);
    }
    return new PyList(names);
  });
  const remove = native('remove', (a) => {
    const p = vm.call(fspath, [a[0]!]) as string;
    if (kind(vm, p) !== 'file') throw notFound(vm, p);
    vm.files.delete(normalized(p));
    return null;
  });
  return module('os', [
    ['path', path], ['sep', '/'], ['altsep', null], ['curdir', '.'], ['pardir', '..'], ['extsep', '.'],
    ['pathsep', ':'], ['linesep', '\n'], ['devnull', '/dev/null'], ['name', 'posix'], ['defpath', '/bin:/usr/bin'],
    ['fspath', native('fspath', (a) => vm.call(fspath, [a[0]!]))],
    ['listdir', listdir], ['remove', remove], ['unlink', remove],
    ['getcwd', hostOnly('getcwd')], ['getpid', hostOnly('getpid')], ['cpu_count', hostOnly('cpu_count')],
    ['getenv', hostOnly('getenv')], ['system', hostOnly('system')],
  ]);
}
