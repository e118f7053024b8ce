// Helpers for the CLI tests: they run the BUILT command (`node server/bin/yieldlens.js`) as a child
// process on temporary projects, exactly as users and CI do. Build first (`npx tsc -b` or `.ci/run`).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LAUNCHER = path.join(REPO_ROOT, 'server/bin/yieldlens.js');
const BUILT_MAIN = path.join(REPO_ROOT, 'server/dist/cli/main.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  /** stdout as bytes (a fixed source printed by `check - --fix` keeps its encoding). */
  stdoutBytes: Buffer;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  /** Run as this user (through `setpriv`), for what root cannot see: unreadable files and directories. */
  user?: string;
}

/** Runs `yieldlens ARGS` in `cwd`; never uses a shell, so paths need no quoting. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build with \`npx tsc -b\` before running the CLI tests`);
  return new Promise((resolve, reject) => {
    // Colour off unless a test asks for it; an `undefined` value removes the variable.
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const command = options.user === undefined
      ? [process.execPath, LAUNCHER, ...args]
      : ['setpriv', `--reuid=${options.user}`, `--regid=${options.user === 'nobody' ? 'nogroup' : options.user}`, '--clear-groups', process.execPath, LAUNCHER, ...args];
    const child = spawn(command[0] ?? '', command.slice(1), { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const bytes = Buffer.concat(stdout);
      resolve({ status, stdout: bytes.toString('utf8'), stdoutBytes: bytes, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Why the CLI cannot be run as the unprivileged user `nobody` here, or null when it can: the tests of
 * unreadable files and directories need a user that permissions apply to, and CI runs as root.
 */
export async function cannotRunAsNobody(): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'not running as root, so the tests cannot switch to nobody (and already run unprivileged)';
  try {
    const result = await runCli(['--version'], { cwd: os.tmpdir(), user: 'nobody' });
    if (result.status !== 0) return `the built CLI does not run as nobody (exit ${result.status}: ${result.stderr.trim().split('\n')[0] ?? ''}); is the checkout readable by other users?`;
  } catch (error) {
    return `setpriv is not available (${error instanceof Error ? error.message : String(error)})`;
  }
  return null;
}

/** Makes a temporary project (and the directories above it) readable by other users, for runs as nobody. */
export function shareWithOtherUsers(root: string): void {
  for (let dir = root; dir.startsWith(os.tmpdir()) && dir !== os.tmpdir(); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        fs.chmodSync(full, 0o755);
        visit(full);
      } else {
        fs.chmodSync(full, 0o644);
      }
    }
  };
  visit(root);
}

/** Runs `yieldlens check --format json ARGS` and parses the report. */
export async function checkJson(args: readonly string[], cwd: string): Promise<{ status: number | null; report: JsonReport; stderr: string }> {
  const result = await runCli(['check', '--format', 'json', ...args], { cwd });
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { status: result.status, report, stderr: result.stderr };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  rule: string;
  severity: string;
  message: string;
  related: { file: string; line: number; column: number; message: string }[];
  fix: unknown;
}

export interface JsonReport {
  version: number;
  findings: JsonFinding[];
  errors: { file: string; message: string; line?: number; column?: number }[];
  summary: { files: number; findings: number; fixable: number; fixed: number };
}

let scratch: string | undefined;
// Registered while the importing test file is collected, so it runs after that file's last test.
afterAll(() => {
  if (scratch !== undefined) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** Creates a temporary directory holding `files` (path → content); returns its absolute path. */
export function makeProject(files: Record<string, string | Buffer>): string {
  if (scratch === undefined) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yieldlens-cli-'));
  }
  const root = fs.mkdtempSync(path.join(scratch, 'project-'));
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return root;
}

/** A generator that certainly leaks StopIteration (GEN004): `raise StopIteration` in its body. */
export const LEAKY_GENERATOR = 'def leaky():\n    raise StopIteration\n    yield 1\n';

/** Code no rule can object to: no generator at all. */
export const CLEAN_MODULE = 'def add(a, b):\n    return a + b\n';
