// vitest setup: every test file that parses in-process gets the grammar the CLI and the server would load
// (YIELDLENS_PARSER=wasm runs the whole suite on the WASM parser).

import { loadParser } from '../src/parser.js';

await loadParser();
