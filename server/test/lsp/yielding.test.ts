// Long analyses yield to requests and to cancellation (issue 12): on a 6,003-line file of 2,000
// redefinitions of `def g()` plus a buggy function, whose analysis takes hundreds of milliseconds, a hover
// sent during the analysis is answered before that version's diagnostics, from a complete model (the same
// answer as after the analysis); a request cancelled with `$/cancelRequest` is answered (RequestCancelled
// or a result), never left hanging; and an edit during the analysis supersedes it, so only the last
// version's diagnostics are published — equal to what the CLI's analysis of that text reports; a
// configuration change during the analysis abandons it too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node.js';
import { analyzeFile } from '../../src/analysis/index.js';
import { toDiagnostic } from '../../src/lsp/diagnostics.js';
import { analysisPathOf } from '../../src/lsp/uri.js';
import { freshUri } from './features.js';
import { LspClient, withTimeout, type Hover } from './lsp-client.js';

const BUG = 'def bad():\n    raise StopIteration\n    yield 1\n';
const REDEFINITIONS = 'def g():\n    yield 1\n\n'.repeat(2000) + BUG;
const BUG_LINE = 6000;
/** On the `g` of the first `def g():`. */
const ON_G = { line: 0, character: 4 };
const REQUEST_CANCELLED = -32800;

/** The diagnostics the CLI's analysis of `text` gives, as the server sends them. */
function expectedDiagnostics(uri: string, text: string): unknown {
  return JSON.parse(JSON.stringify(analyzeFile({ file: analysisPathOf(uri), text }).findings.map(toDiagnostic)));
}

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start({ initializationOptions: { trace: { enabled: false } } });
});
afterAll(() => client?.dispose());

describe('long analyses yield', () => {
  it('answers hovers sent during the analysis before its diagnostics, as they are answered after it', async () => {
    const uri = freshUri('redefinitions');
    const published = (): number => client.diagnostics.all.filter((params) => params.uri === uri && params.version === 1).length;
    const answeredBefore: (Hover | null)[] = [];
    // The hover goes out with the didOpen; the next ones as soon as the previous one is answered, until
    // the diagnostics arrive (each answer is checked against the diagnostics already received).
    void client.open(uri, REDEFINITIONS);
    let hover = await client.hover(uri, ON_G);
    while (published() === 0) {
      answeredBefore.push(hover);
      hover = await client.hover(uri, ON_G);
    }
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const after = await client.hover(uri, ON_G);
    // The first hover went out right after the didOpen; the second only once the first was answered, so
    // it arrived while the analysis ran (an analysis that did not yield would have finished first).
    expect(answeredBefore.length).toBeGreaterThanOrEqual(2);
    expect(after).not.toBeNull();
    expect(after?.contents.value).toContain('yield');
    for (const each of answeredBefore) expect(each).toEqual(after);
    expect(diagnostics.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['GEN004', BUG_LINE + 1]]);
    expect(diagnostics.diagnostics).toEqual(expectedDiagnostics(uri, REDEFINITIONS));
  });

  it('answers a code action cancelled during the analysis with RequestCancelled or a result, never a hang', async () => {
    const uri = freshUri('cancelled');
    void client.open(uri, REDEFINITIONS);
    const source = new CancellationTokenSource();
    const range = { start: { line: BUG_LINE + 1, character: 4 }, end: { line: BUG_LINE + 1, character: 4 } };
    const request = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }, source.token);
    // Cancelled once the server is busy with the analysis: a hover answered means it has read the open.
    await client.hover(uri, ON_G);
    source.cancel();
    const outcome = await withTimeout(request.then((result) => ({ result }), (error: unknown) => ({ error })), 10_000, 'the cancelled code action');
    if ('error' in outcome) {
      expect(outcome.error).toBeInstanceOf(ResponseError);
      expect((outcome.error as ResponseError<unknown>).code).toBe(REQUEST_CANCELLED);
      // Honoured during the analysis, not once it ended.
      expect(client.diagnostics.all.filter((params) => params.uri === uri)).toEqual([]);
    } else {
      expect(Array.isArray(outcome.result)).toBe(true);
    }
    // The analysis the request waited for still ends in diagnostics, and the server still answers.
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toHaveLength(1);
    const actions = await client.codeActions(uri, range);
    expect(actions.map((action) => action.title).some((title) => title.includes('GEN004'))).toBe(true);
  });

  it('a request cancelled before the server reads it is answered with RequestCancelled', async () => {
    const uri = freshUri('cancelled-early');
    void client.open(uri, REDEFINITIONS);
    const source = new CancellationTokenSource();
    // The cancel is written right behind the request: the server reads both during the analysis.
    const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: ON_G }, source.token);
    source.cancel();
    const outcome = await withTimeout(request.then((result) => ({ result }), (error: unknown) => ({ error })), 10_000, 'the cancelled hover');
    if ('error' in outcome) expect((outcome.error as ResponseError<unknown>).code).toBe(REQUEST_CANCELLED);
    else expect(outcome.result).not.toBeUndefined();
    await client.diagnosticsFor(uri, 1);
  });

  it('an edit during the analysis supersedes it: only the last version is published', async () => {
    const uri = freshUri('superseded');
    void client.open(uri, REDEFINITIONS);
    // Answered during the analysis of version 1 (see the first test); the edits follow at once.
    await client.hover(uri, ON_G);
    const fixLine = { start: { line: BUG_LINE + 1, character: 4 }, end: { line: BUG_LINE + 1, character: 23 } };
    const v2 = await client.change(uri, [{ range: fixLine, text: 'return' }]);
    const start = { line: 1, character: 0 };
    const v3 = await client.change(uri, [{ range: { start, end: start }, text: '    raise StopIteration\n' }]);
    const last = await client.diagnosticsFor(uri, v3);
    const lines = REDEFINITIONS.split('\n');
    lines[BUG_LINE + 1] = '    return';
    lines.splice(1, 0, '    raise StopIteration');
    const finalText = lines.join('\n');
    expect(last.diagnostics).toEqual(expectedDiagnostics(uri, finalText));
    expect(last.diagnostics.map((d) => d.range.start.line)).toEqual([1]);
    // Version 1's analysis was cut short and version 2 moved past before it was shown: neither is published.
    const versions = client.diagnostics.all.filter((params) => params.uri === uri).map((params) => params.version);
    expect(versions).toEqual([v3]);
    expect(v2).toBe(2);
  });

  it('a configuration change during the analysis abandons it: the diagnostics follow the new settings', async () => {
    const uri = freshUri('reconfigured');
    void client.open(uri, REDEFINITIONS);
    await client.hover(uri, ON_G);
    // Same version, new context: the running analysis read the old rules and must not be published.
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yieldlens: { ignore: ['GEN004'] } } });
    try {
      const published = await client.diagnosticsFor(uri, 1);
      expect(published.diagnostics).toEqual([]);
      expect(client.diagnostics.all.filter((params) => params.uri === uri).map((params) => params.diagnostics.length)).toEqual([0]);
    } finally {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yieldlens: { ignore: [] } } });
    }
  });
});
