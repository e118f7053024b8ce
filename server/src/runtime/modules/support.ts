// What module files share: building a native module from its entries, the iterator class whose repr
// names its module (`<itertools.chain object at ...>`), and running a module written in Python.

import { compileModule, type CodeObject } from '../compiler.js';
import { Frame, type VM } from '../interp.js';
import { FnIterator } from '../objects/iterators.js';
import { parsePython } from '../../parser.js';
import { PyModule, type Py } from '../values.js';

/** The filename that frames of the Python-written modules report (CPython would show a path in Lib/). */
export const STDLIB_FILENAME = '<yieldlens-stdlib>';

/** A native module: a fresh module object holding exactly these names. */
export function module(name: string, entries: [string, Py][]): PyModule {
  const m = new PyModule(name);
  m.dict.set('__name__', name);
  for (const [k, v] of entries) m.dict.set(k, v);
  return m;
}

export class NamedIterator extends FnIterator {
  constructor(name: string, fn: () => Py, private modName = 'itertools') {
    super(name, fn);
  }
  pyRepr(): string {
    return `<${this.modName}.${this.typeName} object at ${this.address}>`;
  }
}

const compiledModules = new Map<string, CodeObject>();

/**
 * A module written in Python (functools, contextlib), run by the VM itself in its own globals as CPython
 * runs a .py module, so that what it does to the user's generators (send, throw, close) is traced the
 * same way. The module is in VM.modules before its body runs, as in sys.modules.
 */
export function pythonModule(vm: VM, name: string, source: string): PyModule {
  let code = compiledModules.get(name);
  if (code === undefined) {
    code = compileModule(parsePython(source).rootNode, STDLIB_FILENAME);
    compiledModules.set(name, code);
  }
  const m = new PyModule(name);
  m.dict.set('__name__', name);
  vm.modules.set(name, m);
  vm.runFrame(new Frame(code, m.dict, [], null, null, null), null);
  return m;
}
