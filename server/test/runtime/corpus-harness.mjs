// The corpus of real generator programs (test-fixtures/corpus/, written by others; see its README): each runs
// under CPython 3.13 and in the runtime. A program is identical when stdout and the uncaught error (type and
// message) agree, unsupported when the runtime refuses it, and wrong otherwise (a limit or a crash included).
// Plain JavaScript, shared by bench/corpus.mjs (`npm run corpus`) and corpus.test.ts.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findPython, maskAddresses } from './oracle-harness.mjs';

/** Every corpus program, by path relative to the corpus directory. */
export function corpusPrograms(corpusDir) {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.py')) out.push(relative(corpusDir, path));
    }
  };
  walk(corpusDir);
  return out.sort();
}

/** The last line of a traceback, as `Type: message` (or `Type`). */
function tracebackError(stderr) {
  const lines = stderr.trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  return /^[A-Za-z_][\w.]*(:|$)/.test(last) ? last : `unparsed stderr: ${last}`;
}

function runCPython(python, path, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(python.command, [path], { env: { ...python.env, PYTHONHASHSEED: '0', PYTHONIOENCODING: 'utf-8' } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, error: code === 0 ? null : signal ? `killed by ${signal}` : tracebackError(stderr) });
    });
  });
}

/**
 * Addresses masked, also when the program printed them reversed (`>...0131dc4d30f7x0 ta tcejbo ...<`, Fluent
 * Python's LookingGlass reverses what `print` writes, a repr included).
 */
function mask(text) {
  return maskAddresses(text).replace(/(?<![0-9A-Za-z])[0-9a-fA-F]+x0(?![0-9A-Za-z])/g, '…x0');
}

/** `Type: message` of the runtime's uncaught error, as CPython's traceback's last line reads. */
function runtimeError(error) {
  if (!error) return null;
  return error.message === '' ? error.type : `${error.type}: ${error.message}`;
}

/**
 * Runs every program; returns [{ program, verdict: 'identical' | 'unsupported' | 'wrong', reason?, detail? }].
 */
export async function runCorpus(runSnippet, corpusDir, { concurrency = 2, timeoutMs = 30_000 } = {}) {
  const python = findPython();
  if (!python.ok) throw new Error(python.reason);
  const programs = corpusPrograms(corpusDir);
  const expected = new Array(programs.length);
  let next = 0;
  const worker = async () => {
    while (next < programs.length) {
      const index = next++;
      expected[index] = await runCPython(python, join(corpusDir, programs[index]), timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return programs.map((program, index) => {
    const source = readFileSync(join(corpusDir, program), 'utf8');
    let report;
    try {
      // The path CPython was started with: it shows it where the program prints a code object's file (a task's repr).
      report = runSnippet(source, { filename: join(corpusDir, program), maxSteps: 50_000_000, timeoutMs: 20_000, maxEvents: 100_000 });
    } catch (error) {
      return { program, verdict: 'wrong', reason: 'runtime threw', detail: String(error) };
    }
    if (report.unsupported) {
      if (/^internal error/i.test(report.unsupported.feature)) return { program, verdict: 'wrong', reason: 'runtime crashed', detail: report.unsupported.feature };
      return { program, verdict: 'unsupported', reason: report.unsupported.feature, detail: `line ${report.unsupported.line}` };
    }
    if (report.limit) return { program, verdict: 'wrong', reason: `hit the ${report.limit.kind} limit`, detail: report.limit.message };
    const want = expected[index];
    const wantOut = mask(want.stdout);
    const gotOut = mask(report.stdout);
    const gotError = runtimeError(report.error);
    if (wantOut === gotOut && (want.error === gotError || (want.error !== null && gotError !== null && mask(want.error) === mask(gotError)))) {
      return { program, verdict: 'identical' };
    }
    const wantLines = wantOut.split('\n');
    const gotLines = gotOut.split('\n');
    let line = 0;
    while (line < wantLines.length && wantLines[line] === gotLines[line]) line++;
    const detail = wantOut !== gotOut
      ? `stdout line ${line + 1}: CPython ${JSON.stringify(wantLines[line] ?? '(end)')}, runtime ${JSON.stringify(gotLines[line] ?? '(end)')}`
      : `error: CPython ${want.error}, runtime ${gotError}`;
    return { program, verdict: 'wrong', reason: 'different output', detail };
  });
}
