// Unit tests for the control-flow queries in `analysis/flow` (statement exits, reachability after a
// GeneratorExit handler, closing yields, suspended resources) and for GEN005's `with` fix.

import { describe, expect, it } from 'vitest';
import { parsePython, type SyntaxNode } from '../../src/parser.js';
import { SemanticModel, type FunctionInfo } from '../../src/analysis/model/semantic.js';
import { analyzeFile } from '../../src/analysis/check.js';
import {
  Exit,
  catchesGeneratorExit,
  closingYields,
  flowOf,
  suspendableTryBodies,
  suspendedResources,
  tryParts,
  yieldReachableAfterHandler,
} from '../../src/analysis/flow/index.js';

/** Builds the model for `source` (dedented) and returns it with the function named `name`. */
function functionIn(source: string, name: string): { model: SemanticModel; fn: FunctionInfo; text: string } {
  const text = dedent(source);
  const tree = parsePython(text);
  expect(tree.rootNode.hasError, 'test source parses').toBe(false);
  const model = new SemanticModel(tree, text);
  const fn = model.functions.find((candidate) => candidate.name === name);
  if (fn === undefined) throw new Error(`no function ${name}`);
  return { model, fn, text };
}

function dedent(source: string): string {
  const lines = source.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function lineOf(node: SyntaxNode | null | undefined): number | null {
  return node === null || node === undefined ? null : node.startPosition.row + 1;
}

function onlyTry(fn: FunctionInfo): SyntaxNode {
  const [statement] = suspendableTryBodies(fn);
  if (statement === undefined) throw new Error('no suspendable try');
  return statement;
}

describe('FunctionFlow.exitsOf', () => {
  it('tells how blocks complete', () => {
    const { fn } = functionIn(`
      def f(x):
          if x:
              return 1
          else:
              raise ValueError
      def g(x):
          while True:
              if x:
                  break
      def h():
          while True:
              pass
      def k():
          try:
              return 1
          finally:
              pass
    `, 'f');
    const flow = flowOf(fn);
    const body = fn.node.childForFieldName('body');
    if (body === null) throw new Error('no body');
    expect(flow.exitsOf(body)).toBe(Exit.return | Exit.raise);
  });

  it('knows that `while True:` without break never finishes and with break does', () => {
    const source = `
      def g(x):
          while True:
              if x:
                  break
      def h():
          while True:
              pass
    `;
    const g = functionIn(source, 'g');
    const h = functionIn(source, 'h');
    const gLoop = g.fn.node.childForFieldName('body')?.firstNamedChild;
    const hLoop = h.fn.node.childForFieldName('body')?.firstNamedChild;
    if (gLoop == null || hLoop == null) throw new Error('no loops');
    expect(flowOf(g.fn).exitsOf(gLoop) & Exit.normal).toBe(Exit.normal);
    expect(flowOf(h.fn).exitsOf(hLoop)).toBe(0);
  });
});

describe('catchesGeneratorExit', () => {
  const handlersOf = (source: string): boolean[] => {
    const { fn, model } = functionIn(source, 'f');
    return tryParts(onlyTry(fn)).handlers.map((handler) => catchesGeneratorExit(handler, model));
  };

  it('accepts bare except, GeneratorExit, BaseException and tuples containing them', () => {
    expect(handlersOf(`
      def f():
          try:
              yield
          except ValueError:
              pass
          except Exception:
              pass
          except (KeyError, GeneratorExit):
              pass
          except BaseException as e:
              pass
          except builtins.BaseException:
              pass
          except:
              pass
    `)).toEqual([false, false, true, true, true, true]);
  });

  it('rejects a rebound name, an opaque tuple and except*', () => {
    expect(handlersOf(`
      ERRORS = (GeneratorExit,)
      def f():
          BaseException = KeyError
          try:
              yield
          except BaseException:
              pass
          except ERRORS:
              pass
          except* GeneratorExit:
              pass
    `)).toEqual([false, false, false]);
  });
});

describe('yieldReachableAfterHandler', () => {
  const reached = (source: string): number | null => {
    const { fn } = functionIn(source, 'f');
    const handler = tryParts(onlyTry(fn)).handlers[0];
    if (handler === undefined) throw new Error('no handler');
    return lineOf(yieldReachableAfterHandler(handler, fn));
  };

  it('follows a loop back to its yield', () => {
    expect(reached(`
      def f():
          while True:
              try:
                  yield 1
              except GeneratorExit:
                  pass
    `)).toBe(4);
  });

  it('follows break to the code after the loop', () => {
    expect(reached(`
      def f():
          for i in range(3):
              try:
                  yield i
              except GeneratorExit:
                  break
          yield "after"
    `)).toBe(7);
  });

  it('stops at return, raise and the end of the function', () => {
    for (const ending of ['return', 'raise', 'pass']) {
      expect(reached(`
        def f():
            try:
                yield 1
            except GeneratorExit:
                ${ending}
      `)).toBeNull();
    }
  });

  it('does not count yields in a finally around the handler, but does count code after it', () => {
    expect(reached(`
      def f():
          try:
              yield 1
          except GeneratorExit:
              pass
          finally:
              yield 2
    `)).toBeNull();
    expect(reached(`
      def f():
          try:
              yield 1
          except GeneratorExit:
              pass
          finally:
              print("cleanup")
          yield 3
    `)).toBe(8);
  });

  it('does not count yields inside the handler or in nested functions', () => {
    expect(reached(`
      def f():
          try:
              yield 1
          except GeneratorExit:
              yield 2
          def g():
              yield 3
          h = lambda: (yield 4)
    `)).toBeNull();
  });

  it('gives up where the code tests a flag the handler set', () => {
    expect(reached(`
      def f():
          self_closed = False
          while not self_closed:
              try:
                  yield 1
              except GeneratorExit:
                  self_closed = True
    `)).toBeNull();
  });
});

describe('closingYields', () => {
  const closing = (source: string): (number | null)[] => {
    const { fn, model } = functionIn(source, 'f');
    return closingYields(fn, model).map((item) => lineOf(item.yieldNode));
  };

  it('reports the first yield of each path through the finally block', () => {
    expect(closing(`
      def f(c):
          try:
              yield 1
          finally:
              if c:
                  yield 2
              yield 3
              yield 4
    `)).toEqual([6, 7]);
  });

  it('needs a suspension point before the finally', () => {
    expect(closing(`
      def f():
          try:
              x = 1
          finally:
              yield x
    `)).toEqual([]);
  });
});

describe('suspendedResources', () => {
  it('names the acquisition and the first yield where it is live', () => {
    const { fn, model } = functionIn(`
      def f(path):
          header = None
          yield header
          f = open(path)
          for line in f:
              yield line
          f.close()
    `, 'f');
    const [resource, ...rest] = suspendedResources(fn, model);
    expect(rest).toEqual([]);
    expect(resource?.description).toBe('file `f` from `open(...)`');
    expect(lineOf(resource?.acquisition)).toBe(4);
    expect(lineOf(resource?.yieldNode)).toBe(6);
  });

  it('does not take an unbound name for the builtin after a star import', () => {
    const { fn, model } = functionIn(`
      from os import *
      def walk(path):
          fd = open(path, O_RDONLY)
          yield 1
          os_close(fd)
    `, 'walk');
    expect(suspendedResources(fn, model)).toEqual([]);
    // The same function without the star import does open a file.
    const plain = functionIn(`
      def walk(path):
          fd = open(path, O_RDONLY)
          yield 1
          os_close(fd)
    `, 'walk');
    expect(suspendedResources(plain.fn, plain.model).map((r) => r.description)).toEqual(['file `fd` from `open(...)`']);
  });

  it('counts close(name) as a release', () => {
    const { fn, model } = functionIn(`
      def close(handle):
          handle.close()
      def lines(path):
          f = open(path)
          data = f.read()
          close(f)
          yield data
    `, 'lines');
    expect(suspendedResources(fn, model)).toEqual([]);
    const unclosed = functionIn(`
      def lines(path):
          f = open(path)
          data = f.read()
          yield data
    `, 'lines');
    expect(suspendedResources(unclosed.fn, unclosed.model)).toHaveLength(1);
  });

  it('is empty for ordinary functions and protected resources', () => {
    const source = `
      def plain(path):
          f = open(path)
          return f.read()
      def protected(path):
          with open(path) as f:
              yield f.read()
      def handed_over(path):
          f = open(path)
          yield f
      def returned(path):
          f = open(path)
          yield f.readline()
          return f
    `;
    // A returned resource belongs to the caller (the rule's documented policy).
    for (const name of ['plain', 'protected', 'handed_over', 'returned']) {
      const { fn, model } = functionIn(source, name);
      expect(suspendedResources(fn, model), name).toEqual([]);
    }
  });
});

describe('suspended-resource fix', () => {
  const fixed = (source: string): { text: string; applicability: string } | null => {
    const text = dedent(source);
    const result = analyzeFile({ file: 'x.py', text, enabled: new Set(['GEN005']) });
    const fix = result.findings[0]?.fix;
    if (fix === undefined || fix === null) return null;
    // Apply the edits from the last to the first so earlier offsets stay valid.
    const edits = fix.edits.map((edit) => ({ start: result.lines.offset(edit.line, edit.column), end: result.lines.offset(edit.endLine, edit.endColumn), text: edit.newText }));
    let out = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return { text: out, applicability: fix.applicability };
  };

  it('wraps the rest of the block in `with`, re-indents it and drops the `close()` the `with` now makes', () => {
    const result = fixed(`
      def read(path):
          f = open(path)  # the file
          for line in f:
              if not line:
                  f.close()
                  return
              yield line

          f.close()
          yield 'done'
    `);
    expect(result).toEqual({
      applicability: 'safe',
      text: dedent(`
        def read(path):
            with open(path) as f:  # the file
                for line in f:
                    if not line:
                        f.close()
                        return
                    yield line

                yield 'done'
      `),
    });
    expect(parsePython(result?.text ?? '').rootNode.hasError).toBe(false);
    expect(analyzeFile({ file: 'x.py', text: result?.text ?? '', enabled: new Set(['GEN005']) }).findings).toEqual([]);
  });

  it('is unsafe when the resource is passed to another call', () => {
    expect(fixed(`
      import csv
      def rows(path):
          f = open(path)
          for row in csv.reader(f):
              yield row
    `)?.applicability).toBe('unsafe');
  });

  it('is not offered when the name is used after the block or for a sqlite3 connection', () => {
    expect(fixed(`
      def read(path, flag):
          if flag:
              f = open(path)
              yield f.readline()
          print(f)
    `)).toBeNull();
    expect(fixed(`
      import sqlite3
      def rows():
          conn = sqlite3.connect(":memory:")
          yield from conn.execute("SELECT 1")
    `)).toBeNull();
  });
});

describe('deeply nested code', () => {
  it('handles 300 nested try statements (beyond what CPython compiles, as while typing) without recursion limits', () => {
    const depth = 300;
    const lines = ['def g(p):'];
    for (let i = 0; i < depth; i++) lines.push(`${'    '.repeat(i + 1)}try:`);
    lines.push(`${'    '.repeat(depth + 1)}yield 0`);
    for (let i = depth - 1; i >= 0; i--) {
      const indent = '    '.repeat(i + 1);
      lines.push(`${indent}except BaseException:`, `${indent}    pass`, `${indent}finally:`, `${indent}    yield ${i}`);
    }
    const text = `${lines.join('\n')}\n`;
    const result = analyzeFile({ file: 'deep.py', text, enabled: new Set(['GEN002', 'GEN003']) });
    const byCode = (code: string): number => result.findings.filter((f) => f.code === code).length;
    // Every `finally` yields during close; the handlers only fall through into those `finally`
    // blocks, which would run on a re-raise too, so swallowing adds nothing here.
    expect(byCode('GEN002')).toBe(depth);
    expect(byCode('GEN003')).toBe(0);
  });
});
