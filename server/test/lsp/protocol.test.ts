// Protocol-level tests of the language server: the real built server, spawned and driven over stdio.
// Run `npx tsc -b` first (the tests use server/dist, as an editor would).

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCodeAction, checkDiagnostics, checkHover, freshUri, isNoqaFor, isQuickFixFor } from './features.js';
import { LspClient, withTimeout } from './lsp-client.js';

const RAISE_STOP_ITERATION = `def numbers(items):
    for item in items:
        if item is None:
            raise StopIteration
        yield item
`;

const UNPRIMED_SEND = `def accumulator():
    total = 0
    while True:
        value = yield total
        total += value


def main():
    acc = accumulator()
    acc.send(10)
`;

const UNGUARDED_NEXT = `def header_then_rows(rows):
    header = next(rows)
    for row in rows:
        yield dict(zip(header, row))
`;

const SUSPENDED_FILE = `def read_lines(path):
    f = open(path)
    for line in f:
        yield line.rstrip()
`;

let client: LspClient;

beforeAll(async () => {
  client = await LspClient.start();
});

afterAll(() => client?.dispose());

describe('diagnostics', () => {
  it('publishes findings with code, documentation link, source and the document version', async () => {
    const diagnostics = await checkDiagnostics(client, RAISE_STOP_ITERATION);
    const finding = diagnostics.find((diagnostic) => diagnostic.code === 'GEN004');
    expect(finding).toMatchObject({
      source: 'yieldlens',
      severity: 1,
      range: { start: { line: 3, character: 12 } },
      codeDescription: { href: expect.stringMatching(/docs\/rules\/stop-iteration-leak\.md$/) },
    });
  });

  it('points to where the generator was created with relatedInformation', async () => {
    const uri = freshUri('related');
    const diagnostics = await checkDiagnostics(client, UNPRIMED_SEND, uri);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'GEN001')?.relatedInformation).toEqual([
      { location: { uri, range: { start: { line: 8, character: 10 }, end: { line: 8, character: 10 } } }, message: expect.stringContaining('created') },
    ]);
  });

  it('re-parses incrementally: ranged edits (after non-ASCII text) add and remove a finding', async () => {
    const uri = freshUri('incremental');
    const clean = `# naïve 😀 pipeline\ndef numbers(items):\n    for item in items:\n        yield item\n`;
    await client.open(uri, clean);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
    // Insert a guard clause before the yield: line 3 (0-based) column 0.
    const inserted = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '        if item is None:\n            raise StopIteration\n' }]);
    const withBug = (await client.diagnosticsFor(uri, inserted)).diagnostics;
    expect(withBug.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([['GEN004', 4]]);
    // Replace `raise StopIteration` by `return` with two changes in one notification.
    const fixed = await client.change(uri, [
      { range: { start: { line: 4, character: 12 }, end: { line: 4, character: 31 } }, text: 'retur' },
      { range: { start: { line: 4, character: 17 }, end: { line: 4, character: 17 } }, text: 'n' },
    ]);
    expect((await client.diagnosticsFor(uri, fixed)).diagnostics).toEqual([]);
  });

  it('coalesces a burst of edits and never publishes an older version after a newer one', async () => {
    const uri = freshUri('burst');
    await client.open(uri, 'def gen():\n    yield 1\n');
    await client.diagnosticsFor(uri, 1);
    const from = client.diagnostics.all.length;
    const typed = '\nx = 0';
    let last = 1;
    const sends: Promise<number>[] = [];
    for (const [index, char] of [...typed].entries()) {
      sends.push(client.change(uri, [{ range: { start: { line: 2, character: index }, end: { line: 2, character: index } }, text: char }]));
    }
    last = Math.max(...(await Promise.all(sends)));
    await client.diagnosticsFor(uri, last);
    const versions = client.diagnostics.all.slice(from).filter((params) => params.uri === uri).map((params) => params.version ?? -1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[versions.length - 1]).toBe(last);
  });

  it('refreshes an open file when a generator function it imports changes in another open file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yieldlens-xfile-'));
    try {
      writeFileSync(join(dir, 'producers.py'), 'def make():\n    return [1, 2]\n');
      writeFileSync(join(dir, 'consumer.py'), 'from producers import make\n\n\ndef main():\n    g = make()\n    g.send(1)\n');
      const producers = pathToFileURL(join(dir, 'producers.py')).href;
      const consumer = pathToFileURL(join(dir, 'consumer.py')).href;
      await client.open(producers, 'def make():\n    return [1, 2]\n');
      await client.diagnosticsFor(producers, 1);
      await client.open(consumer, 'from producers import make\n\n\ndef main():\n    g = make()\n    g.send(1)\n');
      expect((await client.diagnosticsFor(consumer, 1)).diagnostics).toEqual([]);
      const from = client.diagnostics.all.length;
      // `make` becomes a generator function; the consumer is not touched.
      await client.change(producers, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 10 } }, text: 'yield' }]);
      const refreshed = await client.nextDiagnostics(consumer, 'a GEN001 after make() became a generator', (params) => params.diagnostics.some((d) => d.code === 'GEN001'), from);
      expect(refreshed.version).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('code actions', () => {
  it('raise StopIteration → return, preferred, finding gone, file parses', async () => {
    const { text, action } = await checkCodeAction(client, RAISE_STOP_ITERATION, 'GEN004', isQuickFixFor('GEN004'));
    expect(action.isPreferred).toBe(true);
    expect(text).toContain('            return\n');
  });

  it('primes the generator before an unprimed send, keeping the indentation', async () => {
    const { text } = await checkCodeAction(client, UNPRIMED_SEND, 'GEN001', isQuickFixFor('GEN001'));
    expect(text).toMatch(/\n    next\(acc\)\n    acc\.send\(10\)\n/);
  });

  it('guards an unguarded next(), offered but not preferred because the fix is unsafe', async () => {
    const { text, action } = await checkCodeAction(client, UNGUARDED_NEXT, 'GEN004', isQuickFixFor('GEN004'));
    expect(action.isPreferred).toBe(false);
    expect(text).toContain('    try:\n        header = next(rows)\n    except StopIteration:\n        return\n');
  });

  it('wraps a resource held across a yield in with', async () => {
    const { text } = await checkCodeAction(client, SUSPENDED_FILE, 'GEN005', isQuickFixFor('GEN005'));
    expect(text).toContain('with open(path)');
  });

  it('keeps CRLF line endings in a multi-line fix', async () => {
    const { text } = await checkCodeAction(client, UNPRIMED_SEND.replace(/\n/g, '\r\n'), 'GEN001', isQuickFixFor('GEN001'));
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('suppresses with # noqa: CODE, and extends an existing noqa list', async () => {
    const { text } = await checkCodeAction(client, RAISE_STOP_ITERATION, 'GEN004', isNoqaFor('GEN004'));
    expect(text).toContain('            raise StopIteration  # noqa: GEN004\n');
    const extended = await checkCodeAction(client, RAISE_STOP_ITERATION.replace('raise StopIteration', 'raise StopIteration  # noqa: GEN002'), 'GEN004', isNoqaFor('GEN004'));
    expect(extended.text).toContain('raise StopIteration  # noqa: GEN002, GEN004\n');
  });
});

describe('hover', () => {
  it('describes a generator function: yields, receives, returns', async () => {
    const markdown = await checkHover(client, 'def acc$0umulator(start):\n    total = start\n    while total < 100:\n        value = yield total\n        total += value\n    return total\n');
    expect(markdown).toContain('Generator function** `accumulator`');
    expect(markdown).toContain('**Yields:** `total`');
    expect(markdown).toContain('**Receives via `send()`:** `value` (line 4)');
    expect(markdown).toContain('**Returns:** `total`');
  });

  it('describes a generator function from a call site and says when sent values are discarded', async () => {
    const markdown = await checkHover(client, 'def pairs(items):\n    for item in items:\n        yield item, item\n\nfor p in pa$0irs([1]):\n    print(p)\n');
    expect(markdown).toContain('**Yields:** `item, item`');
    expect(markdown).toContain('nothing — every `yield` discards the sent value');
    expect(markdown).toContain('**Returns:** `None`');
  });

  it('describes a variable holding a generator object with its state at that point', async () => {
    const source = 'def gen():\n    value = yield 1\n    yield value\n\ng = gen()\nprint(g$0)\nnext(g)\ng.send(2)\n';
    const created = await checkHover(client, source);
    expect(created).toContain('**Generator object** `g` — created from `gen()` on line 5: `gen()`');
    expect(created).toContain('State here: **created**');
    expect(await checkHover(client, source.replace('print(g$0)', 'print(g)').replace('g.send(2)', 'g$0.send(2)'))).toContain('State here: **suspended**');
    const exhausted = 'def gen():\n    yield 1\n\ng = gen()\nfor item in g:\n    print(item)\nprint(list(g$0))\n';
    expect(await checkHover(client, exhausted)).toContain('State here: **exhausted**');
  });

  it('says what a sent value is passed to instead of quoting `((yield))`', async () => {
    const markdown = await checkHover(client, 'def si$0nk(out):\n    while True:\n        out.append((yield))\n');
    expect(markdown).toContain('**Receives via `send()`:** passed to `out.append()` (line 3)');
    expect(markdown).not.toContain('((yield))');
  });

  it('lists the resources a generator holds across a yield', async () => {
    const markdown = await checkHover(client, SUSPENDED_FILE.replace('def read_lines', 'def read_$0lines'));
    expect(markdown).toMatch(/\*\*Resources held across a `yield`:\*\* .*open.* \(line 2\)/);
  });

  it('shows nothing on an ordinary function or an unknown name', async () => {
    expect(await checkHover(client, 'def pla$0in():\n    return 1\n')).toBeNull();
    expect(await checkHover(client, 'print(unkn$0own)\n')).toBeNull();
  });
});

describe('never down', () => {
  it('answers a throwing handler with an LSP error and keeps serving', async () => {
    await expect(client.connection.sendRequest('yieldlens/debug/throw')).rejects.toMatchObject({ code: -32803 });
    expect(await checkHover(client, 'def g$0en():\n    yield 1\n')).toContain('Generator function');
  });

  it('skips binary and huge documents with a log message and publishes no findings', async () => {
    const binary = freshUri('binary');
    await client.open(binary, 'def gen():\n\u0000\u0001\u0002 yield\n');
    expect((await client.diagnosticsFor(binary, 1)).diagnostics).toEqual([]);
    const huge = freshUri('huge');
    await client.open(huge, `${RAISE_STOP_ITERATION}\n${'x = 1\n'.repeat(1_000_000)}`);
    expect((await client.diagnosticsFor(huge, 1)).diagnostics).toEqual([]);
    expect(client.logs.some((line) => line.includes('binary content'))).toBe(true);
    expect(client.logs.some((line) => line.includes('larger than 5 MB'))).toBe(true);
  });

  it('handles half-typed code, out-of-range positions and changes to unknown documents', async () => {
    const uri = freshUri('broken');
    const halfTyped = RAISE_STOP_ITERATION.replace('raise StopIteration', 'raise StopIter(');
    await client.open(uri, halfTyped);
    await client.diagnosticsFor(uri, 1);
    expect(await client.hover(uri, { line: 500, character: 80 })).toBeNull();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.py', version: 3 }, contentChanges: [{ text: 'x' }] });
    expect(await client.codeActions(uri, { start: { line: 900, character: 0 }, end: { line: 901, character: 0 } })).toEqual([]);
    // Finishing the statement brings the finding back.
    const done = await client.change(uri, [{ range: { start: { line: 3, character: 26 }, end: { line: 3, character: 27 } }, text: 'ation' }]);
    expect((await client.diagnosticsFor(uri, done)).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GEN004']);
  });
});

describe('configuration and workspace', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yieldlens-config-'));
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pyproject.toml'), '[tool.yieldlens]\nignore = ["GEN004"]\n');
    writeFileSync(join(dir, 'pkg', '__init__.py'), '');
    writeFileSync(join(dir, 'pkg', 'gens.py'), 'def numbers():\n    yield 1\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('honours pyproject.toml and applies workspace/didChangeConfiguration without a restart', async () => {
    const configured = await LspClient.start({ workspaceFolders: [dir], settings: null });
    try {
      const uri = pathToFileURL(join(dir, 'pkg', 'mod.py')).href;
      await configured.open(uri, RAISE_STOP_ITERATION);
      expect((await configured.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
      // Pushed settings override pyproject.toml's ignore list.
      let from = configured.diagnostics.all.length;
      await configured.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yieldlens: { ignore: [] } } });
      await configured.nextDiagnostics(uri, 'GEN004 after the ignore list was emptied', (params) => params.diagnostics.some((d) => d.code === 'GEN004'), from);
      // Pulled settings: the server asks workspace/configuration when the notification carries none.
      configured.settings = { select: ['GEN001'] };
      from = configured.diagnostics.all.length;
      await configured.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await configured.nextDiagnostics(uri, 'no GEN004 once only GEN001 is selected', (params) => params.diagnostics.length === 0, from);
    } finally {
      configured.dispose();
    }
  });

  it('takes initializationOptions and reports unknown rule codes instead of failing', async () => {
    const configured = await LspClient.start({ initializationOptions: { select: ['GEN004', 'GEN999'] }, capabilities: { workspace: {} } });
    try {
      const diagnostics = await checkDiagnostics(configured, RAISE_STOP_ITERATION);
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GEN004']);
      expect(configured.shownMessages.some((message) => message.includes('GEN999'))).toBe(true);
    } finally {
      configured.dispose();
    }
  });

  it('indexes the workspace in the background with work-done progress and registers file watchers', async () => {
    const indexed = await LspClient.start({ workspaceFolders: [dir], settings: null });
    try {
      const begin = await indexed.progress.waitFor('$/progress begin', (params) => params.value.kind === 'begin');
      expect(begin.value.title).toBe('yieldlens: indexing');
      await indexed.progress.waitFor('$/progress end', (params) => params.value.kind === 'end' && params.token === begin.token);
      expect(indexed.registrations.map((registration) => registration.method)).toContain('workspace/didChangeWatchedFiles');
      const markdown = await checkHover(indexed, 'from pkg.gens import numbers\n\nnum$0bers()\n');
      // The call site of an imported generator function says what its definition would.
      expect(markdown).toContain('**Generator function** `numbers` from `pkg.gens` (line 1)');
      expect(markdown).toContain('**Yields:** `1`');
      expect(markdown).toContain('**Returns:** `None`');
    } finally {
      indexed.dispose();
    }
  });

  it('indexes a workspace folder added later', async () => {
    const later = await LspClient.start({ settings: null });
    try {
      await later.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(dir).href, name: 'added' }], removed: [] } });
      await later.progress.waitFor('$/progress end', (params) => params.value.kind === 'end');
      expect(await checkHover(later, 'from pkg.gens import numbers\n\nnum$0bers()\n')).toContain('from `pkg.gens`');
    } finally {
      later.dispose();
    }
  });

  it('re-checks open files when a watched file changes on disk', async () => {
    const watched = await LspClient.start({ workspaceFolders: [dir], settings: { ignore: [] } });
    try {
      writeFileSync(join(dir, 'pkg', 'source.py'), 'def make():\n    return [1]\n');
      const uri = pathToFileURL(join(dir, 'pkg', 'user.py')).href;
      await watched.progress.waitFor('$/progress end', (params) => params.value.kind === 'end');
      await watched.open(uri, 'from pkg.source import make\n\n\ndef main():\n    g = make()\n    g.send(1)\n');
      expect((await watched.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
      const from = watched.diagnostics.all.length;
      writeFileSync(join(dir, 'pkg', 'source.py'), 'def make():\n    yield 1\n');
      await watched.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'pkg', 'source.py')).href, type: 2 }] });
      await watched.nextDiagnostics(uri, 'GEN001 after source.py changed on disk', (params) => params.diagnostics.some((d) => d.code === 'GEN001'), from);
    } finally {
      watched.dispose();
    }
  });
});

describe('lifecycle', () => {
  it('shuts down cleanly with exit code 0', async () => {
    const short = await LspClient.start();
    expect(await withTimeout(short.shutdown(), 10_000, 'shutdown')).toBe(0);
  });
});
