// Inline traces over the protocol: the real server, spawned, runs each kind of trace source in its
// worker and answers inlay hints (and their resolve), code lenses (and theirs), hovers and
// `yieldlens/trace` from the traces of exactly the version asked about. The values expected are
// CPython's (`cpython.ts`), the orderings are the protocol's, and no test measures time.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elide } from '../../src/lsp/inlay-hints.js';
import { cpythonRun, python, yieldedAt } from './cpython.js';
import { cursor, freshUri } from './features.js';
import { LspClient, type Diagnostic, type InlayHint } from './lsp-client.js';

const MAIN = `received = []


def counter(start, end):
    current = start
    while current < end:
        value = yield current
        received.append(value)
        if value is not None:
            current = value
        current += 1
    return current


def squares(n):
    for i in range(n):
        yield i * i


if __name__ == "__main__":
    g = counter(0, 5)
    print(next(g))
    print(g.send(2))
    for x in g:
        print(x)
    print(sum(squares(1000)))
    left = counter(0, 3)
    next(left)
    print("received:", *map(repr, received))
`;
const COUNTER_YIELD_LINE = 7;
const SQUARES_YIELD_LINE = 17;

const DOCTEST_AND_DIRECTIVE = `def pairs(items):
    """Pairs of consecutive items.

    >>> list(pairs([1, 2, 3, 4]))
    [(1, 2), (3, 4)]
    >>> list(pairs("abc"))
    [('a', 'b'), ('c', None)]
    """
    it = iter(items)
    for first in it:
        yield first, next(it, None)


# yieldlens: trace list(window("abcd", 2))
def window(text, size):
    for start in range(len(text) - size + 1):
        yield text[start:start + size]
`;
const PAIRS_YIELD_LINE = 11;
const WINDOW_YIELD_LINE = 17;

/** The labels of the hints on a 1-based line. */
function labelsAt(hints: readonly InlayHint[], line: number): string[] {
  return hints.filter((hint) => hint.position.line === line - 1).map((hint) => hint.label);
}

function tooltipOf(hint: InlayHint | undefined): string {
  const tooltip = hint?.tooltip;
  return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
}

/** The values listed in a hint's tooltip (its code block). */
function tooltipValues(hint: InlayHint | undefined): string[] {
  const block = /```python\n([\s\S]*?)\n```/.exec(tooltipOf(hint));
  return block === null ? [] : block[1]!.split('\n');
}

async function openTraced(client: LspClient, text: string, name = 'traced'): Promise<string> {
  const uri = freshUri(name);
  await client.open(uri, text);
  await client.tracesFor(uri, 1);
  return uri;
}

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(() => client?.dispose());

describe.skipIf(!python.ok)('trace sources in the editor, against CPython', () => {
  it('__main__ block: → after each yield, ← where its value is used, ⇒ at the creating calls', async () => {
    const cpython = cpythonRun(MAIN, 'main');
    const uri = await openTraced(client, MAIN, 'main');
    const hints = (await client.inlayHints(uri)) ?? [];
    const produced = yieldedAt(cpython, COUNTER_YIELD_LINE, 'counter');
    expect(labelsAt(hints, COUNTER_YIELD_LINE)[0]).toBe(`→ ${elide(produced, false)}`);
    expect(tooltipValues(hints.find((hint) => hint.label.startsWith('→') && hint.position.line === COUNTER_YIELD_LINE - 1))).toEqual(produced);
    // What each `value = yield` received, as CPython's run printed it.
    const received = /^received: (.*)$/m.exec(cpython.stdout)![1]!.split(' ');
    const receivedHint = hints.find((hint) => hint.label.startsWith('←'));
    expect(receivedHint?.position.line).toBe(COUNTER_YIELD_LINE - 1);
    expect(tooltipValues(receivedHint)).toEqual(received);
    // A long run is elided in the label, whole in the tooltip.
    const squares = yieldedAt(cpython, SQUARES_YIELD_LINE);
    expect(squares).toHaveLength(1000);
    expect(labelsAt(hints, SQUARES_YIELD_LINE)).toEqual([`→ ${squares[0]}, ${squares[1]}, … (997 more), ${squares[999]}`]);
    expect(labelsAt(hints, SQUARES_YIELD_LINE).every((label) => label.length <= 40)).toBe(true);
    // g ran to its return (CPython's StopIteration.value); left was still suspended at the end.
    expect(cpython.returns).toContainEqual(['counter', '5']);
    expect(labelsAt(hints, 21)).toEqual(['⇒ returned 5']);
    expect(labelsAt(hints, 27)).toEqual(['⇒ still suspended']);
    expect(labelsAt(hints, 26)).toEqual([`⇒ returned ${cpython.returns.find(([fn]) => fn === 'squares')![1]}`]);
    // The hint after `yield current` sits right after the expression.
    expect(hints.find((hint) => hint.position.line === COUNTER_YIELD_LINE - 1)?.position.character).toBe('        value = yield current'.length);
  });

  it('doctest and directive sources each trace the generator they belong to', async () => {
    const doctest = cpythonRun(DOCTEST_AND_DIRECTIVE, 'doctest');
    const directive = cpythonRun(DOCTEST_AND_DIRECTIVE, 'directive');
    const uri = await openTraced(client, DOCTEST_AND_DIRECTIVE, 'sources');
    const hints = (await client.inlayHints(uri)) ?? [];
    expect(labelsAt(hints, PAIRS_YIELD_LINE)).toEqual([`→ ${elide(yieldedAt(doctest, PAIRS_YIELD_LINE), false)}`]);
    expect(labelsAt(hints, WINDOW_YIELD_LINE)).toEqual([`→ ${elide(yieldedAt(directive, WINDOW_YIELD_LINE), false)}`]);
    // The doctest's own calls are inside the docstring: their outcome goes at the end of the example line.
    expect(labelsAt(hints, 4)).toEqual(['⇒ returned None']);
    expect(hints.find((hint) => hint.position.line === 3)?.position.character).toBe('    >>> list(pairs([1, 2, 3, 4]))'.length);

    const fromDoctest = await client.trace(uri, { source: 'doctest' });
    expect(fromDoctest?.source).toMatchObject({ kind: 'doctest', label: 'doctest of pairs', line: 4 });
    expect(fromDoctest?.report.stdout).toBe(doctest.stdout);
    expect(fromDoctest?.report.events.filter((event) => event.event === 'yield').map((event) => event.event === 'yield' && [event.function, event.line, event.value])).toEqual(doctest.yields);
    const fromDirective = await client.trace(uri, { source: 'directive:window' });
    expect(fromDirective?.source).toMatchObject({ kind: 'directive', label: '# yieldlens: trace list(window("abcd", 2))', line: 14 });
    expect(fromDirective?.report.events.filter((event) => event.event === 'yield').map((event) => event.event === 'yield' && [event.function, event.line, event.value])).toEqual(directive.yields);
    // What the code lens of `window` opens: the trace that showed it.
    expect((await client.trace(uri, { generator: 'window' }))?.source.id).toBe('directive:window');
    // Without a selector: the first source in the preferred order.
    expect((await client.trace(uri))?.source.id).toBe('doctest:pairs:0');
  });

  it('a script without a __main__ guard is traced from its top-level code', async () => {
    const script = 'def evens(limit):\n    for n in range(limit):\n        if n % 2 == 0:\n            yield n\n\n\nfor value in evens(7):\n    print(value)\n';
    const cpython = cpythonRun(script, 'main');
    const uri = await openTraced(client, script, 'script');
    expect(labelsAt((await client.inlayHints(uri)) ?? [], 4)).toEqual([`→ ${yieldedAt(cpython, 4).join(', ')}`]);
  });

  it('code lenses: a range over each traced generator function, the summary and command on resolve', async () => {
    const cpython = cpythonRun(MAIN, 'main');
    const uri = await openTraced(client, MAIN, 'lens');
    const lenses = (await client.codeLenses(uri)) ?? [];
    expect(lenses.map((lens) => [lens.range.start.line, lens.command])).toEqual([[3, undefined], [14, undefined]]);
    const counter = await client.resolveCodeLens(lenses[0]!);
    const counterYields = cpython.yields.filter(([fn]) => fn === 'counter').length;
    expect(counter.command).toEqual({ title: `2 runs · ${counterYields} yields · 1 send · 1 returned 5, 1 still suspended`, command: 'yieldlens.showTrace', arguments: [uri, 'counter'] });
    expect((await client.resolveCodeLens(lenses[1]!)).command?.title).toBe(`1 run · ${yieldedAt(cpython, SQUARES_YIELD_LINE).length} yields · returned None`);
  });

  it('hover on a traced yield: a table of its suspensions, naming the trace source', async () => {
    const cpython = cpythonRun(MAIN, 'main');
    const { position } = cursor(MAIN.replace('value = yield current', 'value = yi$0eld current'));
    const uri = await openTraced(client, MAIN, 'hover');
    const markdown = (await client.hover(uri, position))?.contents.value ?? '';
    const produced = yieldedAt(cpython, COUNTER_YIELD_LINE, 'counter');
    expect(markdown).toContain(`**Traced \`yield\`** in \`counter\` — ${produced.length} suspensions (trace: __main__ block, line 20)`);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| #'));
    expect(rows.map((row) => row.split(' | ')[2])).toEqual(produced.map((value) => `\`${value}\``));
    expect(rows[1]).toContain('`2`');
    // On the def: the static description plus what the trace saw.
    const onDef = (await client.hover(uri, { line: 3, character: 6 }))?.contents.value ?? '';
    expect(onDef).toContain('**Generator function** `counter`');
    expect(onDef).toContain('**Traced** (__main__ block, line 20): 2 runs');
  });

  it('fills tooltips in on inlayHint/resolve for clients that resolve them', async () => {
    const resolving = await LspClient.start({ capabilities: { textDocument: { inlayHint: { resolveSupport: { properties: ['tooltip'] } } } } });
    try {
      const uri = await openTraced(resolving, MAIN, 'resolve');
      const hints = (await resolving.inlayHints(uri)) ?? [];
      expect(hints.length).toBeGreaterThan(0);
      expect(hints.every((hint) => hint.tooltip === undefined && hint.data !== undefined)).toBe(true);
      const inline = (await client.inlayHints(await openTraced(client, MAIN, 'inline'))) ?? [];
      for (const [index, hint] of hints.entries()) {
        const resolved = await resolving.resolveInlayHint(hint);
        expect(tooltipOf(resolved)).toBe(tooltipOf(inline[index]));
        expect(resolved.label).toBe(hint.label);
      }
    } finally {
      resolving.dispose();
    }
  });
});

describe('traces and edits', () => {
  it('an edit while a trace runs never shows the old trace', async () => {
    const patient = await LspClient.start({ initializationOptions: { trace: { maxSteps: 1_000_000_000_000, timeoutMs: 60_000 } } });
    try {
      // Long enough (over a million yields) that the edit arrives while version 1 still runs in the worker.
      const slow = (marker: number, rounds: number): string => `def gen(n):\n    for i in range(n):\n        yield i + ${marker}\n\n\nif __name__ == "__main__":\n    total = 0\n    for _ in range(${rounds}):\n        total += sum(gen(20000))\n    print(list(gen(3)))\n`;
      const uri = freshUri('edit');
      await patient.open(uri, slow(1000, 100));
      await patient.traceStatus.waitFor('traces running', (params) => params.uri === uri && params.version === 1 && params.state === 'running');
      const first = patient.inlayHints(uri);
      const version = await patient.change(uri, [{ text: slow(5000, 1) }]);
      expect(version).toBe(2);
      // The request made for version 1 is answered, and not with version 1's values: they never completed.
      expect(((await first) ?? []).map((hint) => hint.label)).toEqual([]);
      await patient.tracesFor(uri, 2);
      const labels = ((await patient.inlayHints(uri)) ?? []).map((hint) => hint.label);
      // The last values come from `list(gen(3))`; the run kept its first and last events only (the `+`).
      expect(labels[0]).toMatch(/^→ 5000, 5001, … \(\d+\+ more\), 5002$/);
      expect(labels.some((label) => label.includes('1000'))).toBe(false);
      const states = patient.traceStatus.all.filter((params) => params.uri === uri && params.version === 1).map((params) => params.state);
      expect(states).toEqual(['running', 'cancelled']);
    } finally {
      patient.dispose();
    }
  });

  it('a snippet spinning in `while True: pass` does not hold up diagnostics or hovers', async () => {
    const spinning = await LspClient.start({ initializationOptions: { trace: { timeoutMs: 4000, maxSteps: 1_000_000_000_000 } } });
    try {
      const spinner = freshUri('spin');
      await spinning.open(spinner, 'def gen():\n    yield 1\n\n\nif __name__ == "__main__":\n    while True:\n        pass\n');
      await spinning.traceStatus.waitFor('the spinner running', (params) => params.uri === spinner && params.state === 'running');
      const order: string[] = [];
      const finished = spinning.tracesFor(spinner, 1, 20_000).then(() => order.push('trace finished'));
      const other = freshUri('while-spinning');
      await spinning.open(other, 'def numbers(items):\n    for item in items:\n        if item is None:\n            raise StopIteration\n        yield item\n');
      const diagnostics = await spinning.diagnosticsFor(other, 1);
      order.push('diagnostics');
      const hover = await spinning.hover(other, { line: 0, character: 6 });
      order.push('hover');
      await finished;
      expect(diagnostics.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GEN004']);
      expect(hover?.contents.value).toContain('Generator function');
      expect(order).toEqual(['diagnostics', 'hover', 'trace finished']);
      // The spinner's run ended at its time budget and says so over the source.
      const lenses = (await spinning.codeLenses(spinner)) ?? [];
      const status = await spinning.resolveCodeLens(lenses[0]!);
      expect(status.command?.title).toMatch(/^yieldlens: __main__ block not traced: time limit/);
    } finally {
      spinning.dispose();
    }
  });

  it('a memory bomb ends its own run, not the server', async () => {
    const bombing = await LspClient.start();
    try {
      const uri = freshUri('bomb');
      await bombing.open(uri, 'def gen():\n    yield 1\n\n\nif __name__ == "__main__":\n    hoard = []\n    while True:\n        hoard.append([0] * 1_000_000)\n');
      const status = await bombing.tracesFor(uri, 1, 30_000);
      expect(status.sources?.[0]?.outcome).toBe('limit');
      // The worker was replaced: the next document is traced as usual.
      const next = await openTraced(bombing, 'def gen():\n    yield 7\n\n\nif __name__ == "__main__":\n    print(list(gen()))\n', 'after-bomb');
      expect(labelsAt((await bombing.inlayHints(next)) ?? [], 2)).toEqual(['→ 7']);
    } finally {
      bombing.dispose();
    }
  }, 60_000);
});

describe('the custom requests', () => {
  it('yieldlens/rerunTraces runs a version\'s traces again, past the cache; yieldlens/trace is null without sources', async () => {
    const uri = await openTraced(client, 'def gen():\n    yield 1\n\n\nif __name__ == "__main__":\n    print(list(gen()))\n', 'rerun');
    const before = client.traceStatus.all.filter((params) => params.uri === uri).map((params) => params.state);
    expect(before).toEqual(['running', 'finished']);
    const from = client.traceStatus.all.length;
    await client.connection.sendRequest('yieldlens/rerunTraces', { uri });
    await client.traceStatus.waitFor('the rerun finished', (params) => params.uri === uri && params.state === 'finished', from);
    expect(client.traceStatus.all.filter((params) => params.uri === uri).map((params) => [params.version, params.state])).toEqual([[1, 'running'], [1, 'finished'], [1, 'running'], [1, 'finished']]);
    const plain = freshUri('plain');
    await client.open(plain, 'def gen():\n    yield 1\n');
    expect(await client.trace(plain)).toBeNull();
    expect(await client.inlayHints(plain)).toEqual([]);
  });
});

describe('runtime-confirmed findings', () => {
  const PAIRS = 'def pairs(records):\n    it = iter(records)\n    for request in it:\n        response = next(it)\n        yield request, response\n\n\nif __name__ == "__main__":\n    print(list(pairs([1, 2, 3])))\n';
  const HIDDEN_SEND = 'def accumulator():\n    total = 0\n    while True:\n        total += yield total\n\n\nif __name__ == "__main__":\n    workers = [accumulator()]\n    workers[0].send(5)\n';

  it('marks the static finding on the line the trace raised at as confirmed instead of adding one', async () => {
    const uri = freshUri('confirmed');
    await client.open(uri, PAIRS);
    const before = (await client.diagnosticsFor(uri, 1)).diagnostics;
    await client.tracesFor(uri, 1);
    const after = await client.nextDiagnostics(uri, 'the confirmed GEN004', (params) => params.diagnostics.some((d) => d.message.includes('confirmed by the trace')), 0);
    expect(before.map((d) => [d.code, d.range.start.line])).toEqual([['GEN004', 3]]);
    expect(after.version).toBe(1);
    expect(after.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['GEN004', 3]]);
    const confirmed = after.diagnostics[0]!;
    expect(confirmed.message).toContain('(confirmed by the trace of __main__ block: RuntimeError: generator raised StopIteration)');
    expect(confirmed.relatedInformation?.map((related) => related.message)).toEqual(expect.arrayContaining(['trace: pairs#1 created', 'trace: pairs#1 raised RuntimeError: generator raised StopIteration']));
  });

  it('adds a finding the static analysis cannot make, at the line that raised', async () => {
    const uri = freshUri('runtime-only');
    await client.open(uri, HIDDEN_SEND);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
    await client.tracesFor(uri, 1);
    const after = await client.nextDiagnostics(uri, 'the runtime GEN001', (params) => params.diagnostics.length > 0, 0);
    expect(after.diagnostics).toMatchObject([{
      code: 'GEN001',
      severity: 1,
      range: { start: { line: 8, character: 4 }, end: { line: 8, character: 22 } },
      message: "TypeError: can't send non-None value to a just-started generator (raised when the trace of __main__ block ran)",
    }]);
  });

  it('does not report an exception a doctest example expects', async () => {
    const documented = 'def gen():\n    """\n    >>> g = gen()\n    >>> g.send(1)\n    Traceback (most recent call last):\n    TypeError: can\'t send non-None value to a just-started generator\n    """\n    yield 1\n';
    const uri = freshUri('expected');
    await client.open(uri, documented);
    await client.tracesFor(uri, 1);
    const pulled = await client.codeLenses(uri);
    expect(pulled?.length).toBe(1);
    expect(client.diagnostics.all.filter((params) => params.uri === uri).every((params) => params.diagnostics.length === 0)).toBe(true);
  });

  it('pull and push give the same findings', async () => {
    const pulling = await LspClient.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } } });
    try {
      for (const text of [PAIRS, HIDDEN_SEND]) {
        const pushedUri = freshUri('push');
        await client.open(pushedUri, text);
        await client.tracesFor(pushedUri, 1);
        const pushed = client.diagnostics.all.filter((params) => params.uri === pushedUri).at(-1)!.diagnostics;
        const pulledUri = freshUri('pull');
        await pulling.open(pulledUri, text);
        await pulling.tracesFor(pulledUri, 1);
        const report = await pulling.pullDiagnostics(pulledUri);
        expect(report.kind).toBe('full');
        const shape = (diagnostics: readonly Diagnostic[]): unknown => diagnostics.map(({ code, range, message, severity }) => ({ code, range, message, severity }));
        expect(shape(report.items ?? [])).toEqual(shape(pushed));
        expect(report.items?.length).toBeGreaterThan(0);
        // Asked again with the same result id: nothing changed.
        expect((await pulling.pullDiagnostics(pulledUri, report.resultId)).kind).toBe('unchanged');
      }
      // A pulling client gets no pushed diagnostics.
      expect(pulling.diagnostics.all).toEqual([]);
    } finally {
      pulling.dispose();
    }
  });
});

describe('trace configuration', () => {
  const SIMPLE = 'def gen():\n    yield 1\n\n\n# yieldlens: trace list(other())\ndef other():\n    yield 2\n\n\nif __name__ == "__main__":\n    print(list(gen()))\n';

  it('turns traces off, or narrows the sources, through initializationOptions and workspace/configuration', async () => {
    const configured = await LspClient.start({ initializationOptions: { trace: { sources: ['directive'] } }, settings: null });
    try {
      const uri = await openTraced(configured, SIMPLE, 'directive-only');
      const hints = (await configured.inlayHints(uri)) ?? [];
      // The directive's own call ended where it is written: after the comment.
      expect(hints.map((hint) => [hint.label, hint.position])).toEqual([
        ['⇒ returned None', { line: 4, character: '# yieldlens: trace list(other())'.length }],
        ['→ 2', { line: 6, character: '    yield 2'.length }],
      ]);
      configured.settings = { trace: { enabled: false } };
      await configured.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await configured.traceStatus.waitFor('traces off', (params) => params.uri === uri && params.state === 'unavailable');
      expect(await configured.inlayHints(uri)).toEqual([]);
    } finally {
      configured.dispose();
    }
  });

  it('reads [tool.yieldlens.trace] from pyproject.toml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yieldlens-trace-toml-'));
    try {
      writeFileSync(join(dir, 'pyproject.toml'), '[tool.yieldlens.trace]\nsources = ["main"]\n');
      const configured = await LspClient.start({ workspaceFolders: [dir], settings: null });
      try {
        const uri = pathToFileURL(join(dir, 'mod.py')).href;
        await configured.open(uri, SIMPLE);
        await configured.tracesFor(uri, 1);
        expect(((await configured.inlayHints(uri)) ?? []).map((hint) => hint.label)).toEqual(['→ 1', '⇒ returned None']);
      } finally {
        configured.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks the client to refresh hints and lenses when traces finish, where it supports that', async () => {
    const refreshing = await LspClient.start({ capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } } } });
    try {
      await openTraced(refreshing, SIMPLE, 'refresh');
      await refreshing.refreshes.waitFor('an inlay hint refresh', (method) => method === 'workspace/inlayHint/refresh');
      await refreshing.refreshes.waitFor('a code lens refresh', (method) => method === 'workspace/codeLens/refresh');
      // The default test client does not support refresh, and is never asked.
      expect(client.refreshes.all).toEqual([]);
    } finally {
      refreshing.dispose();
    }
  });

  it("shows hints in an imported module when another document's __main__ drives it, and re-runs when the module is edited", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yieldlens-trace-imports-'));
    const pipeline = 'def doubled(n):\n    for i in range(n):\n        yield i * 2\n';
    const app = 'from pipeline import doubled\n\nif __name__ == "__main__":\n    print(list(doubled(3)))\n';
    try {
      writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n');
      writeFileSync(join(dir, 'pipeline.py'), pipeline);
      writeFileSync(join(dir, 'app.py'), app);
      // What CPython prints for the same project is what the hints must show.
      const printed = (): string[] => {
        const run = spawnSync(python.ok ? python.command : 'python3', [join(dir, 'app.py')], { env: python.ok ? python.env : process.env, encoding: 'utf8' });
        return JSON.parse(run.stdout.trim()) as string[];
      };
      const appUri = pathToFileURL(join(dir, 'app.py')).href;
      const pipelineUri = pathToFileURL(join(dir, 'pipeline.py')).href;
      await client.open(appUri, app);
      await client.tracesFor(appUri, 1);
      await client.open(pipelineUri, pipeline);
      await client.tracesFor(pipelineUri, 1);
      const before = printed().map(String);
      expect(labelsAt((await client.inlayHints(pipelineUri)) ?? [], 3)).toEqual([`→ ${before.join(', ')}`]);
      // Hints in app.py stay about app.py: the yields are pipeline.py's.
      expect(((await client.inlayHints(appUri)) ?? []).filter((hint) => hint.label.startsWith('→'))).toEqual([]);

      // An edit of the imported module (not saved) re-runs app.py's trace with the editor's text.
      const from = client.traceStatus.all.length;
      await client.change(pipelineUri, [{ range: { start: { line: 2, character: 18 }, end: { line: 2, character: 19 } }, text: '3' }]);
      await client.traceStatus.waitFor('app.py traced again', (params) => params.uri === appUri && params.state === 'finished', from);
      writeFileSync(join(dir, 'pipeline.py'), pipeline.replace('i * 2', 'i * 3'));
      const after = printed().map(String);
      expect(after).not.toEqual(before);
      expect(labelsAt((await client.inlayHints(pipelineUri)) ?? [], 3)).toEqual([`→ ${after.join(', ')}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
