// Partial parsing (`analysis/partial.ts`): the pre-pass that splits a file into top-level statements and
// class members, and the choice of what `check` parses. On every fixture, a tree of only the chosen
// parts must give the findings of the whole file; and the pre-pass must read strings, f-strings,
// brackets, continuations, decorators, tabs, CRLF and a BOM as Python does, or give up (null).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, partialParseRanges } from '../../src/analysis/index.js';
import { neededParts, splitTopLevel } from '../../src/analysis/partial.js';
import { RULES } from '../../src/analysis/rules/registry.js';
import { parsePython, parsePythonRanges } from '../../src/parser.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test-fixtures');
const DEFAULT_RULES = RULES.filter((rule) => rule.enabledByDefault !== false);

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pythonFiles(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

/** The text of each needed part, for readable expectations. */
function neededTexts(text: string): string[] | null {
  const parts = neededParts(text, DEFAULT_RULES);
  return parts === null ? null : parts.map((part) => text.slice(part.start, part.end));
}

/** What `check` analyses: the parts' tree, or the whole file's where a part is broken. */
function partialTree(text: string, enabled: ReadonlySet<string> | undefined): ReturnType<typeof parsePython> | null {
  const ranges = partialParseRanges(text, enabled);
  if (ranges === null) return parsePython(text);
  if (ranges.length === 0) return null;
  const tree = parsePythonRanges(text, ranges);
  return tree.rootNode.hasError ? parsePython(text) : tree;
}

const EVERY_RULE_BUT_GEN100 = new Set(RULES.map((rule) => rule.code).filter((code) => code !== 'GEN100'));

describe('partial parsing', () => {
  it.each([['the default rules', undefined], ['every rule but GEN100', EVERY_RULE_BUT_GEN100]] as const)(
    'gives every fixture the findings of the whole file, with %s',
    (_name, enabled) => {
      let partial = 0;
      for (const file of pythonFiles(FIXTURES)) {
        const text = readFileSync(file, 'utf8');
        const options = enabled === undefined ? {} : { enabled };
        const whole = analyzeFile({ file, text, ...options });
        const tree = partialTree(text, enabled);
        const findings = tree === null ? [] : analyzeFile({ file, text, tree, ...options }).findings;
        if (partialParseRanges(text, enabled) !== null) partial++;
        expect({ file: relative(FIXTURES, file), findings }).toEqual({ file: relative(FIXTURES, file), findings: whole.findings });
      }
      // Some fixtures really are parsed in part.
      expect(partial).toBeGreaterThan(0);
    },
  );

  it('parses the whole file when GEN100 runs (it judges every suppression comment)', () => {
    const text = 'def f():\n    return 1  # noqa: GEN001\n\ndef g():\n    yield 1\n';
    expect(partialParseRanges(text, new Set(['GEN002']))).not.toBeNull();
    expect(partialParseRanges(text, new Set(['GEN002', 'GEN100']))).toBeNull();
  });

  it('keeps module-level code, the definitions rules report in and those they name; drops the rest', () => {
    const text = [
      'import os',
      'def helper(x):',
      '    return x',
      'def unrelated():',
      '    return os.sep',
      'def gen():',
      '    yield helper(1)',
      'if __name__ == "__main__":',
      '    print(1)',
      '',
    ].join('\n');
    expect(neededTexts(text)).toEqual(['import os\ndef helper(x):\n    return x\n', 'def gen():\n    yield helper(1)\nif __name__ == "__main__":\n    print(1)\n']);
    // Nothing needed at all: a file of definitions no rule reports in (and no module-level code).
    expect(neededTexts('def f():\n    return 1\n\nclass C:\n    x = 1\n')).toEqual([]);
  });

  it('splits a class at its members and keeps the header, plain statements, needed methods and their callers', () => {
    const text = [
      'class Reader:',
      '    """Doc."""',
      '    size = 10',
      '',
      '    def unrelated(self):',
      '        return 1',
      '',
      '    @property',
      '    def lines(self):',
      '        yield self._strip("x")',
      '',
      '    def _strip(self, line):',
      '        return line',
      '',
      '    def caller(self):',
      '        return list(self.lines)',
      '',
    ].join('\n');
    const kept = neededTexts(text);
    expect(kept?.join('')).toBe(text.replace('    def unrelated(self):\n        return 1\n\n', ''));
    const split = splitTopLevel(text);
    expect(split?.[0]?.classBody?.members.map((member) => member.name)).toEqual([null, null, 'unrelated', 'lines', '_strip', 'caller']);
  });

  it('reads strings, f-strings, comments and brackets as code or not as Python does', () => {
    const text = [
      'x = "def for send yield"  # yield send',
      "y = '''",
      'def not_a_statement():',
      "    yield'''",
      'z = (1,',
      '     [2,',
      'def_ := 3])',
      'w = 1 + \\',
      '    2',
      'f = f"{(a for a in b)!r:>{width}} {d["k"]} {{send}}"',
      "g = rb'\\'' + fr'{x:'>10}'",
      'def last(): pass',
      '',
    ].join('\n');
    const statements = splitTopLevel(text);
    expect(statements?.map((statement) => statement.text.split('\n')[0])).toEqual(['x = "def for send yield"  # yield send', "y = '''", 'z = (1,', 'w = 1 + \\', 'f = f"{(a for a in b)!r:>{width}} {d["k"]} {{send}}"', "g = rb'\\'' + fr'{x:'>10}'", 'def last(): pass']);
    const [first, , , , fString, , last] = statements ?? [];
    expect(first?.words.has('send')).toBe(false);
    expect(first?.words.has('yield')).toBe(false);
    // The f-string's expressions are code: a generator expression and names; `{{send}}` is text.
    expect(fString?.hasGeneratorExpression).toBe(true);
    expect([...(fString?.words ?? [])].filter((word) => ['a', 'b', 'width', 'd', 'send'].includes(word))).toEqual(['a', 'b', 'width', 'd']);
    expect(last?.isDefinition).toBe(true);
    expect(last?.binds).toEqual(['last']);
  });

  it('finds the end of docstrings with escaped quotes and backslashes', () => {
    const text = 'def f():\n    """a \\""" yield \\\\"""\n    return 1\ndef g():\n    r\'\'\'\\\'\'\'\'\'\'\n    yield 2\n';
    const statements = splitTopLevel(text);
    expect(statements?.map((statement) => [statement.text, statement.words.has('yield')])).toEqual([
      ['def f():\n    """a \\""" yield \\\\"""\n    return 1\n', false],
      ["def g():\n    r\'\'\'\\\'\'\'\'\'\'\n    yield 2\n", true],
    ]);
  });

  it('tells generator expressions from comprehensions and calls', () => {
    const only = (code: string): boolean | undefined => splitTopLevel(`${code}\n`)?.[0]?.hasGeneratorExpression;
    expect(only('x = sum(a for a in b)')).toBe(true);
    expect(only('x = (a\n     for a in b)')).toBe(true);
    expect(only('x = [a for a in b]')).toBe(false);
    expect(only('x = {a: 1 for a in b}')).toBe(false);
    expect(only('for a in b: pass')).toBe(false);
  });

  it('keeps decorators with their definition and reads async defs, globals and `if __name__` blocks', () => {
    const text = '@decorate\n@other(1,\n       2)\nasync def run():\n    global counter, total\n    await x\nif __name__ == "__main__":\n    run()\n';
    const statements = splitTopLevel(text);
    expect(statements?.map((statement) => [statement.text, statement.isDefinition, statement.binds])).toEqual([
      ['@decorate\n@other(1,\n       2)\nasync def run():\n    global counter, total\n    await x\n', true, ['run', 'counter', 'total']],
      ['if __name__ == "__main__":\n    run()\n', false, []],
    ]);
  });

  it('handles tabs, CRLF and a byte order mark', () => {
    const tabs = 'class C:\n\tdef a(self):\n\t\treturn 1\n\tdef b(self):\n\t\tyield 2\n';
    expect(splitTopLevel(tabs)?.[0]?.classBody?.members.map((member) => member.name)).toEqual(['a', 'b']);
    expect(neededTexts(tabs)).toEqual(['class C:\n', '\tdef b(self):\n\t\tyield 2\n']);

    const crlf = 'def a():\r\n    return 1\r\n\r\ndef b():\r\n    yield 2\r\n';
    expect(neededTexts(crlf)).toEqual(['def b():\r\n    yield 2\r\n']);
    const ranges = partialParseRanges(crlf, undefined);
    expect(ranges).toEqual([{ startIndex: 26, endIndex: crlf.length, startPosition: { row: 3, column: 0 }, endPosition: { row: 5, column: 0 } }]);

    const bom = '\uFEFFdef a():\n    return 1\ndef b():\n    yield 2\n';
    expect(splitTopLevel(bom)?.map((statement) => statement.start)).toEqual([0, 23]);
  });

  it('gives up (parse whole) where it is unsure', () => {
    expect(splitTopLevel('  x = 1\n')).toBeNull();
    expect(splitTopLevel('x = "unterminated\n')).toBeNull();
    expect(splitTopLevel('x = (1,\n')).toBeNull();
    expect(splitTopLevel('x = 1)\n')).toBeNull();
    expect(splitTopLevel('def f():\n\f    return 1\n')).toBeNull();
  });

  it('does not see a syntax error in a definition it leaves out, and reports what the parsed parts hold', () => {
    const text = 'def broken():\n    return 1 +\n\ndef g(path):\n    f = open(path)\n    yield f.read()\n';
    const ranges = partialParseRanges(text, undefined);
    expect(ranges?.map((range) => text.slice(range.startIndex, range.endIndex))).toEqual(['def g(path):\n    f = open(path)\n    yield f.read()\n']);
    const tree = parsePythonRanges(text, ranges ?? []);
    expect(tree.rootNode.hasError).toBe(false);
    const partial = analyzeFile({ file: 'x.py', text, tree });
    expect(partial.syntaxError).toBeNull();
    expect(partial.findings.map((finding) => [finding.code, finding.line])).toEqual([['GEN005', 5]]);
    // The whole file has the error, and the same finding.
    const whole = analyzeFile({ file: 'x.py', text });
    expect(whole.syntaxError).not.toBeNull();
    expect(whole.findings).toEqual(partial.findings);
  });
});
