// The code action logic in process, on real analyses: where `# noqa` can go and how it is written, line
// endings of fixes, and which findings a range selects. The protocol tests cover the same over stdio.

import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/index.js';
import { codeActionsFor, lineEnding } from '../../src/lsp/code-actions.js';

const RAISE = 'def numbers(items):\n    for item in items:\n        if item is None:\n            raise StopIteration{tail}\n        yield item\n';

/** The code actions for the first finding of `source`, as titles with their single edit's text. */
function checkActions(source: string): { title: string; preferred: boolean; newText: string; at: string }[] {
  const result = analyzeFile({ file: 'mod.py', text: source });
  const finding = result.findings[0];
  if (finding === undefined) throw new Error(`no finding in:\n${source}`);
  const range = { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.line - 1, character: finding.column - 1 } };
  const actions = codeActionsFor({ uri: 'file:///mod.py', version: 1, text: source, result, supportsDocumentChanges: false }, range, undefined);
  return actions.map((action) => {
    const edits = action.edit?.changes?.['file:///mod.py'] ?? [];
    const edit = edits[0];
    return { title: action.title, preferred: action.isPreferred === true, newText: edit?.newText ?? '', at: edit === undefined ? '' : `${edit.range.start.line}:${edit.range.start.character}` };
  });
}

describe('suppress with # noqa', () => {
  it('appends the comment after two spaces at the end of the line', () => {
    expect(checkActions(RAISE.replace('{tail}', ''))).toContainEqual({ title: 'Suppress GEN004 with `# noqa: GEN004`', preferred: false, newText: '  # noqa: GEN004', at: '3:31' });
  });

  it('extends an existing code list instead of adding a second comment', () => {
    expect(checkActions(RAISE.replace('{tail}', '  # noqa: GEN002,GEN005  # why'))).toContainEqual(expect.objectContaining({ newText: ', GEN004', at: '3:54' }));
  });

  it('keeps an ordinary trailing comment and puts the noqa after it', () => {
    expect(checkActions(RAISE.replace('{tail}', '  # end early'))).toContainEqual(expect.objectContaining({ newText: '  # noqa: GEN004', at: '3:44' }));
  });

  it('does not add two spaces after trailing whitespace', () => {
    expect(checkActions(RAISE.replace('{tail}', '   '))).toContainEqual(expect.objectContaining({ newText: '# noqa: GEN004', at: '3:34' }));
  });

  it('offers no noqa where a comment cannot go: after a line continuation', () => {
    const source = 'def numbers(items):\n    for item in items:\n        yield item\n    raise StopIteration(\\\n        "done")\n';
    const titles = checkActions(source).map((action) => action.title);
    expect(titles.some((title) => title.startsWith('Suppress'))).toBe(false);
  });
});

describe('quick fixes', () => {
  it('marks a safe fix preferred and converts its line endings to the document\'s', () => {
    const source = 'def accumulator():\r\n    total = 0\r\n    while True:\r\n        value = yield total\r\n        total += value\r\n\r\n\r\ndef main():\r\n    acc = accumulator()\r\n    acc.send(10)\r\n';
    const fix = checkActions(source).find((action) => !action.title.startsWith('Suppress'));
    expect(fix?.preferred).toBe(true);
    expect(fix?.newText.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('detects the line ending from the first line break', () => {
    expect(lineEnding('a\r\nb\nc')).toBe('\r\n');
    expect(lineEnding('a\nb\r\n')).toBe('\n');
    expect(lineEnding('no newline')).toBe('\n');
  });

  it('answers nothing for a range without findings, or when only source actions are asked for', () => {
    const source = RAISE.replace('{tail}', '');
    const result = analyzeFile({ file: 'mod.py', text: source });
    const target = { uri: 'file:///mod.py', version: 1, text: source, result, supportsDocumentChanges: true };
    expect(codeActionsFor(target, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, undefined)).toEqual([]);
    expect(codeActionsFor(target, { start: { line: 3, character: 12 }, end: { line: 3, character: 12 } }, ['source.organizeImports'])).toEqual([]);
    expect(codeActionsFor(target, { start: { line: 3, character: 12 }, end: { line: 3, character: 12 } }, ['quickfix']).length).toBeGreaterThan(0);
  });
});
