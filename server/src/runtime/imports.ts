// The user's own modules, imported as CPython's import system imports them from source files: the host
// hands the runtime their text (RunOptions.resolveModule); nothing here reads the host's disk. Modules are
// cached by full name (sys.modules semantics: inserted before their code runs, removed if it raises), a
// package's submodule is bound on the package once loaded, and a circular import sees the partially
// initialized module, with CPython 3.13's messages.

import type { CodeObject } from './compiler.js';
import { Frame, typeOf, UnsupportedSignal, type VM } from './interp.js';
import { STDLIB_MODULE_NAMES } from './stdlib-names.js';
import { GlobalsMap, PyList, PyUserModule, type PyModule, type Py } from './values.js';

/** A module of the user's project, as the host found it. */
export interface ModuleSource {
  /** The module's text. */
  source: string;
  /** Its path, as `__file__` and tracebacks show it (a package's is its `__init__.py`). */
  path: string;
  /** True for a regular package (`path` is its `__init__.py`); its submodules are `name.sub`. */
  isPackage?: boolean;
}

/**
 * Full module name → its source; undefined when the project has no such module (it may be installed:
 * the import is refused, or for a submodule of a project package ModuleNotFoundError); null when the
 * project has it but the host cannot provide it (a namespace package, a file not handed over): refused.
 */
export type ModuleSourceResolver = (name: string) => ModuleSource | null | undefined;

/** A SyntaxError found compiling an imported module: its message and line. */
export interface ModuleCompileError {
  message: string;
  line: number;
}

/** Module attributes CPython sets that the runtime does not model: reading one is refused, not an AttributeError. */
const UNMODELLED_MODULE_ATTRIBUTES = new Set(['__spec__', '__loader__', '__cached__', '__builtins__', '__dict__']);

function basename(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? path : path.slice(slash + 1);
}

export { PyUserModule };

export function dirname(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The part of the import system that lives in one VM. */
export class ImportSystem {
  constructor(
    private readonly vm: VM,
    private readonly resolve: ModuleSourceResolver | null,
    private readonly compile: (source: string, path: string) => CodeObject | ModuleCompileError,
    /** The directory of the `__main__` script: sys.path[0] (CPython's shadowing hint compares with it). */
    private readonly scriptDir: string,
  ) {}

  /**
   * `__import__(name, globals, fromlist=fromlist, level=level)`: the top-level package for a plain
   * `import a.b`, the module itself when there is a fromlist (after importing the fromlist's submodules).
   */
  importName(name: string, fromlist: readonly string[], level: number, globals: Map<string, Py>): PyModule {
    const absolute = level > 0 ? this.resolveRelative(name, level, globals) : name;
    const module = this.importDotted(absolute);
    if (fromlist.length === 0) {
      const top = absolute.split('.')[0]!;
      return this.vm.modules.get(top) ?? module;
    }
    if (module instanceof PyUserModule && !module.isPackage && module.dict.has('__getattr__')) {
      // __import__ looks for `__path__` (hasattr) before the fromlist: a PEP 562 __getattr__ sees that question.
      if (this.vm.getAttrOrUndefined(module, '__path__') !== undefined)
        throw new UnsupportedSignal(`from ${module.name} import of a module whose __getattr__ gives a __path__`, this.vm.currentLine());
    }
    if (module instanceof PyUserModule && module.isPackage) {
      const items = fromlist.includes('*') ? [...fromlist, ...this.allNames(module) ?? []] : fromlist;
      for (const item of items) {
        if (item === '*' || module.dict.has(item)) continue;
        const sub = `${module.name}.${item}`;
        if (this.vm.modules.has(sub) || (this.resolve?.(sub) ?? undefined) === undefined) continue;
        this.importDotted(sub);
      }
    }
    return module;
  }

  /** `from module import *` into a module's globals: the names of `__all__`, else every name not starting with `_`. */
  importStar(module: PyModule, globals: Map<string, Py>): void {
    const names = this.allNames(module) ?? [...module.dict.keys()].filter((name) => !name.startsWith('_'));
    for (const name of names) {
      const value = module.dict.get(name);
      if (value === undefined) {
        if (module instanceof PyUserModule) throw this.vm.error('AttributeError', `module '${module.name}' has no attribute '${name}'`);
        throw new UnsupportedSignal(`${module.name}.${name}`, this.vm.currentLine());
      }
      globals.set(name, value);
    }
    if (!(module instanceof PyUserModule)) this.vm.starImports.set(globals, [...(this.vm.starImports.get(globals) ?? []), module.name]);
  }

  /** The module's `__all__` as names (CPython's TypeError for an item that is not a str), or null without one. */
  private allNames(module: PyModule): string[] | null {
    const all = module.dict.get('__all__');
    if (all === undefined) return null;
    return this.vm.toArray(all).map((item) => {
      if (typeof item !== 'string') throw this.vm.typeError(`Item in ${module.name}.__all__ must be str, not ${typeOf(item).tpName}`);
      return item;
    });
  }

  /** `from module import name`: the attribute, else a submodule already imported, else ImportError. */
  importFrom(module: PyModule, name: string): Py {
    const value = module.dict.get(name);
    if (value !== undefined) return value;
    if (!(module instanceof PyUserModule)) throw new UnsupportedSignal(`${module.name}.${name}`, this.vm.currentLine());
    const moduleGetattr = module.dict.get('__getattr__');
    if (moduleGetattr !== undefined) {
      // PEP 562; an AttributeError from it becomes the ImportError below, as in CPython's import_from.
      const found = this.vm.getAttrOrUndefined(module, name);
      if (found !== undefined) return found;
    }
    const sub = this.vm.modules.get(`${module.name}.${name}`);
    if (sub !== undefined) return sub;
    const from = module.initializing
      ? `partially initialized module '${module.name}' (most likely due to a circular import)`
      : `'${module.name}'`;
    throw this.importError(`cannot import name '${name}' from ${from} (${module.file})`, module.name, module.file);
  }

  /** A missing attribute of a user module, as a module without `__getattr__` reports it in 3.13. */
  missingAttribute(module: PyUserModule, name: string): never {
    if (UNMODELLED_MODULE_ATTRIBUTES.has(name) || (name === '__path__' && module.isPackage))
      throw new UnsupportedSignal(`module attribute ${name}`, this.vm.currentLine());
    const shadowing = this.possiblyShadowing(module);
    if (shadowing && STDLIB_MODULE_NAMES.has(module.name))
      throw new UnsupportedSignal(`attribute error of project module ${module.name} named as a standard library module`, this.vm.currentLine());
    if (module.initializing) {
      if (shadowing) {
        throw this.vm.error('AttributeError', `module '${module.name}' has no attribute '${name}' (consider renaming '${module.file}' ` +
          'if it has the same name as a third-party module you intended to import)');
      }
      throw this.vm.error('AttributeError', `partially initialized module '${module.name}' from '${module.file}' has no attribute '${name}' (most likely due to a circular import)`);
    }
    const sub = this.vm.modules.get(`${module.name}.${name}`);
    if (sub instanceof PyUserModule && sub.initializing)
      throw this.vm.error('AttributeError', `cannot access submodule '${name}' of module '${module.name}' (most likely due to a circular import)`);
    throw this.vm.error('AttributeError', `module '${module.name}' has no attribute '${name}'`);
  }

  /** _PyModule_IsPossiblyShadowing: the module's file is in the script's directory (sys.path[0]). */
  private possiblyShadowing(module: PyUserModule): boolean {
    return dirname(module.file) === this.scriptDir;
  }

  /** `importlib._bootstrap._resolve_name` with the importing module's `__package__`. */
  private resolveRelative(name: string, level: number, globals: Map<string, Py>): string {
    const pkg = globals.get('__package__');
    if (typeof pkg !== 'string' || pkg === '') {
      if (pkg !== undefined && pkg !== null && typeof pkg !== 'string') throw this.vm.typeError('package must be a string');
      throw this.importError('attempted relative import with no known parent package', null, null);
    }
    const parts = pkg.split('.');
    if (parts.length < level) throw this.importError('attempted relative import beyond top-level package', null, null);
    const base = parts.slice(0, parts.length - (level - 1)).join('.');
    return name === '' ? base : `${base}.${name}`;
  }

  /** Imports every prefix of a dotted name in turn (`a`, `a.b`, `a.b.c`) and returns the last module. */
  private importDotted(name: string): PyModule {
    const cached = this.vm.modules.get(name);
    const dot = name.lastIndexOf('.');
    if (cached !== undefined) return dot === -1 ? cached : this.bindRuntimeChild(name, dot, cached);
    if (dot === -1) return this.loadTopLevel(name);
    const parent = this.importDotted(name.slice(0, dot));
    const again = this.vm.modules.get(name);
    if (again !== undefined) return this.bindRuntimeChild(name, dot, again);
    const factory = this.vm.moduleFactories.get(name);
    if (factory !== undefined) return this.bindChild(parent, name, this.fromRegistry(name, factory));
    if (!(parent instanceof PyUserModule)) throw new UnsupportedSignal(`import ${name}`, this.vm.currentLine());
    if (!parent.isPackage) throw this.moduleNotFound(`No module named '${name}'; '${parent.name}' is not a package`, name);
    const found = this.resolve?.(name);
    if (found === null) throw new UnsupportedSignal(`import ${name} (a project module the host did not provide)`, this.vm.currentLine());
    if (found === undefined) throw this.moduleNotFound(`No module named '${name}'`, name);
    return this.bindChild(parent, name, this.execute(name, found));
  }

  /**
   * A runtime module cached under a dotted name before its package bound it: collections imports _collections_abc,
   * which the runtime builds as collections.abc; CPython would load collections/abc.py at `import collections.abc`
   * and bind it on the package, so the runtime binds it then.
   */
  private bindRuntimeChild(name: string, dot: number, module: PyModule): PyModule {
    const parent = this.vm.modules.get(name.slice(0, dot));
    const tail = name.slice(dot + 1);
    if (parent === undefined || parent instanceof PyUserModule || !this.vm.moduleFactories.has(name) || parent.dict.has(tail)) return module;
    return this.bindChild(parent, name, module);
  }

  /** _find_and_load_unlocked: a child is bound on its parent once it has loaded. */
  private bindChild(parent: PyModule, name: string, module: PyModule): PyModule {
    parent.dict.set(name.slice(name.lastIndexOf('.') + 1), module);
    return module;
  }

  private fromRegistry(name: string, factory: (vm: VM) => PyModule): PyModule {
    return this.vm.instantiateModule(name, factory);
  }

  private loadTopLevel(name: string): PyModule {
    const factory = this.vm.moduleFactories.get(name);
    const found = this.resolve?.(name);
    if (factory !== undefined) {
      // sys.path[0] comes before the standard library for pure-Python modules: the project's file would win.
      if (found !== undefined && found !== null) throw new UnsupportedSignal(`import ${name} (a project module shadows the standard library's)`, this.vm.currentLine());
      return this.fromRegistry(name, factory);
    }
    if (found === null) throw new UnsupportedSignal(`import ${name} (a project module the host did not provide)`, this.vm.currentLine());
    if (found === undefined) throw new UnsupportedSignal(`import ${name}`, this.vm.currentLine());
    return this.execute(name, found);
  }

  /** Runs a module's code in a fresh namespace, cached under its name while it runs. */
  private execute(name: string, found: ModuleSource): PyUserModule {
    const isPackage = found.isPackage === true;
    const code = this.compile(found.source, found.path);
    if (!('code' in code)) throw this.syntaxError(code, found.path);
    const globals = new GlobalsMap();
    globals.set('__name__', name);
    globals.set('__doc__', code.doc);
    globals.set('__package__', isPackage ? name : name.slice(0, Math.max(0, name.lastIndexOf('.'))));
    if (isPackage) globals.set('__path__', new PyList([dirname(found.path)]));
    globals.set('__file__', found.path);
    const module = new PyUserModule(name, found.path, isPackage, globals);
    this.vm.modules.set(name, module);
    try {
      this.vm.runFrame(new Frame(code, globals, [], null, null, null), null);
    } catch (error) {
      this.vm.modules.delete(name);
      throw error;
    } finally {
      module.initializing = false;
    }
    return module;
  }

  private importError(message: string, name: string | null, path: string | null, type = 'ImportError'): ReturnType<VM['error']> {
    const error = this.vm.error(type, message);
    error.dict.set('name', name);
    error.dict.set('path', path);
    error.dict.set('name_from', null);
    return error;
  }

  private moduleNotFound(message: string, name: string): ReturnType<VM['error']> {
    return this.importError(message, name, null, 'ModuleNotFoundError');
  }

  /** What `import` raises for a module that does not compile: `msg (file.py, line N)` as str() shows it. */
  private syntaxError(error: ModuleCompileError, path: string): ReturnType<VM['error']> {
    const exception = this.vm.error('SyntaxError', `${error.message} (${basename(path)}, line ${error.line})`);
    exception.dict.set('msg', error.message);
    exception.dict.set('filename', path);
    exception.dict.set('lineno', error.line);
    return exception;
  }
}
