// The registry of importable modules: one file per module in this folder, one line per module here.
// A fresh VM gets a factory for each name; the module is built on its first import. Any other import is
// `unsupported`; so is a module attribute the runtime does not provide (most of `sys` and `os`: they describe the host).

import type { VM } from '../interp.js';
import type { PyModule } from '../values.js';
import { abcModule, collectionsAbcModule } from './abc.js';
import { asyncioModule } from './asyncio.js';
import { bisectModule } from './bisect.js';
import { collectionsModule } from './collections.js';
import { contextlibModule } from './contextlib.js';
import { copyModule } from './copy.js';
import { fractionsModule, numbersModule } from './fractions.js';
import { functoolsModule } from './functools.js';
import { heapqModule } from './heapq.js';
import { inspectModule } from './inspect.js';
import { loggingModule } from './logging.js';
import { ioModule } from './io.js';
import { itertoolsModule } from './itertools.js';
import { jsonModule } from './json.js';
import { mathModule } from './math.js';
import { operatorModule } from './operator.js';
import { osModule, posixpathModule } from './os.js';
import { pprintModule } from './pprint.js';
import { queueModule } from './queue.js';
import { randomModule } from './random.js';
import { reModule } from './re.js';
import { statisticsModule } from './statistics.js';
import { _stringModule, stringModule } from './string.js';
import { codecsModule } from './codecs.js';
import { reprlibModule } from './reprlib.js';
import { _weakrefModule, weakrefModule } from './weakref.js';
import { sysModule } from './sys.js';
import { textwrapModule } from './textwrap.js';
import { timeModule } from './time.js';
import { typesModule } from './types.js';
import { dataclassesModule } from './dataclasses.js';
import { decimalModule } from './decimal.js';
import { enumModule } from './enum.js';
import { keywordModule } from './keyword.js';
import { typingModule } from './typing.js';

/** Module name → the function that builds the module object for one VM. */
export const MODULES: ReadonlyMap<string, (vm: VM) => PyModule> = new Map<string, (vm: VM) => PyModule>([
  ['itertools', itertoolsModule],
  ['inspect', inspectModule],
  ['io', ioModule],
  ['collections', collectionsModule],
  ['typing', typingModule],
  ['types', typesModule],
  ['dataclasses', dataclassesModule],
  ['enum', enumModule],
  ['decimal', decimalModule],
  ['keyword', keywordModule],
  ['math', mathModule],
  ['operator', operatorModule],
  ['functools', functoolsModule],
  ['contextlib', contextlibModule],
  ['asyncio', asyncioModule],
  ['heapq', heapqModule],
  ['bisect', bisectModule],
  ['queue', queueModule],
  ['re', reModule],
  ['sys', sysModule],
  ['random', randomModule],
  ['string', stringModule],
  ['_string', _stringModule],
  ['codecs', codecsModule],
  ['reprlib', reprlibModule],
  ['_weakref', _weakrefModule],
  ['weakref', weakrefModule],
  ['logging', loggingModule],
  ['copy', copyModule],
  ['time', timeModule],
  ['json', jsonModule],
  ['numbers', numbersModule],
  ['fractions', fractionsModule],
  ['statistics', statisticsModule],
  ['pprint', pprintModule],
  ['textwrap', textwrapModule],
  ['os', osModule],
  ['abc', abcModule],
  // `collections.abc` by its dotted name; `_collections_abc` as CPython also has it (importable today).
  ['collections.abc', collectionsAbcModule],
  ['_collections_abc', collectionsAbcModule],
  ['posixpath', posixpathModule],
  // For `import os.path` / `from os.path import ...` once the compiler takes dotted module names.
  ['os.path', posixpathModule],
]);

/** Every module name the registry holds, in registry order. */
export const RUNTIME_MODULE_NAMES: readonly string[] = [...MODULES.keys()];

export function installModules(vm: VM): void {
  for (const [name, factory] of MODULES) vm.moduleFactories.set(name, factory);
}
