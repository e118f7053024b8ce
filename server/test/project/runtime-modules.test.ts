// The project's modules handed to the runtime: what collectProjectModules gathers for a language-server
// run (through import statements, relative ones included, open buffers over the disk), and what the
// runtime then does with a package's submodule that was present but not handed over.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectImports } from '../../src/project/index.js';
import { collectProjectModules, importedNames, projectModuleResolver } from '../../src/project/runtime-modules.js';
import { runSnippet } from '../../src/runtime/index.js';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-runtime-modules-')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

write('pyproject.toml', '[project]\nname = "demo"\n');
write('shop/__init__.py', 'from .stock import levels\n');
write('shop/stock.py', 'from util import helper\nfrom . import orders\n\ndef levels():\n    yield 1\n');
write('shop/orders.py', 'def pending():\n    import json\n    yield 2\n');
write('shop/unused.py', 'X = 1\n');
write('util.py', 'def helper():\n    return 3\n');
const app = write('app.py', 'import shop\nfrom shop.stock import levels\n\ndef later():\n    import util\n');

describe('collectProjectModules', () => {
  it('follows import statements in every scope, relative ones against their package', () => {
    const modules = collectProjectModules(app, fs.readFileSync(app, 'utf8'), new ProjectImports());
    const provided = Object.entries(modules).filter(([, module]) => module !== null).map(([name]) => name).sort();
    expect(provided).toEqual(['shop', 'shop.orders', 'shop.stock', 'util']);
    // Present in the package, never imported: listed so that the runtime refuses it instead of saying it is missing.
    expect(modules['shop.unused']).toBeNull();
    expect(modules['shop']).toMatchObject({ path: path.join(root, 'shop', '__init__.py'), isPackage: true });
    // `import json` is not the project's: nothing is listed for it.
    expect(Object.hasOwn(modules, 'json')).toBe(false);
  });

  it('takes an open buffer over the file on disk', () => {
    const edited = 'def helper():\n    return 4\n';
    const read = (file: string): string | null => (file === path.join(root, 'util.py') ? edited : fs.readFileSync(file, 'utf8'));
    const modules = collectProjectModules(app, fs.readFileSync(app, 'utf8'), new ProjectImports(), read);
    expect(modules['util']?.source).toBe(edited);
  });

  it('names relative imports only where the module has a package', () => {
    expect(importedNames('from . import a\nfrom .b import c\n', 'pkg.sub')).toEqual(['pkg.sub', 'pkg.sub.a', 'pkg.sub.b', 'pkg.sub.b.c']);
    expect(importedNames('from . import a\n', null)).toEqual([]);
    expect(importedNames('from .. import a\n', 'pkg')).toEqual([]);
  });

  it('a present submodule that was not handed over is refused by the runtime, a missing one is ModuleNotFoundError', () => {
    const modules = collectProjectModules(app, fs.readFileSync(app, 'utf8'), new ProjectImports());
    const refused = runSnippet('import shop.unused\n', { filename: app, modules });
    expect(refused.unsupported?.feature).toMatch(/^import shop\.unused/);
    const missing = runSnippet('try:\n    import shop.nothere\nexcept ModuleNotFoundError as e:\n    print(e)\n', { filename: app, modules });
    expect(missing.stdout).toBe("No module named 'shop.nothere'\n");
  });

  it('the CLI resolver reads the same modules from disk on demand', () => {
    const resolve = projectModuleResolver(app, new ProjectImports());
    expect(resolve('shop.stock')?.path).toBe(path.join(root, 'shop', 'stock.py'));
    expect(resolve('json')).toBeUndefined();
    const report = runSnippet('from shop.stock import levels\nprint(list(levels()))\n', { filename: app, resolveModule: resolve });
    expect(report.stdout).toBe('[1]\n');
    expect(report.events.find((event) => event.event === 'yield')?.file).toBe(path.join(root, 'shop', 'stock.py'));
  });

  it("a refusal inside an imported module names that module's file and line", () => {
    const modules = { lazy: { path: path.join(root, 'lazy.py'), source: 'def load():\n    import socket\n' } };
    const report = runSnippet('import lazy\nlazy.load()\n', { filename: app, modules });
    expect(report.unsupported).toEqual({ feature: 'import socket', line: 2, file: path.join(root, 'lazy.py') });
  });
});
