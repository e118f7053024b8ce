// `npm run package`: builds the VS Code extension into client/yieldlens-<version>.vsix with @vscode/vsce.
//
// The .vsix is universal: one JavaScript bundle for the extension, one for the server (CLI, language server
// and worker threads), the WebAssembly parser, and the native tree-sitter binaries that the npm packages ship
// prebuilt for the five targets below. The server loads the native binary when it loads (about twice as fast)
// and the WASM parser everywhere else: a Linux whose libstdc++ is older than the prebuild needs (Debian 12,
// Ubuntu 22.04), musl, Windows on Arm, or any other platform. `--target T` (VS Code's platform names, as in
// `vsce package --target`) packages T's native binaries alone, for a marketplace release per platform.
//
// The extension is staged in a temporary directory holding exactly what ships (no .vscodeignore to keep
// true), then packed with `vsce package --no-dependencies`: everything it needs is bundled.

import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { buildTypeScript, bundleServer, thirdPartyLicenses } from './bundle-server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT = join(REPO, 'client');
const SERVER = join(REPO, 'server');
const require = createRequire(import.meta.url);

/** The targets whose native binaries the universal package ships (the prebuilds of both npm packages). */
export const NATIVE_TARGETS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64'];

/** VS Code's platform targets (`vsce package --target`). */
const VSCODE_TARGETS = ['win32-x64', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linux-armhf', 'darwin-x64', 'darwin-arm64', 'alpine-x64', 'alpine-arm64', 'web'];

/**
 * Packages the extension and returns the .vsix path. `target` null: universal. `outDir`: where the .vsix goes
 * (client/ by default). `skipBuild`: the TypeScript is already compiled.
 */
export async function packageVsix({ target = null, outDir = CLIENT, skipBuild = false } = {}) {
  if (target !== null && !VSCODE_TARGETS.includes(target)) throw new Error(`unknown target ${target}; VS Code's targets are ${VSCODE_TARGETS.join(', ')}`);
  if (!skipBuild) buildTypeScript();
  const manifest = JSON.parse(readFileSync(join(CLIENT, 'package.json'), 'utf8'));
  const stage = mkdtempSync(join(tmpdir(), 'yieldlens-vsix-'));
  try {
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(extensionManifest(manifest), null, 2)}\n`);
    for (const file of ['README.md', 'CHANGELOG.md', 'LICENSE']) copyFileSync(join(CLIENT, file), join(stage, file));
    mkdirSync(join(stage, 'media'));
    copyFileSync(join(CLIENT, 'media', 'timeline.css'), join(stage, 'media', 'timeline.css'));
    copyFileSync(join(CLIENT, 'media', 'icon.png'), join(stage, 'media', 'icon.png'));
    await bundleClient(join(stage, 'dist'));
    // Bundled straight into the stage, so that an `npm pack` running meanwhile (it rebuilds server/bundle) cannot interfere.
    await bundleServer(join(stage, 'server', 'bundle'));
    stageServer(join(stage, 'server'), target === null ? NATIVE_TARGETS : NATIVE_TARGETS.filter((name) => name === target));

    const name = target === null ? `yieldlens-${manifest.version}.vsix` : `yieldlens-${target}-${manifest.version}.vsix`;
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, name);
    const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
    const args = [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--out', out, ...(target === null ? [] : ['--target', target])];
    execFileSync(process.execPath, args, { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The manifest that ships: the extension's id is `yieldlens.yieldlens` (the workspace calls it yieldlens-vscode). */
function extensionManifest(manifest) {
  const { devDependencies: _dev, private: _private, type: _type, scripts: _scripts, ...shipped } = manifest;
  return { ...shipped, name: 'yieldlens', icon: 'media/icon.png', files: ['dist', 'media', 'server', 'README.md', 'CHANGELOG.md', 'LICENSE'] };
}

/** The extension host's bundle (CommonJS, `vscode` provided by the editor) and the webview's (a browser script). */
async function bundleClient(outDir) {
  const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning', absWorkingDir: REPO, metafile: true };
  const extension = await esbuild.build({ ...common, entryPoints: [join(CLIENT, 'src', 'extension.ts')], outfile: join(outDir, 'extension.cjs'), platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
  await esbuild.build({ ...common, entryPoints: [join(CLIENT, 'src', 'webview', 'timeline.ts')], outfile: join(outDir, 'timeline.js'), platform: 'browser', format: 'iife', target: 'es2022' });
  writeFileSync(join(outDir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyLicenses(extension.metafile, 'The yieldlens extension bundle'));
}

/**
 * The server as the npm package installs it (its manifest and launchers; the bundle is already there) plus the native
 * bindings for `targets`: each package's JavaScript and its prebuilt binaries, nothing compiled on this machine.
 */
function stageServer(dir, targets) {
  const serverManifest = JSON.parse(readFileSync(join(SERVER, 'package.json'), 'utf8'));
  const { scripts: _scripts, devDependencies: _dev, files: _files, ...shipped } = serverManifest;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(shipped, null, 2)}\n`);
  cpSync(join(SERVER, 'bin'), join(dir, 'bin'), { recursive: true });
  // The runtime's modules embed Python code adapted from CPython's Lib, under the PSF licence.
  copyFileSync(join(SERVER, 'LICENSE-CPython.txt'), join(dir, 'LICENSE-CPython.txt'));
  const modules = join(dir, 'node_modules');
  const nativePackages = [
    { name: 'tree-sitter', files: ['index.js'], binary: 'tree-sitter.node' },
    { name: 'tree-sitter-python', files: ['bindings/node/index.js'], binary: 'tree-sitter-python.node' },
    { name: 'node-gyp-build', files: ['index.js', 'node-gyp-build.js'], binary: null },
  ];
  for (const { name, files, binary } of nativePackages) {
    const from = dirname(require.resolve(`${name}/package.json`));
    const to = join(modules, name);
    for (const file of ['package.json', 'LICENSE', ...files]) copyInto(from, to, file);
    if (binary === null) continue;
    for (const target of targets) {
      const prebuild = join('prebuilds', target, binary);
      if (!existsSync(join(from, prebuild))) throw new Error(`${name} ships no prebuild for ${target}`);
      copyInto(from, to, prebuild);
    }
  }
}

function copyInto(fromDir, toDir, file) {
  mkdirSync(dirname(join(toDir, file)), { recursive: true });
  copyFileSync(join(fromDir, file), join(toDir, file));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { target: { type: 'string' }, out: { type: 'string' }, 'skip-build': { type: 'boolean' } } });
  const out = await packageVsix({ target: values.target ?? null, outDir: values.out === undefined ? CLIENT : resolve(values.out), skipBuild: values['skip-build'] === true });
  console.log(`${out}  ${(statSync(out).size / 1024 / 1024).toFixed(2)} MiB`);
}
