// The incremental analyzer must report exactly what `analyzeFile` reports (the editor and CI agree):
// cold on every fixture, and after each of a seeded series of edits that reuse its caches.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, IncrementalAnalyzer } from '../../src/analysis/index.js';
import { parsePython } from '../../src/parser.js';
import { random } from '../support/random.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test-fixtures');

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

const SNIPPETS = ['x', ' ', '\n', '    ', 'yield', 'next(it)', '.send(1)', ')', ':', 'raise StopIteration', '#', 'g = gen()\n'];

function expectSameAsFull(analyzer: IncrementalAnalyzer, file: string, text: string): void {
  const tree = parsePython(text);
  const incremental = analyzer.analyze({ file, text, tree }, 'test');
  const full = analyzeFile({ file, text, tree });
  expect(incremental.findings).toEqual(full.findings);
  expect(incremental.suppressed).toBe(full.suppressed);
  expect(incremental.syntaxError).toEqual(full.syntaxError);
}

describe('incremental analysis', () => {
  const files = pythonFiles(FIXTURES).filter((file) => !file.includes(`${join('trace', '')}`));

  it.each(files.map((file) => [relative(FIXTURES, file), file]))('matches a full analysis of %s, cold and after edits', (_name, file) => {
    const original = readFileSync(file, 'utf8');
    const analyzer = new IncrementalAnalyzer();
    expectSameAsFull(analyzer, file, original);
    const next = random(original.length);
    let text = original;
    for (let edit = 0; edit < 12; edit++) {
      const at = Math.floor(next() * text.length);
      if (next() < 0.5) {
        text = text.slice(0, at) + (SNIPPETS[Math.floor(next() * SNIPPETS.length)] ?? '') + text.slice(at);
      } else {
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8));
      }
      expectSameAsFull(analyzer, file, text);
      // Undoing the edit must find the original's cached results still right.
      if (edit % 4 === 3) {
        text = original;
        expectSameAsFull(analyzer, file, text);
      }
    }
  });

  it('agrees on rules that look at callers (GEN010, GEN005 in async generators) when other definitions call the generator', () => {
    const text = [
      'import contextlib',
      '',
      'def pump():',
      '    yield 1',
      '    next(pipeline)',
      '',
      'pipeline = pump()',
      '',
      'def spare():',
      '    return pump()',
      '',
      'async def lines(path):',
      '    with open(path) as f:',
      '        yield f.readline()',
      '',
      'async def consume(path):',
      '    async with contextlib.aclosing(lines(path)) as it:',
      '        async for line in it:',
      '            return line',
      '',
    ].join('\n');
    const analyzer = new IncrementalAnalyzer();
    expectSameAsFull(analyzer, 'callers.py', text);
    expectSameAsFull(analyzer, 'callers.py', text.replace('return pump()', 'return pump() or None'));
    const full = analyzeFile({ file: 'callers.py', text, tree: parsePython(text) });
    // (GEN004 may also judge `next(pipeline)`: what matters here is that the caller-driven rules report.)
    expect(full.findings.map((finding) => finding.code)).toEqual(expect.arrayContaining(['GEN005', 'GEN010']));
  });

  it('re-analyses only the statement an edit touched', () => {
    const text = readFileSync(join(FIXTURES, 'rules', 'stop-iteration-leak.py'), 'utf8');
    const analyzer = new IncrementalAnalyzer();
    analyzer.analyze({ file: 'f.py', text, tree: parsePython(text) }, 'k');
    // Inside the body of a function in the middle of the file (module-level code is one job of its own).
    const def = text.indexOf('\ndef ', text.length / 2);
    const at = text.indexOf('\n    ', def + 1) + 5;
    const edited = `${text.slice(0, at)}x = 1\n    ${text.slice(at)}`;
    const result = analyzer.analyze({ file: 'f.py', text: edited, tree: parsePython(edited) }, 'k');
    expect(result.reanalysed).toBeGreaterThan(0);
    expect(result.reanalysed).toBeLessThanOrEqual(3);
  });

  // Shapes whose per-statement contexts would span the file: a name bound by every statement, and a
  // chain of definitions each calling the next. They are analysed with the whole file (linear), and
  // must still report what a full analysis reports, after edits too.
  const CLIFFS: [string, string][] = [
    ['400 redefinitions of one generator and one buggy function', `${'def g():\n    yield 1\n\n'.repeat(400)}def bad():\n    raise StopIteration\n    yield 1\n`],
    ['200 redefinitions that each report', 'def g():\n    raise StopIteration\n    yield 1\n\n'.repeat(200)],
    ['a chain of 300 definitions', Array.from({ length: 300 }, (_, n) => `def f${n}():\n    yield from f${n + 1}()\n\n`).join('') + 'def f300():\n    it = f0()\n    it.send(1)\n'],
  ];

  it.each(CLIFFS)('matches a full analysis of %s, cold and after edits', (_name, original) => {
    const analyzer = new IncrementalAnalyzer();
    expectSameAsFull(analyzer, 'cliff.py', original);
    const middle = original.indexOf('\ndef ', original.length / 2) + 1;
    const edits = [
      `${original.slice(0, middle)}def late():\n    yield 2\n\n${original.slice(middle)}`,
      `${original.slice(0, middle)}def g():\n    return 1\n\n${original.slice(middle)}`,
      `${original}\ndef tail():\n    x = yield\n`,
      original,
    ];
    for (const text of edits) expectSameAsFull(analyzer, 'cliff.py', text);
  });
});
