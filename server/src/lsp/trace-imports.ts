// Which modules a snippet could import, read from its text without parsing it (the trace worker warms
// those up before the run, see trace-worker.ts). Erring on the side of more: a word `import` in a string
// or comment counts too; null when the text can import what its statements do not name.

/** Ways to import a module whose name is not written in an import statement. */
const DYNAMIC = /\b(__import__|importlib|import_module|exec|eval|compile)\b/;
const FROM_IMPORT = /\bfrom\s+(\.*[\w.]*)\s+import\s*(\([^)]*\)|[^\n;#]*)/g;
const IMPORT = /\bimport\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)/g;

export interface ImportedModules {
  /** Dotted names of the modules imported: `import a.b, c as d` gives `a.b` and `c`; `from a import b`, `a`. */
  modules: string[];
  /** What `from a import b` imports if `a.b` is a submodule (`from os import path`): `a.b`. */
  maybeSubmodules: string[];
}

/**
 * The modules `text` imports, or null when it may import others: a relative import, or `__import__`,
 * `importlib`, `exec`, `eval`, `compile` anywhere in it.
 */
export function importedModules(text: string): ImportedModules | null {
  if (DYNAMIC.test(text)) return null;
  const joined = text.replace(/\\\r?\n/g, ' ');
  const names = new Set<string>();
  const maybe = new Set<string>();
  let relative = false;
  const rest = joined.replace(FROM_IMPORT, (_whole, module: string, imported: string) => {
    if (module.startsWith('.')) relative = true;
    names.add(module);
    for (const part of imported.replace(/[()]/g, ' ').split(',')) {
      const name = part.trim().split(/\s+/)[0];
      if (name !== undefined && /^\w+$/.test(name)) maybe.add(`${module}.${name}`);
    }
    return ' ';
  });
  if (relative) return null;
  for (const match of rest.matchAll(IMPORT)) {
    for (const part of match[1]!.split(',')) names.add(part.trim().split(/\s+/)[0]!);
  }
  return { modules: [...names], maybeSubmodules: [...maybe] };
}
