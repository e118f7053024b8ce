// Import resolution on real temporary trees, checked against CPython's own import system: for each
// dotted name, `ModuleResolver` must find the file `importlib.util.find_spec` finds with the same
// `sys.path` (or, for a namespace package, the same portions); and `ProjectImports` gives a file the
// import roots and module name the docs promise.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModuleResolver, ProjectImports } from '../../src/project/index.js';

const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-imports-')));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function tree(root: string, files: readonly string[]): string {
  const base = path.join(scratch, root);
  for (const file of files) {
    const target = path.join(base, file);
    if (file.endsWith('/')) fs.mkdirSync(target, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, '');
    }
  }
  return base;
}

/** What CPython 3.13 imports for each name with `searchPath` as sys.path: a file, `ns:portions`, or null. */
function cpythonFinds(searchPath: readonly string[], names: readonly string[]): (string | null)[] {
  const script = [
    'import importlib.util, json, sys',
    'paths, names = json.load(sys.stdin)',
    'sys.path[:] = paths',
    'out = []',
    'for name in names:',
    '    try:',
    '        spec = importlib.util.find_spec(name)',
    '    except ModuleNotFoundError:',
    '        spec = None',
    '    if spec is None: out.append(None)',
    "    elif spec.origin is None: out.append('ns:' + '|'.join(spec.submodule_search_locations))",
    '    else: out.append(spec.origin)',
    'print(json.dumps(out))',
  ].join('\n');
  const output = execFileSync('python3', ['-c', script], { input: JSON.stringify([searchPath, names]), encoding: 'utf8', env: { ...process.env, PYENV_VERSION: '3.13.0', PYTHONDONTWRITEBYTECODE: '1' } });
  return JSON.parse(output) as (string | null)[];
}

function oursFinds(searchPath: readonly string[], names: readonly string[]): (string | null)[] {
  const resolver = new ModuleResolver(searchPath);
  return names.map((name) => {
    const location = resolver.resolve(name);
    if (location === null) return null;
    return location.kind === 'namespace' ? `ns:${location.directories.join('|')}` : location.file;
  });
}

describe('ModuleResolver agrees with CPython', () => {
  it('on packages, modules, namespace packages over two roots, shadowing and precedence', () => {
    const root = tree('layout', [
      'first/pkg/__init__.py',
      'first/pkg/mod.py',
      'first/pkg/sub/__init__.py',
      'first/pkg/sub/leaf.py',
      'first/ns/a.py',
      'first/shadow/',
      'first/both.py',
      'first/both/',
      'first/Case.py',
      'second/ns/b.py',
      'second/ns/deep/c.py',
      'second/shadow.py',
      'second/pkg/other.py',
      'second/both/__init__.py',
      'first/plainmod.py',
    ]);
    const searchPath = [path.join(root, 'first'), path.join(root, 'second')];
    const names = [
      'pkg', 'pkg.mod', 'pkg.sub', 'pkg.sub.leaf', 'pkg.other', 'pkg.missing',
      'ns', 'ns.a', 'ns.b', 'ns.deep', 'ns.deep.c', 'ns.nothing',
      'shadow', 'both', 'Case', 'case', 'plainmod', 'plainmod.attr', 'nowhere', 'nowhere.deeper',
    ];
    expect(oursFinds(searchPath, names)).toEqual(cpythonFinds(searchPath, names));
  });

  it('uses a stub only where no .py exists (CPython imports neither stubs nor directories named like modules)', () => {
    const root = tree('stubs', ['lib/typed.py', 'lib/typed.pyi', 'lib/stubonly.pyi']);
    const resolver = new ModuleResolver([path.join(root, 'lib')]);
    expect(resolver.resolveFile('typed')).toBe(path.join(root, 'lib', 'typed.py'));
    expect(resolver.resolveFile('stubonly')).toBe(path.join(root, 'lib', 'stubonly.pyi'));
  });
});

describe('ProjectImports', () => {
  it('searches the package root, then src/, then the project root; names files as imported from the project', () => {
    const root = tree('project', [
      'pyproject.toml',
      'src/app/__init__.py',
      'src/app/main.py',
      'src/ns/plugin/mod.py',
      'tests/test_main.py',
      'scripts/tool.py',
      'scripts-2/run.py',
    ]);
    const imports = new ProjectImports();
    expect(imports.contextFor(path.join(root, 'src/app/main.py'))).toEqual({ searchPath: [path.join(root, 'src'), root], moduleName: 'app.main' });
    expect(imports.contextFor(path.join(root, 'src/app/__init__.py'))).toEqual({ searchPath: [path.join(root, 'src'), root], moduleName: 'app' });
    expect(imports.contextFor(path.join(root, 'src/ns/plugin/mod.py'))).toEqual({ searchPath: [path.join(root, 'src/ns/plugin'), path.join(root, 'src'), root], moduleName: 'ns.plugin.mod' });
    expect(imports.contextFor(path.join(root, 'tests/test_main.py'))).toEqual({ searchPath: [path.join(root, 'tests'), path.join(root, 'src'), root], moduleName: 'tests.test_main' });
    expect(imports.contextFor(path.join(root, 'scripts-2/run.py')).moduleName).toBe('run');
    expect(imports.resolveImport(path.join(root, 'scripts/tool.py'), 'app.main')).toEqual({ kind: 'module', file: path.join(root, 'src/app/main.py'), isPackage: false });
    expect(imports.resolveImport(path.join(root, 'scripts/tool.py'), 'ns.plugin')).toEqual({ kind: 'namespace', directories: [path.join(root, 'src/ns/plugin')] });
  });

  it('outside any project, a file imports from the directory above its top package only', () => {
    const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-loose-')));
    try {
      fs.mkdirSync(path.join(base, 'pkg'));
      fs.writeFileSync(path.join(base, 'pkg', '__init__.py'), '');
      fs.writeFileSync(path.join(base, 'pkg', 'mod.py'), '');
      const imports = new ProjectImports();
      const context = imports.contextFor(path.join(base, 'pkg', 'mod.py'));
      // /tmp is not inside a repository on any machine these tests run on.
      expect(context).toEqual({ searchPath: [base], moduleName: 'pkg.mod' });
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  it('sees files created after a lookup once invalidated', () => {
    const root = tree('late', ['pyproject.toml', 'a.py']);
    const imports = new ProjectImports();
    expect(imports.resolveImport(path.join(root, 'a.py'), 'b')).toBeNull();
    fs.writeFileSync(path.join(root, 'b.py'), '');
    expect(imports.resolveImport(path.join(root, 'a.py'), 'b')).toBeNull();
    imports.invalidate();
    expect(imports.resolveImport(path.join(root, 'a.py'), 'b')).toEqual({ kind: 'module', file: path.join(root, 'b.py'), isPackage: false });
  });
});
