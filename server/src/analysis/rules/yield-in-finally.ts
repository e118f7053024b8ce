// GEN002 yield-in-finally: a `yield` that can run while the generator is being closed, which CPython
// answers with "RuntimeError: generator ignored GeneratorExit".

import { catchesGeneratorExit, describeHandler, enclosingTries, isTryBodySuspendable, suspensionBeforeFinally } from '../flow/index.js';
import type { FunctionInfo } from '../model/semantic.js';
import type { RuleContext, RuleDefinition } from './rule.js';

export const yieldInFinally: RuleDefinition = {
  code: 'GEN002',
  name: 'yield-in-finally',
  severity: 'error',
  summary: '`yield` in a `finally` or GeneratorExit handler that runs when the generator is closed',
  fixTitle: null,
  docs: {
    whatItDoes: [
      'Checks for a `yield` that can run while the generator is being closed: a `yield` inside a',
      '`finally` block whose `try` (body, handlers or `else`) contains a `yield`, and a `yield` inside a',
      'handler that catches GeneratorExit (`except GeneratorExit`, a bare `except:`, `except',
      'BaseException`, or a tuple containing one of them) whose `try` body contains a `yield`.',
      '',
      'Async generators are checked the same way: `aclose()` throws GeneratorExit in just like `close()`.',
      'A `yield` in a nested function, lambda, class or generator expression belongs to another frame and',
      'is not considered.',
    ].join('\n'),
    whyIsThisBad: [
      '`generator.close()` (also called when a suspended generator is garbage-collected, when a `for`',
      'loop over it is left with `break` and an enclosing `with contextlib.closing(...)` exits) raises',
      'GeneratorExit at the `yield` where the generator is suspended. The generator must then finish',
      '(return or raise). If the `finally` block or the handler yields instead, CPython raises',
      '`RuntimeError: generator ignored GeneratorExit` from `close()` (for an async generator,',
      '`RuntimeError: async generator ignored GeneratorExit`). During garbage collection the error cannot',
      'propagate and is printed as "Exception ignored in: <generator object ...>", while the cleanup after',
      'the `yield` never runs.',
    ].join('\n'),
    example: [
      'def read_records(conn):',
      '    try:',
      '        for row in conn.execute("SELECT * FROM t"):',
      '            yield row',
      '    finally:',
      '        yield "done"  # runs during close(): RuntimeError',
      '        conn.close()',
    ].join('\n'),
    useInstead: [
      'def read_records(conn):',
      '    try:',
      '        for row in conn.execute("SELECT * FROM t"):',
      '            yield row',
      '    finally:',
      '        conn.close()',
      '    yield "done"  # only reached when the loop finished normally',
    ].join('\n'),
    fixSafety: 'There is no automatic fix: where the value should go (after the `try`, or nowhere) depends on what the code means.',
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator.close',
      'https://peps.python.org/pep-0342/#new-generator-method-close',
      'https://docs.python.org/3/reference/expressions.html#agen.aclose',
    ],
  },
  checkFunction(fn: FunctionInfo, ctx: RuleContext): void {
    if (!fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError) return;
    const ignored = fn.isAsync ? 'async generator ignored GeneratorExit' : 'generator ignored GeneratorExit';
    for (const yieldNode of fn.yields) {
      // The innermost `try` that makes this yield run during close decides; one report per yield.
      for (const { statement, region, handler } of enclosingTries(yieldNode, fn)) {
        if (region === 'finally') {
          const suspension = suspensionBeforeFinally(statement, fn);
          if (suspension === null) continue;
          ctx.report({
            node: yieldNode,
            message: `\`yield\` inside \`finally\` can run while the generator is being closed (RuntimeError: ${ignored})`,
            related: [{ node: suspension, message: 'the generator can be suspended here; closing it runs the `finally` block' }],
          });
          break;
        }
        if (region === 'handler' && handler !== null && catchesGeneratorExit(handler, ctx.model) && isTryBodySuspendable(statement, fn)) {
          const body = statement.childForFieldName('body');
          const suspension = body === null ? undefined : fn.yields.find((y) => y.startIndex >= body.startIndex && y.endIndex <= body.endIndex);
          ctx.report({
            node: yieldNode,
            message: `\`yield\` inside \`${describeHandler(handler)}\` runs while the generator is being closed (RuntimeError: ${ignored})`,
            related: suspension === undefined ? [] : [{ node: suspension, message: 'closing the generator while it is suspended here raises GeneratorExit into the handler' }],
          });
          break;
        }
      }
    }
  },
};
