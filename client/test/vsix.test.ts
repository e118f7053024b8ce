// The packaged extension: what the .vsix holds (the manifest VS Code reads, the two bundles, the WASM parser,
// the native binaries for each target and nothing built on this machine), and that the server inside it,
// unpacked alone, checks code exactly as the development build does and answers LSP.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { SHOW_TRACE_COMMAND } from '@yieldlens/shared';
import { COMMANDS } from '../src/commands.js';
import { EXTENSION_VERSION, packagedVsix, REPO, unpack } from './support/vsix.js';

const NATIVE_TARGETS = ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64', 'win32-x64'];

let root: string;
let extension: string;

beforeAll(() => {
  const vsix = packagedVsix();
  root = mkdtempSync(join(tmpdir(), 'yieldlens-vsix-test-'));
  unpack(vsix, root);
  extension = join(root, 'extension');
}, 120_000);

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('the .vsix', () => {
  it('holds the manifest VS Code reads: id yieldlens.yieldlens, the bundled main, the contributions of client/package.json', () => {
    const shipped = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as Record<string, unknown>;
    const source = JSON.parse(readFileSync(join(REPO, 'client', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(`${String(shipped['publisher'])}.${String(shipped['name'])}`).toBe('yieldlens.yieldlens');
    expect(shipped['version']).toBe(EXTENSION_VERSION);
    expect(shipped['main']).toBe('./dist/extension.cjs');
    expect(existsSync(join(extension, 'dist', 'extension.cjs'))).toBe(true);
    // The extension host loads `main` with require: the manifest must not make it an ES module.
    expect(shipped['type']).toBeUndefined();
    expect(shipped['contributes']).toEqual(source['contributes']);
    expect(shipped['capabilities']).toEqual(source['capabilities']);
    expect(shipped['activationEvents']).toEqual(['onLanguage:python']);
    const commands = (shipped['contributes'] as { commands: { command: string }[] }).commands.map((command) => command.command).sort();
    expect(commands).toEqual(Object.values(COMMANDS).sort());
    expect(commands).toContain(SHOW_TRACE_COMMAND);
    expect(shipped['devDependencies']).toBeUndefined();
  });

  it('holds the extension and webview bundles, the server bundle with both WASM files, and the licences of what is bundled', () => {
    const all = files(extension);
    for (const file of ['dist/extension.cjs', 'dist/timeline.js', 'dist/THIRD_PARTY_LICENSES.txt', 'media/timeline.css', 'media/icon.png', 'readme.md', 'LICENSE.txt', 'changelog.md']) expect(all).toContain(file);
    for (const file of ['yieldlens.cjs', 'worker.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm', 'THIRD_PARTY_LICENSES.txt']) expect(all).toContain(`server/bundle/${file}`);
    expect(all).toContain('server/bin/yieldlens.js');
    expect(all).toContain('server/LICENSE-CPython.txt');
    // The launcher's code cache, which the trace worker's stub uses too, and that worker's CommonJS bundle.
    expect(all).toContain('server/bin/code-cache.js');
    expect(all).toContain('server/bundle/trace-worker.cjs');
    // Every worker thread the server starts (`new Worker(new URL('./x.js', import.meta.url))`) has its bundle.
    const workers = readdirSync(join(REPO, 'server', 'dist'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .flatMap((entry) => [...readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(/new Worker\(new URL\('\.\/([\w-]+\.js)'/g)].map((match) => match[1]));
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) expect(all).toContain(`server/bundle/${worker}`);
    // The extension ships its sources bundled; no TypeScript, no tests, no maps.
    expect(all.filter((file) => /\.(ts|map)$/.test(file) || file.includes('/test/'))).toEqual([]);
    // The WebAssembly files are real modules (magic number \0asm).
    for (const wasm of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) expect(readFileSync(join(extension, 'server', 'bundle', wasm)).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });

  it('ships the prebuilt native binaries of both packages for the five targets, and no binary built on this machine', () => {
    const binaries = files(extension).filter((file) => file.endsWith('.node'));
    const expected = NATIVE_TARGETS.flatMap((target) => [
      `server/node_modules/tree-sitter-python/prebuilds/${target}/tree-sitter-python.node`,
      `server/node_modules/tree-sitter/prebuilds/${target}/tree-sitter.node`,
    ]).sort();
    expect(binaries).toEqual(expected);
    // Each is byte for byte the prebuild the npm package ships.
    for (const binary of binaries) {
      const packagePath = binary.replace(/^server\/node_modules\//, 'node_modules/');
      expect(readFileSync(join(extension, binary)).equals(readFileSync(join(REPO, packagePath))), binary).toBe(true);
    }
  });

  it('is a few megabytes', () => {
    expect(statSync(packagedVsix()).size).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('the server inside the .vsix, unpacked alone', () => {
  const fixtures = join(REPO, 'test-fixtures', 'rules');
  const serverBin = (): string => join(extension, 'server', 'bin', 'yieldlens.js');

  it('gives exactly the development build’s findings on every rule fixture, and says which parser runs', () => {
    const packaged = spawnSync(process.execPath, [serverBin(), 'check', fixtures, '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
    const development = spawnSync(process.execPath, [join(REPO, 'server', 'bin', 'yieldlens.js'), 'check', fixtures, '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
    expect(packaged.status, packaged.stderr).toBe(1);
    expect(JSON.parse(packaged.stdout)).toEqual(JSON.parse(development.stdout));
    // Whether the native prebuild loads depends on this machine's libstdc++; the parser line says which ran.
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(extension, 'server', 'node_modules', 'tree-sitter'))})`], { encoding: 'utf8' });
    if (probe.status === 0) expect(packaged.stderr).not.toContain('parser:');
    else expect(packaged.stderr).toContain('yieldlens: parser: web-tree-sitter (WASM), because the native tree-sitter binding does not load');
  });

  it('reports its version and, forced to either parser, the same findings', () => {
    const version = spawnSync(process.execPath, [serverBin(), '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(`yieldlens ${EXTENSION_VERSION}`);
    const wasm = spawnSync(process.execPath, [serverBin(), 'check', fixtures, '--format', 'json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, YIELDLENS_PARSER: 'wasm' } });
    expect(wasm.status).toBe(1);
    expect(wasm.stderr).toBe('');
    const development = spawnSync(process.execPath, [join(REPO, 'server', 'bin', 'yieldlens.js'), 'check', fixtures, '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
    expect(JSON.parse(wasm.stdout)).toEqual(JSON.parse(development.stdout));
  });

  it('answers LSP as VS Code starts it (lsp --stdio --clientProcessId=N): initialize, then diagnostics for an opened document', async () => {
    const child = spawn(process.execPath, [serverBin(), 'lsp', '--stdio', `--clientProcessId=${process.pid}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnostics = new Promise<{ uri: string; diagnostics: { code?: string }[] }>((resolveDiagnostics) => {
      connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: { code?: string }[] }) => {
        if (params.diagnostics.length > 0) resolveDiagnostics(params);
      });
    });
    connection.listen();
    try {
      const initialized = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as { serverInfo?: { name: string; version?: string } };
      expect(initialized.serverInfo).toEqual({ name: 'yieldlens', version: EXTENSION_VERSION });
      await connection.sendNotification('initialized', {});
      const uri = pathToFileURL(join(root, 'unprimed.py')).href;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'def gen():\n    x = yield\n    print(x)\n\n\ng = gen()\ng.send(1)\n' } });
      const published = await Promise.race([diagnostics, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics within 20 s; server log:\n${stderr}`)), 20_000))]);
      expect(published.uri).toBe(uri);
      expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GEN001']);
      expect(stderr).toContain('yieldlens: parser: ');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  }, 30_000);
});
