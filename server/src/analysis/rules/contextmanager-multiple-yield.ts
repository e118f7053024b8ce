// GEN008 contextmanager-multiple-yield: a `@contextmanager` (or `@asynccontextmanager`) generator, or a
// pytest fixture, that can yield a second time on one path: CPython raises "generator didn't stop".

import { CONTEXT_MANAGER_TRIGGER, contextManagerDriver, repeatedYields } from '../flow/context-managers.js';
import type { FunctionInfo } from '../model/semantic.js';
import type { RuleContext, RuleDefinition } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

export const contextmanagerMultipleYield: RuleDefinition = {
  code: 'GEN008',
  name: 'contextmanager-multiple-yield',
  severity: 'error',
  summary: 'Context-manager generator or pytest fixture that can yield more than once',
  fixTitle: null,
  triggers: CONTEXT_MANAGER_TRIGGER,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: [
      'Checks generators decorated with `contextlib.contextmanager` or `contextlib.asynccontextmanager`',
      '(imported under any name) and pytest fixtures (`@pytest.fixture`, `@pytest.yield_fixture`,',
      '`@pytest_asyncio.fixture`) for a `yield` that can run after another `yield` on one path: two',
      'yields in sequence, a yield that falls through to a later one, or a yield in a loop that can come',
      'round again. For context managers the paths through the handlers around a `yield` count too: that',
      'is where `__exit__` throws the `with` body\'s exception in.',
      '',
      'Yields on mutually exclusive branches (`if ...: yield a` / `else: yield b`, or a `return` after the',
      'first) are fine. Where a condition on the way tests a variable the function assigns, or contradicts',
      'the condition that guarded the first `yield`, the analysis cannot tell which way it goes and stays',
      'silent. Yields in nested functions, lambdas, classes and generator expressions belong to other frames.',
    ].join('\n'),
    whyIsThisBad: [
      '`contextmanager` runs the generator to its first `yield` on entering the `with` block and expects it',
      'to finish when resumed on exit. If it yields again instead, `__exit__` raises',
      '`RuntimeError: generator didn\'t stop` (or `generator didn\'t stop after throw()` when the `with` body',
      'raised, replacing the original exception); an async context manager raises `RuntimeError: generator',
      'didn\'t stop` the same way. A pytest fixture that yields twice fails the test at teardown with',
      '"fixture function has more than one \'yield\'".',
    ].join('\n'),
    example: [
      'import gc',
      'from contextlib import contextmanager',
      '',
      '@contextmanager',
      'def paused_gc():',
      '    if not gc.isenabled():',
      '        yield  # falls through to the second yield',
      '    try:',
      '        gc.disable()',
      '        yield',
      '    finally:',
      '        gc.enable()',
    ].join('\n'),
    useInstead: [
      'import gc',
      'from contextlib import contextmanager',
      '',
      '@contextmanager',
      'def paused_gc():',
      '    if not gc.isenabled():',
      '        yield',
      '        return',
      '    try:',
      '        gc.disable()',
      '        yield',
      '    finally:',
      '        gc.enable()',
    ].join('\n'),
    fixSafety: 'There is no automatic fix: whether the first path should return, or the second yield go, depends on what the code means.',
    references: [
      'https://docs.python.org/3/library/contextlib.html#contextlib.contextmanager',
      'https://docs.python.org/3/library/contextlib.html#contextlib.asynccontextmanager',
      'https://docs.pytest.org/en/stable/how-to/fixtures.html#yield-fixtures-recommended',
    ],
  },
  checkFunction(fn: FunctionInfo, ctx: RuleContext): void {
    if (!fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError || fn.yields.length === 0) return;
    const driver = contextManagerDriver(fn, ctx.model);
    if (driver === null) return;
    for (const repeated of repeatedYields(fn, driver.kind, ctx.model)) {
      const looping = repeated.second.startIndex === repeated.first.startIndex;
      const consequence = driver.kind === 'fixture'
        ? 'pytest fails the teardown: "fixture function has more than one \'yield\'"'
        : repeated.afterThrow ? 'RuntimeError: generator didn\'t stop after throw()' : 'RuntimeError: generator didn\'t stop';
      const where = looping
        ? 'this `yield` is in a loop and can run again'
        : repeated.afterThrow
          ? `this \`yield\` can run after an exception is thrown in at the \`yield\` on line ${repeated.first.startPosition.row + 1}`
          : `this \`yield\` can run after the \`yield\` on line ${repeated.first.startPosition.row + 1}`;
      ctx.report({
        node: repeated.second,
        message: `\`@${driver.decorator}\` generator yields more than once: ${where} (${consequence})`,
        related: looping ? [] : [{ node: repeated.first, message: repeated.afterThrow ? 'the exception of the `with` body is thrown in here' : 'the first `yield`' }],
      });
    }
  },
};
