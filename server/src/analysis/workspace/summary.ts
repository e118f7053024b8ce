// Per-module summaries for the workspace index: plain, serialisable data (it crosses worker threads)
// about each module's functions, so rules in other files can ask "is `collector` a generator function?".

import type { SemanticModel } from '../model/semantic.js';

export interface FunctionSummary {
  /** Name as bound in the module (`collector`) or qualname for methods (`Reader.rows`). */
  qualname: string;
  line: number;
  isGenerator: boolean;
  isAsync: boolean;
  /** A decorator or factory that returns the generator already started (a "priming" decorator). */
  primesReturnedGenerator: boolean;
  /** Not a generator itself, but every return returns a new generator object. */
  returnsGenerator: boolean;
  /** Acquires a resource (file, socket, lock…) that is live across a yield. */
  acquiresResources: boolean;
}

export interface ModuleSummary {
  file: string;
  /** Dotted module name (`pkg.mod`), or null when it could not be derived. */
  moduleName: string | null;
  isPackageInit: boolean;
  /** Module-level functions and class methods, keyed by qualname. */
  functions: Record<string, FunctionSummary>;
}

export function summarizeModule(file: string, moduleName: string | null, model: SemanticModel): ModuleSummary {
  const functions: Record<string, FunctionSummary> = {};
  for (const fn of model.functions) {
    if (fn.kind !== 'def' || fn.qualname.includes('<locals>')) continue;
    functions[fn.qualname] = {
      qualname: fn.qualname,
      line: fn.node.startPosition.row + 1,
      isGenerator: fn.isGenerator,
      isAsync: fn.isAsync,
      primesReturnedGenerator: false,
      returnsGenerator: false,
      acquiresResources: false,
    };
  }
  return { file, moduleName, isPackageInit: /(^|[\\/])__init__\.pyi?$/.test(file), functions };
}
