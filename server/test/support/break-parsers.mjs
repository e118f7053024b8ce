// Preloaded with `node --import` by the parser tests: makes the parser bindings named in
// YIELDLENS_TEST_BREAK_PARSERS (`native`, `wasm`, comma separated) fail to load, as a missing binary would.

import fs from 'node:fs';
import Module, { register, syncBuiltinESMExports } from 'node:module';

const broken = new Set((process.env.YIELDLENS_TEST_BREAK_PARSERS ?? '').split(',').filter((name) => name !== ''));

if (broken.has('native')) {
  // parser.ts requires the native binding through createRequire, which goes through Module._load.
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'tree-sitter') throw new Error('libstdc++.so.6: version `GLIBCXX_3.4.31\' not found (simulated by the test)');
    return load.call(this, request, ...rest);
  };
}
if (broken.has('wasm')) {
  register(
    'data:text/javascript,' +
      encodeURIComponent(`export async function resolve(specifier, context, next) {
        if (specifier === 'web-tree-sitter') throw new Error('Cannot find package web-tree-sitter (simulated by the test)');
        return next(specifier, context);
      }`),
  );
  // The bundle inlines web-tree-sitter, so no resolution fails there: its runtime's WASM file cannot be read.
  const readFileSync = fs.readFileSync;
  fs.readFileSync = function (path, ...rest) {
    if (String(path).endsWith('tree-sitter.wasm')) throw new Error(`ENOENT: no such file, open '${String(path)}' (simulated by the test)`);
    return readFileSync.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
}
