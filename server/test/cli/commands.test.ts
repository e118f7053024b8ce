// The commands around `check`: --version, help, `rules`, `rule NAME|CODE`, and the wiring of `trace`
// and `lsp` (whose behaviour their own tests cover).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_FLAGS } from '../../src/cli/check-options.js';
import { makeProject, REPO_ROOT, runCli } from './helpers.js';

const cwd = makeProject({});
const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'server/package.json'), 'utf8')) as { version: string };

describe('top level', () => {
  it('--version prints the package version', async () => {
    const result = await runCli(['--version'], { cwd });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: `yieldlens ${manifest.version}\n`, stderr: '' });
  });

  it('--help lists the commands; no command is a usage error', async () => {
    const help = await runCli(['--help'], { cwd });
    expect(help.status).toBe(0);
    for (const command of ['check', 'rules', 'rule NAME|CODE', 'trace', 'lsp']) expect(help.stdout).toContain(`yieldlens ${command}`);
    const bare = await runCli([], { cwd });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Usage:');
  });

  it('check --help, `help check`, docs/cli.md and the README document every flag check accepts', async () => {
    const result = await runCli(['check', '--help'], { cwd });
    expect(result.status).toBe(0);
    const viaHelp = await runCli(['help', 'check'], { cwd });
    expect(viaHelp.stdout).toBe(result.stdout);
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(CHECK_FLAGS.length).toBeGreaterThan(20);
    for (const flag of CHECK_FLAGS) {
      expect(result.stdout, `check --help lacks ${flag}`).toMatch(new RegExp(`${flag}\\b`));
      expect(docs, `docs/cli.md lacks ${flag}`).toContain(`\`${flag}`);
      expect(readme, `README.md lacks ${flag}`).toContain(flag);
    }
  });

  it('help COMMAND prints that command\'s help; lsp --help prints the server\'s', async () => {
    for (const command of ['rules', 'rule', 'trace']) {
      const viaHelp = await runCli(['help', command], { cwd });
      const direct = await runCli([command, '--help'], { cwd });
      expect(viaHelp.status, command).toBe(0);
      expect(viaHelp.stdout, command).toBe(direct.stdout);
    }
    const lsp = await runCli(['lsp', '--help'], { cwd });
    expect(lsp.status).toBe(0);
    expect(lsp.stdout.split('\n')[0]).toBe('Usage: yieldlens lsp [--stdio]');
    expect((await runCli(['help', 'lsp'], { cwd })).stdout).toBe(lsp.stdout);
    const unknown = await runCli(['help', 'frobnicate'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('yieldlens help: unknown command "frobnicate" (commands: check, rules, rule, trace, lsp)\n');
  });

  it('an unknown command is a usage error', async () => {
    const result = await runCli(['chek'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^yieldlens: unknown command "chek"/);
  });
});

describe('rules', () => {
  it('prints a table with a header and one row per rule', async () => {
    const result = await runCli(['rules'], { cwd });
    expect(result.status).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^CODE\s+NAME\s+SEVERITY\s+SUMMARY$/);
    const codes = rows.map((row) => row.split(/\s+/)[0]);
    expect(codes.slice(0, 5)).toEqual(['GEN001', 'GEN002', 'GEN003', 'GEN004', 'GEN005']);
    expect(rows[0]).toMatch(/^GEN001\s+unprimed-send\s+error\s+\S/);
    expect(rows[4]).toMatch(/^GEN005\s+suspended-resource\s+warning\s+\S/);
  });

  it('--format json lists rule descriptors', async () => {
    const result = await runCli(['rules', '--format', 'json'], { cwd });
    const rules = JSON.parse(result.stdout) as { code: string; name: string; severity: string; summary: string }[];
    expect(rules[3]).toMatchObject({ code: 'GEN004', name: 'stop-iteration-leak', severity: 'error' });
    expect(Object.keys(rules[0] ?? {})).toEqual(['code', 'name', 'severity', 'summary']);
  });
});

describe('rule NAME|CODE', () => {
  it('renders the documentation with the fixed section headings, by name or by code', async () => {
    const byName = await runCli(['rule', 'stop-iteration-leak'], { cwd });
    const byCode = await runCli(['rule', 'gen004'], { cwd });
    expect(byName.status).toBe(0);
    expect(byCode.stdout).toBe(byName.stdout);
    const text = byName.stdout;
    expect(text.startsWith('# stop-iteration-leak (GEN004)\n')).toBe(true);
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings.slice(0, 4)).toEqual(['## What it does', '## Why is this bad?', '## Example', '## Use instead']);
    expect(text).toContain('```python\n');
  });

  it('rule --help and rules --help print their usage', async () => {
    for (const args of [['rule', '--help'], ['rules', '-h']]) {
      const result = await runCli(args, { cwd });
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Usage: yieldlens rules?\b/);
    }
  });

  it('an unknown rule is an error pointing at `yieldlens rules`', async () => {
    const result = await runCli(['rule', 'GEN999'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('yieldlens rule: unknown rule "GEN999" (run `yieldlens rules` for the list)\n');
  });
});

describe('trace and lsp are wired', () => {
  it('trace runs the trace command (a usage error without a file)', async () => {
    const result = await runCli(['trace'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).not.toContain('unknown command');
  });

  it('lsp accepts --stdio and rejects other arguments', async () => {
    const rejected = await runCli(['lsp', '--socket=1'], { cwd });
    expect(rejected.status).toBe(2);
    expect(rejected.stderr).toContain('unexpected argument "--socket=1"');
  });
});
