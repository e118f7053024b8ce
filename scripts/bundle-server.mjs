// Bundles the server (CLI, language server and every worker thread) into server/bundle/ with esbuild: the main
// thread's entry as one CommonJS file (yieldlens.cjs, which server/bin/launch.js compiles with V8's code cache:
// Node 20 has no code cache for ES modules), one ESM file per worker thread, the two WASM files beside them,
// and the licences of what was inlined. It bundles the compiled server/dist rather than the TypeScript, so
// tsc's inlining of `const enum Op` (the VM's jump table) is kept. The native tree-sitter bindings stay
// external: they are required at run time from node_modules.
//
// `node scripts/bundle-server.mjs` builds the TypeScript first (`--skip-tsc`: it is built already, as in
// `npm run build`); `npm pack` in server/ runs it (prepack).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, copyFileSync, writeFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(REPO, 'server');
const DIST = join(SERVER, 'dist');
export const BUNDLE_DIR = join(SERVER, 'bundle');
const require = createRequire(import.meta.url);

/** Loaded with `require` at run time from node_modules, never inlined (the .node binaries sit beside them). */
const NATIVE_PACKAGES = ['tree-sitter', 'tree-sitter-python'];

/** Asset references a module makes relative to itself, which must point at the same file from the bundle. */
const ASSET_REFERENCE = /(new URL\(|createRequire\(import\.meta\.url\)\()(['"])(\.\.?\/[^'"]+)\2(, import\.meta\.url\))?/g;

/** Compiles the TypeScript (tsc -b) so that the bundle is made from the sources as they are now. */
export function buildTypeScript() {
  execFileSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { cwd: REPO, stdio: 'inherit' });
}

/** The main thread's bundle in `outDir`, which exports `main` (server/bin/launch.js loads it). */
export const MAIN_BUNDLE = 'yieldlens.cjs';
/** The trace worker's early start (`prestartTraceWorker`), which launch.js runs for `yieldlens lsp`. */
export const TRACE_PRESTART_BUNDLE = 'trace-prestart.cjs';

/**
 * Bundles server/dist into `outDir` and returns what it wrote: the entry files (the CLI's `yieldlens.cjs`,
 * which exports `main`, and one file per worker thread) and their sizes.
 */
export async function bundleServer(outDir = BUNDLE_DIR) {
  if (!existsSync(join(DIST, 'cli', 'main.js'))) throw new Error('server/dist is missing: run `npm run build` first');
  const workers = workerEntries();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    outdir: outDir,
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external: NATIVE_PACKAGES,
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [assetReferences(outDir, workers)],
  };
  // The main thread: CommonJS, so that the launcher can compile it as a vm.Script with a code cache. What
  // ESM gave it is provided: import.meta.url (the bundle's own URL: the worker files, the WASM files and
  // package.json are found from it), and import() of Node's modules (see asciiOnly).
  const main = await esbuild.build({
    ...common,
    entryPoints: [
      { in: join(DIST, 'cli', 'main.js'), out: MAIN_BUNDLE.replace(/\.cjs$/, '') },
      // What server/bin/launch.js runs for `yieldlens lsp` before it loads the main bundle (see lsp/trace-prestart.ts).
      { in: join(DIST, 'lsp', 'trace-prestart.js'), out: TRACE_PRESTART_BUNDLE.replace(/\.cjs$/, '') },
    ],
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    define: { 'import.meta.url': '__yieldlensBundleUrl' },
    banner: { js: "var __yieldlensBundleUrl = require('node:url').pathToFileURL(__filename).href, __yieldlensRequire = require;" },
  });
  asciiOnly(join(outDir, MAIN_BUNDLE));
  asciiOnly(join(outDir, TRACE_PRESTART_BUNDLE));
  // Worker threads that need no top-level await are CommonJS too, started through a stub of their name
  // that runs them with their code cache (server/bin/code-cache.js, which the packages ship in bin/).
  const cached = workers.filter((file) => CODE_CACHED_WORKERS.includes(basename(file)));
  let cachedThreads = { metafile: { inputs: {} } };
  if (cached.length > 0) {
    cachedThreads = await esbuild.build({
      ...common,
      entryPoints: cached.map((file) => ({ in: file, out: basename(file, '.js') })),
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      define: { 'import.meta.url': '__yieldlensBundleUrl' },
      banner: { js: "var __yieldlensBundleUrl = require('node:url').pathToFileURL(__filename).href, __yieldlensRequire = require;" },
    });
    for (const file of cached) {
      const name = basename(file, '.js');
      asciiOnly(join(outDir, `${name}.cjs`));
      writeFileSync(join(outDir, `${name}.js`), `// Starts ${name}.cjs with its code cache (see scripts/bundle-server.mjs).\nimport { fileURLToPath } from 'node:url';\nimport { loadWithCodeCache } from '../bin/code-cache.js';\n\nconst { saveCache } = loadWithCodeCache(fileURLToPath(new URL('./${name}.cjs', import.meta.url)), '${name}');\n// A long-lived thread: its cache is written once its start-up and warm-up have run.\nsetTimeout(saveCache, 3_000).unref();\n`);
    }
  }
  const threads = await esbuild.build({
    ...common,
    entryPoints: workers.filter((file) => !cached.includes(file)).map((file) => ({ in: file, out: basename(file, '.js') })),
    format: 'esm',
    // Inlined CommonJS packages (vscode-languageserver) call require() for Node's modules; ESM has none.
    banner: { js: "import { createRequire as __yieldlensCreateRequire } from 'node:module';\nconst require = __yieldlensCreateRequire(import.meta.url);" },
  });
  const result = { metafile: { inputs: { ...main.metafile.inputs, ...cachedThreads.metafile.inputs, ...threads.metafile.inputs } } };
  // The runtime and the grammar as WebAssembly, found by parser.ts beside the bundle.
  copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(outDir, 'tree-sitter.wasm'));
  copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), join(outDir, 'tree-sitter-python.wasm'));
  writeFileSync(join(outDir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(result.metafile));
  return readdirSync(outDir).map((name) => ({ name, bytes: statSync(join(outDir, name)).size }));
}

/** Worker threads bundled as CommonJS and run with a code cache (no top-level await in their entry). */
const CODE_CACHED_WORKERS = ['trace-worker.js'];

/**
 * Makes a CommonJS bundle fit for server/bin/code-cache.js: import() of Node's modules (web-tree-sitter's,
 * for the WASM parser) made a require, which a vm.Script can do only through an experimental option that a
 * code cache loses (a require taken before any of the bundle's code: web-tree-sitter declares its own
 * `require`); and ASCII throughout. esbuild escapes what is not ASCII (charset: 'ascii') except in template
 * literals, which String.raw can read raw (CPython's module sources): there a substitution gives the same
 * character. An ASCII file is read as latin1, a third of the time of UTF-8; a character this puts outside a
 * template literal makes the syntax check fail the build.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8')
    .replace(/\bimport\("((?:node:)?[\w/]+)"\)/g, (call, name) =>
      builtinModules.includes(name.replace(/^node:/, '')) ? `Promise.resolve(__yieldlensRequire(${JSON.stringify(name)}))` : call)
    .replace(/[^\x00-\x7f]/gu, (char) => `\${"\\u{${char.codePointAt(0).toString(16)}}"}`);
  new vm.Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, { filename: file });
  writeFileSync(file, text);
}

/** Every compiled module that another starts as a worker thread (`new Worker(new URL('./x.js', import.meta.url))`). */
function workerEntries() {
  const entries = new Set();
  for (const file of jsFiles(DIST)) {
    for (const match of readFileSync(file, 'utf8').matchAll(ASSET_REFERENCE)) {
      const target = resolve(dirname(file), match[3]);
      if (target.endsWith('.js') && target.startsWith(DIST + sep)) entries.add(target);
    }
  }
  const names = [...entries].map((file) => basename(file));
  const clash = names.find((name, index) => names.indexOf(name) !== index || name === 'yieldlens.js');
  if (clash !== undefined) throw new Error(`two worker entries would both be bundled as ${clash}; rename one`);
  return [...entries].sort();
}

/**
 * Rewrites each module's references to files relative to itself (its worker script, `../../package.json`) so
 * that they resolve from the bundle directory, and fails on any reference it does not know how to ship.
 */
function assetReferences(outDir, workers) {
  return {
    name: 'yieldlens-asset-references',
    setup(build) {
      build.onLoad({ filter: /[\\/]server[\\/]dist[\\/].*\.js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const contents = text.replace(ASSET_REFERENCE, (whole, opening, quote, specifier, closing = '') => {
          const target = resolve(dirname(args.path), specifier);
          let shipped;
          if (target === join(SERVER, 'package.json')) shipped = join(dirname(outDir), 'package.json');
          else if (workers.includes(target)) shipped = join(outDir, basename(target));
          else throw new Error(`${relative(REPO, args.path)} refers to ${specifier}, which the bundle does not ship`);
          const fromBundle = relative(outDir, shipped).split(sep).join('/');
          return `${opening}${quote}${fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`}${quote}${closing}`;
        });
        return { contents, loader: 'js' };
      });
    },
  };
}

/** The licence of every npm package inlined into a bundle, as their licences ask for redistribution. */
export function thirdPartyLicenses(metafile, what = 'The yieldlens server bundle') {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    // The innermost node_modules names the package (a nested copy is a package of its own).
    const match = [...input.matchAll(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/g)].at(-1);
    if (match === undefined) continue;
    const dir = join(REPO, input.slice(0, match.index + match[0].length - 1));
    if (!packages.has(dir)) packages.set(dir, match[1]);
  }
  const sections = [...packages].sort(([, a], [, b]) => a.localeCompare(b)).map(([dir, name]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
    const text = licenseFile === undefined ? `License: ${manifest.license ?? 'see the package'}` : readFileSync(join(dir, licenseFile), 'utf8').trim();
    return `${name} ${manifest.version}\n${'-'.repeat(name.length + 1 + manifest.version.length)}\n${text}\n`;
  });
  return `${what} includes the following packages.\n\n${sections.join('\n')}`;
}

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv.includes('--skip-tsc')) buildTypeScript();
  const files = await bundleServer();
  for (const file of files) process.stderr.write(`server/bundle/${file.name}  ${(file.bytes / 1024).toFixed(0)} KiB\n`);
}
