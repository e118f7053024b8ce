// What the trace worker warms up before a snippet runs: the modules the snippet's text can import.

import { describe, expect, it } from 'vitest';
import { importedModules } from '../../src/lsp/trace-imports.js';

const sorted = (text: string): { modules: string[]; maybeSubmodules: string[] } | null => {
  const found = importedModules(text);
  return found === null ? null : { modules: [...found.modules].sort(), maybeSubmodules: [...found.maybeSubmodules].sort() };
};

describe('importedModules', () => {
  it('finds nothing in a snippet without imports', () => {
    expect(sorted('def g():\n    yield 1\nprint(list(g()))\n')).toEqual({ modules: [], maybeSubmodules: [] });
  });

  it('reads import statements, with aliases, dotted names, several on a line and after a colon or semicolon', () => {
    expect(sorted('import asyncio\nimport collections.abc as cabc, itertools\nx = 1; import json\nif x: import re\n')).toEqual({
      modules: ['asyncio', 'collections.abc', 'itertools', 'json', 're'],
      maybeSubmodules: [],
    });
  });

  it('reads from-imports, parenthesised over lines or continued with a backslash, and names their possible submodules', () => {
    expect(sorted('from os import path\nfrom functools import (\n    reduce,\n    partial as p,\n)\nfrom contextlib import \\\n    contextmanager\n')).toEqual({
      modules: ['contextlib', 'functools', 'os'],
      maybeSubmodules: ['contextlib.contextmanager', 'functools.partial', 'functools.reduce', 'os.path'],
    });
  });

  it('does not take the names a from-import binds for modules', () => {
    expect(sorted('from collections import deque, OrderedDict\n')?.modules).toEqual(['collections']);
  });

  it('gives up (null) where the text can import what no statement names', () => {
    expect(importedModules('from . import sibling\n')).toBeNull();
    expect(importedModules('m = __import__("json")\n')).toBeNull();
    expect(importedModules('import importlib\n')).toBeNull();
    expect(importedModules('exec("import json")\n')).toBeNull();
  });
});
