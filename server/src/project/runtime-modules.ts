// The project's modules as the mini-runtime imports them: the host (the CLI, the language server) reads
// their text and hands it over, so that Python code in the sandbox never touches the host's files.
// Names resolve through ProjectImports (the same search path `check` and the editor use). The CLI
// answers each import as it happens; the language server's worker cannot ask back, so it is given
// every module the traced file can reach through its import statements, found ahead of the run.

import fs from 'node:fs';
import path from 'node:path';
import { parsePython, type SyntaxNode } from '../parser.js';
import type { ModuleSource, ModuleSourceResolver } from '../runtime/index.js';
import type { ProjectImports } from './imports.js';
import { readSource } from './source.js';

/** Reads a project file's text: an open editor's buffer first, else the file on disk; null when unreadable. */
export type ProjectTextReader = (file: string) => string | null;

/** Reads from disk (PEP 263 decoding, the analysis' rules); null for a binary, huge or unreadable file. */
export function readProjectText(file: string): string | null {
  const read = readSource(file);
  return read.ok ? read.text : null;
}

/**
 * The resolver a run of `mainFile` imports its project's modules through. Undefined: not a module of
 * the project (the runtime refuses the import: it may be installed); null: a module of the project the
 * runtime cannot run (a namespace package, a stub-only module, an unreadable file).
 */
export function projectModuleResolver(mainFile: string, imports: ProjectImports, read: ProjectTextReader = readProjectText): ModuleSourceResolver {
  const resolver = imports.resolverFor(imports.searchPathFor(path.resolve(mainFile)));
  return (name) => {
    const location = resolver.resolve(name);
    if (location === null) return undefined;
    if (location.kind === 'namespace' || location.file.endsWith('.pyi')) return null;
    const source = read(location.file);
    return source === null ? null : { source, path: location.file, isPackage: location.isPackage };
  };
}

/** Bounds on what one run is handed ahead of time. */
const MAX_MODULES = 200;
const MAX_TOTAL_CHARS = 8_000_000;

/**
 * Every module of the project `mainFile` can reach through import statements (in any scope, relative
 * ones resolved against their module's package), by full name, for RunOptions.modules. A regular
 * package's other submodules are listed as null (present, not provided), so that the runtime refuses
 * them instead of reporting them missing; beyond the bounds, modules are listed as null too.
 */
export function collectProjectModules(
  mainFile: string,
  mainText: string,
  imports: ProjectImports,
  read: ProjectTextReader = readProjectText,
): Record<string, ModuleSource | null> {
  const resolve = projectModuleResolver(mainFile, imports, read);
  const modules: Record<string, ModuleSource | null> = Object.create(null) as Record<string, ModuleSource | null>;
  let totalChars = mainText.length;
  let provided = 0;
  const queue: { text: string; packageName: string | null }[] = [{ text: mainText, packageName: null }];
  const visited = new Set<string>();
  const visit = (name: string): void => {
    if (visited.has(name)) return;
    visited.add(name);
    const found = resolve(name);
    if (found === undefined) return;
    if (found !== null && (provided >= MAX_MODULES || totalChars + found.source.length > MAX_TOTAL_CHARS)) {
      modules[name] = null;
      return;
    }
    modules[name] = found;
    if (found === null) return;
    provided++;
    totalChars += found.source.length;
    if (found.isPackage === true) for (const child of packageChildren(found.path)) if (!Object.hasOwn(modules, `${name}.${child}`)) modules[`${name}.${child}`] = null;
    queue.push({ text: found.source, packageName: found.isPackage === true ? name : name.slice(0, Math.max(0, name.lastIndexOf('.'))) });
  };
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const name of importedNames(next.text, next.packageName)) {
      // Each prefix is imported before the name itself, as CPython does.
      const parts = name.split('.');
      for (let i = 1; i <= parts.length; i++) visit(parts.slice(0, i).join('.'));
    }
  }
  return modules;
}

/** The names a package directory could import as submodules: its `*.py` files and its directories. */
function packageChildren(initFile: string): string[] {
  const directory = path.dirname(initFile);
  try {
    return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      if (entry.isDirectory()) return /^[A-Za-z_]\w*$/.test(entry.name) ? [entry.name] : [];
      const match = /^([A-Za-z_]\w*)\.py$/.exec(entry.name);
      return match !== null && match[1] !== '__init__' ? [match[1]!] : [];
    });
  } catch {
    return [];
  }
}

/**
 * The absolute module names a module's import statements name: `import a.b`, `from a import x` (and
 * `a.x`, which may be a submodule), relative imports against `packageName`. Text that does not parse
 * names nothing (the runtime reports its SyntaxError when it imports it).
 */
export function importedNames(text: string, packageName: string | null): string[] {
  const names: string[] = [];
  const walk = (node: SyntaxNode): void => {
    if (node.type === 'import_statement') {
      for (const child of node.namedChildren) {
        const dotted = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (dotted?.type === 'dotted_name') names.push(dotted.text);
      }
      return;
    }
    if (node.type === 'import_from_statement') {
      const base = fromModule(node, packageName);
      if (base === null) return;
      if (base !== '') names.push(base);
      for (const child of node.namedChildren) {
        if (child.startIndex === node.childForFieldName('module_name')?.startIndex) continue;
        const item = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
        if (item?.type === 'dotted_name') names.push(base === '' ? item.text : `${base}.${item.text}`);
      }
      return;
    }
    for (const child of node.namedChildren) walk(child);
  };
  walk(parsePython(text).rootNode);
  return names;
}

/** The absolute name a `from` statement imports from, or null when its relative import has no package. */
function fromModule(node: SyntaxNode, packageName: string | null): string | null {
  const module = node.childForFieldName('module_name');
  if (module === null) return null;
  if (module.type !== 'relative_import') return module.text;
  const level = module.namedChildren.find((child) => child.type === 'import_prefix')?.text.length ?? 0;
  const rest = module.namedChildren.find((child) => child.type === 'dotted_name')?.text ?? '';
  if (packageName === null || packageName === '') return null;
  const parts = packageName.split('.');
  if (parts.length < level) return null;
  const base = parts.slice(0, parts.length - (level - 1)).join('.');
  return rest === '' ? base : `${base}.${rest}`;
}
