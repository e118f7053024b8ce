// `importWords` decides which modules get a summary in the workspace index; a word it misses would
// silently drop cross-module findings, so every import form Python allows is pinned here.

import { describe, expect, it } from 'vitest';
import { importWords, mayBeImported } from '../../src/cli/file-job.js';

const words = (source: string): string[] => importWords(source).sort();

describe('importWords', () => {
  it('covers every import statement form', () => {
    expect(words('import a.b.c as d\n')).toEqual(['a', 'as', 'b', 'c', 'd', 'import']);
    expect(words('from ..pkg.mod import (\n    one,\n    two as three,\n)\n')).toEqual(['as', 'from', 'import', 'mod', 'one', 'pkg', 'three', 'two']);
    expect(words('from pkg.mod \\\n    import name\n')).toEqual(['from', 'import', 'mod', 'name', 'pkg']);
    expect(words('from pkg import a, \\\r\n    b\n')).toEqual(['a', 'b', 'from', 'import', 'pkg']);
    expect(words('x = 1; import first\ntry: import second\nexcept ImportError: second = None\n')).toEqual(['1', 'first', 'import', 'second', 'try', 'x']);
    expect(words('def f():\n    from . import sibling\n    return sibling\n')).toEqual(['from', 'import', 'sibling']);
  });

  it('ignores code without imports and words merely containing "import"', () => {
    expect(words('important = reimport = 1\nprint(important)\n')).toEqual([]);
  });

  it('decides by the last part of the module name', () => {
    const seen = new Set(importWords('from pkg import mod\nimport other.sub\n'));
    expect(mayBeImported('pkg', seen)).toBe(true);
    expect(mayBeImported('pkg.mod', seen)).toBe(true);
    expect(mayBeImported('other.sub', seen)).toBe(true);
    expect(mayBeImported('pkg.unused', seen)).toBe(false);
    expect(mayBeImported(null, seen)).toBe(false);
  });
});
