// Random edits over the protocol: after a seeded sequence of incremental changes (inserts, deletions,
// half-typed code, non-ASCII text, CRLF) and again after undoing them one by one, the server's
// diagnostics must equal a fresh analysis of the text — which fails if the tree edits or the text sync
// drift — and the server must still answer. Inlay hint, code lens and hover requests sent between the
// edits (the document has a `__main__` block, so traces run and are cancelled all along) must all be
// answered.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/index.js';
import { freshUri } from './features.js';
import { LspClient, withTimeout, type Diagnostic } from './lsp-client.js';
import { random } from '../support/random.js';

const START = `import itertools


def numbers(items):
    for item in items:
        if item is None:
            raise StopIteration
        yield item


def accumulator():
    total = 0
    while True:
        value = yield total
        total += value


def read_lines(path):
    f = open(path)
    for line in f:
        yield line


def main(path):
    acc = accumulator()
    acc.send(10)
    return list(numbers([1, None])), list(read_lines(path))


if __name__ == "__main__":
    print(list(numbers([1, 2, 3])))
`;

const SNIPPETS = ['yield ', '\n', '    ', 'next(g)', '(', ')', ':', 'x', 'é', '😀', 'raise StopIteration\n', 'def f():\n', '# noqa\n', '"""', '\r\n'];

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

/** An offset that does not split a surrogate pair or a \r\n (LSP positions cannot point there). */
function safeOffset(text: string, offset: number): number {
  let at = offset;
  const code = text.charCodeAt(at);
  if (code >= 0xdc00 && code <= 0xdfff) at--;
  if (text[at] === '\n' && text[at - 1] === '\r') at--;
  return Math.max(0, at);
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();
}

/** What a fresh, non-incremental analysis of `text` reports, in the diagnostics' shape. */
function expectedFor(uri: string, text: string): Diagnostic[] {
  return analyzeFile({ file: uri.replace('file://', ''), text }).findings.map((finding) => ({
    code: finding.code,
    message: finding.message,
    range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
  }));
}

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(() => client?.dispose());

describe('random incremental edits', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: publications equal fresh analyses, after random edits and after undoing them`, async () => {
      const next = random(seed);
      const uri = freshUri(`random${seed}-`);
      let text = START;
      await client.open(uri, text);
      let version = 1;
      const applied: { start: number; removed: string; inserted: string }[] = [];
      const send = async (start: number, end: number, inserted: string): Promise<void> => {
        const range = { start: positionAt(text, start), end: positionAt(text, end) };
        applied.push({ start, removed: text.slice(start, end), inserted });
        text = text.slice(0, start) + inserted + text.slice(end);
        // Edits go out back to back, without waiting: the server coalesces them as it would for fast typing.
        version = await client.change(uri, [{ range, text: inserted }]);
      };
      const requests: Promise<unknown>[] = [];
      const ask = (): void => {
        const position = positionAt(text, Math.floor(next() * text.length));
        requests.push(client.inlayHints(uri), client.codeLenses(uri), client.hover(uri, position));
      };
      for (let edit = 0; edit < 40; edit++) {
        const start = safeOffset(text, Math.floor(next() * (text.length + 1)));
        const deleteLength = next() < 0.4 ? Math.floor(next() * 6) : 0;
        const end = Math.max(start, safeOffset(text, Math.min(text.length, start + deleteLength)));
        const inserted = deleteLength > 0 && next() < 0.5 ? '' : (SNIPPETS[Math.floor(next() * SNIPPETS.length)] ?? '');
        await send(start, end, inserted);
        if (edit % 4 === 0) ask();
      }
      const midway = await client.diagnosticsFor(uri, version);
      expect(summary(midway.diagnostics), `text after the random edits:\n${text}`).toEqual(summary(expectedFor(uri, text)));
      // Undo every edit, newest first, as incremental changes again: the text returns to START exactly.
      for (const edit of [...applied].reverse()) {
        const range = { start: positionAt(text, edit.start), end: positionAt(text, edit.start + edit.inserted.length) };
        text = text.slice(0, edit.start) + edit.removed + text.slice(edit.start + edit.inserted.length);
        version = await client.change(uri, [{ range, text: edit.removed }]);
      }
      expect(text).toBe(START);
      ask();
      // Every request is answered (those about versions already left behind with nothing), none fails.
      const answers = await withTimeout(Promise.all(requests), 30_000, 'the inlay hint, code lens and hover answers');
      expect(answers).toHaveLength(requests.length);
      // Back at the start, the last trace is the __main__ block's: `numbers` passes 1, 2, 3 through.
      const lastHints = answers[answers.length - 3] as { label: string }[];
      expect(lastHints.map((hint) => hint.label)).toContain('→ 1, 2, 3');
      const published = await client.diagnosticsFor(uri, version);
      const expected = expectedFor(uri, text);
      expect(expected.map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['GEN001', 'GEN004', 'GEN005']));
      expect(summary(published.diagnostics)).toEqual(summary(expected));
      expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
    });
  }

  it('survives deeply nested code', async () => {
    const uri = freshUri('deep');
    const nested = Array.from({ length: 200 }, (_, depth) => `${'    '.repeat(depth)}def f${depth}():\n`).join('');
    await client.open(uri, `x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n${nested}${'    '.repeat(200)}yield 1\n`);
    await client.diagnosticsFor(uri, 1);
    const hover = await client.hover(uri, { line: 200, character: 4 * 199 + 5 });
    expect(hover?.contents.value).toContain('Generator function** `f0.<locals>.f1.<locals>');
  });
});
