// `analysis/describe.ts` in process: the facts behind the hover, for the shapes of generator code the
// protocol tests do not cover (delegation, async generators, values used in expressions, genexps).

import { describe, expect, it } from 'vitest';
import { describeAt, type Description } from '../../src/analysis/describe.js';
import { analyzeFile } from '../../src/analysis/index.js';

function checkDescribe(sourceWithCursor: string): Description | null {
  const offset = sourceWithCursor.indexOf('$0');
  const text = sourceWithCursor.replace('$0', '');
  const { model } = analyzeFile({ file: 'mod.py', text });
  return describeAt(model, offset)?.description ?? null;
}

describe('describeAt', () => {
  it('separates delegation from yielded values and finds sent values used in expressions', () => {
    expect(checkDescribe('def ch$0ain(a, b):\n    yield from a\n    total = (yield) + 1\n    yield total\n    return "done"\n')).toMatchObject({
      kind: 'function',
      signature: 'def chain(a, b)',
      yields: ['None', 'total'],
      delegatesTo: ['a'],
      receives: [{ how: 'expression', target: '(yield) + 1', line: 3 }],
      returns: ['"done"'],
      resources: [],
    });
  });

  it('says where a sent value goes when it is not assigned: a call argument, a return, an expression', () => {
    expect(checkDescribe('def si$0nk(out):\n    while True:\n        out.append((yield))\n        log(level=(yield))\n        return (yield)\n')).toMatchObject({
      receives: [
        { how: 'argument', target: 'out.append()', line: 3 },
        { how: 'argument', target: 'log(level=…)', line: 4 },
        { how: 'returned', target: 'return', line: 5 },
      ],
    });
  });

  it('keeps the returns and yields of nested functions out', () => {
    expect(checkDescribe('def out$0er():\n    def inner():\n        yield 99\n        return 7\n    yield inner\n')).toMatchObject({ yields: ['inner'], returns: ['None'] });
  });

  it('describes async generators and methods by qualname', () => {
    expect(checkDescribe('class Reader:\n    async def ro$0ws(self):\n        yield 1\n')).toMatchObject({ kind: 'function', qualname: 'Reader.rows', isAsync: true });
  });

  it('describes a generator expression held in a variable, created where it is bound', () => {
    expect(checkDescribe('squares = (x * x for x in range(3))\nprint(squa$0res)\n')).toMatchObject({ kind: 'object', functionName: null, origin: '(x * x for x in range(3))', state: 'created' });
  });

  it('says nothing about ordinary functions, classes and attributes', () => {
    expect(checkDescribe('def pla$0in():\n    return 1\n')).toBeNull();
    expect(checkDescribe('class K$0:\n    pass\n')).toBeNull();
    expect(checkDescribe('def gen():\n    yield 1\n\nobj.ge$0n\n')).toBeNull();
  });
});
