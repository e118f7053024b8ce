// GEN003 swallowed-generator-exit: a handler that catches GeneratorExit around a `yield` and lets the
// generator go on to another `yield`, so `close()` fails with "generator ignored GeneratorExit".

import { catchesGeneratorExit, describeHandler, flowOf, generatorExitEntry, suspendableTryBodies, yieldReachableAfterHandler } from '../flow/index.js';
import type { FunctionInfo } from '../model/semantic.js';
import type { RuleContext, RuleDefinition } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

export const swallowedGeneratorExit: RuleDefinition = {
  code: 'GEN003',
  name: 'swallowed-generator-exit',
  severity: 'error',
  summary: 'Handler catches GeneratorExit at a `yield` and lets the generator reach another `yield`',
  fixTitle: null,
  // Needs a `yield` and an `except` somewhere in the file.
  triggers: /^(?=[\s\S]*?\byield\b)[\s\S]*?\bexcept\b/,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: [
      'Checks for an exception handler that catches GeneratorExit (`except GeneratorExit`, a bare',
      '`except:`, `except BaseException`, or a tuple containing one of them) on a `try` whose body',
      'contains a `yield`, when control can get from the end of the handler to another `yield` without',
      're-raising or returning: the code after the `try`, or the loop the `try` sits in (a handler in a',
      '`while True:` loop goes back to the loop\'s `yield`).',
      '',
      '`except Exception` is not reported: GeneratorExit derives from BaseException only. A handler',
      'that re-raises, returns, or after which the function simply ends is fine. A `yield` inside the',
      'handler itself is reported by `yield-in-finally` (GEN002) instead. Where the code after the',
      'handler tests a flag the handler sets (`closed = True` ... `while not closed:`) the rule stays',
      'silent, since it cannot tell which way the test goes. Async generators are checked the same way.',
    ].join('\n'),
    whyIsThisBad: [
      '`generator.close()` raises GeneratorExit at the suspended `yield` and expects the generator to',
      'finish. A handler that catches it and carries on to another `yield` makes `close()` raise',
      '`RuntimeError: generator ignored GeneratorExit`. Because garbage collection also calls `close()`',
      '(in CPython as soon as the last reference goes, e.g. after `break` out of a `for` loop over a',
      'generator nobody else holds), as does `contextlib.closing`, the error shows up far from the generator',
      '(or only as "Exception ignored in" on stderr), and the generator\'s cleanup never',
      'runs. Catching everything with a bare `except:` or `except BaseException` around a `yield` usually',
      'does this by accident.',
    ].join('\n'),
    example: [
      'def worker(queue):',
      '    while True:',
      '        try:',
      '            item = yield',
      '            queue.put(item)',
      '        except BaseException:  # also catches GeneratorExit',
      '            log.exception("worker failed")',
    ].join('\n'),
    useInstead: [
      'def worker(queue):',
      '    while True:',
      '        try:',
      '            item = yield',
      '            queue.put(item)',
      '        except Exception:  # GeneratorExit passes through and close() works',
      '            log.exception("worker failed")',
    ].join('\n'),
    fixSafety: 'There is no automatic fix: narrowing the handler to `except Exception`, re-raising, or returning from it are all possible and depend on what the handler is for.',
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator.close',
      'https://docs.python.org/3/library/exceptions.html#GeneratorExit',
      'https://peps.python.org/pep-0342/',
    ],
  },
  checkFunction(fn: FunctionInfo, ctx: RuleContext): void {
    if (!fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError) return;
    const ignored = fn.isAsync ? 'async generator ignored GeneratorExit' : 'generator ignored GeneratorExit';
    for (const statement of suspendableTryBodies(fn)) {
      // Handlers are tried in order: only the first one that catches GeneratorExit ever sees it.
      const handler = flowOf(fn).partsOf(statement).handlers.find((candidate) => catchesGeneratorExit(candidate, ctx.model, fn.scope));
      // GeneratorExit must be able to get out of the body: an inner handler may absorb it first.
      if (handler !== undefined && generatorExitEntry(statement, fn, ctx.model) !== null) {
        const reached = yieldReachableAfterHandler(handler, fn);
        if (reached === null) continue;
        const line = reached.startPosition.row + 1;
        // Anchor on the `except` keyword: the clause starts there and the squiggle stays short.
        ctx.report({
          node: handler.firstChild ?? handler,
          message: `\`${describeHandler(handler)}\` swallows GeneratorExit and the generator can reach the \`yield\` on line ${line} (RuntimeError: ${ignored})`,
          related: [{ node: reached, message: 'execution continues to this `yield` after the handler' }],
        });
      }
    }
  },
};
