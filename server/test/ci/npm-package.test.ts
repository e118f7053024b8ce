// The CLI as an npm package: `npm pack` of server/ installed into an empty directory, outside the workspace,
// then run there as a user runs it (`npx yieldlens check`, `trace`, `lsp`). Install scripts are skipped, as
// `npm ci --ignore-scripts` or a locked-down npm does: the parser then falls back to WASM wherever the native
// prebuild does not load (here, Debian 12's libstdc++), which is the case the package must survive.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const REPO = join(import.meta.dirname, '..', '..', '..');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'server', 'package.json'), 'utf8')) as { version: string }).version;

let work: string;
let project: string;
let tarball: string;

/** The worker threads the server starts (`new Worker(new URL('./x.js', import.meta.url))`), each bundled. */
function workerBundles(): string[] {
  return readdirSync(join(REPO, 'server', 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .flatMap((entry) => [...readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(/new Worker\(new URL\('\.\/([\w-]+\.js)'/g)].map((match) => match[1] as string));
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'yieldlens-npm-'));
  const packed = run('npm', ['pack', '--pack-destination', work, '--loglevel=error'], join(REPO, 'server'));
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stdout}\n${packed.stderr}`);
  tarball = join(work, `yieldlens-${VERSION}.tgz`);
  project = join(work, 'project');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
  // npm_config_* from the workspace's own npm run would point the install back into the checkout.
  const installed = run('npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], project, { npm_config_workspace: '', npm_config_workspaces: '' });
  if (installed.status !== 0) throw new Error(`npm install of the tarball failed:\n${installed.stdout}\n${installed.stderr}`);
  writeFileSync(join(project, 'pipeline.py'), 'def running_total():\n    total = 0\n    while True:\n        value = yield total\n        total += value\n\n\ntotals = running_total()\ntotals.send(10)\n');
  writeFileSync(join(project, 'counter.py'), 'def counter(n):\n    for i in range(n):\n        got = yield i\n        print("got", got)\n\n\ng = counter(3)\nprint(next(g))\nprint(g.send("a"))\n');
}, 180_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('the npm package', () => {
  it('holds the launchers, the bundle and the WASM parser, and no workspace package', () => {
    const listing = run('tar', ['-tzf', tarball], work).stdout.split('\n').filter((line) => line !== '').sort();
    expect(listing).toEqual([
      'package/LICENSE',
      'package/LICENSE-CPython.txt',
      'package/README.md',
      'package/bin/code-cache.js',
      'package/bin/launch.js',
      'package/bin/yieldlens-lsp.js',
      'package/bin/yieldlens.js',
      'package/bundle/THIRD_PARTY_LICENSES.txt',
      'package/bundle/tree-sitter-python.wasm',
      'package/bundle/tree-sitter.wasm',
      ...workerBundles().map((name) => `package/bundle/${name}`),
      // The launcher's early start of the trace worker for `yieldlens lsp`.
      'package/bundle/trace-prestart.cjs',
      // The trace worker is a stub that runs its CommonJS bundle with V8's code cache.
      'package/bundle/trace-worker.cjs',
      'package/bundle/yieldlens.cjs',
      'package/package.json',
    ].sort());
    const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], work).stdout) as Record<string, unknown>;
    // Nothing to install but the optional native bindings: everything else is inside the bundle.
    expect(manifest['dependencies']).toBeUndefined();
    expect(Object.keys(manifest['optionalDependencies'] as object).sort()).toEqual(['tree-sitter', 'tree-sitter-python']);
  });

  it('installs alone in an empty directory: the package and the native bindings, nothing from the workspace', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')).sort();
    expect(installed).toContain('yieldlens');
    expect(installed).not.toContain('@yieldlens');
    expect(installed.filter((name) => !['yieldlens', 'tree-sitter', 'tree-sitter-python', 'node-addon-api', 'node-gyp-build'].includes(name))).toEqual([]);
  });

  it('runs `npx yieldlens check` there', () => {
    const result = run('npx', ['--no-install', 'yieldlens', 'check', 'pipeline.py'], project);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toContain('pipeline.py:9:1: GEN001 [unprimed-send]');
    expect(result.stdout).toContain('Found 1 finding in 1 file');
    // With install scripts skipped, the native binding loads only where its prebuild does; the line says which.
    const probe = run(process.execPath, ['-e', "require('tree-sitter')"], project);
    if (probe.status === 0) expect(result.stderr).toBe('');
    else expect(result.stderr).toMatch(/^yieldlens: parser: web-tree-sitter \(WASM\), because the native tree-sitter binding does not load \(.+\)\n$/);
    expect(run('npx', ['--no-install', 'yieldlens', '--version'], project).stdout.trim()).toBe(`yieldlens ${VERSION}`);
  });

  it('runs `npx yieldlens trace` there, the second time from the code cache the first wrote, with the same result', () => {
    const bundleDir = join(project, 'node_modules', 'yieldlens', 'bundle');
    const caches = (): string[] => readdirSync(bundleDir).filter((name) => /^yieldlens-trace-.*\.v8cache$/.test(name));
    expect(caches()).toEqual([]);
    const first = run('npx', ['--no-install', 'yieldlens', 'trace', 'counter.py', '--format', 'json'], project);
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { stdout: string; events: { event: string; value?: string; sent?: string }[] };
    expect(report.stdout).toBe('0\ngot a\n1\n');
    expect(report.events.filter((event) => event.event === 'yield').map((event) => event.value)).toEqual(['0', '1']);
    expect(report.events.find((event) => event.event === 'resume' && event.sent !== undefined)?.sent).toBe("'a'");
    expect(caches()).toHaveLength(1);
    const second = run('npx', ['--no-install', 'yieldlens', 'trace', 'counter.py', '--format', 'json'], project);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('runs `npx yieldlens lsp` there: it initializes and publishes diagnostics', async () => {
    const child = spawn('npx', ['--no-install', 'yieldlens', 'lsp'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Promise<{ diagnostics: { code?: string }[] }>((resolvePublished) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: { diagnostics: { code?: string }[] }) => {
        if (params.diagnostics.length > 0) resolvePublished(params);
      }),
    );
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo?: { version?: string } };
      expect(result.serverInfo?.version).toBe(VERSION);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: `file://${join(project, 'pipeline.py')}`, languageId: 'python', version: 1, text: readFileSync(join(project, 'pipeline.py'), 'utf8') } });
      const diagnostics = await Promise.race([published, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no diagnostics within 20 s:\n${stderr}`)), 20_000))]);
      expect(diagnostics.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GEN001']);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  }, 40_000);
});
