// GEN001 unprimed-send: `.send(v)` with `v` not None on a generator object that may not have been
// started yet (CPython raises TypeError). Uses the generator-state dataflow and the workspace resolver.

import type { SyntaxNode } from '../../parser.js';
import { analysedFrameOf, analyzeFrame, CREATED, mayBeUnstarted } from '../flow/generator-state.js';
import { occurrencesOf } from '../workspace/occurrences.js';
import { resolverFor } from '../workspace/resolve.js';
import type { RuleContext, RuleDefinition, RuleFix, RuleRelated } from './rule.js';

const FIX_TITLE = 'Prime the generator with `next()` first';

export const unprimedSend: RuleDefinition = {
  code: 'GEN001',
  name: 'unprimed-send',
  severity: 'error',
  summary: '`.send(value)` on a generator that has not been started',
  fixTitle: FIX_TITLE,
  // The rule reports only at `send` occurrences (see `occurrencesOf`).
  triggers: /\ba?send\b/,
  // Reports only at `.send()` / `.asend()` calls.
  reportsInDefinition: (definition) => definition.words.has('send') || definition.words.has('asend'),
  docs: {
    whatItDoes: `Checks for \`.send(value)\` calls, with \`value\` other than \`None\`, on a generator object that has
not been started on every path to the call.

Only objects known to be generators are considered: the result of calling a generator function of the
same module or of another module of the workspace (followed through imports, aliases and package
re-exports), a generator expression, or a factory known to return one. \`.send()\` on anything else —
sockets, queues, parameters, attributes — is never reported.

A generator counts as started after \`next(g)\`, \`g.send(None)\`, \`g.__next__()\`, iteration (\`for x in g\`,
\`list(g)\`, …), or when it comes from a decorator or factory whose body primes the generator it returns
(the classic \`@coroutine\` decorator). When the object is passed to other code, stored in an attribute
or container, aliased, or captured by a nested function, the analysis stops following it and stays silent.

The rule reports both a send that runs on a generator that is certainly not started, and a send that is
reached without priming on some paths but not others (for example when \`next(g)\` only runs in one
branch of an \`if\`, or only in a loop's later iterations): the send fails whenever such a path is taken.
A path through an exception handler counts only when the analysis knows the state there.

Async generators are checked the same way: \`await agen.asend(value)\` before the first \`__anext__()\`
(\`await anext(agen)\`, \`await agen.asend(None)\`, \`async for\`) raises \`TypeError: can't send non-None
value to a just-started async generator\`. No quick fix is offered there.

A sent value that may be \`None\` primes rather than fails, so the rule also stays silent when the
argument mentions \`None\`, or is a name assigned \`None\` somewhere in its scope or defaulting to it
(the driver loop \`value = None; while True: value = handle(gen.send(value))\`).`,
    whyIsThisBad: `A generator's frame starts before its first line. Until it has run to its first \`yield\`, there is
no \`yield\` expression to receive a value, so CPython raises
\`TypeError: can't send non-None value to a just-started generator\` and the value is lost.`,
    example: `def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

running = averager()
running.send(10)  # TypeError`,
    useInstead: `def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

running = averager()
next(running)  # run to the first yield
running.send(10)`,
    fixSafety: `The fix inserts \`next(g)\` on its own line before the statement containing the send. It is offered
when the generator is unstarted on every path to the send, and is marked safe: the code it changes
always raised \`TypeError\`. The value produced by the generator's first \`yield\` is discarded, which is
what priming means (for coroutines it is usually \`None\`). When the send is in a loop that only sends
to a generator unstarted on every path into the loop, \`next(g)\` goes before the loop instead; that fix
is unsafe because it primes the generator even when the loop runs zero times. No fix is offered when
some paths prime the generator and others do not.`,
    references: [
      'https://docs.python.org/3/reference/expressions.html#generator.send',
      'https://peps.python.org/pep-0342/',
      'https://docs.python.org/3/library/inspect.html#inspect.getgeneratorstate',
    ],
  },
  // The module node, once: the rule finds `.send` by searching the text (see `occurrencesOf`), which is
  // far cheaper than being handed every call node of the file.
  nodeTypes: ['module'],
  checkNode(module, ctx) {
    if (module.parent !== null) return;
    for (const name of [...occurrencesOf(ctx.model, 'send'), ...occurrencesOf(ctx.model, 'asend')]) {
      const attribute = name.parent;
      const call = attribute?.parent;
      if (attribute?.type !== 'attribute' || call === null || call === undefined || call.type !== 'call') continue;
      if (attribute.childForFieldName('attribute')?.id !== name.id || call.childForFieldName('function')?.id !== attribute.id) continue;
      checkSend(call, ctx);
    }
  },
};

function checkSend(call: SyntaxNode, ctx: RuleContext): void {
  const callee = call.childForFieldName('function');
  if (callee === null || callee.type !== 'attribute') return;
  const attribute = callee.childForFieldName('attribute');
  const method = attribute === null ? '' : ctx.text.slice(attribute.startIndex, attribute.endIndex);
  if (method !== 'send' && method !== 'asend') return;
  const isAsync = method === 'asend';
  const args = call.childForFieldName('arguments');
  if (args === null || args.type !== 'argument_list') return;
  const argList = args.namedChildren.filter((a) => a.type !== 'comment');
  // `send` takes exactly one positional argument; anything else is a different TypeError, or not ours.
  if (argList.length !== 1) return;
  const value = argList[0];
  if (value === undefined || value.type === 'none' || value.type === 'keyword_argument' || value.type === 'list_splat' || value.type === 'dictionary_splat') return;
  if (mayBeNone(value, ctx)) return;
  const receiver = callee.childForFieldName('object');
  if (receiver === null) return;
  const resolver = resolverFor(ctx);
  const receiverText = ctx.text.slice(receiver.startIndex, receiver.endIndex);

  if (receiver.type === 'identifier') {
    const mask = isAsync ? resolver.asyncMaskAt(receiver) : resolver.maskAt(receiver);
    if (!mayBeUnstarted(mask)) return;
    const everyPath = mask === CREATED;
    if (isAsync) {
      // `await agen.asend(v)` before the first `__anext__()`: no quick fix (the priming must be awaited too).
      const message = everyPath
        ? `\`${receiverText}\` is an async generator that has not been started: awaiting \`.asend()\` of a non-None value raises TypeError (can't send non-None value to a just-started async generator); \`await anext(${receiverText})\` first`
        : `\`${receiverText}\` is an async generator that is not started on every path to this call: on those paths awaiting \`.asend()\` of a non-None value raises TypeError (can't send non-None value to a just-started async generator)`;
      ctx.report({ node: call, message, related: creationSites(receiver, receiverText, ctx, true) });
      return;
    }
    const message = everyPath
      ? `\`${receiverText}\` is a generator that has not been started: \`.send()\` of a non-None value raises TypeError (can't send non-None value to a just-started generator); call \`next(${receiverText})\` first`
      : `\`${receiverText}\` is a generator that is not started on every path to this call: on those paths \`.send()\` of a non-None value raises TypeError (can't send non-None value to a just-started generator)`;
    const fix = everyPath ? fixFor(call, receiverText, ctx) : loopFixFor(call, receiver, receiverText, ctx);
    ctx.report({ node: call, message, related: creationSites(receiver, receiverText, ctx), ...fix });
    return;
  }
  // `gen().send(1)`, `(x for x in y).send(1)`: a fresh object, certainly not started.
  if (receiver.type === 'call' || receiver.type === 'generator_expression' || receiver.type === 'parenthesized_expression') {
    if ((isAsync ? resolver.asyncCreationOf(receiver) : resolver.creationOf(receiver)) !== 'created') return;
    ctx.report({
      node: call,
      message: isAsync
        ? 'awaiting `.asend()` of a non-None value to an async generator object created in the same expression raises TypeError (can\'t send non-None value to a just-started async generator)'
        : '`.send()` of a non-None value to a generator object created in the same expression raises TypeError (can\'t send non-None value to a just-started generator)',
    });
  }
}

/**
 * Whether the sent value may be None, which primes instead of failing: an expression mentioning
 * `None` (\`x if c else None\`), or a name that is assigned `None` somewhere or has a `None` default
 * (\`next_send = None; while True: next_send = g.send(next_send)\` is the usual driver loop).
 */
function mayBeNone(value: SyntaxNode, ctx: RuleContext): boolean {
  const text = ctx.text;
  if (/\bNone\b/.test(text.slice(value.startIndex, value.endIndex))) return true;
  if (value.type !== 'identifier') return false;
  const found = ctx.model.resolve(text.slice(value.startIndex, value.endIndex), ctx.model.scopeOf(value));
  if (found === null) return false;
  // A name rebound very many times is not worth scanning (and would make the rule quadratic).
  if (found.bindings.length > 200) return true;
  return found.bindings.some((binding) => {
    if (binding.value !== null) return /\bNone\b/.test(text.slice(binding.value.startIndex, binding.value.endIndex));
    if (binding.kind === 'param') {
      const parameter = binding.node.parent;
      const defaultValue = parameter?.type === 'default_parameter' || parameter?.type === 'typed_default_parameter' ? parameter.childForFieldName('value') : null;
      return defaultValue !== null && defaultValue !== undefined && /\bNone\b/.test(text.slice(defaultValue.startIndex, defaultValue.endIndex));
    }
    return false;
  });
}

/** The nearest creation of the object before the send, for the finding's related information. */
function creationSites(receiver: SyntaxNode, name: string, ctx: RuleContext, isAsync = false): RuleRelated[] {
  const found = ctx.model.resolve(name, ctx.model.scopeOf(receiver));
  if (found === null) return [];
  const resolver = resolverFor(ctx);
  const bindings = found.bindings;
  // Bindings are in document order: find the last one before the send, then look back a little way
  // (a file that rebinds the name thousands of times must not make this quadratic).
  let low = 0;
  let high = bindings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((bindings[mid]?.node.startIndex ?? 0) < receiver.startIndex) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= Math.max(0, low - 20); i--) {
    const value = bindings[i]?.value;
    if (value !== null && value !== undefined && (isAsync ? resolver.asyncCreationOf(value) : resolver.creationOf(value)) === 'created') {
      return [{ node: value, message: isAsync ? 'async generator object created here' : 'generator object created here' }];
    }
  }
  return [];
}

/** The statement (a direct child of a block or the module) that contains `node`. */
function enclosingStatement(node: SyntaxNode): SyntaxNode | null {
  let current: SyntaxNode | null = node;
  while (current !== null && current.parent !== null) {
    if (current.parent.type === 'block' || current.parent.type === 'module') return current;
    current = current.parent;
  }
  return null;
}

/**
 * `g = gen()` then `for v in values: g.send(v)`: unstarted only on the first round. When the object is
 * unstarted on every path into the loop and the loop does nothing to it but send, priming it once
 * before the loop is the fix (unsafe: it also runs when the loop would not).
 */
function loopFixFor(call: SyntaxNode, receiver: SyntaxNode, receiverText: string, ctx: RuleContext): { fix: RuleFix } | Record<string, never> {
  const frame = analysedFrameOf(receiver);
  if (frame === null) return {};
  const flow = analyzeFrame(ctx.model, frame, resolverFor(ctx).flowOptions, resolverFor(ctx).flowCacheKey, new Set([receiverText]));
  const loops: SyntaxNode[] = [];
  for (let current = call.parent; current !== null && current.id !== frame.id; current = current.parent) {
    if (current.type === 'for_statement' || current.type === 'while_statement') loops.push(current);
  }
  // Outermost first: priming before the outermost loop that qualifies covers every round.
  for (const loop of loops.reverse()) {
    if (flow.loopEntryMask(loop, receiverText) !== CREATED) continue;
    const effects = flow.effectsIn(receiverText, loop.startIndex, loop.endIndex);
    if (effects.length === 0 || !effects.every((effect) => effect === 'send')) continue;
    const inserted = fixFor(loop, receiverText, ctx);
    if ('fix' in inserted) inserted.fix.applicability = 'unsafe';
    return inserted;
  }
  return {};
}

function fixFor(anchor: SyntaxNode, receiverText: string, ctx: RuleContext): { fix: RuleFix } | Record<string, never> {
  const statement = enclosingStatement(anchor);
  if (statement === null) return {};
  const text = ctx.text;
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  const indent = text.slice(lineStart, statement.startIndex);
  // `if ready: g.send(1)` — the statement shares its line with a header; no place for a new line.
  if (!/^[ \t]*$/.test(indent)) return {};
  const eol = /\r\n/.test(text) ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
  return {
    fix: {
      title: FIX_TITLE,
      applicability: 'safe',
      edits: [{ startIndex: lineStart, endIndex: lineStart, newText: `${indent}next(${receiverText})${eol}` }],
    },
  };
}
