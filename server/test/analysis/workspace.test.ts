// The workspace layer: module names, module summaries (bindings, imports, priming decorators,
// factories), symbol resolution across modules, reverse dependencies, and the callee resolver.

import { describe, expect, it } from 'vitest';
import { parsePython, type SyntaxNode } from '../../src/parser.js';
import { SemanticModel } from '../../src/analysis/model/semantic.js';
import { absoluteModule, summarizeModule, type ModuleSummary } from '../../src/analysis/workspace/summary.js';
import { detachedFromSource, moduleNameForPath, WorkspaceIndex } from '../../src/analysis/workspace/index.js';
import { resolverFor } from '../../src/analysis/workspace/resolve.js';

function summary(file: string, moduleName: string | null, text: string): ModuleSummary {
  return summarizeModule(file, moduleName, new SemanticModel(parsePython(text), text));
}

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const packages = new Set(Object.keys(files).filter((f) => f.endsWith('/__init__.py')).map((f) => f.slice(0, -'/__init__.py'.length)));
  return new WorkspaceIndex(
    Object.entries(files).map(([file, text]) => summary(file, moduleNameForPath(file.split('/'), (dir) => packages.has(dir.join('/'))), text)),
  );
}

describe('moduleNameForPath', () => {
  const packages = new Set(['pkg', 'pkg/sub']);
  const isPackage = (dir: readonly string[]): boolean => packages.has(dir.join('/'));
  it('prefixes enclosing packages and drops __init__', () => {
    expect(moduleNameForPath(['pkg', 'sub', 'mod.py'], isPackage)).toBe('pkg.sub.mod');
    expect(moduleNameForPath(['pkg', '__init__.py'], isPackage)).toBe('pkg');
    expect(moduleNameForPath(['scripts', 'tool.py'], isPackage)).toBe('tool');
    expect(moduleNameForPath(['pkg', 'stubs.pyi'], isPackage)).toBe('pkg.stubs');
  });
  it('gives null for names that cannot be imported', () => {
    expect(moduleNameForPath(['my-script.py'], isPackage)).toBeNull();
    expect(moduleNameForPath(['__init__.py'], isPackage)).toBeNull();
  });
});

describe('absoluteModule', () => {
  it('resolves relative imports from modules and package __init__ files', () => {
    expect(absoluteModule('.mod', 'pkg.sub', false)).toBe('pkg.mod');
    expect(absoluteModule('.', 'pkg.sub', false)).toBe('pkg');
    expect(absoluteModule('..util', 'pkg.sub.deep', false)).toBe('pkg.util');
    expect(absoluteModule('.mod', 'pkg', true)).toBe('pkg.mod');
    expect(absoluteModule('os.path', 'pkg', false)).toBe('os.path');
    expect(absoluteModule('...x', 'pkg.mod', false)).toBeNull();
    expect(absoluteModule('.x', null, false)).toBeNull();
  });
});

describe('summarizeModule', () => {
  it('records what module-level names are bound to', () => {
    const s = summary('pkg/__init__.py', 'pkg', `
import os
import os.path
import collections.abc as cabc
from .stages import collector, printer as show
from . import util
from x import *
def gen():
    yield 1
class Reader:
    def rows(self):
        yield 1
alias = gen
primed = util.coroutine(gen)
try:
    import json
except ImportError:
    json = None
a, b = 1, 2
`);
    expect(s.isPackageInit).toBe(true);
    expect(s.bindings).toMatchObject({
      os: { kind: 'module', module: 'os' },
      cabc: { kind: 'module', module: 'collections.abc' },
      collector: { kind: 'importFrom', module: 'pkg.stages', name: 'collector' },
      show: { kind: 'importFrom', module: 'pkg.stages', name: 'printer' },
      util: { kind: 'importFrom', module: 'pkg', name: 'util' },
      gen: { kind: 'function', qualname: 'gen' },
      Reader: { kind: 'class', qualname: 'Reader' },
      alias: { kind: 'alias', target: 'gen' },
      primed: { kind: 'decorated', decorator: 'util.coroutine', target: 'gen' },
      json: { kind: 'other' },
      a: { kind: 'other' },
    });
    expect(s.functions['gen']?.isGenerator).toBe(true);
    expect(s.functions['Reader.rows']?.isGenerator).toBe(true);
    expect(s.imports).toEqual(expect.arrayContaining(['os', 'os.path', 'collections', 'collections.abc', 'pkg.stages', 'pkg.stages.collector', 'pkg.util', 'json', 'x']));
    expect(s.imports).not.toContain('pkg');
  });

  it('recognises a priming decorator only when the wrapper primes on every path', () => {
    const s = summary('deco.py', 'deco', `
import functools
def coroutine(func):
    @functools.wraps(func)
    def start(*args, **kwargs):
        g = func(*args, **kwargs)
        next(g)
        return g
    return start

def sends_none(func):
    def start(*args):
        cr = func(*args)
        cr.send(None)
        return cr
    return start

def sometimes(func):
    def start(*args, flag=False):
        g = func(*args)
        if flag:
            next(g)
        return g
    return start

def passthrough(func):
    def start(*args):
        return func(*args)
    return start

def primes_something_else(func):
    def start(*args):
        g = func(*args)
        other = func(*args)
        next(other)
        return g
    return start
`);
    expect(s.functions['coroutine']?.primesReturnedGenerator).toBe(true);
    expect(s.functions['sends_none']?.primesReturnedGenerator).toBe(true);
    expect(s.functions['sometimes']?.primesReturnedGenerator).toBe(false);
    expect(s.functions['passthrough']?.primesReturnedGenerator).toBe(false);
    expect(s.functions['primes_something_else']?.primesReturnedGenerator).toBe(false);
  });

  it('describes factories that return generators, primed or not', () => {
    const s = summary('factories.py', 'factories', `
def gen():
    yield
def plain():
    return gen()
def primed():
    g = gen()
    next(g)
    return g
def squares(xs):
    return (x * x for x in xs)
def mixed(flag):
    if flag:
        return gen()
    return other()
`);
    expect(s.functions['plain']).toMatchObject({ returnedCallee: 'gen', returnedPrimed: false });
    expect(s.functions['primed']).toMatchObject({ returnedCallee: 'gen', returnedPrimed: true });
    expect(s.functions['squares']).toMatchObject({ returnsGenerator: true, returnedCallee: null });
    expect(s.functions['mixed']).toMatchObject({ returnsGenerator: false, returnedCallee: null });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('marks generators that hold a resource across a yield', () => {
    const s = summary('res.py', 'res', `
def lines(path):
    f = open(path)
    for line in f:
        yield line

def safe_lines(path):
    with open(path) as f:
        yield from f
`);
    expect(s.functions['lines']?.acquiresResources).toBe(true);
    expect(s.functions['safe_lines']?.acquiresResources).toBe(false);
  });

  it('records where StopIteration can leave a module-level function, for GEN004 in other modules', () => {
    const s = summary('helpers.py', 'helpers', `
def first(items):
    return next(iter(items))

def stop():
    if True:
        raise StopIteration

def with_default(items):
    return next(iter(items), None)

def guarded(items):
    try:
        return next(items)
    except StopIteration:
        return None

def own_iterator():
    return next(iter(compute()))

def gen(items):
    yield next(iter(items))

class C:
    def peek(self, items):
        return next(iter(items))
`);
    expect(s.functions['first']?.stopIteration).toEqual({ kind: 'next', line: 3, column: 12, param: 'items' });
    expect(s.functions['stop']?.stopIteration).toEqual({ kind: 'raise', line: 7, column: 9, param: null });
    // A default, a handler, an iterator of unknown origin, a generator, a method: nothing to report elsewhere.
    for (const name of ['with_default', 'guarded', 'own_iterator', 'gen', 'C.peek']) expect(s.functions[name]?.stopIteration).toBeNull();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('WorkspaceIndex', () => {
  const files = {
    'pkg/__init__.py': 'from .stages import collector\nfrom . import util\n',
    'pkg/stages.py': 'from .util import coroutine\ndef collector():\n    yield\n@coroutine\ndef printer():\n    yield\n',
    'pkg/util.py': 'def coroutine(f):\n    return f\n',
    'app.py': 'import pkg\nfrom pkg import collector\n',
    'other.py': 'import json\n',
    'cycle_a.py': 'from cycle_b import f\n',
    'cycle_b.py': 'from cycle_a import f\n',
  };

  it('resolves through package re-exports, submodules and externals', () => {
    const index = indexOf(files);
    expect(index.resolveSymbol('pkg', ['collector'])).toMatchObject({ kind: 'function', module: 'pkg.stages' });
    expect(index.resolveSymbol('pkg', ['stages', 'printer'])).toMatchObject({ kind: 'function', module: 'pkg.stages' });
    expect(index.resolveSymbol('app', ['collector'])).toMatchObject({ kind: 'function', module: 'pkg.stages' });
    expect(index.resolveSymbol('app', ['pkg', 'util', 'coroutine'])).toMatchObject({ kind: 'function', module: 'pkg.util' });
    expect(index.resolveSymbol('itertools', ['count'])).toEqual({ kind: 'external', qualifiedName: 'itertools.count' });
    expect(index.resolveSymbol('pkg', ['missing'])).toEqual({ kind: 'unknown' });
    expect(index.resolveSymbol('cycle_a', ['f'])).toEqual({ kind: 'unknown' });
  });

  it('follows star re-exports for public names only', () => {
    const index = indexOf({
      'lib/__init__.py': 'from .core import *\n',
      'lib/core.py': 'def stream():\n    yield\ndef _hidden():\n    yield\n',
      'user.py': 'from lib import stream\n',
    });
    expect(index.resolveSymbol('lib', ['stream'])).toMatchObject({ kind: 'function', module: 'lib.core' });
    expect(index.resolveSymbol('lib', ['_hidden'])).toEqual({ kind: 'unknown' });
    expect(index.dependentsOf('lib/core.py')).toEqual(['lib/__init__.py', 'user.py']);
  });

  it('lists dependents, through modules that re-export, and keeps the edges current', () => {
    const index = indexOf(files);
    expect(index.dependentsOf('pkg/stages.py')).toEqual(['app.py', 'pkg/__init__.py']);
    expect(index.dependentsOf('pkg/util.py')).toEqual(['app.py', 'pkg/__init__.py', 'pkg/stages.py']);
    expect(index.dependentsOf('other.py')).toEqual([]);
    index.update(summary('app.py', 'app', 'import json\n'));
    expect(index.dependentsOf('pkg/stages.py')).toEqual(['pkg/__init__.py']);
    index.remove('pkg/__init__.py');
    expect(index.dependentsOf('pkg/stages.py')).toEqual([]);
    expect(index.module('pkg')).toBeUndefined();
  });
});

function callNamed(root: SyntaxNode, text: string, callee: string): SyntaxNode {
  const calls = root.descendantsOfType('call').filter((c) => {
    const fn = c.childForFieldName('function');
    return fn !== null && text.slice(fn.startIndex, fn.endIndex) === callee;
  });
  const found = calls[calls.length - 1];
  if (found === undefined) throw new Error(`no call of ${callee}`);
  return found;
}

describe('Resolver', () => {
  const index = indexOf({
    'pkg/__init__.py': 'from .stages import collector\n',
    'pkg/stages.py': 'from .util import coroutine\ndef collector():\n    yield\n@coroutine\ndef printer():\n    yield\ndef make():\n    return collector()\n',
    'pkg/util.py': 'import functools\ndef coroutine(f):\n    @functools.wraps(f)\n    def start(*a):\n        g = f(*a)\n        next(g)\n        return g\n    return start\n',
  });
  const text = `
import itertools
import itertools as it
from itertools import count, repeat as rep
import pkg
import pkg.stages as st
from pkg.stages import printer, make
from pkg import collector
def local():
    yield
def use(self):
    local()
    collector()
    st.collector()
    pkg.stages.collector()
    printer()
    make()
    itertools.count()
    it.cycle([1])
    count()
    rep(1)
    next(self)
    self.method()
    (lambda: 1)()
`;
  const model = new SemanticModel(parsePython(text), text);
  const resolver = resolverFor({ model, index, moduleName: 'app', file: 'app.py' });
  const root = model.tree.rootNode;
  const result = (callee: string): string | null => resolver.callResult(resolver.resolveCall(callNamed(root, text, callee)));

  it('knows which calls make fresh and started generator objects', () => {
    expect(result('local')).toBe('created');
    expect(result('collector')).toBe('created');
    expect(result('st.collector')).toBe('created');
    expect(result('pkg.stages.collector')).toBe('created');
    expect(result('printer')).toBe('started');
    expect(result('make')).toBe('created');
    expect(result('self.method')).toBeNull();
  });

  it('names callees outside the workspace however they were imported', () => {
    expect(resolver.externalName(callNamed(root, text, 'itertools.count').childForFieldName('function'))).toBe('itertools.count');
    expect(resolver.externalName(callNamed(root, text, 'it.cycle').childForFieldName('function'))).toBe('itertools.cycle');
    expect(resolver.externalName(callNamed(root, text, 'count').childForFieldName('function'))).toBe('itertools.count');
    expect(resolver.externalName(callNamed(root, text, 'rep').childForFieldName('function'))).toBe('itertools.repeat');
    expect(resolver.resolveCall(callNamed(root, text, 'next'))).toEqual({ kind: 'builtin', name: 'next' });
    expect(resolver.resolveCall(callNamed(root, text, 'self.method'))).toEqual({ kind: 'unknown' });
  });

  it('without an index, imported names are external and make no generator objects', () => {
    const alone = resolverFor({ model: new SemanticModel(parsePython(text), text), index: undefined, moduleName: 'app' });
    const again = alone.model.tree.rootNode;
    expect(alone.callResult(alone.resolveCall(callNamed(again, text, 'collector')))).toBeNull();
    expect(alone.callResult(alone.resolveCall(callNamed(again, text, 'local')))).toBe('created');
  });
});

describe('WorkspaceIndex with a summary provider', () => {
  const files: Record<string, string> = {
    'pkg/__init__.py': 'from .gens import collector\n',
    'pkg/gens.py': 'def collector():\n    while True:\n        item = yield\n',
    'pkg/unused.py': 'def plain():\n    return 1\n',
  };
  const moduleOf = (file: string): string => (file.endsWith('__init__.py') ? file.split('/').slice(0, -1).join('.') : file.replace(/\.py$/, '').split('/').join('.'));

  function lazyIndex(): { index: WorkspaceIndex; asked: string[] } {
    const asked: string[] = [];
    const byModule = new Map(Object.keys(files).map((file) => [moduleOf(file), file]));
    const index = new WorkspaceIndex([], {
      moduleNames: () => byModule.keys(),
      summarize: (name) => {
        asked.push(name);
        const file = byModule.get(name);
        return file === undefined ? undefined : summary(file, name, files[file] ?? '');
      },
    });
    return { index, asked };
  }

  it('resolves through re-exports exactly as an index built from every summary does', () => {
    const { index } = lazyIndex();
    const eager = indexOf(files);
    for (const [module, path] of [['pkg', ['collector']], ['pkg.gens', ['collector']], ['pkg', ['unused', 'plain']], ['pkg', ['missing']]] as const) {
      expect(index.resolveSymbol(module, [...path])).toEqual(eager.resolveSymbol(module, [...path]));
    }
  });

  it('summarises only the modules a resolution reaches, each once', () => {
    const { index, asked } = lazyIndex();
    index.resolveSymbol('pkg', ['collector']);
    index.resolveSymbol('pkg', ['collector']);
    expect(asked).toEqual(['pkg', 'pkg.gens']);
  });
});

describe('detachedFromSource', () => {
  it('copies a summary whole, so that an index of copies answers as one of the originals', () => {
    const text = [
      'import contextlib',
      'from .helpers import a_rather_long_generator_name as alias_with_a_long_name',
      '',
      '@contextlib.contextmanager',
      'def managed_resource_with_a_long_name(path):',
      '    yield path',
      '',
      'class ReaderWithALongName:',
      '    def iterate_every_record(self):',
      '        yield from alias_with_a_long_name()',
      '',
    ].join('\n');
    const original = summary('pkg/mod.py', 'pkg.mod', text);
    const detached = detachedFromSource(original);
    expect(detached).not.toBe(original);
    expect(detached).toEqual(original);
    const fromOriginal = new WorkspaceIndex([original]);
    const fromDetached = new WorkspaceIndex([detached]);
    for (const path of [['managed_resource_with_a_long_name'], ['ReaderWithALongName']]) {
      const resolved = fromOriginal.resolveSymbol('pkg.mod', path);
      expect(resolved.kind).not.toBe('unknown');
      expect(fromDetached.resolveSymbol('pkg.mod', path)).toEqual(resolved);
    }
  });
});
