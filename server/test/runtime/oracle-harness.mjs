// The CPython side of the runtime's differential tests, shared by the vitest suite and `npm run compat`:
// finds a CPython >= 3.12, runs oracle.py on a snippet (cached on disk), and compares a runtime TraceReport
// with the oracle's observations. Plain JavaScript so that the bench scripts can import it without a build.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ORACLE_SCRIPT = join(here, 'oracle.py');
export const ORACLE_CACHE_DIR = join(here, '.oracle-cache');
const VERSION_PROBE = 'import sys; print("%d.%d.%d" % sys.version_info[:3]); print(sys.executable)';

/** @type {import('./oracle-harness.mjs').PythonLookup | undefined} */
let pythonLookup;

/**
 * The CPython to use as the oracle: `$YIELDLENS_ORACLE_PYTHON` if set, else `python3.13`, else
 * `PYENV_VERSION=3.13.0 python3.13` (pyenv shims refuse versions that are not selected), else `python3` if it is >= 3.12.
 */
export function findPython() {
  if (pythonLookup) return pythonLookup;
  const candidates = [];
  if (process.env.YIELDLENS_ORACLE_PYTHON) candidates.push({ command: process.env.YIELDLENS_ORACLE_PYTHON, env: {} });
  candidates.push({ command: 'python3.13', env: {} });
  candidates.push({ command: 'python3.13', env: { PYENV_VERSION: '3.13.0' } });
  candidates.push({ command: 'python3', env: {} });
  const tried = [];
  for (const candidate of candidates) {
    const env = { ...process.env, ...candidate.env };
    const probe = spawnSync(candidate.command, ['-c', VERSION_PROBE], { env, encoding: 'utf8', timeout: 15_000 });
    const label = `${Object.entries(candidate.env).map(([k, v]) => `${k}=${v} `).join('')}${candidate.command}`;
    if (probe.status !== 0) {
      tried.push(`${label}: not runnable`);
      continue;
    }
    const [version = '', executable = ''] = probe.stdout.trim().split('\n');
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (major < 3 || (major === 3 && minor < 12)) {
      // sys.monitoring (PY_YIELD, PY_RETURN) first appeared in 3.12.
      tried.push(`${label}: ${version} is older than 3.12`);
      continue;
    }
    // Run the interpreter itself from now on: a pyenv shim costs ~50 ms of shell start-up per process.
    pythonLookup = { ok: true, command: executable || candidate.command, env, version, label };
    return pythonLookup;
  }
  pythonLookup = { ok: false, reason: `no CPython >= 3.12 found (${tried.join('; ')})` };
  return pythonLookup;
}

// Bump when what the harness stores beside oracle.py's output changes (e.g. the hash-seed check), so old
// cache entries are recomputed instead of trusted.
const CACHE_FORMAT = 2;

function cacheKey(source, filename, version, checkHashSeed) {
  const oracleText = readFileSync(ORACLE_SCRIPT, 'utf8');
  return createHash('sha256')
    .update(`${CACHE_FORMAT}\0${version}\0${filename}\0${checkHashSeed}\0${oracleText}\0${source}`)
    .digest('hex')
    .slice(0, 40);
}

function readCache(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    // A torn or hand-edited cache file is recomputed rather than trusted.
    return undefined;
  }
}

function writeCache(path, result) {
  mkdirSync(ORACLE_CACHE_DIR, { recursive: true });
  // Write then rename: several vitest workers may fill the cache at once.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(result));
  renameSync(temporary, path);
}

function runOracleProcess(python, source, filename, timeoutMs, hashSeed = '0') {
  return new Promise((resolve) => {
    // A fixed hash seed makes set and dict-of-set orders of strings reproducible from run to run.
    const env = { ...python.env, PYTHONHASHSEED: hashSeed };
    const child = spawn(python.command, [ORACLE_SCRIPT, '-', '--filename', filename], { env });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        try {
          resolve({ ok: true, result: JSON.parse(stdout) });
          return;
        } catch (error) {
          resolve({ ok: false, reason: `oracle printed invalid JSON: ${String(error)}` });
          return;
        }
      }
      resolve({ ok: false, reason: `oracle exited with ${signal ?? code}: ${stderr.slice(-2000)}` });
    });
    child.stdin.end(source);
  });
}

/**
 * The oracle's observations of one snippet, from the cache or by running CPython.
 * @returns {Promise<{ok: true, result: import('./oracle-harness.mjs').OracleResult, cached: boolean} | {ok: false, reason: string}>}
 */
export async function oracleRun(source, filename, { timeoutMs = 30_000, checkHashSeed = false } = {}) {
  const python = findPython();
  if (!python.ok) return { ok: false, reason: python.reason };
  const path = join(ORACLE_CACHE_DIR, `${cacheKey(source, filename, python.version, checkHashSeed)}.json`);
  const cached = readCache(path);
  if (cached) return { ok: true, result: cached, cached: true };
  const outcome = await runOracleProcess(python, source, filename, timeoutMs);
  if (!outcome.ok) return outcome;
  if (checkHashSeed) {
    // What a snippet prints must not depend on string hashing (the order of a set of strings does): run it
    // again under another seed and compare. The runtime cannot reproduce CPython's randomized orders.
    const again = await runOracleProcess(python, source, filename, timeoutMs, '1');
    const observed = (result) => maskAddresses(JSON.stringify([result.stdout, result.events, result.error]));
    outcome.result.hashSeedDependent = !again.ok || observed(again.result) !== observed(outcome.result);
  }
  writeCache(path, outcome.result);
  return { ok: true, result: outcome.result, cached: false };
}

/** Runs the oracle over many snippets, at most `concurrency` CPython processes at a time. */
export async function oracleRunAll(items, { concurrency = 2, timeoutMs = 30_000, checkHashSeed = false } = {}) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      results[index] = await oracleRun(item.source, item.filename, { timeoutMs, checkHashSeed });
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return results;
}

const MODULE_MARKER = /^# yieldlens-module: (\S+)$/gm;
/** Where a snippet's own modules live, for the oracle (served from memory there) and the runtime alike. */
export const PROJECT_DIR = '/project';

/**
 * A snippet's main code and its project's modules: each module follows a line `# yieldlens-module: PATH.py`
 * after the main code (oracle.py splits the text the same way). Modules are named from their paths
 * (`pkg/__init__.py` is the package `pkg`) and live under PROJECT_DIR.
 * @returns {{ main: string, modules: Record<string, { source: string, path: string, isPackage: boolean }> }}
 */
export function splitProject(text) {
  const markers = [...text.matchAll(MODULE_MARKER)];
  const modules = {};
  markers.forEach((marker, index) => {
    const end = index + 1 < markers.length ? markers[index + 1].index : text.length;
    const relative = marker[1];
    const isPackage = relative.endsWith('/__init__.py');
    const name = relative.replace(/\/__init__\.py$|\.py$/, '').replaceAll('/', '.');
    modules[name] = { source: text.slice(marker.index + marker[0].length + 1, end), path: `${PROJECT_DIR}/${relative}`, isPackage };
  });
  return { main: markers.length === 0 ? text : text.slice(0, markers[0].index), modules };
}

/** Memory addresses differ between runs and implementations; everything else in a repr must match. */
export function maskAddresses(text) {
  return text.replace(/0x[0-9a-fA-F]+/g, '0x…');
}

/**
 * Resumptions by close() or by a thrown GeneratorExit are not compared: CPython 3.13's close() does not resume a
 * frame suspended outside any try block, so whether one happens at all is an implementation detail.
 */
function isGeneratorExitResume(event) {
  return event.event === 'resume' && event.method === 'throw' && /^GeneratorExit\b/.test(event.sent ?? '');
}

/**
 * A resumption: by next()/send() (which the oracle cannot tell apart) or by throw(). The thrown exception is not
 * compared: when a delegated-to iterator finishes or fails during throw()/close(), CPython resumes the delegating
 * frame by throwing the outcome into it (a StopIteration, the close error), an implementation detail a trace may
 * word differently; that the frame resumes, and where, is compared.
 */
function resumeEvent(fn, line, byThrow, file) {
  return { kind: 'resume', function: fn, line, method: byThrow ? 'throw' : 'next/send', file };
}

/** A yield event's locals with addresses masked and names sorted; hidden names (a genexp's `.0`) are left out. */
function maskLocals(locals) {
  const masked = {};
  for (const name of Object.keys(locals).sort()) {
    if (!name.startsWith('.')) masked[name] = maskAddresses(locals[name]);
  }
  return masked;
}

/**
 * What the oracle observed, in the comparable form. Delegating yields (the re-yield of a `yield from`
 * loop) are dropped: CPython reports them for next()/send() but not when throw() is answered by the inner
 * generator, so only the yields of `yield` expressions themselves are compared. So are an async generator's
 * resumptions after an `await` of its own body completed (the runtime does not report them: they are the awaited
 * object's, not the consumer's); its anext/asend resumptions compare as next/send, athrow as throw.
 * @returns {import('./oracle-harness.mjs').Observation}
 */
export function observeOracle(result) {
  return {
    stdout: maskAddresses(result.stdout),
    events: result.events
      .filter((event) => !event.delegating && !event.afterAwait && !(event.event === 'raise' && event.exception === 'GeneratorExit') && !isGeneratorExitResume(event))
      .map((event) => {
        if (event.event === 'resume') return resumeEvent(event.function, event.line, event.method === 'throw', event.file);
        if (event.event === 'yield') {
          return { kind: 'yield', function: event.function, line: event.line, value: maskAddresses(event.value), locals: maskLocals(event.locals ?? {}), file: event.file };
        }
        if (event.event === 'raise') return { kind: 'raise', function: event.function, exception: event.exception, message: maskAddresses(event.message), file: event.file };
        return { kind: 'return', function: event.function, value: maskAddresses(event.value), file: event.file };
      }),
    error: result.error ? { type: result.error.type, message: maskAddresses(result.error.message), line: result.error.line, file: result.error.file } : null,
  };
}

/**
 * What the runtime observed, in the same form. Yield events at a `yield from` site are dropped, for the
 * reason given at observeOracle (the runtime is free to report them for its timeline); so is a send refused
 * by a just-started generator (its resume and `notStarted` raise): CPython's frame never starts, so
 * sys.monitoring sees nothing, while the runtime's timeline shows the attempt.
 * @returns {import('./oracle-harness.mjs').Observation}
 */
export function observeRuntime(report, delegatingSites) {
  const delegating = new Set(delegatingSites.map(([fn, line]) => `${fn}\0${line}`));
  const events = [];
  report.events.forEach((event, i) => {
    if (event.event === 'raise' && event.notStarted) return;
    if (event.event === 'resume') {
      const next = report.events[i + 1];
      if (next?.event === 'raise' && next.notStarted && next.generator === event.generator) return;
      if (event.method === 'close' || isGeneratorExitResume(event)) return;
      events.push(resumeEvent(event.function, event.line, event.method === 'throw' || event.method === 'athrow', event.file));
    } else if (event.event === 'yield') {
      // An async generator has no `yield from`; what its `await`s yield the runtime does not report at all.
      if (!event.asyncGenerator && delegating.has(`${event.function}\0${event.line}`)) return;
      events.push({ kind: 'yield', function: event.function, line: event.line, value: maskAddresses(event.value), locals: maskLocals(event.locals ?? {}), file: event.file });
    } else if (event.event === 'return') {
      events.push({ kind: 'return', function: event.function, value: maskAddresses(event.value), file: event.file });
    } else if (event.event === 'raise' && event.exception !== 'GeneratorExit') {
      events.push({ kind: 'raise', function: event.function, exception: event.exception, message: maskAddresses(event.message), file: event.file });
    }
  });
  return {
    stdout: maskAddresses(report.stdout),
    events,
    error: report.error ? { type: report.error.type, message: maskAddresses(report.error.message), line: report.error.line, file: report.error.file } : null,
  };
}

function describeEvent(event) {
  if (!event) return '(nothing)';
  if (event.file !== undefined) return `${describeEvent({ ...event, file: undefined })} in ${event.file}`;
  if (event.kind === 'yield') return `yield ${event.function}:${event.line} ${event.value}`;
  if (event.kind === 'raise') return `raise ${event.function} ${event.exception}: ${event.message}`;
  if (event.kind === 'resume') return `resume ${event.function} from line ${event.line} by ${event.method}`;
  return `return ${event.function} ${event.value}`;
}

function describeError(error) {
  return error ? `${error.type}: ${error.message} (line ${error.line}${error.file === undefined ? '' : ` of ${error.file}`})` : 'no error';
}

function clip(text, length = 120) {
  const single = JSON.stringify(text);
  return single.length > length ? `${single.slice(0, length)}…` : single;
}

/**
 * Why a runtime report does not agree with the oracle, one sentence per aspect; empty when they agree.
 * `unsupported`, a limit and a truncated trace are disagreements too: the snippets are small and supported.
 * @returns {string[]}
 */
export function compareWithOracle(report, oracleResult) {
  if (report.unsupported) return [`unsupported: ${report.unsupported.feature} (line ${report.unsupported.line})`];
  const differences = [];
  if (report.limit) differences.push(`hit the ${report.limit.kind} limit: ${report.limit.message} (line ${report.limit.line})`);
  if (report.truncated) differences.push('trace truncated');
  const expected = observeOracle(oracleResult);
  const actual = observeRuntime(report, oracleResult.delegatingSites);
  if (expected.stdout !== actual.stdout) {
    const expectedLines = expected.stdout.split('\n');
    const actualLines = actual.stdout.split('\n');
    let line = 0;
    while (line < expectedLines.length && expectedLines[line] === actualLines[line]) line++;
    differences.push(`stdout line ${line + 1}: expected ${clip(expectedLines[line] ?? '(end)')}, got ${clip(actualLines[line] ?? '(end)')}`);
  }
  const count = Math.max(expected.events.length, actual.events.length);
  for (let index = 0; index < count; index++) {
    const want = expected.events[index];
    const got = actual.events[index];
    if (describeEvent(want) !== describeEvent(got)) {
      differences.push(`event #${index + 1}: expected ${describeEvent(want)}, got ${describeEvent(got)}`);
      break;
    }
  }
  // Locals are compared once the events themselves agree, so that a wrong event is reported as such.
  if (!differences.some((difference) => difference.startsWith('event #'))) {
    for (let index = 0; index < expected.events.length; index++) {
      const want = expected.events[index];
      const got = actual.events[index];
      if (want?.kind !== 'yield' || got?.kind !== 'yield') continue;
      const wantLocals = JSON.stringify(want.locals);
      const gotLocals = JSON.stringify(got.locals);
      if (wantLocals !== gotLocals) {
        differences.push(`locals at event #${index + 1} (yield ${want.function}:${want.line}): expected ${clip(wantLocals, 200)}, got ${clip(gotLocals, 200)}`);
        break;
      }
    }
  }
  if (describeError(expected.error) !== describeError(actual.error)) {
    differences.push(`error: expected ${describeError(expected.error)}, got ${describeError(actual.error)}`);
  }
  return differences;
}
