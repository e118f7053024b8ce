// GEN009 contextmanager-unprotected-yield: a `@contextmanager` generator whose cleanup after the `yield`
// is not in `finally` (or an `except` that re-raises, or a `with`), so it is skipped when the body raises.

import type { SyntaxNode } from '../../parser.js';
import { CONTEXT_MANAGER_TRIGGER, contextManagerDriver, unprotectedCleanups, type UnprotectedCleanup } from '../flow/context-managers.js';
import type { FunctionInfo, SemanticModel } from '../model/semantic.js';
import type { OffsetEdit, RuleContext, RuleDefinition, RuleFix } from './rule.js';
import { mayHoldGenerator } from '../partial.js';

const FIX_TITLE = 'Move the cleanup into `try: ... finally:` around the `yield`';

export const contextmanagerUnprotectedYield: RuleDefinition = {
  code: 'GEN009',
  name: 'contextmanager-unprotected-yield',
  severity: 'warning',
  summary: 'Cleanup after the `yield` of a context manager is skipped when the `with` body raises',
  fixTitle: FIX_TITLE,
  triggers: CONTEXT_MANAGER_TRIGGER,
  // Reports only in generator bodies (a generator function's, a generator expression's).
  reportsInDefinition: mayHoldGenerator,
  docs: {
    whatItDoes: [
      'Checks generators decorated with `contextlib.contextmanager` or `contextlib.asynccontextmanager`',
      '(imported under any name) for cleanup code after a `yield` that does not run when an exception is',
      'thrown in at that `yield`: it is not in a `finally` block around the `yield`, and the `yield` is not',
      'in the body of a `try` with a handler catching every exception (`except:`, `except BaseException`,',
      '`except Exception`: one that re-raises, or lets control reach the cleanup) or in a',
      '`with contextlib.suppress(...)`.',
      '',
      'Cleanup means undoing what the function did before the `yield`: restoring state saved before it',
      '(`sys.stdout = old`, `os.chdir(saved_cwd)`, `os.umask(old_mask)`, `setattr(obj, name, saved)`),',
      'resetting an attribute or global set before it, `close()`/`release()`/`terminate()`/`kill()`/',
      '`communicate()` on an object bound before it, `os.unlink`/`os.remove`/`shutil.rmtree`, and the',
      'counterpart of a call made before it on the same object (`addObserver`/`removeObserver`,',
      '`disable`/`enable`, `register`/`unregister`, `start`/`stop`, `insert`/`remove`). Other code after',
      'the `yield` — committing a result (`rename`, `upload`), logging, printing — is meant to run on',
      'success only and is not reported. Pytest fixtures are not checked: pytest resumes them with `next()`',
      'whatever the test did.',
    ].join('\n'),
    whyIsThisBad: [
      'When the body of the `with` statement raises, `contextmanager` throws the exception into the',
      'generator at the `yield`. Code after the `yield` that is not protected never runs: the working',
      'directory stays changed, the umask stays set, the observer stays registered, the file stays open,',
      'the process keeps running — and the next test or request runs in that state.',
    ].join('\n'),
    example: [
      'import os',
      'from contextlib import contextmanager',
      '',
      '@contextmanager',
      'def umask(new_mask):',
      '    old_mask = os.umask(new_mask)',
      '    yield',
      '    os.umask(old_mask)  # skipped when the with body raises',
    ].join('\n'),
    useInstead: [
      'import os',
      'from contextlib import contextmanager',
      '',
      '@contextmanager',
      'def umask(new_mask):',
      '    old_mask = os.umask(new_mask)',
      '    try:',
      '        yield',
      '    finally:',
      '        os.umask(old_mask)',
    ].join('\n'),
    fixSafety: [
      'The fix wraps the `yield` in `try:` and moves the statements after it into `finally:`. It is offered',
      'only when the `yield` is a statement of the function body itself and every statement after it, up',
      'to the end of the function, is a recognised cleanup statement (so no code meant for the success path',
      'moves), and no multi-line string would be re-indented. It is marked safe: the moved code then also',
      'runs when the `with` body raised and when the generator is closed without being resumed, which is',
      'what cleanup is for; if the cleanup itself raises while an exception is propagating, that exception',
      'is chained to the original one.',
    ].join('\n'),
    references: [
      'https://docs.python.org/3/library/contextlib.html#contextlib.contextmanager',
      'https://docs.astral.sh/ruff/rules/fallible-context-manager/',
      'https://peps.python.org/pep-0343/',
    ],
  },
  checkFunction(fn: FunctionInfo, ctx: RuleContext): void {
    if (!fn.isGenerator || fn.kind !== 'def' || fn.hasSyntaxError || fn.yields.length === 0) return;
    const driver = contextManagerDriver(fn, ctx.model);
    if (driver === null || driver.kind !== 'contextmanager') return;
    for (const unprotected of unprotectedCleanups(fn, ctx.model)) {
      const [first, ...rest] = unprotected.cleanups;
      if (first === undefined) continue;
      const line = first.statement.startPosition.row + 1;
      const more = rest.length === 0 ? '' : ` and ${rest.length} more cleanup statement${rest.length === 1 ? '' : 's'}`;
      const fix = wrapFix(unprotected, fn, ctx.model);
      ctx.report({
        node: unprotected.yieldNode,
        message: `\`@${driver.decorator}\` generator: the cleanup after this \`yield\` (${first.description} on line ${line}${more}) is skipped when the \`with\` body raises; put it in \`try: ... finally:\``,
        related: unprotected.cleanups.map(({ statement }) => ({ node: statement, message: 'runs only when the `with` body does not raise' })),
        ...(fix === null ? {} : { fix }),
      });
    }
  },
};

/**
 * `yield` followed by cleanup statements to the end of the function body → `try: yield` /
 * `finally: cleanup`. Null unless every statement after the yield is one of the reported cleanups.
 */
function wrapFix(unprotected: UnprotectedCleanup, fn: FunctionInfo, model: SemanticModel): RuleFix | null {
  const statement = unprotected.yieldStatement;
  const body = fn.node.childForFieldName('body');
  if (statement === null || body === null) return null;
  const statements = body.namedChildren.filter((child) => child.type !== 'comment');
  const index = statements.findIndex((child) => child.startIndex === statement.startIndex);
  const after = statements.slice(index + 1);
  if (index < 0 || after.length === 0) return null;
  const cleanupStarts = new Set(unprotected.cleanups.map(({ statement: cleanup }) => cleanup.startIndex));
  if (!after.every((child) => cleanupStarts.has(child.startIndex))) return null;
  const text = model.text;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  if (!/^[ \t]*$/.test(indent)) return null;
  const last = after[after.length - 1] as SyntaxNode;
  const rangeEnd = last.endIndex;
  const moved = text.slice(lineStart, rangeEnd);
  if (/"""|'''/.test(moved) || moved.includes(';')) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indent.includes('\t') ? '\t' : '    ';
  const yieldEnd = text.indexOf('\n', statement.endIndex);
  if (yieldEnd === -1 || yieldEnd >= rangeEnd) return null;
  const indentLines = (chunk: string): string => chunk.split('\n').map((line) => (line.trim() === '' ? line : unit + line)).join('\n');
  const yieldLines = text.slice(lineStart, yieldEnd).replace(/\r$/, '');
  // Blank lines between the yield and the cleanup would open the `finally` block with a gap.
  const cleanupLines = text.slice(yieldEnd + 1, rangeEnd).replace(/^(?:[ \t]*\r?\n)+/, '');
  const edits: OffsetEdit[] = [{
    startIndex: lineStart,
    endIndex: rangeEnd,
    newText: `${indent}try:${eol}${indentLines(yieldLines)}${eol}${indent}finally:${eol}${indentLines(cleanupLines)}`,
  }];
  return { title: FIX_TITLE, applicability: 'safe', edits };
}
