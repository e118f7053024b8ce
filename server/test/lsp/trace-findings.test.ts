// Runtime-confirmed findings in process: the static findings of `analyzeFile`, the run of the file's
// __main__ block in the runtime (whose ending error is checked against CPython's first), and what
// `confirmFindings` makes of them — one diagnostic per bug, at the line that caused it.

import { describe, expect, it } from 'vitest';
import { analyzeFile, RULES } from '../../src/analysis/index.js';
import { confirmFindings } from '../../src/lsp/trace-findings.js';
import { runSnippet } from '../../src/runtime/index.js';
import { cpythonRun, python } from './cpython.js';

const MAIN = { kind: 'main' as const, id: 'main', label: '__main__ block', line: 1 };

function confirmed(text: string, enabled: readonly string[] = RULES.map((rule) => rule.code)): { code: string; line: number; message: string }[] {
  const result = analyzeFile({ file: '/w/mod.py', text });
  const report = runSnippet(text, { filename: '/w/mod.py' });
  const cpython = cpythonRun(text, 'main');
  // The runtime ended the way CPython does, or the test would check the runtime against itself.
  expect([report.error?.type, report.error?.message]).toEqual([cpython.error?.type, cpython.error?.message]);
  const findings = confirmFindings(result.findings, [{ source: MAIN, file: '/w/mod.py', report, expectedExceptions: [] }], { file: '/w/mod.py', result, enabled: new Set(enabled) });
  return findings.map(({ code, line, message }) => ({ code, line, message }));
}

describe.skipIf(!python.ok)('confirmFindings', () => {
  it('confirms GEN003 at its except clause when the trace shows the yield it let run during close()', () => {
    const text = 'def sink(out):\n    while True:\n        try:\n            out.append((yield))\n        except GeneratorExit:\n            out.append("closing")\n\n\nif __name__ == "__main__":\n    s = sink([])\n    next(s)\n    s.close()\n';
    const findings = confirmed(text);
    expect(findings.map(({ code, line }) => [code, line])).toEqual([['GEN003', 5]]);
    expect(findings[0]?.message).toContain('(confirmed by the trace of __main__ block: RuntimeError: generator ignored GeneratorExit)');
  });

  it('confirms GEN002 on the yield in a finally that ran while closing', () => {
    const text = 'def flushing(out):\n    try:\n        while True:\n            out.append((yield))\n    finally:\n        yield "flushed"\n\n\nif __name__ == "__main__":\n    f = flushing([])\n    next(f)\n    f.close()\n';
    expect(confirmed(text).map(({ code, line, message }) => [code, line, message.includes('confirmed by the trace')])).toEqual([['GEN002', 6, true]]);
  });

  it('adds a finding where the static rules are silent, and none for a rule that is switched off', () => {
    // The generator is reached through a list the analysis does not follow.
    const text = 'def accumulator():\n    total = 0\n    while True:\n        total += yield total\n\n\nif __name__ == "__main__":\n    workers = [accumulator()]\n    workers[0].send(5)\n';
    expect(confirmed(text)).toEqual([{ code: 'GEN001', line: 9, message: "TypeError: can't send non-None value to a just-started generator (raised when the trace of __main__ block ran)" }]);
    expect(confirmed(text, ['GEN004'])).toEqual([]);
  });

  it('honours # noqa on the line the trace points to', () => {
    const text = 'def pairs(items):\n    it = iter(items)\n    for first in it:\n        yield first, next(it)  # noqa: GEN004\n\n\nif __name__ == "__main__":\n    print(list(pairs([1, 2, 3])))\n';
    expect(confirmed(text)).toEqual([]);
  });
});
