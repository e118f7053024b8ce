// The in-memory file system behind open(): files are strings in VM.files (seeded from RunOptions.files),
// open() returns a text file object over one of them, io.StringIO is the same object without a path.
// Nothing here touches the host's files.

import { def, native, toInt, type Kw } from './args.js';
import { excTypes, objectType, strRepr, typeOf, UnsupportedSignal, type VM } from './interp.js';
import { PyException, PyList, PyObject, PyProperty, PyType, type Py } from './values.js';

export class StringIOObj extends PyObject {
  buf = '';
  pos = 0;
  closed = false;
  constructor(public pyType: PyType, initial: string, public path: string | null = null, public mode = 'r') {
    super();
    this.buf = initial;
  }
  pyRepr(): string {
    if (this.path === null) return `<_io.StringIO object at ${this.address}>`;
    return `<_io.TextIOWrapper name=${strRepr(this.path)} mode=${strRepr(this.mode)} encoding='UTF-8'>`;
  }
}

export const fileType = new PyType('TextIOWrapper', [objectType]);
fileType.builtin = true;
fileType.layout = 'file';
fileType.module = '_io';
export const stringIOType = new PyType('StringIO', [objectType]);
stringIOType.builtin = true;
stringIOType.layout = 'file';
stringIOType.module = '_io';

export function openFile(vm: VM, args: Py[], kw: Kw): Py {
  const path = args[0] ?? kw?.get('file');
  const mode = (args[1] ?? kw?.get('mode') ?? 'r') as string;
  if (typeof path !== 'string') throw new UnsupportedSignal('open() of a non-path', vm.currentLine());
  if (mode.includes('b')) throw new UnsupportedSignal('binary files', vm.currentLine());
  let content = '';
  if (mode.includes('r')) {
    const c = vm.files.get(path);
    if (c === undefined) {
      const e = vm.newException(excTypes.get('FileNotFoundError')!, [2, 'No such file or directory']);
      e.dict.set('filename', path);
      e.args = [2, 'No such file or directory'];
      (e as PyException & { strOverride?: string }).strOverride = `[Errno 2] No such file or directory: ${strRepr(path)}`;
      throw e;
    }
    content = c;
  } else if (mode.includes('a')) content = vm.files.get(path) ?? '';
  else if (mode.includes('x') && vm.files.has(path)) throw vm.newException(excTypes.get('FileExistsError')!, [17, 'File exists']);
  const f = new StringIOObj(fileType, content, path, mode);
  if (mode.includes('a')) f.pos = content.length;
  if (mode.includes('w') || mode.includes('x')) vm.files.set(path, '');
  return f;
}

export function installFileMethods(vm: VM): void {
  for (const t of [fileType, stringIOType]) {
    const m = (name: string, f: (s: StringIOObj, a: Py[]) => Py): void => def(t, name, (a) => {
      const s = a[0] as StringIOObj;
      if (s.closed && name !== 'close' && name !== '__exit__')
        throw vm.error('ValueError', s.path === null ? 'I/O operation on closed file' : 'I/O operation on closed file.');
      return f(s, a.slice(1));
    });
    const sync = (s: StringIOObj): void => {
      if (s.path !== null) vm.files.set(s.path, s.buf);
    };
    m('read', (s, a) => {
      const n = a.length > 0 && a[0] !== null ? toInt(vm, a[0]) : -1;
      const r = n < 0 ? s.buf.slice(s.pos) : s.buf.slice(s.pos, s.pos + n);
      s.pos += r.length;
      return r;
    });
    m('readline', (s) => {
      const i = s.buf.indexOf('\n', s.pos);
      const end = i < 0 ? s.buf.length : i + 1;
      const r = s.buf.slice(s.pos, end);
      s.pos = end;
      return r;
    });
    m('readlines', (s) => {
      const out: string[] = [];
      while (s.pos < s.buf.length) {
        const i = s.buf.indexOf('\n', s.pos);
        const end = i < 0 ? s.buf.length : i + 1;
        out.push(s.buf.slice(s.pos, end));
        s.pos = end;
      }
      return new PyList(out);
    });
    m('write', (s, a) => {
      const text = a[0];
      if (typeof text !== 'string') throw vm.typeError(`write() argument must be str, not ${typeOf(text).tpName}`);
      if (s.path !== null && s.mode === 'r') throw vm.newException(excTypes.get('OSError')!, ['not writable']);
      s.buf = s.buf.slice(0, s.pos) + text + s.buf.slice(s.pos + text.length);
      s.pos += text.length;
      vm.checkSize(s.buf.length);
      sync(s);
      return text.length;
    });
    m('writelines', (s, a) => {
      for (const x of vm.iterate(a[0])) vm.callMethod(s, 'write', [x]);
      return null;
    });
    m('getvalue', (s) => s.buf);
    m('seek', (s, a) => {
      s.pos = toInt(vm, a[0]);
      return s.pos;
    });
    m('tell', (s) => s.pos);
    m('truncate', (s, a) => {
      const n = a.length > 0 && a[0] !== null ? toInt(vm, a[0]) : s.pos;
      s.buf = s.buf.slice(0, n);
      sync(s);
      return n;
    });
    m('flush', () => null);
    m('close', (s) => {
      s.closed = true;
      return null;
    });
    m('readable', (s) => s.path === null || s.mode.includes('r') || s.mode.includes('+'));
    m('writable', (s) => s.path === null || !s.mode.includes('r') || s.mode.includes('+'));
    m('__enter__', (s) => s);
    m('__exit__', (s) => {
      s.closed = true;
      return false;
    });
    m('__iter__', (s) => s);
    m('__next__', (s) => {
      if (s.pos >= s.buf.length) throw vm.error('StopIteration');
      const i = s.buf.indexOf('\n', s.pos);
      const end = i < 0 ? s.buf.length : i + 1;
      const r = s.buf.slice(s.pos, end);
      s.pos = end;
      return r;
    });
    t.dict.set('closed', new PyProperty(native('closed', (a) => (a[0] as StringIOObj).closed), null, null));
    t.dict.set('name', new PyProperty(native('name', (a) => (a[0] as StringIOObj).path), null, null));
  }
  stringIOType.dict.set('__new__', native('__new__', (a, kw) => new StringIOObj(stringIOType, (a[1] ?? kw?.get('initial_value') ?? '') as string)));
}
