// The server must not outlive its editor: it exits when the client process named in
// `initialize.processId` dies or its parent goes away, even while the main thread is busy (a long
// analysis, stood in for by the test hook `yieldlens/debug/block`, which never yields).

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { REPO, serverCommand } from './lsp-client.js';

/** A PID is gone when no process has it, or only a zombie nobody has reaped yet. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

async function waitUntilGone(pid: number, deadlineMs: number): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (isGone(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return isGone(pid);
}

const spawned: ChildProcess[] = [];
const strays: number[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) child.kill('SIGKILL');
  for (const pid of strays.splice(0)) if (!isGone(pid)) process.kill(pid, 'SIGKILL');
});

/** Starts a server with `processId` and keeps its main thread busy for a minute; resolves when it is busy. */
async function busyServer(processId: number): Promise<ChildProcess> {
  const { command, args } = serverCommand();
  const child = spawn(command, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, YIELDLENS_TEST_HOOKS: '1' } });
  spawned.push(child);
  if (child.stdout === null || child.stdin === null) throw new Error('no stdio pipes to the server');
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  await connection.sendRequest('initialize', { processId, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('yieldlens/debug/block', { ms: 60_000 });
  return child;
}

// The client: spawns the server itself (as an editor does), names itself in initialize.processId,
// starts a long analysis and prints the server's PID.
const CLIENT = `
const { spawn } = require('node:child_process');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require(${JSON.stringify(require.resolve('vscode-jsonrpc/node.js'))});
const [command, ...args] = JSON.parse(process.argv[1]);
const server = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, YIELDLENS_TEST_HOOKS: '1' } });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
connection.listen();
(async () => {
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/orphan.py', languageId: 'python', version: 1, text: 'def g():\\n    yield 1\\n' } });
  await connection.sendNotification('yieldlens/debug/block', { ms: 60000 });
  process.stdout.write(String(server.pid) + '\\n');
})();
setInterval(() => undefined, 1000);
`;

describe('no orphaned server', () => {
  it('exits when the client that started it is killed during a long analysis', async () => {
    const { command, args } = serverCommand();
    const client = spawn(process.execPath, ['-e', CLIENT, JSON.stringify([command, ...args])], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    spawned.push(client);
    const serverPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      client.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(Number(out.trim()));
      });
      client.on('exit', () => reject(new Error('the client exited before starting the server')));
    });
    strays.push(serverPid);
    expect(isGone(serverPid)).toBe(false);
    client.kill('SIGKILL');
    // The busy main thread would keep it alive for a minute; the watchdog ends it within seconds.
    expect(await waitUntilGone(serverPid, 10_000)).toBe(true);
  }, 30_000);

  it('exits when the process named in initialize.processId dies, its own parent and stdin still there', async () => {
    const editor = spawn(process.execPath, ['-e', 'setInterval(() => undefined, 1000)'], { stdio: 'ignore' });
    spawned.push(editor);
    const server = await busyServer(editor.pid ?? -1);
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    editor.kill('SIGKILL');
    const code = await Promise.race([exited, new Promise<'alive'>((resolve) => setTimeout(() => resolve('alive'), 10_000))]);
    expect(code).not.toBe('alive');
  }, 30_000);
});
