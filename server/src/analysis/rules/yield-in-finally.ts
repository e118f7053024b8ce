// GEN002 yield-in-finally: a `yield` that can run while the generator is being closed, which CPython
// answers with "RuntimeError: generator ignored GeneratorExit".

import { closingYields, describeHandler } from '../flow/index.js';
import type { FunctionInfo } from '../model/semantic.js';
import type { RuleContext, RuleDefinition } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

export const yieldInFinally: RuleDefinition = {
  code: 'GEN002',
  name: 'yield-in-finally',
  severity: 'error',
  summary: '`yield` in a `finally` or GeneratorExit handler that runs when the generator is closed',
  fixTitle: null,
  // Needs a `yield` and a `finally` or `except` somewhere in the file.
  triggers: /^(?=[\s\S]*?\byield\b)[\s\S]*?\b(?:finally|except)\b/,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: [
      'Checks for a `yield` that can run while the generator is being closed: a `yield` inside a',
      '`finally` block whose `try` (body, handlers or `else`) contains a `yield`, and a `yield` inside a',
      'handler that catches GeneratorExit (`except GeneratorExit`, a bare `except:`, `except',
      'BaseException`, or a tuple containing one of them) whose `try` body contains a `yield`.',
      'Only the first `yield` on each path through the block is reported: once it has run during',
      '`close()`, the later ones cannot.',
      '',
      'Async generators are checked the same way: `aclose()` throws GeneratorExit in just like `close()`.',
      'A `yield` in a nested function, lambda, class or generator expression belongs to another frame and',
      'is not considered.',
    ].join('\n'),
    whyIsThisBad: [
      '`generator.close()` (also called when a suspended generator is garbage-collected, which CPython',
      'does as soon as the last reference goes, e.g. after `break` out of a `for` loop over a generator',
      'nobody else holds, and by `contextlib.closing` on exit) raises',
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
    for (const closing of closingYields(fn, ctx.model)) {
      if (closing.region === 'finally') {
        ctx.report({
          node: closing.yieldNode,
          message: `\`yield\` inside \`finally\` can run while the generator is being closed (RuntimeError: ${ignored})`,
          related: [{ node: closing.suspension, message: 'the generator can be suspended here; closing it runs the `finally` block' }],
        });
      } else if (closing.handler !== null) {
        ctx.report({
          node: closing.yieldNode,
          message: `\`yield\` inside \`${describeHandler(closing.handler)}\` runs while the generator is being closed (RuntimeError: ${ignored})`,
          related: [{ node: closing.suspension, message: 'closing the generator while it is suspended here raises GeneratorExit into the handler' }],
        });
      }
    }
  },
};
