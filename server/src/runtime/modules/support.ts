// What module files share: building a native module from its entries, the iterator class whose repr
// names its module (`<itertools.chain object at ...>`), and running a module written in Python.

import { compileModule, STDLIB_FILENAME, type CodeObject } from '../compiler.js';
import { Frame, type VM } from '../interp.js';
import { FnIterator } from '../objects/iterators.js';
import { parsePython } from '../../parser.js';
import { PyModule, type Py } from '../values.js';

/** The filename that frames of the Python-written modules report (CPython would show a path in Lib/). */
export { STDLIB_FILENAME };

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
 * same way. The module is in VM.modules before its body runs, as in sys.modules. `natives` are bound in its
 * globals first.
 */
export function pythonModule(vm: VM, name: string, source: string, natives: [string, Py][] = []): PyModule {
  // Keyed by the source: a module registered under two names (collections.abc and _collections_abc) compiles once.
  let code = compiledModules.get(source);
  if (code === undefined) {
    code = compileModule(parsePython(source).rootNode, STDLIB_FILENAME);
    // A module's own source must compile: its error would otherwise surface as some snippet's `unsupported`.
    const bad = code.syntaxErrors[0];
    if (bad !== undefined) throw new Error(`module ${name}, line ${bad.line}: ${bad.message}`);
    compiledModules.set(source, code);
  }
  const m = new PyModule(name);
  m.dict.set('__name__', name);
  // Native helpers the Python source builds on (asyncio's FutureIter, the async generator hooks).
  for (const [k, v] of natives) m.dict.set(k, v);
  vm.modules.set(name, m);
  vm.runFrame(new Frame(code, m.dict, [], null, null, null), null);
  return m;
}
