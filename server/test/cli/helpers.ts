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
  stderr: string;
}

/** Runs `yieldlens ARGS` in `cwd`; never uses a shell, so paths need no quoting. */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string }): Promise<CliResult> {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: build with \`npx tsc -b\` before running the CLI tests`);
  return new Promise((resolve, reject) => {
    // Colour off unless a test asks for it; an `undefined` value removes the variable.
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', ...options.env };
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
    const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
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
