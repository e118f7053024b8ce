// The project module on real temporary trees: the root a file belongs to, module names from real
// `__init__.py` files, and decoding as CPython decodes (PEP 263 cookies, NUL bytes refused).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSource, findProjectRoot, ModuleNamer } from '../../src/project/index.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-project-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(relative: string, text = ''): string {
  const file = path.join(scratch, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('findProjectRoot', () => {
  it('is the nearest directory holding pyproject.toml or .git, from a file or a directory', () => {
    write('repo/.git/HEAD', 'ref: refs/heads/main\n');
    const inner = write('repo/tools/pyproject.toml', '[project]\nname = "tools"\n');
    const module = write('repo/tools/src/tool/cli.py');
    const loose = write('repo/scripts/run.py');
    expect(findProjectRoot(module)).toBe(path.dirname(inner));
    expect(findProjectRoot(path.dirname(module))).toBe(path.dirname(inner));
    expect(findProjectRoot(loose)).toBe(path.join(scratch, 'repo'));
  });
});

describe('ModuleNamer', () => {
  it('names a file after the packages above it, stopping at the first directory without __init__.py', () => {
    write('names/src/pkg/__init__.py');
    write('names/src/pkg/sub/__init__.py');
    const leaf = write('names/src/pkg/sub/leaf.py');
    const init = path.join(scratch, 'names/src/pkg/sub/__init__.py');
    const loose = write('names/src/script.py');
    const namer = new ModuleNamer();
    expect(namer.moduleNameFor(leaf)).toBe('pkg.sub.leaf');
    expect(namer.moduleNameFor(init)).toBe('pkg.sub');
    expect(namer.moduleNameFor(loose)).toBe('script');
    expect(namer.moduleNameFor(write('names/src/not-a-module.py'))).toBeNull();
    expect(namer.moduleNameFor('untitled:Untitled-1')).toBeNull();
  });

  it('sees packages created after a lookup once invalidated', () => {
    const file = write('late/pkg/mod.py');
    const namer = new ModuleNamer();
    expect(namer.moduleNameFor(file)).toBe('mod');
    write('late/pkg/__init__.py');
    expect(namer.moduleNameFor(file)).toBe('mod');
    namer.invalidate();
    expect(namer.moduleNameFor(file)).toBe('pkg.mod');
  });
});

describe('decodeSource', () => {
  it('decodes UTF-8 by default and honours a PEP 263 cookie on the second line', () => {
    expect(decodeSource(Buffer.from('x = "é"\n', 'utf8'))).toEqual({ ok: true, text: 'x = "é"\n', bytes: 9, encoding: { name: 'utf-8', bom: false } });
    const latin1 = Buffer.concat([Buffer.from('#!/usr/bin/env python\n# -*- coding: latin-1 -*-\nx = "'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    const decoded = decodeSource(latin1);
    expect(decoded.ok && decoded.text.endsWith('x = "é"\n')).toBe(true);
  });

  it('refuses NUL bytes, unknown codings and invalid UTF-8 with a message', () => {
    expect(decodeSource(Buffer.from([0x78, 0x00, 0x0a]))).toEqual({ ok: false, message: 'binary file (contains NUL bytes), not analysed' });
    expect(decodeSource(Buffer.from('# coding: klingon\n'))).toEqual({ ok: false, message: 'unknown encoding "klingon" in coding declaration' });
    const invalid = decodeSource(Buffer.from([0x61, 0x3d, 0xff, 0x0a]));
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.message).toMatch(/^cannot decode as UTF-8 at byte offset 2;/);
  });
});
