// The language server runs analyses in steps (`analyzeFileSteps`, `IncrementalAnalyzer.analyzeSteps`)
// and returns to its event loop between them; the findings must be exactly those of one synchronous
// `analyzeFile`, whether the steps run back to back, interleaved with another document's, or after an
// abandoned analysis of an older text left part of its work in the analyzer's caches.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, analyzeFileSteps, IncrementalAnalyzer, type IncrementalResult, type Steps } from '../../src/analysis/index.js';
import { parsePython } from '../../src/parser.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test-fixtures');
const BUG = 'def bad():\n    raise StopIteration\n    yield 1\n';
/** The issue-12 shapes: one name bound 2,000 times (whole-file jobs), many findings, many distinct jobs. */
const LARGE: [string, string][] = [
  ['2,000 redefinitions of `def g()` + 1 buggy function', 'def g():\n    yield 1\n\n'.repeat(2000) + BUG],
  ['1,000 redefinitions of a buggy `def g()`', 'def g():\n    raise StopIteration\n    yield 1\n\n'.repeat(1000)],
  ['300 distinct generators, each used by the next', Array.from({ length: 300 }, (_, n) => `def g${n}():\n    yield from g${n + 1}()\n    next(g${n + 1}())\n\n`).join('') + BUG],
];

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

/** Runs two step sequences one step each in turn; returns both results and how many steps each took. */
function interleave<A, B>(first: Steps<A>, second: Steps<B>): { a: A; b: B; steps: [number, number] } {
  let a: IteratorResult<void, A> | undefined;
  let b: IteratorResult<void, B> | undefined;
  const steps: [number, number] = [0, 0];
  while (a?.done !== true || b?.done !== true) {
    if (a?.done !== true) {
      a = first.next();
      steps[0]++;
    }
    if (b?.done !== true) {
      b = second.next();
      steps[1]++;
    }
  }
  return { a: a.value, b: b.value, steps };
}

function expectSame(incremental: IncrementalResult, file: string, text: string): void {
  const full = analyzeFile({ file, text });
  expect(incremental.findings).toEqual(full.findings);
  expect(incremental.suppressed).toBe(full.suppressed);
  expect(incremental.syntaxError).toEqual(full.syntaxError);
}

describe('analysis in steps', () => {
  const fixtures = pythonFiles(FIXTURES).filter((file) => !file.includes(`${join('trace', '')}`)).map((file): [string, string] => [relative(FIXTURES, file), readFileSync(file, 'utf8')]);

  it.each(LARGE)('%s: stepped, interleaved with another document, as one synchronous analysis', (_name, text) => {
    const other = fixtures[0]?.[1] ?? BUG;
    const result = interleave(
      new IncrementalAnalyzer().analyzeSteps({ file: 'large.py', text, tree: parsePython(text) }, 'k'),
      analyzeFileSteps({ file: 'other.py', text: other }),
    );
    expectSame(result.a, 'large.py', text);
    expect(result.b.findings).toEqual(analyzeFile({ file: 'other.py', text: other }).findings);
    // Sliced indeed: hundreds of points where the server can answer a request.
    expect(result.steps[0]).toBeGreaterThan(100);
  });

  it.each(fixtures.map(([name, text], index): [string, string, string] => [name, text, fixtures[(index + 1) % fixtures.length]?.[1] ?? BUG]))('%s: stepped and interleaved with the next fixture, as one synchronous analysis', (name, text, partner) => {
    const result = interleave(
      new IncrementalAnalyzer().analyzeSteps({ file: name, text, tree: parsePython(text) }, 'k'),
      new IncrementalAnalyzer().analyzeSteps({ file: 'partner.py', text: partner, tree: parsePython(partner) }, 'k'),
    );
    expectSame(result.a, name, text);
    expectSame(result.b, 'partner.py', partner);
  });

  it.each(LARGE)('%s: an analysis abandoned halfway leaves the caches true for the next texts', (_name, text) => {
    const analyzer = new IncrementalAnalyzer();
    const steps = analyzer.analyzeSteps({ file: 'large.py', text, tree: parsePython(text) }, 'k');
    let taken = 0;
    for (let next = steps.next(); next.done !== true && taken < 150; next = steps.next()) taken++;
    steps.return(undefined as never);
    // The next version (the bug fixed, a function added at the top), then the abandoned text itself.
    const edited = `def first():\n    yield 0\n\n${text.replace('raise StopIteration', 'return')}`;
    expectSame(analyzer.analyze({ file: 'large.py', text: edited, tree: parsePython(edited) }, 'k'), 'large.py', edited);
    expectSame(analyzer.analyze({ file: 'large.py', text, tree: parsePython(text) }, 'k'), 'large.py', text);
  });
});
