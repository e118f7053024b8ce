// End-to-end in a real editor: headless Neovim (0.7's `vim.lsp.start_client`) runs `neovim.lua`, which
// opens a fixture, waits for yieldlens' diagnostics, fixes one bug by typing and one with a code action,
// checks a hover, then asks for the inlay hints and code lenses of a file with a __main__ block; the
// values it expects are CPython's. Skipped, saying why, where `nvim` is not installed (CI installs it
// with apt).

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { cpythonRun, python, yieldedAt } from '../lsp/cpython.js';
import { serverCommand } from '../lsp/lsp-client.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = nvim.status === 0 ? (nvim.stdout.split('\n')[0] ?? 'nvim') : null;

/** Line of `value = yield total` and of `totals = running_total()` in fixtures/traced.py. */
const TOTAL_YIELD_LINE = 8;
const CREATION_LINE = 20;

describe('Neovim end-to-end', () => {
  const skip = nvimVersion === null ? 'Neovim not installed: skipped' : !python.ok ? `${python.reason}: skipped` : null;
  it.skipIf(skip !== null)(`diagnostics, an edit, a code action, a hover, inlay hints and code lenses in ${skip ?? nvimVersion}`, () => {
    const root = mkdtempSync(join(tmpdir(), 'yieldlens-nvim-'));
    try {
      const fixture = join(root, 'pipeline.py');
      copyFileSync(join(HERE, 'fixtures', 'pipeline.py'), fixture);
      const traced = join(root, 'traced.py');
      copyFileSync(join(HERE, 'fixtures', 'traced.py'), traced);
      // CPython's run of the __main__ block: what `yield total` produced and what came back in.
      const cpython = cpythonRun(readFileSync(traced, 'utf8'), 'main');
      const received = /^received: (.*)$/m.exec(cpython.stdout)![1]!.split(' ');
      const produced = yieldedAt(cpython, TOTAL_YIELD_LINE, 'running_total');
      const expectedHints = {
        [TOTAL_YIELD_LINE]: [`→ ${produced.join(', ')}`, `← ${received.join(', ')}`],
        [CREATION_LINE]: ['⇒ still suspended'],
        // The directive above `evens` is not a source under init_options' `sources = { 'main' }`.
        16: [],
      };
      // The two Neovim snippets of docs/editors.md, run as a user would paste them.
      const docs = readFileSync(join(HERE, '../../../docs/editors.md'), 'utf8');
      const luaBlocks = [...docs.matchAll(/```lua\n([\s\S]*?)```/g)].map((match) => match[1]!);
      const hintsSnippet = join(root, 'hints.lua');
      writeFileSync(hintsSnippet, luaBlocks.find((block) => block.includes("'yieldlens_hints'")) ?? 'error("no hints snippet in docs/editors.md")');
      const showTraceSnippet = join(root, 'show-trace.lua');
      writeFileSync(showTraceSnippet, luaBlocks.find((block) => block.includes("vim.lsp.commands['yieldlens.showTrace']")) ?? 'error("no showTrace snippet in docs/editors.md")');
      const expectedLens = `5: 1 run · ${produced.length} yields · ${received.length} sends · still suspended [yieldlens.showTrace ${pathToFileURL(traced).href} running_total]`;
      const { command, args } = serverCommand();
      // `timeout` is the last line of defence: a hung Neovim fails the test instead of the whole run.
      const result = spawnSync('timeout', ['60', 'nvim', '--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(HERE, 'neovim.lua')}`], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          YIELDLENS_FIXTURE: fixture,
          YIELDLENS_TRACED: traced,
          YIELDLENS_EXPECTED_HINTS: JSON.stringify(expectedHints),
          YIELDLENS_EXPECTED_LENS: expectedLens,
          YIELDLENS_HINTS_SNIPPET: hintsSnippet,
          YIELDLENS_SHOW_TRACE_SNIPPET: showTraceSnippet,
          YIELDLENS_TOTAL_LINE: String(TOTAL_YIELD_LINE),
          YIELDLENS_LAST_YIELD: produced[produced.length - 1]!,
          YIELDLENS_ROOT: root,
          YIELDLENS_CMD: JSON.stringify([command, ...args]),
        },
      });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output).toBe(0);
      expect(output).toContain('hover ok');
      expect(output).toContain('inlay hints ok');
      expect(output).toContain('code lens ok');
      expect(output).toContain('virtual text ok');
      expect(output).toContain('showTrace ok');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 90_000);
});
