// The parser fallback (server/src/parser.ts): the native tree-sitter binding and the WASM build give identical
// results through every consumer (the rules on every fixture, the mini-runtime on every trace snippet), the
// environment variable forces either, and a machine where neither loads gets one line and exit 2.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'server', 'bin', 'yieldlens.js');
const BREAK_PARSERS = join(import.meta.dirname, 'support', 'break-parsers.mjs');
const FIXTURES = join(REPO, 'test-fixtures');

function yieldlens(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every CLI run below without YIELDLENS_PARSER uses native when it loads; in CI `npm ci` builds it. */
const nativeLoads = spawnSync(process.execPath, ['-e', "require('tree-sitter')"], { cwd: join(REPO, 'server'), encoding: 'utf8' }).status === 0;

describe('native and WASM parsers agree', () => {
  it.skipIf(!nativeLoads)(`check finds the same on all of test-fixtures/ with either parser (both on worker threads too)${nativeLoads ? '' : ' (skipped: the native binding does not load here)'}`, () => {
    const native = yieldlens(['check', FIXTURES, '--format', 'json'], { YIELDLENS_PARSER: 'native' });
    const wasm = yieldlens(['check', FIXTURES, '--format', 'json'], { YIELDLENS_PARSER: 'wasm' });
    expect(native.stderr).toBe('');
    expect(wasm.stderr).toBe('');
    const nativeReport = JSON.parse(native.stdout) as { summary: { files: number; findings: number } };
    // More files than the CLI checks in-process (48), so that the worker threads load the parser too.
    expect(nativeReport.summary.files).toBeGreaterThan(48);
    expect(nativeReport.summary.findings).toBeGreaterThan(0);
    expect(JSON.parse(wasm.stdout)).toEqual(nativeReport);
    expect(wasm.status).toBe(native.status);
  }, 120_000);

  it.skipIf(!nativeLoads)('the mini-runtime gives the same trace of every snippet in test-fixtures/trace with either parser', () => {
    const snippets = readdirSync(join(FIXTURES, 'trace')).filter((name) => name.endsWith('.py')).sort();
    expect(snippets.length).toBeGreaterThan(100);
    // One process per parser runs every snippet (the parser is chosen once per process).
    const script = `
      const { readFileSync } = await import('node:fs');
      const { loadParser } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'server', 'dist', 'parser.js')).href)});
      const { runSnippet } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'server', 'dist', 'runtime', 'index.js')).href)});
      const info = await loadParser();
      const reports = ${JSON.stringify(snippets)}.map((name) => runSnippet(readFileSync(${JSON.stringify(join(FIXTURES, 'trace'))} + '/' + name, 'utf8'), { filename: name, timeoutMs: 20000 }));
      process.stdout.write(JSON.stringify({ kind: info.kind, reports }));
    `;
    const run = (parser: string): { kind: string; reports: unknown[] } => {
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, YIELDLENS_PARSER: parser }, maxBuffer: 256 * 1024 * 1024 });
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { kind: string; reports: unknown[] };
    };
    const native = run('native');
    const wasm = run('wasm');
    expect([native.kind, wasm.kind]).toEqual(['native', 'wasm']);
    // Wall-clock limits are the one thing that may legitimately differ; none of these snippets comes near one.
    expect(wasm.reports).toEqual(native.reports);
  }, 120_000);
});

describe('choosing the parser', () => {
  const file = join(FIXTURES, 'rules', 'unprimed-send.py');

  it('YIELDLENS_PARSER=wasm runs the WASM parser and says nothing about it (the user asked for it)', () => {
    const result = yieldlens(['check', file, '--format', 'json'], { YIELDLENS_PARSER: 'wasm' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('a native binding that does not load falls back to WASM with one line on stderr saying why', () => {
    const fallback = yieldlens(['check', file, '--format', 'json'], { NODE_OPTIONS: `--import=${pathToFileURL(BREAK_PARSERS).href}`, YIELDLENS_TEST_BREAK_PARSERS: 'native' });
    const wasm = yieldlens(['check', file, '--format', 'json'], { YIELDLENS_PARSER: 'wasm' });
    expect(fallback.status).toBe(1);
    expect(fallback.stderr).toBe("yieldlens: parser: web-tree-sitter (WASM), because the native tree-sitter binding does not load (libstdc++.so.6: version `GLIBCXX_3.4.31' not found (simulated by the test))\n");
    expect(fallback.stdout).toBe(wasm.stdout);
  });

  it('YIELDLENS_PARSER=native where the native binding does not load is one line and exit 2, not a fallback', () => {
    const result = yieldlens(['check', file], { NODE_OPTIONS: `--import=${pathToFileURL(BREAK_PARSERS).href}`, YIELDLENS_TEST_BREAK_PARSERS: 'native', YIELDLENS_PARSER: 'native' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("yieldlens: YIELDLENS_PARSER=native, but the native tree-sitter binding does not load: libstdc++.so.6: version `GLIBCXX_3.4.31' not found (simulated by the test)\n");
  });

  it('when neither parser loads, check, trace and lsp say so in one line and exit 2, without a stack trace', () => {
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(BREAK_PARSERS).href}`, YIELDLENS_TEST_BREAK_PARSERS: 'native,wasm' };
    for (const args of [['check', file], ['trace', join(FIXTURES, 'trace', '001_counter_seed.py')], ['lsp']]) {
      const result = yieldlens(args, env);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^yieldlens: no Python parser loads: the native tree-sitter binding fails \(.*\(simulated by the test\)\) and so does the WASM one \(.*\(simulated by the test\)\)\. Reinstalling yieldlens usually fixes this\.$/);
    }
  });

  it('an unknown YIELDLENS_PARSER value is a usage error, and commands that do not parse are not affected', () => {
    const result = yieldlens(['check', file], { YIELDLENS_PARSER: 'fast' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('yieldlens: YIELDLENS_PARSER must be "native" or "wasm", not "fast"\n');
    expect(yieldlens(['rules'], { YIELDLENS_PARSER: 'fast' }).status).toBe(0);
  });
});
