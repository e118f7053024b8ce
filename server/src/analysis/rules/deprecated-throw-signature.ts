// GEN011 deprecated-throw-signature: `g.throw(Type, value[, tb])` and `agen.athrow(...)` with more
// than one argument, deprecated since Python 3.12 (DeprecationWarning on every call).

import type { SyntaxNode } from '../../parser.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { resolverFor, type Resolver } from '../workspace/resolve.js';
import { OTHER } from '../flow/generator-state.js';
import type { RuleContext, RuleDefinition, RuleFix } from './rule.js';

const FIX_TITLE = 'Pass an exception instance: `g.throw(Type(value))`';

/** Builtin exception classes, so that `throw(ValueError, "x")` is known to name a class. */
const EXCEPTION_NAME = /^(?:[A-Z][A-Za-z0-9]*(?:Error|Exception|Exit|Interrupt|Iteration|Warning)|GeneratorExit|StopAsyncIteration)$/;

export const deprecatedThrowSignature: RuleDefinition = {
  code: 'GEN011',
  name: 'deprecated-throw-signature',
  severity: 'warning',
  summary: '`throw(type, value[, traceback])` signature, deprecated since Python 3.12',
  fixTitle: FIX_TITLE,
  triggers: /\ba?throw\b/,
  // Reports only at `.throw()` / `.athrow()` calls.
  reportsInDefinition: (definition) => definition.words.has('throw') || definition.words.has('athrow'),
  docs: {
    whatItDoes: [
      'Checks for `.throw()` with two or three arguments on a generator or coroutine object, and for',
      '`.athrow()` with two or three arguments on an async generator object. Only objects known to be',
      'generators are considered: the result of calling a generator (or async generator) function of the',
      'same module or the workspace, a generator expression, or a parameter annotated as `Generator`,',
      '`AsyncGenerator` or `Coroutine`. A `throw` method of any other object (greenlets, wrappers that',
      'accept the old signature, `super().throw(...)` in a `collections.abc.Generator` subclass) is not',
      'reported.',
    ].join('\n'),
    whyIsThisBad: [
      'Since Python 3.12 every call of `throw()` or `athrow()` with more than one argument emits',
      '`DeprecationWarning: the (type, exc, tb) signature of throw() is deprecated, use the single-arg',
      'signature instead.` (an error under `-W error`, as in many test suites), and the form is due to be',
      'removed. The old form also has surprising rules: a value that is already an instance is used as',
      'is, a tuple is unpacked into the constructor\'s arguments, and `None` means no arguments.',
    ].join('\n'),
    example: [
      'def worker():',
      '    while True:',
      '        try:',
      '            yield',
      '        except ValueError as error:',
      '            print("stopped:", error)',
      '',
      'w = worker()',
      'next(w)',
      'w.throw(ValueError, "bad input")',
    ].join('\n'),
    useInstead: [
      'def worker():',
      '    while True:',
      '        try:',
      '            yield',
      '        except ValueError as error:',
      '            print("stopped:", error)',
      '',
      'w = worker()',
      'next(w)',
      'w.throw(ValueError("bad input"))',
    ].join('\n'),
    fixSafety: [
      'The fix rewrites `g.throw(Type, value)` as `g.throw(Type(value))` and `g.throw(Type, value, tb)` as',
      '`g.throw(Type(value).with_traceback(tb))` (a `None` traceback is dropped). It is offered, and safe,',
      'only where the result is certainly the same exception: `Type` is a class name that reads as an',
      'exception (`ValueError`, `errors.ParseError`), and the value is a string, number or bytes literal',
      '(`Type(value)`), `None` (`Type()`), or a call of `Type` itself (used as is); and for',
      '`g.throw(Type(...), None)`. It is not offered when the value is any other expression: the old form',
      'uses a value that is already an instance of `Type` unchanged, so `Type(value)` could build a',
      'different exception; nor for a tuple, which the old form unpacks by rules that are not always',
      '`Type(*items)` (`throw(OSError, (2, "x"))` delivers `OSError(FileNotFoundError(2, "x"))`); nor when',
      'the first argument is not a class name (`g.throw(typ, val, tb)` forwarding `sys.exc_info()`, where',
      '`g.throw(val)` is usually right).',
    ].join('\n'),
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator.throw',
      'https://docs.python.org/3/reference/expressions.html#agen.athrow',
      'https://docs.python.org/3/whatsnew/3.12.html#deprecated',
      'https://github.com/python/cpython/issues/96348',
    ],
  },
  nodeTypes: ['module'],
  checkNode(module, ctx) {
    if (module.parent !== null) return;
    for (const name of [...occurrencesOf(ctx.model, 'throw'), ...occurrencesOf(ctx.model, 'athrow')]) {
      const attribute = name.parent;
      const call = attribute?.parent;
      if (attribute?.type !== 'attribute' || call === null || call === undefined || call.type !== 'call') continue;
      if (attribute.childForFieldName('attribute')?.id !== name.id || call.childForFieldName('function')?.id !== attribute.id) continue;
      checkThrow(call, attribute, name.text === 'athrow', ctx);
    }
  },
};

function checkThrow(call: SyntaxNode, attribute: SyntaxNode, isAsync: boolean, ctx: RuleContext): void {
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((arg) => arg.type !== 'comment');
  if (args.length < 2 || args.length > 3) return;
  if (args.some((arg) => arg.type === 'keyword_argument' || arg.type === 'list_splat' || arg.type === 'dictionary_splat')) return;
  const receiver = attribute.childForFieldName('object');
  if (receiver === null || !isKnownGenerator(receiver, isAsync, resolverFor(ctx), ctx)) return;
  const method = isAsync ? 'athrow' : 'throw';
  const fix = instanceFix(call, args, ctx);
  ctx.report({
    node: call,
    message: `the (type, value${args.length === 3 ? ', traceback' : ''}) signature of \`${method}()\` is deprecated since Python 3.12 (DeprecationWarning); pass an exception instance${fix === null ? '' : `: \`${method}(${fix.edits[0]?.newText ?? ''})\``}`,
    ...(fix === null ? {} : { fix }),
  });
}

/** True when `receiver` is certainly a generator (or, for `athrow`, an async generator) object. */
function isKnownGenerator(receiver: SyntaxNode, isAsync: boolean, resolver: Resolver, ctx: RuleContext): boolean {
  if (receiver.type === 'identifier') {
    const mask = isAsync ? resolver.asyncMaskAt(receiver) : resolver.maskAt(receiver);
    if (mask !== undefined && mask !== 0 && (mask & OTHER) === 0) return true;
    return isAnnotatedGenerator(receiver, isAsync, ctx);
  }
  if (receiver.type === 'call' || receiver.type === 'generator_expression' || receiver.type === 'parenthesized_expression') {
    return (isAsync ? resolver.asyncCreationOf(receiver) : resolver.creationOf(receiver)) !== null;
  }
  return false;
}

/** A parameter annotated `Generator[...]`, `Coroutine[...]` (or `AsyncGenerator[...]` for `athrow`), never rebound. */
function isAnnotatedGenerator(name: SyntaxNode, isAsync: boolean, ctx: RuleContext): boolean {
  const found = ctx.model.resolve(name.text, ctx.model.scopeOf(name));
  if (found === null || found.bindings.length !== 1) return false;
  const binding = found.bindings[0];
  if (binding?.kind !== 'param') return false;
  const parameter = binding.node.parent;
  const annotation = parameter?.childForFieldName('type') ?? null;
  if (annotation === null) return false;
  const pattern = isAsync ? /^(?:[\w.]*\.)?AsyncGenerator\b/ : /^(?:[\w.]*\.)?(?:Generator|Coroutine)\b/;
  return pattern.test(annotation.text.replace(/^["']|["']$/g, ''));
}

/** The safe rewrite of the arguments into one exception instance, or null (see the docs' Fix safety). */
function instanceFix(call: SyntaxNode, args: SyntaxNode[], ctx: RuleContext): RuleFix | null {
  const [type, value, traceback] = args;
  if (type === undefined || value === undefined) return null;
  const typeText = ctx.text.slice(type.startIndex, type.endIndex);
  const lastName = type.type === 'attribute' ? type.childForFieldName('attribute')?.text ?? '' : type.type === 'identifier' ? type.text : '';
  const valueText = ctx.text.slice(value.startIndex, value.endIndex);
  let instance: string;
  // `throw(ValueError("x"), None)`: an instance with no value is thrown as it is.
  const calleeOfType = type.type === 'call' ? type.childForFieldName('function') : null;
  if (calleeOfType !== null && value.type === 'none' && EXCEPTION_NAME.test(calleeOfType.type === 'attribute' ? calleeOfType.childForFieldName('attribute')?.text ?? '' : calleeOfType.text)) instance = typeText;
  else if (!EXCEPTION_NAME.test(lastName)) return null;
  else if (value.type === 'none') instance = `${typeText}()`;
  else if (['string', 'concatenated_string', 'integer', 'float'].includes(value.type)) instance = `${typeText}(${valueText})`;
  else if (value.type === 'call' && ctx.text.slice(value.childForFieldName('function')?.startIndex ?? 0, value.childForFieldName('function')?.endIndex ?? 0) === typeText) instance = valueText;
  else return null;
  if (traceback !== undefined && traceback.type !== 'none') instance = `${instance}.with_traceback(${ctx.text.slice(traceback.startIndex, traceback.endIndex)})`;
  const list = call.childForFieldName('arguments');
  if (list === null) return null;
  return { title: FIX_TITLE, applicability: 'safe', edits: [{ startIndex: list.startIndex + 1, endIndex: list.endIndex - 1, newText: instance }] };
}
