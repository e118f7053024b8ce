// sys: what a program may ask of sys without learning anything about the host: the exception being handled
// (exc_info, exception), stdout and stderr as the run's captured streams, maxsize, the recursion limit, version_info
// as CPython 3.13.0's, exit, intern. Everything else (argv, path, modules, platform, version, ...) describes the host
// or the interpreter's insides and stays `unsupported` (a missing module attribute is a refusal, see VM.getAttr).

import { native, toInt } from '../args.js';
import { objectType, typeOf, UnsupportedSignal, type VM } from '../interp.js';
import { PyFloat, PyObject, PyProperty, PyTuple, PyType, type Py, type PyModule } from '../values.js';
import { module } from './support.js';

const CPYTHON_RECURSION_LIMIT = 1000;
const streamType = new PyType('TextIOWrapper', [objectType]);
streamType.builtin = true;
streamType.module = '_io';

/** sys.stdout / sys.stderr: text streams into the report's stdout / stderr. */
class StdStream extends PyObject {
  /** Its __dict__'s entries set by the program (`sys.stdout.write = f`; VM.getAttr/setAttr/delAttr read them). */
  instanceAttrs = new Map<string, Py>();
  constructor(public name: string, public sink: (s: string) => void) {
    super();
  }
  get pyType(): PyType {
    return streamType;
  }
  /** It holds no Python object but what the program set on it: finalisation by reference (`del g`) may look past it. */
  traverse(): Py[] {
    return [...this.instanceAttrs.values()];
  }
}

/** A struct sequence of sys (version_info, float_info): a tuple, with named fields and CPython's repr. */
class StructSeq extends PyTuple {
  constructor(public type: PyType, public fields: string[], items: Py[]) {
    super(items);
  }
  get pyType(): PyType {
    return this.type;
  }
  pyRepr(vm: VM): string {
    return `sys.${this.type.name}(${this.fields.map((f, i) => `${f}=${vm.repr(this.items[i]!)}`).join(', ')})`;
  }
}

function structSeq(vm: VM, name: string, fields: [string, Py][]): StructSeq {
  const t = new PyType(name, [vm.builtins.get('tuple') as PyType]);
  t.computeMro();
  t.builtin = true;
  t.module = 'sys';
  fields.forEach(([f], i) => {
    t.dict.set(f, new PyProperty(native(f, (a) => (a[0] as StructSeq).items[i]!), null, null));
  });
  return new StructSeq(t, fields.map(([f]) => f), fields.map(([, v]) => v));
}

function installStreamMethods(vm: VM): void {
  const m = (name: string, fn: (s: StdStream, a: Py[]) => Py): void => {
    streamType.dict.set(name, native(name, (a) => fn(a[0] as StdStream, a.slice(1)), `TextIOWrapper.${name}`));
  };
  m('write', (s, a) => {
    const text = a[0];
    if (typeof text !== 'string') throw vm.typeError(`write() argument must be str, not ${typeOf(text).tpName}`);
    s.sink(text);
    return [...text].length;
  });
  m('writelines', (s, a) => {
    for (const x of vm.iterate(a[0])) vm.callMethod(s, 'write', [x]);
    return null;
  });
  m('flush', () => null);
  for (const host of ['isatty', 'fileno', 'read', 'readline', 'reconfigure', 'detach']) {
    m(host, (s) => {
      throw new UnsupportedSignal(`sys.${s.name}.${host}() (it describes the host's stream)`, vm.currentLine());
    });
  }
  streamType.dict.set('name', new PyProperty(native('name', (a) => `<${(a[0] as StdStream).name}>`), null, null));
  streamType.dict.set('__repr__', native('__repr__', (a) => {
    throw new UnsupportedSignal(`repr of sys.${(a[0] as StdStream).name} (its encoding is the host's)`, vm.currentLine());
  }));
}

export function sysModule(vm: VM): PyModule {
  installStreamMethods(vm);
  let limitSetByProgram = false;
  const stdout = new StdStream('stdout', (s) => vm.write(s));
  const stderr = new StdStream('stderr', (s) => vm.writeStderr(s));
  vm.capturedStdout = stdout;
  const excInfo = native('exc_info', () => {
    const e = vm.currentHandled();
    if (e === null) return new PyTuple([null, null, null]);
    return new PyTuple([e.cls, e, vm.getAttr(e, '__traceback__')]);
  });
  return module('sys', [
    ['exc_info', excInfo],
    ['exception', native('exception', () => vm.currentHandled())],
    ['stdout', stdout], ['stderr', stderr], ['__stdout__', stdout], ['__stderr__', stderr],
    ['maxsize', 2n ** 63n - 1n],
    ['getrecursionlimit', native('getrecursionlimit', () => {
      // The runtime's own limit is a run option; only CPython's default is CPython's answer.
      if (!limitSetByProgram && vm.recursionLimit !== CPYTHON_RECURSION_LIMIT)
        throw new UnsupportedSignal(`sys.getrecursionlimit() with the runtime's limit at ${vm.recursionLimit}`, vm.currentLine());
      return vm.recursionLimit;
    })],
    ['setrecursionlimit', native('setrecursionlimit', (a) => {
      const n = toInt(vm, a[0]);
      if (n < 1) throw vm.error('ValueError', 'recursion limit must be greater or equal than 1');
      vm.recursionLimit = n;
      limitSetByProgram = true;
      return null;
    })],
    ['version_info', structSeq(vm, 'version_info', [['major', 3], ['minor', 13], ['micro', 0], ['releaselevel', 'final'], ['serial', 0]])],
    // IEEE 754 binary64, as every CPython on such a platform reports it.
    ['float_info', structSeq(vm, 'float_info', [['max', new PyFloat(Number.MAX_VALUE)], ['max_exp', 1024], ['max_10_exp', 308],
      ['min', new PyFloat(2.2250738585072014e-308)], ['min_exp', -1021], ['min_10_exp', -307], ['dig', 15], ['mant_dig', 53],
      ['epsilon', new PyFloat(Number.EPSILON)], ['radix', 2], ['rounds', 1]])],
    ['hexversion', 0x030d00f0],
    ['exit', native('exit', (a) => {
      const e = vm.newException(vm.builtins.get('SystemExit') as PyType, a.length > 0 ? [a[0]!] : []);
      e.dict.set('code', a.length > 0 ? a[0]! : null);
      throw e;
    })],
    // The frame `depth` calls up from the caller (a native pushes no frame of its own, so vm.frame is the
    // caller's; an inlined comprehension's is the enclosing one): its f_back, f_lineno, f_code and f_locals are the runtime's frame object's.
    ['_getframe', native('_getframe', (a) => {
      if (a.length > 1) throw vm.typeError(`_getframe expected at most 1 argument, got ${a.length}`);
      let depth = a.length > 0 ? toInt(vm, a[0]) : 0;
      let f = vm.visibleFrame(vm.frame);
      while (depth > 0 && f !== null) {
        f = vm.visibleFrame(f.back);
        depth--;
      }
      if (f === null) throw vm.error('ValueError', 'call stack is not deep enough');
      return f;
    })],
    ['intern', native('intern', (a) => {
      if (typeof a[0] !== 'string') throw vm.typeError(`intern() argument must be str, not ${typeOf(a[0]).tpName}`);
      return a[0];
    })],
  ]);
}
